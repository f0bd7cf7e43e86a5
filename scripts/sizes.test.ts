import {describe, expect, it} from 'vitest';
import {BUDGETS, CATALOGUE_BUDGET, CHUNKS_BUDGET, PAGE_DATA_BUDGET, checkBudgets, formatSizes} from './sizes';

describe('checkBudgets', () => {
	it('passes bundles within their budgets and names every one over it', () => {
		const ok = [{target: 'chrome', file: 'content.js', bytes: BUDGETS['content.js']!}];
		expect(checkBudgets(ok)).toEqual([]);
		expect(checkBudgets([{target: 'firefox', file: 'content.js', bytes: BUDGETS['content.js']! + 1}])).toEqual([
			`  firefox/content.js: ${BUDGETS['content.js']! + 1} B > budget ${BUDGETS['content.js']} B`,
		]);
	});

	it('budgets the shared chunks together, per browser', () => {
		const half = Math.ceil(CHUNKS_BUDGET / 2) + 1;
		const sizes = [
			{target: 'chrome', file: 'chunks/chunk-A.js', bytes: half},
			{target: 'chrome', file: 'chunks/chunk-B.js', bytes: half},
			{target: 'firefox', file: 'chunks/chunk-A.js', bytes: half},
		];
		expect(checkBudgets(sizes)).toEqual([`  chrome/chunks/*: ${half * 2} B together > budget ${CHUNKS_BUDGET} B`]);
	});

	it('budgets each language’s page data on its own, outside the shared chunks', () => {
		const sizes = [
			{target: 'chrome', file: 'chunks/chunk-A.js', bytes: CHUNKS_BUDGET},
			{target: 'chrome', file: 'data/pages/en.js', bytes: PAGE_DATA_BUDGET},
			{target: 'chrome', file: 'data/pages/fr.js', bytes: PAGE_DATA_BUDGET + 1},
		];
		expect(checkBudgets(sizes)).toEqual([
			`  chrome/data/pages/fr.js: ${PAGE_DATA_BUDGET + 1} B > budget ${PAGE_DATA_BUDGET} B`,
		]);
	});

	it('budgets each language’s catalogue on its own', () => {
		const sizes = [
			{target: 'firefox', file: 'i18n/en.js', bytes: CATALOGUE_BUDGET},
			{target: 'firefox', file: 'i18n/ru.js', bytes: CATALOGUE_BUDGET + 1},
		];
		expect(checkBudgets(sizes)).toEqual([
			`  firefox/i18n/ru.js: ${CATALOGUE_BUDGET + 1} B > budget ${CATALOGUE_BUDGET} B`,
		]);
		expect(formatSizes(sizes.slice(0, 1))).toContain(`(budget ${(CATALOGUE_BUDGET / 1024).toFixed(1)} KB)`);
	});
});

describe('formatSizes', () => {
	it('prints one aligned line per file, with its budget when it has one', () => {
		expect(
			formatSizes([
				{target: 'chrome', file: 'content.js', bytes: 10 * 1024},
				{target: 'firefox', file: 'popup/index.html', bytes: 307},
			]),
		).toBe('chrome   content.js                 10.0 KB (budget 12.0 KB)\nfirefox  popup/index.html            0.3 KB');
	});
});
