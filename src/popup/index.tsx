import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {localizeDocument} from '../core/i18n';
import {Popup} from './Popup';
import {currentTabId} from './current-tab';

localizeDocument(document);
void followTheme();
const app = document.getElementById('app')!;
void currentTabId(location.search).then((tabId) => {
	render(<Popup tabId={tabId} />, app);
});
