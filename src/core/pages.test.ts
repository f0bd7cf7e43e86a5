import {describe, expect, it} from 'vitest';
import {comparisonFocus, comparisonPath, comparisonUrl} from './pages';

describe('the comparison page address', () => {
	it('is the page alone without a service, and focused on one with it', () => {
		expect(comparisonPath(null)).toBe('compare/index.html');
		expect(comparisonPath('google-photos')).toBe('compare/index.html?service=google-photos');
		expect(comparisonUrl('google-photos')).toBe(
			'chrome-extension://test-extension-id/compare/index.html?service=google-photos',
		);
	});

	it('encodes the id, so that the page reads back exactly the id it was given', () => {
		const id = 'a b&service=other#x/é+%';
		const path = comparisonPath(id);
		expect(path).toBe('compare/index.html?service=a%20b%26service%3Dother%23x%2F%C3%A9%2B%25');
		const url = new URL(comparisonUrl(id));
		expect(url.hash).toBe('');
		expect(comparisonFocus(url.search)).toBe(id);
	});

	it('reads no focus from a page opened without one', () => {
		expect(comparisonFocus('')).toBeNull();
		expect(comparisonFocus(new URL(comparisonUrl(null)).search)).toBeNull();
	});
});
