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
void firstView(requests, lang).then((first) => render(<Popup first={first} />, document.getElementById('app')!));
localizeDocument(document);
// The theme from the settings early.js asked for (the newest, if another page stored some since), as soon as they are
// in: no message of its own.
void followTheme(requests.settings.then((asked) => (requests.changed() ?? asked).theme));
