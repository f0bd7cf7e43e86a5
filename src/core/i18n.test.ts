import {describe, expect, it} from 'vitest';
import {resetFakeBrowser} from '../../test/fake-browser';
import {durationText} from './i18n';

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
