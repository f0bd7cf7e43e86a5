import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {dataLanguage, localizeDocument} from '../core/i18n';
import {titled} from '../ui/language';
import {comparisonFocus} from '../core/pages';
import {loadPageData} from '../data/pages';
import {loadCatalogue} from '../ui/catalogue';
import {Compare} from './Compare';

// Asked for first: the page data and the messages in the browser's language, dynamic imports (data/pages.ts,
// ui/catalogue.ts), fetched while the rest starts.
void loadPageData(dataLanguage());
const messages = loadCatalogue(dataLanguage());
localizeDocument(document);
void followTheme();
const focus = comparisonFocus(location.search);
// Once the messages are there; a catalogue that did not load leaves each message's key on screen, loud.
void messages
	.catch(() => {})
	.then(() => {
		titled('compareTitle');
		render(<Compare focus={focus} />, document.getElementById('app')!);
	});
