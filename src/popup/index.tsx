import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {dataLanguage, localizeDocument} from '../core/i18n';
import {loadPageData} from '../data/pages';
import {loadCatalogue} from '../ui/catalogue';
import {Popup} from './Popup';
import {takeRequests} from './requests';

// Asked for first: the page data and the messages in the browser's language, dynamic imports (data/pages.ts,
// ui/catalogue.ts) that early.js started; the settings may choose another language, loaded then (ui/hooks.ts).
const requests = takeRequests();
void loadPageData(dataLanguage());
const messages = loadCatalogue(dataLanguage());
localizeDocument(document);
void followTheme();
// Rendered once the messages are there (nothing shows before the popup's data anyway); a catalogue that did
// not load leaves each message's key on screen, loud, rather than an empty popup.
void messages.catch(() => {}).then(() => render(<Popup requests={requests} />, document.getElementById('app')!));
