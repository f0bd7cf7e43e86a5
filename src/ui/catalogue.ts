/**
 * An extension page's messages: its language's catalogue only, 17 to 26 KB, instead of all ten languages' 190 KB
 * (only the background, which speaks to every tab, has them all: core/every-catalogue.ts). Measured, one file of
 * its own language opened the popup sooner than the ten in one file, and the ten as ten files made the other pages
 * slower in Chromium, which loads each extension file with a cost of its own (docs/performance.md).
 *
 * A page renders once its browser's language is loaded (`onceSpoken`, at its start; the popup gathers its own first
 * view, in its page's language: popup/first-view.ts); settings that choose
 * another language are applied once that one is loaded too (`whenSpoken`, used by ui/hooks.ts useSettings and the
 * options). Each language's file is loaded once per page and given to core/i18n.ts.
 */
import {addCatalogues, hasCatalogue, languageOf, uiLanguage} from '../core/i18n';
import {CATALOGUE_FILES} from '../core/language-files';
import type {Language} from '../core/languages';

const loading = new Map<Language, Promise<void>>();

/**
 * `lang`'s catalogue given to t(), once per page: every call for a language gives the same promise. `started`: its file's
 * import, already asked for (the popup's early.js: popup/requests.ts).
 */
export function loadCatalogue(lang: Language, started?: Promise<{default: string}>): Promise<void> {
	if (hasCatalogue(lang)) return Promise.resolve();
	let loaded = loading.get(lang);
	if (!loaded) {
		loaded = (started ?? CATALOGUE_FILES[lang]()).then((module) => addCatalogues({[lang]: module.default}));
		loading.set(lang, loaded);
	}
	return loaded;
}

/**
 * Runs `show` (a page's first render) once the page has its language's messages (core/i18n.ts uiLanguage); a catalogue that did not
 * load leaves each message's key on screen, loud, rather than an empty page.
 */
export function onceSpoken(show: () => void): void {
	void loadCatalogue(uiLanguage())
		.catch(() => {})
		.then(show);
}

let latest = 0;

/** A place in the order of whenSpoken's calls, taken now for settings that arrive later (ui/hooks.ts). */
export function takeTurn(): number {
	return ++latest;
}

/**
 * Runs `apply` (which shows `settings`, in their language) once that language's catalogue is there: at once when it
 * is, else when it has loaded, or failed to (t() then falls back: core/i18n.ts); at once for no settings (they could
 * not be loaded). Calls apply in the order they were made (or their `turn` was taken): one whose turn has passed, a
 * later call having come meanwhile, is dropped. Resolves when `apply` has run or been dropped.
 */
export function whenSpoken(
	settings: {language?: string} | null,
	apply: () => void,
	turn: number = takeTurn(),
): Promise<void> {
	const inTurn = () => {
		if (turn === latest) apply();
	};
	if (!settings) return Promise.resolve(inTurn());
	const lang = languageOf(settings);
	if (hasCatalogue(lang)) return Promise.resolve(inTurn());
	return loadCatalogue(lang)
		.catch(() => {})
		.then(inTurn);
}
