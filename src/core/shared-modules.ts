/**
 * The modules that ship once, as files of their own at fixed paths, for every bundle that loads them: the
 * interface's catalogues, one file a language (about 20 KB each; the background loads all ten through
 * CATALOGUES_FILE, a page its own language's only: src/ui/catalogue.ts) and each language's page data (a page
 * loads one). The build makes them a unit of their own and every other bundle imports them by these absolute
 * extension paths (scripts/build/options.ts): so the popup can be one bundle of its own, apart from the other
 * pages' shared chunks, without shipping them twice, and the popup's first script (src/popup/requests.ts) can load
 * its language's before the popup's code has loaded.
 */
import type {Language} from './languages';

/** src/core/catalogues.ts, built: every language's catalogue file, imported. */
export const CATALOGUES_FILE = '/i18n/catalogues.js';

/** src/core/catalogues/<lang>.ts, built. */
export function catalogueFile(lang: Language): string {
	return `/i18n/${lang}.js`;
}

/** src/data/pages/<lang>.json (as JSON text), built. */
export function pageDataFile(lang: Language): string {
	return `/data/pages/${lang}.js`;
}

/**
 * The popup in `lang`, built from src/popup/index.html (scripts/build/preload.ts popupInLanguage): the page the
 * background sets as the toolbar's popup for the language the settings choose (background/popup-page.ts), which
 * names its language's two files in its HTML, so the browser fetches them with the popup's first script.
 */
export function popupPage(lang: Language): string {
	return `popup/${lang}.html`;
}
