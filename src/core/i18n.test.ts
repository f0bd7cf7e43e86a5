// @vitest-environment happy-dom
import {describe, expect, it} from 'vitest';
import {resetFakeBrowser} from '../../test/fake-browser';
import {
	durationText,
	localizeDocument,
	resetLanguage,
	setLanguage,
	speakLanguageOf,
	t,
	uiDirection,
	uiLanguage,
} from './i18n';

describe('durationText', () => {
	it('says one day in the singular and any other number in the plural', () => {
		expect(durationText(1)).toBe('1 day');
		expect(durationText(7)).toBe('7 days');
		expect(durationText(365)).toBe('365 days');
	});

	it('speaks the UI language', () => {
		resetFakeBrowser('fr');
		expect(durationText(1)).toBe('1 jour');
		expect(durationText(7)).toBe('7 jours');
	});
});

describe('t: the extension’s own catalogues, in the chosen language', () => {
	it('follows setLanguage, whatever the browser’s language, and substitutes in order', () => {
		resetFakeBrowser('en');
		expect(t('optionsThemeLegend')).toBe('Theme');
		setLanguage('fr');
		expect(uiLanguage()).toBe('fr');
		expect(t('optionsThemeLegend')).toBe('Thème');
		expect(t('durationDays', '3')).toBe('3 jours');
		setLanguage('en');
		expect(t('badgeTitle', ['Flickr', 'Flickr'])).toBe(
			'Photo Privacy Advisor: photos stored on Flickr can be seen by Flickr',
		);
	});

	it('speaks the language the settings choose: auto is the browser’s', () => {
		resetFakeBrowser('fr');
		expect(speakLanguageOf({language: 'auto'})).toBe('fr');
		expect(speakLanguageOf({language: 'en'})).toBe('en');
		expect(t('optionsThemeLegend')).toBe('Theme');
	});

	it('says right to left for Hebrew, on the document too', () => {
		setLanguage('he');
		expect(uiDirection()).toBe('rtl');
		const doc = document.implementation.createHTMLDocument('x');
		localizeDocument(doc);
		expect([doc.documentElement.lang, doc.documentElement.dir]).toEqual(['he', 'rtl']);
		resetLanguage();
	});

	it('returns the key of a missing message, loudly', () => {
		expect(t('noSuchMessage' as never)).toBe('noSuchMessage');
	});
});

describe('right to left', () => {
	it('is the direction of Hebrew, and of no other language of the extension', () => {
		for (const code of ['en', 'fr', 'es', 'it', 'nl', 'de', 'ru', 'zh-TW', 'zh-Hant'] as const) {
			setLanguage(code);
			expect(uiDirection(), code).toBe('ltr');
		}
		setLanguage('he');
		expect(uiDirection()).toBe('rtl');
		resetLanguage();
	});

	it('isolates every substitution, so a Latin name or a number keeps its order inside the sentence', () => {
		setLanguage('he');
		expect(t('moveProgress', ['3', '6'])).toContain('\u20683\u2069');
		expect(t('moveProgress', ['3', '6'])).toContain('\u20686\u2069');
		expect(t('moveStartAction', 'Ente Photos')).toContain('\u2068Ente Photos\u2069');
		resetLanguage();
	});

	it('leaves left-to-right text as it is', () => {
		setLanguage('fr');
		expect(t('moveStartAction', 'Ente Photos')).not.toContain('\u2068');
		expect(t('moveStartAction', 'Ente Photos')).toContain('Ente Photos');
		resetLanguage();
	});
});
