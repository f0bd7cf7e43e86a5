import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {localizeDocument} from '../core/i18n';
import {Popup} from './Popup';
import {currentTabId} from './current-tab';

localizeDocument(document);
void followTheme();
render(<Popup tabId={currentTabId(location.search)} />, document.getElementById('app')!);
