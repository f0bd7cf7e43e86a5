import {render} from 'preact';
import {localizeDocument, uiLanguage} from '../core/i18n';
import {loadCatalogue} from '../ui/catalogue';
import {titled} from '../ui/language';
import {followTheme} from '../ui/theme';
import {Options} from './Options';

const messages = loadCatalogue(uiLanguage());
localizeDocument(document);
void followTheme();
// Once the messages in the browser's language are there (ui/catalogue.ts); a catalogue that did not load leaves
// each message's key on screen, loud.
void messages
	.catch(() => {})
	.then(() => {
		titled('optionsTitle');
		render(<Options />, document.getElementById('app')!);
	});
