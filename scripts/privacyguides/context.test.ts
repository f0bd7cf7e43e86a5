// ImportError and ImportWarnings (context.ts): the FILE:LINE: detail form every input problem takes,
// and FILE:LINE: warning: detail for the slips read through.
import {describe, expect, it} from 'vitest';
import {ImportError, ImportWarnings, WARNING_KINDS} from './context';

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

describe('ImportWarnings', () => {
	it('keeps FILE:LINE: warning: detail, one per slip, in line order', () => {
		const warnings = new ImportWarnings('i18n/it/photo-management.md');
		warnings.add(30, 'crowdin-placeholder', 'placeholder');
		warnings.add(1, 'unpublished-language', 'not published');
		warnings.add(30, 'crowdin-placeholder', 'placeholder'); // read twice by two readers: kept once
		warnings.add(30, 'stray-closing-tag', 'stray');
		expect(warnings.list).toEqual([
			{
				file: 'i18n/it/photo-management.md',
				line: 1,
				kind: 'unpublished-language',
				detail: 'not published',
				message: 'i18n/it/photo-management.md:1: warning: not published',
			},
			{
				file: 'i18n/it/photo-management.md',
				line: 30,
				kind: 'crowdin-placeholder',
				detail: 'placeholder',
				message: 'i18n/it/photo-management.md:30: warning: placeholder',
			},
			{
				file: 'i18n/it/photo-management.md',
				line: 30,
				kind: 'stray-closing-tag',
				detail: 'stray',
				message: 'i18n/it/photo-management.md:30: warning: stray',
			},
		]);
	});

	it('says what each kind of warning is (the CLI --help lists them)', () => {
		expect(Object.keys(WARNING_KINDS)).toEqual([
			'crowdin-placeholder',
			'card-name-from-heading',
			'stray-closing-tag',
			'definition-marker-alone',
			'unpublished-language',
		]);
	});
});
