/**
 * The extension's languages (BCP 47 codes) and how a browser's language maps onto them. Context-free and
 * without zod: the pages, the background and src/data/schema.ts share it.
 */

/**
 * Privacy Guides' published languages (en es fr he it nl ru zh-Hant zh-TW) and German (translated on
 * Privacy Guides' Crowdin, not published: German readers are linked to the English pages).
 */
export const LANGUAGES = ['en', 'fr', 'es', 'it', 'nl', 'de', 'ru', 'he', 'zh-TW', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own name, as the options' language choice lists it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
	en: 'English',
	fr: 'Français',
	es: 'Español',
	it: 'Italiano',
	nl: 'Nederlands',
	de: 'Deutsch',
	ru: 'Русский',
	he: 'עברית',
	'zh-TW': '中文（台灣）',
	'zh-Hant': '中文（繁體）',
};

const RTL: ReadonlySet<string> = new Set(['he']);

/** Writing direction of a language of the extension. */
export function directionOf(lang: Language): 'ltr' | 'rtl' {
	return RTL.has(lang) ? 'rtl' : 'ltr';
}

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The extension's language for a browser language tag ("fr-CA", "zh_HK", "pt-BR"): the language itself
 * when the extension has it, else its base language, else English.
 *
 * Chinese: Hong Kong and Macau (zh-HK, zh-MO) and any tag with the Traditional script (zh-Hant-*) take
 * zh-Hant; Taiwan (zh-TW) takes zh-TW. Simplified Chinese and bare Chinese (zh-CN, zh-SG, zh-Hans-*, zh) take
 * zh-Hant too: the extension has no Simplified Chinese, and of its two Traditional Chinese translations
 * zh-Hant is the script-only one (Privacy Guides' zh-Hant site is not tied to Taiwan's regional usage), so
 * it is the closer of the two for a Chinese reader elsewhere. Hebrew's old code "iw" is Hebrew. Anything
 * else (Portuguese, Arabic…) is English.
 */
export function languageFor(tag: string | undefined | null): Language {
	if (!tag) return 'en';
	const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
	const base = parts[0] ?? '';
	if (base === 'zh') {
		if (parts.includes('hant')) return 'zh-Hant';
		if (parts.includes('tw')) return 'zh-TW';
		return 'zh-Hant';
	}
	if (base === 'iw') return 'he';
	return LANGUAGES.find((lang) => lang === base) ?? 'en';
}

/** The language a setting ("auto" or a language) gives, with the browser's own language for "auto". */
export function resolveLanguage(setting: string | undefined, browserLanguage: string | undefined): Language {
	return isLanguage(setting) ? setting : languageFor(browserLanguage);
}

/**
 * The browser's locale folder (_locales/<folder>) for each language, for the manifest's name and
 * description: Chrome's codes use an underscore (zh_TW). zh-Hant has no Chrome locale (Chrome knows zh_CN
 * and zh_TW only, and refuses a folder it does not know), so it gets no folder: a browser in another Chinese
 * locale shows the store name and description of the browser's own fallback (zh_TW where it falls back there,
 * else English; the name is "Photo Privacy Advisor" in every language), while the extension's own pages
 * follow languageFor and show zh-Hant.
 */
export const BROWSER_LOCALE_FOLDERS: Readonly<Record<Language, string | null>> = {
	en: 'en',
	fr: 'fr',
	es: 'es',
	it: 'it',
	nl: 'nl',
	de: 'de',
	ru: 'ru',
	he: 'he',
	'zh-TW': 'zh_TW',
	'zh-Hant': null,
};
