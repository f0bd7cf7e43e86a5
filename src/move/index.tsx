import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {localizeDocument, t} from '../core/i18n';
import {Move} from './Move';

localizeDocument(document);
void followTheme();
document.title = t('moveDocTitle');
const query = new URLSearchParams(location.search);
render(<Move service={query.get('service')} tool={query.get('tool')} />, document.getElementById('app')!);
