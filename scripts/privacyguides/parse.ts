// Importer for Privacy Guides' markdown pages (mkdocs-material + Privacy Guides conventions): the
// public entry. It reads nothing itself; it runs the readers below in order and checks the result.
//
// Context-free: no Node APIs, no file system, no network. Everything is identified by markup,
// never by words, so the same page in any language (and other category pages of the same form)
// imports the same way. One module per concern, each with its tests beside it (X.test.ts) and a
// header saying which markup it reads:
//   blocks.ts         source lines → block tree (headings, paragraphs, lists, <div>/<details>
//                     containers, <small>, footnotes; code and comments skipped)
//   front-matter.ts   the `---` YAML block: `title:`, `description:`
//   inline.ts         inline markup → plain text + links (links, attribute lists, icons, emphasis,
//                     code, entities, HTML tags, Crowdin placeholders)
//   urls.ts           link destinations → absolute site URLs; the page's Context (lang, page path)
//   notes.ts          blocks → plain text notes (paragraphs, lists, admonitions, footnotes)
//   card.ts           a recommendation card → a tool (buttons, card links, downloads, name)
//   page.ts           the category page model: title, threats, intro, tools, criteria (in groups)
//   threats-page.ts   the common-threats page: each threat's name and definition, keyed by icon
//   criteria-page.ts  the general-criteria page: priorities and sections
//   location.ts       lang and page path inferred from a file name (the CLI, without --lang/--page-path)
//   context.ts        ImportError (FILE:LINE: detail), ImportWarnings (FILE:LINE: warning: detail: the
//                     slips read through) and the Context every reader is handed
//   types.ts          the output schemas (zod), checked once more at the end
//   test-helpers.ts   shared helpers of the unit tests (a Context for x.md, blocks of a body, errors)
// Three kinds of page, three entries (all with the same front matter, blocks and errors):
//   importPrivacyGuidesPage   a category page (photo-management, email, vpn…) → ImportedPage
//   importCommonThreatsPage   basics/common-threats → ImportedThreatsPage
//   importCriteriaPage        about/criteria → ImportedCriteriaPage
// each returning {page, warnings}; pageKindOf(pagePath) says which one a page path is for.
// parsePrivacyGuidesPage is importPrivacyGuidesPage without the warnings, for callers that report none.
import type {z} from 'zod';
import {parseBlocks, sourceLines, type Block} from './blocks';
import {ImportError, type Context, type ImportWarning} from './context';
import {readGeneralCriteria} from './criteria-page';
import {parseFrontMatter} from './front-matter';
import {readCriteria, readHead, readTitle, readTools, rejectNestedCards} from './page';
import {readThreatDefinitions} from './threats-page';
import {
	importedCriteriaPageSchema,
	importedPageSchema,
	importedThreatsPageSchema,
	type ImportedCriteriaPage,
	type ImportedPage,
	type ImportedThreatsPage,
} from './types';
import {normalisePagePath, pageContext} from './urls';

// What the CLI (scripts/import-privacyguides.ts) and the dataset build (scripts/data/) use.
export {ImportError, WARNING_KINDS, type ImportWarning, type WarningKind} from './context';
export {LOCATION_RULES, inferPageLocation} from './location';
export {threatsByAnchor} from './threats-page';
export type {ImportedCriteriaPage, ImportedPage, ImportedThreatsPage} from './types';

export interface ParseOptions {
	/** Used in error and warning messages only. */
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

/** A page and the slips read through on the way (FILE:LINE: warning: …), in line order. */
export interface ImportResult<Page> {
	page: Page;
	warnings: ImportWarning[];
}

/** Which reader a page is for: the two pages the category pages link to have their own. */
export type PageKind = 'category' | 'threats' | 'criteria';
export const PAGE_KINDS: readonly PageKind[] = ['category', 'threats', 'criteria'];

/** `basics/common-threats` → threats, `about/criteria` → criteria, any other page path → category. */
export function pageKindOf(pagePath: string): PageKind {
	const path = normalisePagePath(pagePath)?.pagePath;
	if (path === 'basics/common-threats') return 'threats';
	if (path === 'about/criteria') return 'criteria';
	return 'category';
}

/** What every kind of page starts with: text, front matter, Context, title, block tree. */
function readPage(markdown: string, options: ParseOptions) {
	const {file} = options;
	const lines = sourceLines(markdown, file);
	const front = parseFrontMatter(lines, file);
	const ctx = pageContext(file, options.lang, options.pagePath);
	const {title, description} = readTitle(front, ctx);
	const blocks: Block[] = parseBlocks(lines.slice(front.bodyStart), file, ctx.warnings);
	rejectNestedCards(blocks, ctx);
	const head = {title, description, lang: options.lang, pagePath: ctx.pagePath, url: ctx.pageUrl};
	return {ctx, blocks, head};
}

function checked<Page>(schema: z.ZodType<Page>, page: unknown, ctx: Context): ImportResult<Page> {
	const result = schema.safeParse(page);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new ImportError(
			ctx.file,
			1,
			`output failed validation at ${issue?.path.map(String).join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`,
		);
	}
	return {page: result.data, warnings: ctx.warnings.list};
}

/** Imports one category page; throws an ImportError (FILE:LINE: detail) for the first problem found. */
export function importPrivacyGuidesPage(markdown: string, options: ParseOptions): ImportResult<ImportedPage> {
	const {ctx, blocks, head} = readPage(markdown, options);
	const {threats, intro} = readHead(blocks, ctx);
	const tools = readTools(blocks, ctx);
	const criteria = readCriteria(blocks, ctx);
	return checked(importedPageSchema, {...head, threats, intro, tools, criteria}, ctx);
}

/** importPrivacyGuidesPage without its warnings: for callers that report none. */
export function parsePrivacyGuidesPage(markdown: string, options: ParseOptions): ImportedPage {
	return importPrivacyGuidesPage(markdown, options).page;
}

/** Imports the common-threats page (basics/common-threats): every threat's name and definition. */
export function importCommonThreatsPage(markdown: string, options: ParseOptions): ImportResult<ImportedThreatsPage> {
	const {ctx, blocks, head} = readPage(markdown, options);
	return checked(importedThreatsPageSchema, {...head, ...readThreatDefinitions(blocks, ctx)}, ctx);
}

/** Imports the general-criteria page (about/criteria): its priorities and sections. */
export function importCriteriaPage(markdown: string, options: ParseOptions): ImportResult<ImportedCriteriaPage> {
	const {ctx, blocks, head} = readPage(markdown, options);
	return checked(importedCriteriaPageSchema, {...head, ...readGeneralCriteria(blocks, ctx)}, ctx);
}

/** Imports a page with the reader of `kind` (by default the one pageKindOf gives its page path). */
export function importPage(
	markdown: string,
	options: ParseOptions & {kind?: PageKind},
): ImportResult<ImportedPage | ImportedThreatsPage | ImportedCriteriaPage> & {kind: PageKind} {
	const kind = options.kind ?? pageKindOf(options.pagePath);
	if (kind === 'threats') return {kind, ...importCommonThreatsPage(markdown, options)};
	if (kind === 'criteria') return {kind, ...importCriteriaPage(markdown, options)};
	return {kind, ...importPrivacyGuidesPage(markdown, options)};
}
