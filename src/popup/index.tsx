import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {dataLanguage, localizeDocument} from '../core/i18n';
import {loadPageData} from '../data/pages';
import {onceSpoken} from '../ui/catalogue';
import {Popup} from './Popup';
import {takeRequests} from './requests';

// Asked for first: the page data and the messages in the browser's language, dynamic imports (data/pages.ts,
// ui/catalogue.ts) that early.js started; the settings may choose another language, loaded then (ui/hooks.ts).
// Rendered once the messages are there (nothing shows before the popup's data anyway).
const requests = takeRequests();
void loadPageData(dataLanguage());
onceSpoken(() => render(<Popup requests={requests} />, document.getElementById('app')!));
localizeDocument(document);
void followTheme();
