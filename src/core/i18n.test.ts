import {describe, expect, it} from 'vitest';
import {resetFakeBrowser} from '../../test/fake-browser';
import {durationText, t, uiDirection} from './i18n';

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

describe('right to left', () => {
	/** The English messages, as a translation whose localeCode is `code` (the Hebrew one is not written yet). */
	function speak(code: string) {
		const browser = resetFakeBrowser('en');
		const english = browser.i18n.getMessage;
		browser.i18n.getMessage = (key: string, subs?: string | string[]) =>
			key === 'localeCode' ? code : english(key, subs);
	}

	it('is the direction of Hebrew, Arabic and Persian, and of no other language', () => {
		for (const code of ['he', 'ar', 'fa', 'he-IL']) {
			speak(code);
			expect(uiDirection(), code).toBe('rtl');
		}
		for (const code of ['en', 'fr', 'zh-TW', 'zh_Hant', 'de']) {
			speak(code);
			expect(uiDirection(), code).toBe('ltr');
		}
	});

	it('isolates every substitution, so a Latin name or a number keeps its order inside the sentence', () => {
		speak('he');
		expect(t('moveProgress', ['3', '6'])).toBe('Step \u20683\u2069 of \u20686\u2069');
		expect(t('moveStartAction', 'Ente Photos')).toBe(`Move to \u2068Ente Photos\u2069`);
		expect(t('popupCompareAll')).toBe('Compare all alternatives');
	});

	it('leaves left-to-right text as it is', () => {
		speak('fr');
		expect(t('moveStartAction', 'Ente Photos')).toBe('Move to Ente Photos');
	});
});
