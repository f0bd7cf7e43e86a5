// What every reader of the Privacy Guides importer is handed (the Context), what it throws on bad
// input (ImportError) and what it reports about input it could still read (ImportWarnings). No
// markup is read here.
//
// Every input problem is reported as FILE:LINE: detail, with FILE taken from `Context.file` (or the
// `file` argument of the two readers that run before the Context exists: front matter and block
// structure in blocks.ts) and LINE the 1-based source line the problem is on.
//
// Errors and warnings: a problem is an ImportError (nothing is imported) when the page cannot be read
// the way a reader of the live page reads it, or only by guessing. A slip that translation or an
// upstream edit left behind, which the live page survives and which the importer can read without a
// guess, is a warning instead: `FILE:LINE: warning: detail`, collected on `Context.warnings` (one list
// per page, created by `pageContext` in urls.ts and handed to blocks.ts too) and returned beside the
// page by parse.ts (`importPrivacyGuidesPage`). The CLI prints them on stderr and still exits 0.
// Each kind of warning is one tolerated slip (WARNING_KINDS says which reader tolerates it and how).
// Typos in names ("Ent Photos") are not the importer's business: it reports markup, never words.

/** An input problem, located at a 1-based line of a file. `message` is `FILE:LINE: detail`. */
export class ImportError extends Error {
	readonly file: string;
	readonly line: number;
	readonly detail: string;

	constructor(file: string, line: number, detail: string) {
		super(`${file}:${line}: ${detail}`);
		this.name = 'ImportError';
		this.file = file;
		this.line = line;
		this.detail = detail;
	}
}

/** The slips the importer reads through, each with what it does about it. */
export const WARNING_KINDS = {
	/** inline.ts, blocks.ts: `<0>Scarica</0>` left by Crowdin in markup; the text inside is read. */
	'crowdin-placeholder': 'a Crowdin placeholder tag (<0>…</0>) left in the markup: the text inside is read',
	/** card.ts: a card whose text does not open with the **bold** tool name; its heading names it. */
	'card-name-from-heading': 'a recommendation card without its **bold** tool name: named by the heading that owns it',
	/** blocks.ts: a closing tag no open element matches (a browser ignores it); skipped. */
	'stray-closing-tag': 'a closing tag with no element open to close (browsers ignore it): skipped',
	/** threats-page.ts: a definition list whose `:` marker sits alone on its line; the next paragraph is read. */
	'definition-marker-alone':
		'a definition whose ":" marker stands alone on its line (not a definition list on the live page): the next paragraph is read as the definition',
	/** urls.ts: a language that www.privacyguides.org does not publish (German); its URLs do not exist. */
	'unpublished-language':
		'a language www.privacyguides.org does not publish: the page URLs do not exist (link readers to the English page)',
} as const;

export type WarningKind = keyof typeof WARNING_KINDS;

/** An input slip the importer read through. `message` is `FILE:LINE: warning: detail`. */
export interface ImportWarning {
	file: string;
	line: number;
	kind: WarningKind;
	detail: string;
	message: string;
}

/**
 * The warnings of one page. The same slip reported twice (a line read by two readers) is kept once;
 * `list` is in line order (then in the order reported).
 */
export class ImportWarnings {
	readonly file: string;
	readonly #items: ImportWarning[] = [];
	readonly #seen = new Set<string>();

	constructor(file: string) {
		this.file = file;
	}

	add(line: number, kind: WarningKind, detail: string): void {
		const key = `${line}\u0000${kind}\u0000${detail}`;
		if (this.#seen.has(key)) return;
		this.#seen.add(key);
		this.#items.push({file: this.file, line, kind, detail, message: `${this.file}:${line}: warning: ${detail}`});
	}

	get list(): ImportWarning[] {
		return this.#items
			.map((warning, index) => ({warning, index}))
			.sort((a, b) => a.warning.line - b.warning.line || a.index - b.index)
			.map(({warning}) => warning);
	}
}

/** The page being read: built once by `pageContext` (urls.ts), then passed to every reader. */
export interface Context {
	/** The file named in errors (FILE of FILE:LINE). */
	file: string;
	/** Site language, e.g. `en`, `fr`, `zh-Hant`. */
	lang: string;
	/** Output page path ('' for the home page). */
	pagePath: string;
	/** Directory of the source file in the docs tree, as segments. */
	sourceDir: string[];
	/** https://www.privacyguides.org/<lang>/<pagePath>/: what `#anchor` and `?query` links resolve against. */
	pageUrl: string;
	/** Where the readers report the slips they read through. */
	warnings: ImportWarnings;
}
