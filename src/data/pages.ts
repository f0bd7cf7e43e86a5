/**
 * The dataset as the popup and the comparison page show it: one file per language (./pages/<lang>.json),
 * every text already in that language, without what no page shows (the URL rules and the never-flag
 * list, which only the background and the options use). `npm run data` writes these files from
 * ./dataset.json (scripts/data/page-data.ts); tests check each one is exactly that.
 *
 * A page loads its language's file only (a dynamic import, core/language-files.ts: a file of its own in the build):
 *
 *   const data = await loadPageData(dataLanguage());
 *   data.tools[0].tagline; // a string, in the page's language
 *
 * No zod here, and no import of the whole dataset: this module is what the pages ship.
 */
import {PAGE_DATA_FILES} from '../core/language-files';
import type {Dataset, Language, LocalizedUrl, Service, Text} from './schema';

/** A dataset type with every text and localized URL ({en, fr?}) resolved to one language's string. */
type InLanguage<T> = T extends Text | LocalizedUrl
	? string
	: T extends readonly (infer U)[]
		? InLanguage<U>[]
		: T extends object
			? {[K in keyof T]: InLanguage<T[K]>}
			: T;

export type PageService = InLanguage<Omit<Service, 'match'>>;
export type PageData = {
	lang: Language;
	/**
	 * Privacy Guides' texts that its page in this language still has in English, shown with lang="en":
	 * `intro`, `notAffiliated`, `tools/<id>/summary`, `criteria/<id>`, `threats/<id>/label`,
	 * `threats/<id>/explanation`, `sources/<id>/title` (scripts/data/page-data.ts englishPassages).
	 */
	inEnglish: string[];
} & InLanguage<Omit<Dataset, 'services' | 'neverFlag'>> & {
		services: PageService[];
	};
export type PageTool = PageData['tools'][number];
export type PageRoute = PageService['export'];
export type PageEvaluation = PageData['evaluations'][number];

const loaded = new Map<Language, Promise<PageData>>();

/**
 * A file's data. The build ships each file as its JSON text (scripts/build/options.ts: a string is cheap to
 * load, JSON.parse cheaper than evaluating the same data as code); the tests' bundler gives the object.
 */
const dataOf = (module: {default: unknown}): PageData =>
	(typeof module.default === 'string' ? JSON.parse(module.default) : module.default) as PageData;

/**
 * The page data in `lang`, loaded and parsed once per page: every call for a language gives the same promise. `started`:
 * its file's import, already asked for (the popup's early.js: popup/requests.ts).
 */
export function loadPageData(lang: Language, started?: Promise<{default: unknown}>): Promise<PageData> {
	let data = loaded.get(lang);
	if (!data) loaded.set(lang, (data = (started ?? PAGE_DATA_FILES[lang]()).then(dataOf)));
	return data;
}

export function serviceIn(data: PageData, id: string): PageService | undefined {
	return data.services.find((service) => service.id === id);
}

export function evaluationOf(data: PageData, toolId: string, criterionId: string): PageEvaluation | undefined {
	return data.evaluations.find((e) => e.tool === toolId && e.criterion === criterionId);
}

/** The language of a Privacy Guides text on this page: "en" where its page still has it in English. */
export function langOf(data: PageData, key: string): 'en' | undefined {
	// Page data written before inEnglish existed has none: nothing is marked.
	return data.lang !== 'en' && Array.isArray(data.inEnglish) && data.inEnglish.includes(key) ? 'en' : undefined;
}
