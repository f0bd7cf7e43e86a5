import {render} from 'preact';
import {localizeDocument} from '../core/i18n';
import {Popup} from './Popup';
import {currentTabId} from './current-tab';

localizeDocument(document);
const app = document.getElementById('app')!;
void currentTabId(location.search).then((tabId) => {
	render(<Popup tabId={tabId} />, app);
});
