/**
 * Gives the interface's messages (core/i18n.ts) every language's catalogue: imported first by the background, which
 * speaks to every tab in the language the settings choose and follows a change at once, before any module that
 * speaks. An extension page loads its own language's only (src/ui/catalogue.ts).
 */
import {CATALOGUES} from './catalogues';
import {addCatalogues} from './i18n';

addCatalogues(CATALOGUES);
