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
