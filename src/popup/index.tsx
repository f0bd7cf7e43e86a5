import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {dataLanguage, localizeDocument, setLanguage} from '../core/i18n';
import {loadPageData} from '../data/pages';
import {onceSpoken} from '../ui/catalogue';
import {Popup} from './Popup';
import {popupLanguage, takeRequests} from './requests';

// The popup's language: the one its page was built for (popup/<lang>.html, which the background sets for the
// settings' language), else the browser's. Its page data and messages were asked for first, dynamic imports
// (data/pages.ts, ui/catalogue.ts) that early.js started; settings that choose another language (changed since the
// background set this page) are loaded then (ui/hooks.ts). Rendered once the messages are there (nothing shows
// before the popup's data anyway).
setLanguage(popupLanguage());
const requests = takeRequests();
void loadPageData(dataLanguage());
onceSpoken(() => render(<Popup requests={requests} />, document.getElementById('app')!));
localizeDocument(document);
void followTheme();
