import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {localizeDocument, uiLanguage} from '../core/i18n';
import {loadCatalogue} from '../ui/catalogue';
import {titled} from '../ui/language';
import {Move} from './Move';

const messages = loadCatalogue(uiLanguage());
localizeDocument(document);
void followTheme();
const query = new URLSearchParams(location.search);
// Once the messages in the browser's language are there (ui/catalogue.ts); a catalogue that did not load leaves
// each message's key on screen, loud.
void messages
	.catch(() => {})
	.then(() => {
		titled('moveDocTitle');
		render(<Move service={query.get('service')} tool={query.get('tool')} />, document.getElementById('app')!);
	});
