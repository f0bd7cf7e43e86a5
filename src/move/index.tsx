import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {localizeDocument} from '../core/i18n';
import {onceSpoken} from '../ui/catalogue';
import {titled} from '../ui/language';
import {Move} from './Move';

// Rendered once the messages in the browser's language are there (ui/catalogue.ts).
const query = new URLSearchParams(location.search);
onceSpoken(() => {
	titled('moveDocTitle');
	render(<Move service={query.get('service')} tool={query.get('tool')} />, document.getElementById('app')!);
});
localizeDocument(document);
void followTheme();
