import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {localizeDocument, t} from '../core/i18n';
import {comparisonFocus} from '../core/pages';
import {Compare} from './Compare';

localizeDocument(document);
void followTheme();
document.title = t('compareTitle');
const focus = comparisonFocus(location.search);
render(<Compare focus={focus} />, document.getElementById('app')!);
