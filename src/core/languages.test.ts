import {describe, expect, it} from 'vitest';
import {
	BROWSER_LOCALE_FOLDERS,
	directionOf,
	LANGUAGE_NAMES,
	LANGUAGES,
	languageFor,
	resolveLanguage,
} from './languages';

describe('languageFor: a browser language → the extension’s', () => {
	it.each([
		// exact
		['en', 'en'],
		['fr', 'fr'],
		['zh-TW', 'zh-TW'],
		['zh-Hant', 'zh-Hant'],
		['zh_TW', 'zh-TW'],
		// by base language
		['fr-CA', 'fr'],
		['de-AT', 'de'],
		['es-419', 'es'],
		['nl-BE', 'nl'],
		['ru-RU', 'ru'],
		['he-IL', 'he'],
		['iw', 'he'],
		['it-CH', 'it'],
		['en-GB', 'en'],
		// Chinese
		['zh-HK', 'zh-Hant'],
		['zh-MO', 'zh-Hant'],
		['zh-Hant-TW', 'zh-Hant'],
		['zh-Hant-HK', 'zh-Hant'],
		['zh-CN', 'zh-Hant'],
		['zh-SG', 'zh-Hant'],
		['zh-Hans', 'zh-Hant'],
		['zh-Hans-CN', 'zh-Hant'],
		['zh', 'zh-Hant'],
		// anything else
		['pt', 'en'],
		['pt-BR', 'en'],
		['ar', 'en'],
		['', 'en'],
		[undefined, 'en'],
	])('%s → %s', (tag, lang) => {
		expect(languageFor(tag)).toBe(lang);
	});

	it('resolves the setting: a chosen language wins, "auto" (or anything unknown) is the browser’s', () => {
		expect(resolveLanguage('fr', 'de-DE')).toBe('fr');
		expect(resolveLanguage('auto', 'de-DE')).toBe('de');
		expect(resolveLanguage('klingon', 'zh-HK')).toBe('zh-Hant');
	});

	it('names each language in its own name, Hebrew right to left', () => {
		expect(Object.keys(LANGUAGE_NAMES)).toEqual([...LANGUAGES]);
		expect(new Set(Object.values(LANGUAGE_NAMES)).size).toBe(LANGUAGES.length);
		expect(LANGUAGES.filter((lang) => directionOf(lang) === 'rtl')).toEqual(['he']);
	});

	it('has a browser locale folder for every language but zh-Hant (Chrome has no such locale)', () => {
		expect(BROWSER_LOCALE_FOLDERS['zh-TW']).toBe('zh_TW');
		expect(LANGUAGES.filter((lang) => BROWSER_LOCALE_FOLDERS[lang] === null)).toEqual(['zh-Hant']);
	});
});
