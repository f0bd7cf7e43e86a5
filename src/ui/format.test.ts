import {describe, expect, it} from 'vitest';
import {formatDate, formatDay, formatMonth} from './format';

describe('dates', () => {
	it('names a month in the language given', () => {
		expect(formatMonth('2023-03', 'en')).toBe('March 2023');
		expect(formatMonth('2026-01', 'fr')).toBe('janvier 2026');
	});

	it('names a calendar day, whatever the time zone', () => {
		expect(formatDay('2026-11-27', 'en')).toBe('November 27, 2026');
		expect(formatDay('2026-01-01', 'fr')).toBe('1 janvier 2026');
	});

	it('names the day of a moment', () => {
		const noon = new Date(2026, 10, 27, 12).getTime();
		expect(formatDate(noon, 'en')).toBe('November 27, 2026');
		expect(formatDate(noon, 'fr')).toBe('27 novembre 2026');
	});
});
