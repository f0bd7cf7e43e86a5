/**
 * Gives the interface's messages (core/i18n.ts) every language's catalogue: imported first by the background and
 * by every page but the popup, before any module that speaks, so that each t() of theirs has its language at once
 * and a change of language in the options is followed without a load. The popup loads its own language's only
 * (src/popup/catalogue.ts).
 */
import {CATALOGUES} from './catalogues';
import {addCatalogues} from './i18n';

addCatalogues(CATALOGUES);
