import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {dataLanguage, localizeDocument} from '../core/i18n';
import {titled} from '../ui/language';
import {comparisonFocus} from '../core/pages';
import {loadPageData} from '../data/pages';
import {onceSpoken} from '../ui/catalogue';
import {Compare} from './Compare';

// Asked for first: the page data and the messages in the browser's language, dynamic imports (data/pages.ts,
// ui/catalogue.ts), fetched while the rest starts; rendered once the messages are there.
void loadPageData(dataLanguage());
const focus = comparisonFocus(location.search);
onceSpoken(() => {
	titled('compareTitle');
	render(<Compare focus={focus} />, document.getElementById('app')!);
});
localizeDocument(document);
void followTheme();
