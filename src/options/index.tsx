import {render} from 'preact';
import {localizeDocument, t} from '../core/i18n';
import {followTheme} from '../ui/theme';
import {Options} from './Options';

localizeDocument(document);
document.title = t('optionsTitle');
void followTheme();
render(<Options />, document.getElementById('app')!);
