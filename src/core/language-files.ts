/**
 * Each language's files that a page loads on demand, one literal import() each: its catalogue
 * (src/core/catalogues/<lang>.ts) and its page data (src/data/pages/<lang>.json). The build leaves each as an import
 * of its file's fixed path (core/shared-modules.ts); a literal, because Firefox's add-on linter refuses an import()
 * of a computed path. Used by the popup's first script (popup/requests.ts), every page's messages (ui/catalogue.ts) and
 * every page's data (data/pages.ts). A new language: its two lines here, and in LANGUAGES.
 */
import type {Language} from './languages';

/** Each language's catalogue: its messages as one JSON text. */
export const CATALOGUE_FILES: Record<Language, () => Promise<{default: string}>> = {
	en: () => import('./catalogues/en'),
	fr: () => import('./catalogues/fr'),
	es: () => import('./catalogues/es'),
	it: () => import('./catalogues/it'),
	nl: () => import('./catalogues/nl'),
	de: () => import('./catalogues/de'),
	ru: () => import('./catalogues/ru'),
	he: () => import('./catalogues/he'),
	'zh-TW': () => import('./catalogues/zh-TW'),
	'zh-Hant': () => import('./catalogues/zh-Hant'),
};

/** Each language's page data: JSON text in the build (scripts/build/options.ts), the parsed object in the tests. */
export const PAGE_DATA_FILES: Record<Language, () => Promise<{default: unknown}>> = {
	en: () => import('../data/pages/en.json'),
	fr: () => import('../data/pages/fr.json'),
	es: () => import('../data/pages/es.json'),
	it: () => import('../data/pages/it.json'),
	nl: () => import('../data/pages/nl.json'),
	de: () => import('../data/pages/de.json'),
	ru: () => import('../data/pages/ru.json'),
	he: () => import('../data/pages/he.json'),
	'zh-TW': () => import('../data/pages/zh-TW.json'),
	'zh-Hant': () => import('../data/pages/zh-Hant.json'),
};
