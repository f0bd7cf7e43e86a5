import {describe, expect, it} from 'vitest';
import {errorMessage} from './errors';

describe('errorMessage', () => {
	it("gives an Error's message and anything else as text", () => {
		expect(errorMessage(new TypeError('No answer to "getSettings"'))).toBe('No answer to "getSettings"');
		expect(errorMessage('quota exceeded')).toBe('quota exceeded');
		expect(errorMessage(42)).toBe('42');
		expect(errorMessage(undefined)).toBe('undefined');
	});
});
