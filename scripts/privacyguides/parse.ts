// Importer for Privacy Guides' markdown pages (mkdocs-material + Privacy Guides conventions): the
// public entry. It reads nothing itself; it runs the readers below in order and checks the result.
//
// Context-free: no Node APIs, no file system, no network. Everything is identified by markup,
// never by words, so the same page in any language (and other category pages of the same form)
// imports the same way. One module per concern, each with its tests beside it (X.test.ts) and a
// header saying which markup it reads:
//   blocks.ts        source lines → block tree (headings, paragraphs, lists, <div>/<details>
//                    containers, <small>, footnotes; code and comments skipped)
//   front-matter.ts  the `---` YAML block: `title:`, `description:`
//   inline.ts        inline markup → plain text + links (links, attribute lists, icons, emphasis,
//                    code, entities, HTML tags)
//   urls.ts          link destinations → absolute site URLs; the page's Context (lang, page path)
//   notes.ts         blocks → plain text notes (paragraphs, lists, admonitions, footnotes)
//   card.ts          a recommendation card → a tool (buttons, card links, downloads, name)
//   page.ts          the page model: title, threats, intro, tools, criteria
//   location.ts      lang and page path inferred from a file name (the CLI, without --lang/--page-path)
//   context.ts       ImportError (FILE:LINE: detail) and the Context every reader is handed
//   types.ts         the output schema (zod), checked once more at the end
//   test-helpers.ts  shared helpers of the unit tests (a Context for x.md, blocks of a body, errors)
// Where later work goes:
//   - more languages: LANG_PATTERN (types.ts), LANG_SEGMENT (location.ts); nothing else reads words
//   - tolerating upstream slips with FILE:LINE warnings instead of errors: the seam is described
//     in context.ts (a list on the Context, returned from here beside the page)
import {parseBlocks, sourceLines} from './blocks';
import {ImportError} from './context';
import {parseFrontMatter} from './front-matter';
import {readCriteria, readHead, readTitle, readTools, rejectNestedCards} from './page';
import {importedPageSchema, type ImportedPage} from './types';
import {pageContext} from './urls';

// What the CLI (scripts/import-privacyguides.ts) and the dataset build (scripts/data/) use.
export {ImportError} from './context';
export {LOCATION_RULES, inferPageLocation} from './location';
export type {ImportedPage} from './types';

export interface ParseOptions {
	/** Used in error messages only. */
	file: string;
	/** Site language, e.g. `en`, `fr`, `zh-Hant`. */
	lang: string;
	/**
	 * The page's path in the docs tree without `.md`, e.g. `photo-management` or
	 * `self-hosting/file-management`. An `index` page may be given as `os/index` (or `os/index.md`):
	 * its links then resolve from `os/`, and its output pagePath is `os`.
	 */
	pagePath: string;
}

/** Imports one page; throws an ImportError (FILE:LINE: detail) for the first problem found. */
export function parsePrivacyGuidesPage(markdown: string, options: ParseOptions): ImportedPage {
	const {file} = options;
	const lines = sourceLines(markdown, file);
	const front = parseFrontMatter(lines, file);
	const ctx = pageContext(file, options.lang, options.pagePath);
	const {title, description} = readTitle(front, ctx);

	const blocks = parseBlocks(lines.slice(front.bodyStart), file);
	rejectNestedCards(blocks, ctx);
	const {threats, intro} = readHead(blocks, ctx);
	const tools = readTools(blocks, ctx);
	const criteria = readCriteria(blocks, ctx);

	const page = {
		title,
		description,
		lang: options.lang,
		pagePath: ctx.pagePath,
		url: ctx.pageUrl,
		threats,
		intro,
		tools,
		criteria,
	};
	const checked = importedPageSchema.safeParse(page);
	if (!checked.success) {
		const issue = checked.error.issues[0];
		throw new ImportError(
			file,
			1,
			`output failed validation at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`,
		);
	}
	return checked.data;
}
