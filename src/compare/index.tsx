// First: every language's messages, before any module that speaks (core/every-catalogue.ts).
import '../core/every-catalogue';
import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {dataLanguage, localizeDocument} from '../core/i18n';
import {titled} from '../ui/language';
import {comparisonFocus} from '../core/pages';
import {loadPageData} from '../data/pages';
import {Compare} from './Compare';

// Asked for first: the page data is a dynamic import (data/pages.ts), fetched while the rest starts.
void loadPageData(dataLanguage());
localizeDocument(document);
void followTheme();
titled('compareTitle');
const focus = comparisonFocus(location.search);
render(<Compare focus={focus} />, document.getElementById('app')!);
