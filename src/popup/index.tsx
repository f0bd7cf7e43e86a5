import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {localizeDocument, setLanguage} from '../core/i18n';
import {firstView} from './first-view';
import {Popup} from './Popup';
import {popupLanguage, takeRequests} from './requests';

// The popup's language: the one its page was built for (popup/<lang>.html, which the background sets for the
// settings' language), else the browser's. Its requests, messages and page data were asked for by early.js; the
// popup renders once, with all of them (./first-view.ts).
const lang = popupLanguage();
setLanguage(lang);
const requests = takeRequests();
void firstView(requests, lang).then((first) => {
	// The theme of the settings the first view brings, in the same frame as the first render.
	void followTheme(first.settings.theme);
	render(<Popup first={first} />, document.getElementById('app')!);
});
localizeDocument(document);
