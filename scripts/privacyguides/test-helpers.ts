// Shared helpers for the importer's unit tests (X.test.ts beside each module). Not used by the importer.
import {parseBlocks, sourceLines, type Block} from './blocks';
import {ImportError, ImportWarnings, type Context} from './context';
import {pageContext} from './urls';

/** The file name every helper reads from and every error names. */
export const FILE = 'x.md';

export const PG = 'https://www.privacyguides.org';

/** The Context of x.md at `pagePath` (ParseOptions form: `os/index` for an index page) in `lang`. */
export function context(pagePath = 'photo-management', lang = 'en'): Context {
	return pageContext(FILE, lang, pagePath);
}

/**
 * The block tree of a page body given without front matter, so its first line is line 1. Slips are
 * reported on `warnings` (a Context's list, to look at them) or on a list nobody reads.
 */
export function blocksOf(markdown: string, warnings = new ImportWarnings(FILE)): Block[] {
	return parseBlocks(sourceLines(markdown, FILE), FILE, warnings);
}

/** The `FILE:LINE: warning: detail` messages of a Context or a warning list. */
export function warningsOf(source: Context | ImportWarnings): string[] {
	return ('warnings' in source ? source.warnings : source).list.map((warning) => warning.message);
}

/** The `FILE:LINE: detail` message of the ImportError `fn` throws; fails if it throws nothing or something else. */
export function importError(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		if (error instanceof ImportError) return error.message;
		throw error;
	}
	throw new Error('expected an ImportError, but nothing was thrown');
}
