// ImportError (context.ts): the FILE:LINE: detail form every input problem takes.
import {describe, expect, it} from 'vitest';
import {ImportError} from './context';

describe('ImportError', () => {
	it('keeps file, line and detail apart and joins them as FILE:LINE: detail', () => {
		const error = new ImportError('docs/cloud.md', 12, 'unclosed <small>');
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('ImportError');
		expect([error.file, error.line, error.detail]).toEqual(['docs/cloud.md', 12, 'unclosed <small>']);
		expect(error.message).toBe('docs/cloud.md:12: unclosed <small>');
		expect(String(error)).toBe('ImportError: docs/cloud.md:12: unclosed <small>');
	});
});
