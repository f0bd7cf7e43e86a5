// What every reader of the Privacy Guides importer is handed (the Context) and what it throws on
// bad input (ImportError). No markup is read here.
//
// Every input problem is reported as FILE:LINE: detail, with FILE taken from `Context.file` (or the
// `file` argument of the two readers that run before the Context exists: front matter and block
// structure in blocks.ts) and LINE the 1-based source line the problem is on.
//
// Seam for tolerated upstream slips: today every problem is fatal (an ImportError is thrown and
// nothing is imported). When the importer learns to tolerate some slips of the upstream pages, the
// place to collect them as warnings (same FILE:LINE: detail form) is here: a list on the Context,
// next to `file`, filled by the readers instead of throwing, and returned by parse.ts beside the
// page. Nothing collects warnings yet.

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
}
