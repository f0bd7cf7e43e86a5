import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {localizeDocument, t} from '../core/i18n';
import {Compare} from './Compare';

localizeDocument(document);
void followTheme();
document.title = t('compareTitle');
const focus = new URLSearchParams(location.search).get('service');
render(<Compare focus={focus} />, document.getElementById('app')!);
