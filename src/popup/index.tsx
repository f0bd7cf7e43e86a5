import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {dataLanguage, localizeDocument} from '../core/i18n';
import {loadPageData} from '../data/pages';
import {Popup} from './Popup';
import {takeRequests} from './requests';

// Asked for first: the page data is a dynamic import (data/pages.ts), fetched while the rest starts.
void loadPageData(dataLanguage());
localizeDocument(document);
void followTheme();
render(<Popup requests={takeRequests()} />, document.getElementById('app')!);
