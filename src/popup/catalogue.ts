/**
 * The popup's messages: its language's catalogue only, about 20 KB, where the background and the other pages
 * load all ten languages' (core/every-catalogue.ts, about 190 KB): measured, the popup opened later for them
 * (docs/performance.md). Each language's file is loaded once, when the popup first speaks it, and given to
 * core/i18n.ts; early.js preloads the browser's language's (./requests.ts).
 */
import {addCatalogues, hasCatalogue, languageOf} from '../core/i18n';
import {CATALOGUE_FILES} from '../core/language-files';
import type {Language} from '../core/languages';

const loading = new Map<Language, Promise<void>>();

/** `lang`'s catalogue given to t(), once per page: every call for a language gives the same promise. */
export function loadCatalogue(lang: Language): Promise<void> {
	if (hasCatalogue(lang)) return Promise.resolve();
	let loaded = loading.get(lang);
	if (!loaded) {
		loaded = CATALOGUE_FILES[lang]().then((module) => addCatalogues({[lang]: module.default}));
		loading.set(lang, loaded);
	}
	return loaded;
}

/** The catalogue of the language a settings document chooses, before the popup speaks it (ui/hooks.ts useSettings). */
export function loadCatalogueOf(settings: {language?: string}): Promise<void> {
	return loadCatalogue(languageOf(settings));
}
