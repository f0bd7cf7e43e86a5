import {render} from 'preact';
import {localizeDocument} from '../core/i18n';
import {onceSpoken} from '../ui/catalogue';
import {titled} from '../ui/language';
import {followTheme} from '../ui/theme';
import {Options} from './Options';

// Rendered once the messages in the browser's language are there (ui/catalogue.ts).
onceSpoken(() => {
	titled('optionsTitle');
	render(<Options />, document.getElementById('app')!);
});
localizeDocument(document);
void followTheme();
