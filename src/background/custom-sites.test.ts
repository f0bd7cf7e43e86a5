import {describe, expect, it} from 'vitest';
import {customScriptId} from './custom-sites';

describe('a custom site registration', () => {
	it('is named after its host', () => {
		expect(customScriptId('photos.example.net')).toBe('custom-site:photos.example.net');
	});
});
