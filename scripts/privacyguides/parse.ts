// Importer for Privacy Guides' markdown pages (mkdocs-material + Privacy Guides conventions).
//
// Context-free: no Node APIs, no file system, no network. Everything is identified by markup,
// never by words, so the same page in any language (and other category pages of the same form)
// imports the same way:
//   - front matter `title:` / `description:`
//   - threat list: the bullet list right after the first `<small>…</small>` line (before any
//     heading); each item is `[:icon: Label](basics/common-threats.md#anchor){ .pg-COLOUR }`
//   - intro: the paragraphs between the threat list (or the front matter) and the first heading
//   - card: `<div class="admonition recommendation" markdown>` … `</div>`
//       primary button `{ .md-button .md-button--primary }` → links.homepage
//       card links `{ .card-link }` (and secondary `.md-button`s) → key from the ICON shortcode
//       downloads `<details class="downloads" markdown>` → [{label, icon, url}]
//   - tool name: the heading directly owning the card (the nearest heading above it, when that
//     heading's section holds no other card), else the bold `**Name**` opening the card's text
//   - notes: paragraphs, lists, admonitions and footnotes after a card up to the next heading/card
//   - criteria: the `##` section (without cards) whose text links to `about/criteria.md`; its first
//     `###` subsection's list is `minimum`, the second's is `bestCase`.
import {
	ICON_PATTERN,
	LANG_PATTERN,
	PAGE_PATH_PATTERN,
	PRIVACY_GUIDES_ORIGIN,
	importedPageSchema,
	type ImportedDownload,
	type ImportedLink,
	type ImportedNote,
	type ImportedPage,
	type ImportedThreat,
	type ImportedTool,
} from './types';

export type {ImportedPage} from './types';

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

// ---------------------------------------------------------------------------------------------
// Known link icons and site structure (markup and URL paths, never translated words)

/** Card-link icon shortcode → key in `links`. Other icons give their camelCased name. */
const CARD_LINK_KEYS: Readonly<Record<string, string>> = {
	'octicons-eye-16': 'privacyPolicy',
	'octicons-info-16': 'documentation',
	'octicons-code-16': 'sourceCode',
	'octicons-heart-16': 'contribute',
};

/** Directories of the Privacy Guides docs tree (nested ones as `a/b`). */
const KNOWN_SECTIONS: readonly string[] = [
	'about',
	'about/handbook',
	'about/jobs',
	'advanced',
	'android',
	'basics',
	'ios',
	'meta',
	'os',
	'os/windows',
	'self-hosting',
];

/** Pages that live in a section directory, for flattened file names that do not carry it. */
const KNOWN_SECTION_PAGES: Readonly<Record<string, readonly string[]>> = {
	about: [
		'bounty',
		'contributors',
		'criteria',
		'donate',
		'donation-acceptance-policy',
		'executive-policy',
		'jobs',
		'notices',
		'privacy-policy',
		'privacytools',
		'services',
		'statistics',
		'volunteer',
	],
	advanced: [
		'browser-fingerprinting',
		'communication-network-types',
		'dns-overview',
		'erasing-data',
		'integrating-metadata-removal',
		'payments',
		'signal-configuration-hardening',
		'tor-overview',
	],
	android: ['distributions', 'general-apps', 'obtaining-apps'],
	basics: [
		'account-creation',
		'account-deletion',
		'common-misconceptions',
		'common-threats',
		'email-security',
		'hardware',
		'multi-factor-authentication',
		'passwords-overview',
		'threat-modeling',
		'vpn-overview',
		'why-privacy-matters',
	],
	meta: [
		'accessibility',
		'admonitions',
		'brand',
		'commit-messages',
		'git-recommendations',
		'pr-comments',
		'translations',
		'uploading-images',
		'writing-style',
	],
	os: ['android-overview', 'ios-overview', 'linux-overview', 'macos-overview', 'qubes-overview'],
	'os/windows': ['group-policies', 'hardening', 'privacy', 'sandboxing'],
};

// ---------------------------------------------------------------------------------------------
// Block structure

interface SourceLine {
	text: string;
	no: number;
}

interface ListItem {
	lines: SourceLine[];
	line: number;
	indent: number;
	children: ListItem[];
}

type Block =
	| {kind: 'heading'; level: number; raw: string; line: number}
	| {kind: 'paragraph'; lines: SourceLine[]; line: number}
	| {kind: 'list'; items: ListItem[]; line: number}
	| {
			kind: 'container';
			tag: 'div' | 'details';
			classes: string[];
			opening: string;
			title?: SourceLine;
			children: Block[];
			line: number;
	  }
	| {kind: 'small'; raw: string; line: number}
	| {kind: 'footnote'; id: string; lines: SourceLine[]; line: number}
	| {kind: 'code'; line: number};

type Container = Extract<Block, {kind: 'container'}>;

// Plain booleans, not type guards: a guard's false branch would wrongly narrow Container away.
const isCard = (block: Block): boolean =>
	block.kind === 'container' &&
	block.tag === 'div' &&
	block.classes.includes('admonition') &&
	block.classes.includes('recommendation');
const isDownloads = (block: Block): boolean =>
	block.kind === 'container' && block.tag === 'details' && block.classes.includes('downloads');

function describeContainer(block: Container): string {
	if (isCard(block)) return 'recommendation card <div>';
	if (isDownloads(block)) return 'download list <details class="downloads">';
	return `<${block.tag}${block.classes.length ? ` class="${block.classes.join(' ')}"` : ''}>`;
}

const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const OPEN_TAG = /^\s*<(div|details)(\s[^>]*)?>(.*)$/i;
const CLOSE_TAG = /^\s*<\/(div|details)\s*>\s*$/i;
const FENCE = /^\s*(`{3,}|~{3,})/;

function expandTabs(text: string): string {
	return text.replace(/\t/g, '    ');
}

function indentOf(text: string): number {
	return (/^[ ]*/.exec(expandTabs(text)) ?? [''])[0].length;
}

function parseClasses(attrs: string): string[] {
	const m = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attrs);
	const value = m ? (m[1] ?? m[2] ?? m[3] ?? '') : '';
	return value.split(/\s+/).filter(Boolean);
}

/** Block start lines that end a paragraph or a lazy list continuation. */
function isBlockStart(text: string): boolean {
	return (
		HEADING.test(text) ||
		OPEN_TAG.test(text) ||
		CLOSE_TAG.test(text) ||
		FENCE.test(text) ||
		/^\s*<small>/i.test(text) ||
		/^\s*<!--/.test(text) ||
		/^\[\^[^\]]+\]:/.test(text) ||
		/^\s*<summary>/i.test(text) ||
		/^\s*<p class="admonition-title">/i.test(text)
	);
}

function parseBlocks(lines: SourceLine[], file: string): Block[] {
	const root: Block[] = [];
	const stack: Container[] = [];
	let paragraph: Extract<Block, {kind: 'paragraph'}> | null = null;
	const target = (): Block[] => (stack.length ? stack[stack.length - 1]!.children : root);
	const flush = () => {
		paragraph = null;
	};
	const openCard = (): Container | undefined => stack.find(isCard);

	let i = 0;
	while (i < lines.length) {
		const {text, no} = lines[i]!;
		if (text.trim() === '') {
			flush();
			i++;
			continue;
		}

		const fence = FENCE.exec(text);
		if (fence) {
			flush();
			const marker = fence[1]!;
			let j = i + 1;
			while (j < lines.length && !lines[j]!.text.trim().startsWith(marker)) j++;
			if (j >= lines.length) throw new ImportError(file, no, `unclosed code fence ${marker}`);
			target().push({kind: 'code', line: no});
			i = j + 1;
			continue;
		}

		if (/^\s*<!--/.test(text)) {
			flush();
			let j = i;
			while (j < lines.length && !lines[j]!.text.includes('-->')) j++;
			if (j >= lines.length) throw new ImportError(file, no, 'unclosed HTML comment <!--');
			i = j + 1;
			continue;
		}

		if (/^\s*--8<--/.test(text)) {
			// pymdownx.snippets include (abbreviations etc.): not page content.
			flush();
			i++;
			continue;
		}

		const open = OPEN_TAG.exec(text);
		if (open) {
			const tag = open[1]!.toLowerCase() as 'div' | 'details';
			const rest = open[3] ?? '';
			if (new RegExp(`</${tag}\\s*>`, 'i').test(rest)) {
				// One-line element: inline HTML, part of a paragraph.
			} else {
				flush();
				const container: Container = {
					kind: 'container',
					tag,
					classes: parseClasses(open[2] ?? ''),
					opening: text.trim(),
					children: [],
					line: no,
				};
				if (isCard(container)) {
					const outer = openCard();
					if (outer) {
						throw new ImportError(
							file,
							outer.line,
							`unclosed recommendation card <div>: another card starts at line ${no} before its </div>`,
						);
					}
				}
				if (isDownloads(container) && !openCard()) {
					throw new ImportError(
						file,
						no,
						'download list <details class="downloads"> outside a recommendation card ' +
							'(<div class="admonition recommendation" markdown>)',
					);
				}
				const summary = /^\s*<summary>(.*)<\/summary>\s*$/i.exec(rest);
				if (summary) container.title = {text: summary[1]!, no};
				else if (rest.trim() !== '') {
					throw new ImportError(file, no, `unexpected content after <${tag}> on the same line: ${rest.trim()}`);
				}
				target().push(container);
				stack.push(container);
				i++;
				continue;
			}
		}

		const close = CLOSE_TAG.exec(text);
		if (close) {
			flush();
			const tag = close[1]!.toLowerCase();
			const top = stack[stack.length - 1];
			if (!top) throw new ImportError(file, no, `</${tag}> without a matching <${tag}>`);
			if (top.tag !== tag) {
				throw new ImportError(
					file,
					top.line,
					`unclosed ${describeContainer(top)}: </${tag}> at line ${no} comes before its </${top.tag}>`,
				);
			}
			stack.pop();
			i++;
			continue;
		}

		const heading = HEADING.exec(text);
		if (heading) {
			flush();
			const top = stack[stack.length - 1];
			if (top) {
				throw new ImportError(
					file,
					top.line,
					`unclosed ${describeContainer(top)}: heading at line ${no} comes before its </${top.tag}>`,
				);
			}
			const raw = (heading[2] ?? '').replace(/[ \t]+#+$/, '');
			root.push({kind: 'heading', level: heading[1]!.length, raw, line: no});
			i++;
			continue;
		}

		const top = stack[stack.length - 1];
		if (top && !top.title && top.children.length === 0) {
			const title =
				top.tag === 'details'
					? /^\s*<summary>(.*)<\/summary>\s*$/i.exec(text)
					: /^\s*<p class="admonition-title">(.*)<\/p>\s*$/i.exec(text);
			if (title) {
				flush();
				top.title = {text: title[1]!, no};
				i++;
				continue;
			}
		}
		if (/^\s*<\/?summary>/i.test(text) && !/<\/summary>\s*$/i.test(text)) {
			throw new ImportError(file, no, 'unclosed <summary>');
		}

		if (/^\s*<small>/i.test(text)) {
			flush();
			const small = /^\s*<small>(.*)<\/small>\s*$/i.exec(text);
			if (!small) throw new ImportError(file, no, 'unclosed <small> (expected <small>…</small> on one line)');
			target().push({kind: 'small', raw: small[1]!, line: no});
			i++;
			continue;
		}

		const footnote = /^\[\^([^\]]+)\]:[ \t]?(.*)$/.exec(text);
		if (footnote) {
			flush();
			const block: Extract<Block, {kind: 'footnote'}> = {
				kind: 'footnote',
				id: footnote[1]!,
				lines: [{text: footnote[2]!, no}],
				line: no,
			};
			i++;
			while (i < lines.length) {
				const next = lines[i]!;
				if (next.text.trim() === '') {
					const after = lines.slice(i).find((l) => l.text.trim() !== '');
					if (!after || indentOf(after.text) < 4) break;
					i++;
					continue;
				}
				if (indentOf(next.text) < 4 && isBlockStart(next.text)) break;
				if (indentOf(next.text) < 4 && LIST_ITEM.test(next.text)) break;
				block.lines.push(next);
				i++;
			}
			target().push(block);
			continue;
		}

		if (LIST_ITEM.test(text) && !(paragraph && indentOf(text) >= 4)) {
			flush();
			const [list, next] = parseList(lines, i);
			target().push(list);
			i = next;
			continue;
		}

		// Paragraph text (definition-list lines `:   text` included).
		const content = text.replace(/^\s*:[ \t]+/, '');
		if (!paragraph) {
			paragraph = {kind: 'paragraph', lines: [], line: no};
			target().push(paragraph);
		}
		(paragraph as Extract<Block, {kind: 'paragraph'}>).lines.push({text: content, no});
		i++;
	}

	const unclosed = stack[stack.length - 1];
	if (unclosed) {
		throw new ImportError(
			file,
			unclosed.line,
			`unclosed ${describeContainer(unclosed)}: no </${unclosed.tag}> before the end of the file`,
		);
	}
	return root;
}

function parseList(lines: SourceLine[], start: number): [Extract<Block, {kind: 'list'}>, number] {
	const items: ListItem[] = [];
	const open: ListItem[] = [];
	let i = start;
	let afterBlank = false;
	while (i < lines.length) {
		const {text, no} = lines[i]!;
		if (text.trim() === '') {
			const next = lines.slice(i).find((l) => l.text.trim() !== '');
			if (!next) break;
			if (!LIST_ITEM.test(next.text) && !(indentOf(next.text) >= 2 && open.length && !isBlockStart(next.text))) break;
			afterBlank = true;
			i++;
			continue;
		}
		const m = LIST_ITEM.exec(text);
		if (m) {
			const indent = indentOf(text);
			const item: ListItem = {lines: [{text: m[3] ?? '', no}], line: no, indent, children: []};
			while (open.length && open[open.length - 1]!.indent >= indent) open.pop();
			const parent = open[open.length - 1];
			if (parent) parent.children.push(item);
			else items.push(item);
			open.push(item);
			afterBlank = false;
			i++;
			continue;
		}
		if (isBlockStart(text) && indentOf(text) < 2) break;
		if (afterBlank && indentOf(text) < 2) break;
		// Continuation (lazy, or indented after a blank line) of the deepest open item.
		const last = open[open.length - 1];
		if (!last) break;
		last.lines.push({text: text.trim(), no});
		afterBlank = false;
		i++;
	}
	return [{kind: 'list', items, line: lines[start]!.no}, i];
}

// ---------------------------------------------------------------------------------------------
// Inline markdown → plain text + links

interface Attrs {
	classes: string[];
	values: Record<string, string>;
}

interface InlineLink {
	label: string;
	icon: string | null;
	url: string;
	attrs: Attrs | null;
	image: boolean;
	line: number;
}

interface Inline {
	text: string;
	links: InlineLink[];
}

interface Context {
	file: string;
	lang: string;
	/** Output page path ('' for the home page). */
	pagePath: string;
	/** Directory of the source file in the docs tree, as segments. */
	sourceDir: string[];
	pageUrl: string;
}

const ICON_SHORTCODE = /^:([a-z0-9]+(?:-[a-z0-9]+)+):/;
const ATTR_LIST = /^\{:?[ \t]*(?:[.#][^\s{}]|[A-Za-z_][\w-]*[ \t]*=)[^{}\n]*\}/;
const ATTR_LIST_START = /^\{:?[ \t]*(?:[.#][A-Za-z_-]|[A-Za-z_][\w-]*[ \t]*=)/;

function parseAttrs(raw: string): Attrs {
	const body = raw.replace(/^\{:?/, '').replace(/\}$/, '');
	const classes: string[] = [];
	const values: Record<string, string> = {};
	const re = /([.#])([^\s.#"'=]+)|([A-Za-z_][\w-]*)[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g;
	for (const m of body.matchAll(re)) {
		if (m[1] === '.') classes.push(m[2]!);
		else if (m[1] === '#') values.id = m[2]!;
		else {
			const key = m[3]!;
			const value = m[4] ?? m[5] ?? m[6] ?? '';
			if (key === 'class') classes.push(...value.split(/\s+/).filter(Boolean));
			else values[key] = value;
		}
	}
	return {classes, values};
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	ndash: '\u2013',
	mdash: '\u2014',
	hellip: '\u2026',
	laquo: '\u00ab',
	raquo: '\u00bb',
	rsquo: '\u2019',
	lsquo: '\u2018',
	rdquo: '\u201d',
	ldquo: '\u201c',
	shy: '\u00ad',
	zwj: '\u200d',
	zwnj: '\u200c',
	lrm: '\u200e',
	rlm: '\u200f',
};

/** Finds the `]` matching the `[` at `start`, or -1. */
function matchBracket(s: string, start: number): number {
	let depth = 0;
	for (let k = start; k < s.length; k++) {
		const c = s[k];
		if (c === '\\') {
			k++;
			continue;
		}
		if (c === '`') {
			const run = /^`+/.exec(s.slice(k))![0];
			const end = s.indexOf(run, k + run.length);
			if (end > 0) k = end + run.length - 1;
			continue;
		}
		if (c === '[') depth++;
		else if (c === ']') {
			depth--;
			if (depth === 0) return k;
		}
	}
	return -1;
}

/** Parses `(dest "title")` at `start` (which is `(`); returns [dest, index after `)`] or null. */
function parseDestination(s: string, start: number): [string, number] | null {
	let k = start + 1;
	while (s[k] === ' ' || s[k] === '\t' || s[k] === '\n') k++;
	let dest = '';
	if (s[k] === '<') {
		const end = s.indexOf('>', k);
		if (end < 0) return null;
		dest = s.slice(k + 1, end);
		k = end + 1;
	} else {
		let depth = 0;
		const begin = k;
		for (; k < s.length; k++) {
			const c = s[k]!;
			if (c === '\\') {
				k++;
				continue;
			}
			if (c === '(') depth++;
			else if (c === ')') {
				if (depth === 0) break;
				depth--;
			} else if (/\s/.test(c)) break;
		}
		dest = s.slice(begin, k);
	}
	while (s[k] === ' ' || s[k] === '\t' || s[k] === '\n') k++;
	const quote = s[k];
	if (quote === '"' || quote === "'") {
		const end = s.indexOf(quote, k + 1);
		if (end < 0) return null;
		k = end + 1;
		while (s[k] === ' ' || s[k] === '\t' || s[k] === '\n') k++;
	}
	if (s[k] !== ')') return null;
	return [dest, k + 1];
}

function isWordChar(c: string | undefined): boolean {
	return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

function isSpace(c: string | undefined): boolean {
	return c === undefined || /\s/.test(c);
}

/**
 * Inline markdown to plain text (not yet whitespace-normalised) plus the links it contains.
 * `skipLabel` links contribute no text (card buttons).
 */
function parseInline(
	s: string,
	firstLine: number,
	ctx: Context,
	skipLabel: (link: InlineLink) => boolean = () => false,
): Inline {
	let out = '';
	const links: InlineLink[] = [];
	const lineAt = (index: number) => firstLine + (s.slice(0, index).match(/\n/g)?.length ?? 0);
	let i = 0;
	while (i < s.length) {
		const c = s[i]!;
		const rest = s.slice(i);
		if (c === '\\' && i + 1 < s.length && /[\\`*_{}[\]()#+\-.!|~=^<>:"'&]/.test(s[i + 1]!)) {
			out += s[i + 1];
			i += 2;
			continue;
		}
		if (c === '`') {
			const run = /^`+/.exec(rest)![0];
			const end = s.indexOf(run, i + run.length);
			if (end < 0) {
				out += run;
				i += run.length;
				continue;
			}
			out += s.slice(i + run.length, end).replace(/^ (.*) $/s, '$1');
			i = end + run.length;
			continue;
		}
		const image = c === '!' && s[i + 1] === '[';
		if ((c === '[' && s[i + 1] !== '^') || image) {
			const open = image ? i + 1 : i;
			const close = matchBracket(s, open);
			if (close > 0 && s[close + 1] === '(') {
				const dest = parseDestination(s, close + 1);
				if (dest) {
					const labelRaw = s.slice(open + 1, close);
					const line = lineAt(i);
					let next = dest[1];
					let attrs: Attrs | null = null;
					const attrMatch = ATTR_LIST.exec(s.slice(next));
					if (attrMatch) {
						attrs = parseAttrs(attrMatch[0]);
						next += attrMatch[0].length;
					} else if (ATTR_LIST_START.test(s.slice(next))) {
						throw new ImportError(
							ctx.file,
							line,
							`unclosed attribute list after link: ${s.slice(next).split('\n')[0]}`,
						);
					}
					const url = resolveUrl(dest[0], ctx, line);
					const label = normaliseSpace(parseInline(labelRaw, line, ctx).text);
					const icon = ICON_SHORTCODE.exec(labelRaw.trim())?.[1] ?? null;
					const link: InlineLink = {label, icon, url, attrs, image, line};
					if (!image) {
						links.push(link);
						if (!skipLabel(link)) out += label;
					}
					i = next;
					continue;
				}
			}
			out += c;
			i++;
			continue;
		}
		if (c === '[' && s[i + 1] === '^') {
			const m = /^\[\^[^\]\s]+\]/.exec(rest);
			if (m) {
				i += m[0].length;
				continue;
			}
		}
		if (c === '<') {
			const autolink = /^<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]+)>/.exec(rest);
			if (autolink) {
				const line = lineAt(i);
				const url = resolveUrl(autolink[1]!, ctx, line);
				links.push({label: autolink[1]!, icon: null, url, attrs: null, image: false, line});
				out += autolink[1];
				i += autolink[0].length;
				continue;
			}
			const comment = /^<!--[\s\S]*?-->/.exec(rest);
			if (comment) {
				i += comment[0].length;
				continue;
			}
			const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>/.exec(rest);
			if (tag) {
				const hrefs = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag[0]);
				if (hrefs) resolveUrl(hrefs[1] ?? hrefs[2] ?? '', ctx, lineAt(i)); // validates the scheme
				if (/^br$/i.test(tag[1]!)) out += ' ';
				i += tag[0].length;
				continue;
			}
		}
		if (c === '{') {
			const attr = ATTR_LIST.exec(rest);
			if (attr) {
				i += attr[0].length;
				continue;
			}
		}
		if (c === ':') {
			const icon = ICON_SHORTCODE.exec(rest);
			if (icon) {
				i += icon[0].length;
				continue;
			}
		}
		if (c === '&') {
			const entity = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]+);/.exec(rest);
			if (entity) {
				const name = entity[1]!;
				let decoded: string | undefined;
				if (name.startsWith('#x') || name.startsWith('#X')) decoded = String.fromCodePoint(parseInt(name.slice(2), 16));
				else if (name.startsWith('#')) decoded = String.fromCodePoint(parseInt(name.slice(1), 10));
				else decoded = ENTITIES[name];
				if (decoded !== undefined) {
					out += decoded;
					i += entity[0].length;
					continue;
				}
			}
		}
		if (c === '*' || c === '_') {
			const run = new RegExp(`^\\${c}+`).exec(rest)![0];
			const before = s[i - 1];
			const after = s[i + run.length];
			const leftFlanking = !isSpace(after);
			const rightFlanking = !isSpace(before);
			const betweenDigits = /\d/.test(before ?? '') && /\d/.test(after ?? '');
			const emphasis =
				c === '*'
					? (leftFlanking || rightFlanking) && !betweenDigits
					: (leftFlanking && !isWordChar(before)) || (rightFlanking && !isWordChar(after));
			if (emphasis && run.length <= 3) {
				i += run.length;
				continue;
			}
			out += run;
			i += run.length;
			continue;
		}
		if ((c === '=' || c === '~' || c === '^') && s[i + 1] === c && s[i + 2] !== c && s[i - 1] !== c) {
			// pymdownx mark ==x==, delete ~~x~~, insert ^^x^^
			const before = s[i - 1];
			const after = s[i + 2];
			if ((!isSpace(after) && !isWordChar(before)) || (!isSpace(before) && !isWordChar(after))) {
				i += 2;
				continue;
			}
		}
		out += c;
		i++;
	}
	return {text: out, links};
}

/** Collapses ASCII whitespace (keeps no-break and narrow no-break spaces: they are typography). */
function normaliseSpace(text: string): string {
	return text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// URLs

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Resolves a link destination mkdocs-style; throws on unsupported schemes. */
function resolveUrl(rawDest: string, ctx: Context, line: number): string {
	// Browsers ignore tabs/newlines and leading control characters/spaces in URLs: so do we when
	// checking the scheme, so that `java\tscript:` is caught too.
	const dest = rawDest.trim();
	const probe = dest.replace(/[\u0000-\u0020]/g, '');
	const scheme = SCHEME.exec(probe);
	if (scheme) {
		const name = scheme[1]!.toLowerCase();
		if (name !== 'http' && name !== 'https' && name !== 'mailto') {
			throw new ImportError(ctx.file, line, `link with unsupported scheme "${name}:": ${truncate(dest)}`);
		}
		try {
			new URL(dest);
		} catch {
			throw new ImportError(ctx.file, line, `malformed URL: ${truncate(dest)}`);
		}
		return dest;
	}
	if (probe.startsWith('//') || probe.startsWith('\\\\') || probe.startsWith('/\\')) {
		throw new ImportError(ctx.file, line, `protocol-relative URL is not supported: ${truncate(dest)}`);
	}
	if (/\s/.test(dest)) throw new ImportError(ctx.file, line, `malformed URL (contains whitespace): ${truncate(dest)}`);

	const hashAt = dest.indexOf('#');
	const beforeHash = hashAt >= 0 ? dest.slice(0, hashAt) : dest;
	const anchor = hashAt >= 0 ? dest.slice(hashAt) : '';
	const queryAt = beforeHash.indexOf('?');
	const path = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
	const query = queryAt >= 0 ? beforeHash.slice(queryAt) : '';

	if (path === '') return ctx.pageUrl + query + anchor;

	const segments = path.startsWith('/') ? [] : [...ctx.sourceDir];
	const parts = path.replace(/^\/+/, '').split('/');
	for (const part of parts) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (segments.length === 0) {
				throw new ImportError(ctx.file, line, `relative link goes above the site root: ${truncate(dest)}`);
			}
			segments.pop();
			continue;
		}
		segments.push(part);
	}
	const base = `${PRIVACY_GUIDES_ORIGIN}/${ctx.lang}/`;
	const last = segments[segments.length - 1];
	let url: string;
	if (last !== undefined && /\.md$/i.test(last)) {
		const page = last.replace(/\.md$/i, '');
		if (page === 'index') segments.pop();
		else segments[segments.length - 1] = page;
		url = base + segments.map((seg) => `${seg}/`).join('');
	} else {
		url = base + segments.join('/') + (path.endsWith('/') && segments.length ? '/' : '');
	}
	const result = url + query + anchor;
	try {
		new URL(result);
	} catch {
		throw new ImportError(ctx.file, line, `malformed URL: ${truncate(dest)}`);
	}
	return result;
}

function truncate(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// ---------------------------------------------------------------------------------------------
// Front matter

interface FrontMatter {
	values: Map<string, {value: string; line: number}>;
	bodyStart: number; // index into lines
}

function parseFrontMatter(lines: SourceLine[], file: string): FrontMatter {
	if (lines.length === 0 || lines[0]!.text.trimEnd() !== '---') {
		throw new ImportError(
			file,
			1,
			'no front matter: a Privacy Guides page starts with a "---" line, then "title: …", then "---"',
		);
	}
	let end = 1;
	while (end < lines.length && !/^(---|\.\.\.)\s*$/.test(lines[end]!.text)) end++;
	if (end >= lines.length) throw new ImportError(file, 1, 'unclosed front matter: no closing "---" line');

	const values = new Map<string, {value: string; line: number}>();
	for (let k = 1; k < end; k++) {
		const {text, no} = lines[k]!;
		const m = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/.exec(text);
		if (!m) continue; // nested values, list items, comments
		const key = m[1]!;
		let raw = m[2] ?? '';
		let value: string;
		if (values.has(key)) throw new ImportError(file, no, `front matter key "${key}" appears twice`);
		if (raw.startsWith('"')) {
			try {
				value = JSON.parse(raw) as string;
				if (typeof value !== 'string') throw new Error('not a string');
			} catch {
				throw new ImportError(file, no, `front matter "${key}": malformed double-quoted value ${raw}`);
			}
		} else if (raw.startsWith("'")) {
			if (!/^'(?:[^']|'')*'$/.test(raw)) {
				throw new ImportError(file, no, `front matter "${key}": malformed single-quoted value ${raw}`);
			}
			value = raw.slice(1, -1).replace(/''/g, "'");
		} else if (/^[|>][+-]?$/.test(raw)) {
			const folded = raw.startsWith('>');
			const block: string[] = [];
			while (k + 1 < end && (/^\s+\S/.test(lines[k + 1]!.text) || lines[k + 1]!.text.trim() === '')) {
				block.push(lines[k + 1]!.text.trim());
				k++;
			}
			value = folded ? block.join(' ') : block.join('\n');
		} else {
			raw = raw.replace(/[ \t]+#.*$/, '');
			value = raw;
		}
		values.set(key, {value: value.trim(), line: no});
	}
	return {values, bodyStart: end + 1};
}

// ---------------------------------------------------------------------------------------------
// Page semantics

function camelCase(icon: string): string {
	return icon
		.split('-')
		.map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
		.join('');
}

function toLinks(links: InlineLink[]): ImportedLink[] {
	return links.filter((link) => !link.image).map((link) => ({label: link.label, url: link.url}));
}

function paragraphInline(lines: SourceLine[], ctx: Context, skip?: (link: InlineLink) => boolean): Inline {
	const first = lines[0]?.no ?? 1;
	return parseInline(lines.map((l) => l.text).join('\n'), first, ctx, skip);
}

function itemInline(item: ListItem, ctx: Context): Inline {
	return paragraphInline(item.lines, ctx);
}

/** Renders list items as "- a\n- b\n  - nested", collecting links. */
function renderList(items: ListItem[], ctx: Context, depth = 0): Inline {
	const out: string[] = [];
	const links: InlineLink[] = [];
	for (const item of items) {
		const inline = itemInline(item, ctx);
		links.push(...inline.links);
		out.push(`${'  '.repeat(depth)}- ${normaliseSpace(inline.text)}`);
		if (item.children.length) {
			const nested = renderList(item.children, ctx, depth + 1);
			out.push(nested.text);
			links.push(...nested.links);
		}
	}
	return {text: out.join('\n'), links};
}

function admonitionKind(block: Container): string {
	return block.classes.find((cls) => cls !== 'admonition') ?? (block.tag === 'details' ? 'details' : 'note');
}

/** Plain text of blocks inside an admonition / note container. */
function renderBlocks(blocks: Block[], ctx: Context): Inline {
	const parts: string[] = [];
	const links: InlineLink[] = [];
	for (const block of blocks) {
		let inline: Inline | null = null;
		if (block.kind === 'paragraph' || block.kind === 'footnote') inline = paragraphInline(block.lines, ctx);
		else if (block.kind === 'small') inline = parseInline(block.raw, block.line, ctx);
		else if (block.kind === 'list') inline = renderList(block.items, ctx);
		else if (block.kind === 'container') inline = renderBlocks(block.children, ctx);
		if (!inline) continue;
		const text = block.kind === 'list' || block.kind === 'container' ? inline.text : normaliseSpace(inline.text);
		if (text) parts.push(text);
		links.push(...inline.links);
	}
	return {text: parts.join('\n\n'), links};
}

function noteFor(block: Block, ctx: Context): ImportedNote | null {
	switch (block.kind) {
		case 'paragraph':
		case 'small': {
			const inline =
				block.kind === 'paragraph' ? paragraphInline(block.lines, ctx) : parseInline(block.raw, block.line, ctx);
			const text = normaliseSpace(inline.text);
			return text ? {kind: 'paragraph', text, links: toLinks(inline.links)} : null;
		}
		case 'list': {
			const inline = renderList(block.items, ctx);
			return {kind: 'list', text: inline.text, links: toLinks(inline.links)};
		}
		case 'footnote': {
			const inline = paragraphInline(block.lines, ctx);
			return {kind: 'footnote', title: block.id, text: normaliseSpace(inline.text), links: toLinks(inline.links)};
		}
		case 'container': {
			const inline = renderBlocks(block.children, ctx);
			const title = block.title ? normaliseSpace(parseInline(block.title.text, block.title.no, ctx).text) : '';
			const note: ImportedNote = {kind: admonitionKind(block), text: inline.text, links: toLinks(inline.links)};
			if (title) note.title = title;
			return note;
		}
		default:
			return null;
	}
}

const isPrimary = (link: InlineLink) => !!link.attrs?.classes.includes('md-button--primary');
const isCardButton = (link: InlineLink) =>
	!!link.attrs && (link.attrs.classes.includes('card-link') || link.attrs.classes.includes('md-button'));

interface HeadingRef {
	level: number;
	text: string;
	line: number;
}

function parseCard(
	card: Container,
	ctx: Context,
	headingPath: HeadingRef[],
	ownedByHeading: boolean,
	following: Block[],
): ImportedTool {
	const {file} = ctx;
	const summaryParts: string[] = [];
	const summaryLinks: InlineLink[] = [];
	let firstSummaryRaw: string | null = null;
	let homepage: string | null = null;
	const extra = new Map<string, string>();
	let downloads: ImportedDownload[] | null = null;
	const notes: ImportedNote[] = [];

	const takeButtons = (links: InlineLink[]) => {
		for (const link of links) {
			if (!isCardButton(link)) continue;
			if (isPrimary(link)) {
				if (homepage !== null) {
					throw new ImportError(
						file,
						link.line,
						'recommendation card has a second primary button (.md-button--primary)',
					);
				}
				homepage = link.url;
				continue;
			}
			if (!link.icon) {
				throw new ImportError(
					file,
					link.line,
					'card link has no :icon: shortcode in its label, so its kind is unknown',
				);
			}
			const key = CARD_LINK_KEYS[link.icon] ?? camelCase(link.icon);
			if (key === 'homepage' || extra.has(key)) {
				throw new ImportError(file, link.line, `card has two links with the icon :${link.icon}:`);
			}
			extra.set(key, link.url);
		}
	};

	for (const child of card.children) {
		if (child.kind === 'paragraph') {
			const inline = paragraphInline(child.lines, ctx, isCardButton);
			takeButtons(inline.links);
			const text = normaliseSpace(inline.text);
			if (text) {
				if (firstSummaryRaw === null) firstSummaryRaw = child.lines.map((l) => l.text).join('\n');
				summaryParts.push(text);
				summaryLinks.push(...inline.links.filter((link) => !isCardButton(link)));
			}
		} else if (child.kind === 'list' || child.kind === 'small') {
			const inline = child.kind === 'list' ? renderList(child.items, ctx) : parseInline(child.raw, child.line, ctx);
			takeButtons(inline.links);
			const text = child.kind === 'list' ? inline.text : normaliseSpace(inline.text);
			if (text) {
				summaryParts.push(text);
				summaryLinks.push(...inline.links.filter((link) => !isCardButton(link)));
			}
		} else if (child.kind === 'container' && isDownloads(child)) {
			if (downloads) throw new ImportError(file, child.line, 'recommendation card has a second download list');
			downloads = parseDownloads(child, ctx);
		} else if (child.kind === 'container' || child.kind === 'footnote') {
			const note = noteFor(child, ctx);
			if (note) notes.push(note);
		}
	}

	if (homepage === null) {
		throw new ImportError(
			file,
			card.line,
			'recommendation card has no primary button ([…](URL){ .md-button .md-button--primary })',
		);
	}
	if (summaryParts.length === 0) throw new ImportError(file, card.line, 'recommendation card has no description text');

	let name: string | null = null;
	const owner = headingPath[headingPath.length - 1];
	if (ownedByHeading && owner) name = owner.text;
	else {
		const raw = (firstSummaryRaw ?? '').replace(/^(?:\s*!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?)+/, '');
		const bold = /^\s*(\*\*|__)(.+?)\1/s.exec(raw);
		if (bold) name = normaliseSpace(parseInline(bold[2]!, card.line, ctx).text);
	}
	if (!name) {
		throw new ImportError(
			file,
			card.line,
			'recommendation card has no name: no heading directly above it and its text does not start with a **bold** name',
		);
	}

	for (const block of following) {
		const note = noteFor(block, ctx);
		if (note) notes.push(note);
	}

	const links: Record<string, string> = {homepage};
	for (const [key, url] of extra) links[key] = url;
	const tool: ImportedTool = {
		name,
		summary: summaryParts.join('\n\n'),
		summaryLinks: toLinks(summaryLinks),
		links: links as ImportedTool['links'],
		downloads: downloads ?? [],
		notes,
		line: card.line,
	};
	if (headingPath.length) {
		return {name, heading: headingPath.map((h) => h.text), ...withoutName(tool)};
	}
	return tool;
}

function withoutName(tool: ImportedTool): Omit<ImportedTool, 'name'> {
	const {name: _name, ...rest} = tool;
	return rest;
}

function parseDownloads(details: Container, ctx: Context): ImportedDownload[] {
	const out: ImportedDownload[] = [];
	for (const child of details.children) {
		if (child.kind === 'list') {
			for (const item of child.items) {
				const inline = itemInline(item, ctx);
				const links = inline.links.filter((link) => !link.image);
				if (links.length !== 1) {
					throw new ImportError(
						ctx.file,
						item.line,
						`download list item must be exactly one link [:icon: Label](URL), found ${links.length}`,
					);
				}
				const link = links[0]!;
				if (!link.icon || !ICON_PATTERN.test(link.icon)) {
					throw new ImportError(
						ctx.file,
						item.line,
						'download link has no :icon: shortcode (e.g. :simple-googleplay:)',
					);
				}
				if (!link.label) throw new ImportError(ctx.file, item.line, 'download link has no label');
				out.push({label: link.label, icon: link.icon, url: link.url});
			}
		} else if (child.kind === 'paragraph') {
			throw new ImportError(ctx.file, child.line, 'download list contains text that is not a list of links');
		}
	}
	if (out.length === 0) throw new ImportError(ctx.file, details.line, 'download list is empty');
	return out;
}

function parseThreats(list: Extract<Block, {kind: 'list'}>, ctx: Context): ImportedThreat[] {
	const out: ImportedThreat[] = [];
	for (const item of list.items) {
		const links = itemInline(item, ctx).links.filter((link) => !link.image);
		const link = links[0];
		if (links.length !== 1 || !link) {
			throw new ImportError(
				ctx.file,
				item.line,
				`threat list item must be one link [:icon: Label](…){ .pg-COLOUR }, found ${links.length} links`,
			);
		}
		if (!link.attrs?.classes.some((cls) => cls.startsWith('pg-'))) {
			throw new ImportError(ctx.file, item.line, 'threat list item has no { .pg-COLOUR } class');
		}
		if (!link.label) throw new ImportError(ctx.file, item.line, 'threat list item has no label');
		if (!link.url.startsWith(`${PRIVACY_GUIDES_ORIGIN}/`)) {
			throw new ImportError(
				ctx.file,
				item.line,
				`threat link must point into the site (e.g. basics/common-threats.md#…): ${link.url}`,
			);
		}
		out.push({label: link.label, url: link.url});
	}
	return out;
}

function parseCriteria(blocks: Block[], ctx: Context): {minimum: string[]; bestCase: string[]} {
	const criteriaUrl = `${PRIVACY_GUIDES_ORIGIN}/${ctx.lang}/about/criteria/`;
	for (let h = 0; h < blocks.length; h++) {
		const heading = blocks[h]!;
		if (heading.kind !== 'heading' || heading.level !== 2) continue;
		let end = h + 1;
		while (end < blocks.length) {
			const b = blocks[end]!;
			if (b.kind === 'heading' && b.level <= 2) break;
			end++;
		}
		const body = blocks.slice(h + 1, end);
		if (body.some(isCard)) continue;
		const firstSub = body.findIndex((b) => b.kind === 'heading');
		const lead = firstSub >= 0 ? body.slice(0, firstSub) : body;
		const linksCriteria = lead.some(
			(b) =>
				b.kind === 'paragraph' &&
				paragraphInline(b.lines, ctx).links.some((link) => link.url.split('#')[0] === criteriaUrl),
		);
		if (!linksCriteria) continue;

		const subsections: {heading: Extract<Block, {kind: 'heading'}>; body: Block[]}[] = [];
		for (let k = 0; k < body.length; k++) {
			const b = body[k]!;
			if (b.kind !== 'heading' || b.level !== 3) continue;
			let stop = k + 1;
			while (stop < body.length) {
				const n = body[stop]!;
				if (n.kind === 'heading' && n.level <= 3) break;
				stop++;
			}
			subsections.push({heading: b, body: body.slice(k + 1, stop)});
		}
		if (subsections.length !== 2) {
			throw new ImportError(
				ctx.file,
				heading.line,
				`criteria section must have two ### subsections (minimum requirements, then best case); found ${subsections.length}`,
			);
		}
		const lists = subsections.map(({heading: sub, body: subBody}) => {
			const list = subBody.find((b): b is Extract<Block, {kind: 'list'}> => b.kind === 'list');
			if (!list) throw new ImportError(ctx.file, sub.line, 'criteria subsection has no bullet list');
			return list.items.map((item) => {
				const own = normaliseSpace(itemInline(item, ctx).text);
				const nested = item.children.length ? `\n${renderList(item.children, ctx).text}` : '';
				const text = own + nested;
				if (!own) throw new ImportError(ctx.file, item.line, 'empty criteria item');
				return text;
			});
		});
		return {minimum: lists[0]!, bestCase: lists[1]!};
	}
	return {minimum: [], bestCase: []};
}

/** Throws an ImportError for the first card found anywhere but at the top level. */
function rejectNestedCards(blocks: Block[], ctx: Context, parent: Container | null): void {
	for (const block of blocks) {
		if (block.kind !== 'container') continue;
		if (parent && isCard(block) && !isCard(parent)) {
			throw new ImportError(
				ctx.file,
				block.line,
				`recommendation card nested inside ${describeContainer(parent)} (line ${parent.line}) is not supported`,
			);
		}
		rejectNestedCards(block.children, ctx, block);
	}
}

export function parsePrivacyGuidesPage(markdown: string, options: ParseOptions): ImportedPage {
	const {file} = options;
	const text = markdown.replace(/^\uFEFF/, '');
	if (text.includes('\u0000')) {
		const at = text.slice(0, text.indexOf('\u0000')).split('\n').length;
		throw new ImportError(file, at, 'NUL character: not a text file');
	}
	const lines: SourceLine[] = text.split(/\r\n|\r|\n/).map((t, index) => ({text: t, no: index + 1}));
	const front = parseFrontMatter(lines, file);

	if (!LANG_PATTERN.test(options.lang)) throw new ImportError(file, 1, `invalid language code "${options.lang}"`);
	const location = normalisePagePath(options.pagePath);
	if (location === null) throw new ImportError(file, 1, `invalid page path "${options.pagePath}"`);
	const pageUrl = `${PRIVACY_GUIDES_ORIGIN}/${options.lang}/${location.pagePath ? `${location.pagePath}/` : ''}`;
	const ctx: Context = {
		file,
		lang: options.lang,
		pagePath: location.pagePath,
		sourceDir: location.sourceDir,
		pageUrl,
	};

	const titleEntry = front.values.get('title');
	const title = titleEntry ? normaliseSpace(parseInline(titleEntry.value, titleEntry.line, ctx).text) : '';
	if (!title)
		throw new ImportError(file, titleEntry?.line ?? 1, 'front matter has no title: not a Privacy Guides page');
	const descriptionEntry = front.values.get('description');
	const description = descriptionEntry
		? normaliseSpace(parseInline(descriptionEntry.value, descriptionEntry.line, ctx).text)
		: '';

	const blocks = parseBlocks(lines.slice(front.bodyStart), file);
	rejectNestedCards(blocks, ctx, null);

	// Threat list and intro: everything before the first heading.
	const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
	const head = firstHeading >= 0 ? blocks.slice(0, firstHeading) : blocks;
	let threats: ImportedThreat[] = [];
	let introFrom = 0;
	const smallAt = head.findIndex((b) => b.kind === 'small');
	if (smallAt >= 0) {
		const small = head[smallAt]!;
		const list = head[smallAt + 1];
		if (!list || list.kind !== 'list') {
			throw new ImportError(file, small.line, 'threat list expected right after the <small>…</small> line');
		}
		threats = parseThreats(list, ctx);
		introFrom = smallAt + 2;
	}
	const intro = head
		.slice(introFrom)
		.filter((b): b is Extract<Block, {kind: 'paragraph'}> => b.kind === 'paragraph')
		.map((b) => normaliseSpace(paragraphInline(b.lines, ctx).text))
		.filter(Boolean)
		.join('\n\n');

	// Tools.
	const tools: ImportedTool[] = [];
	const headingStack: HeadingRef[] = [];
	for (let idx = 0; idx < blocks.length; idx++) {
		const block = blocks[idx]!;
		if (block.kind === 'heading') {
			while (headingStack.length && headingStack[headingStack.length - 1]!.level >= block.level) headingStack.pop();
			const headingText = normaliseSpace(parseInline(block.raw, block.line, ctx).text);
			if (!headingText) throw new ImportError(file, block.line, 'empty heading');
			headingStack.push({level: block.level, text: headingText, line: block.line});
			continue;
		}
		if (block.kind !== 'container' || !isCard(block)) continue;
		// Ownership: the nearest heading owns the card when its section (up to the next heading)
		// holds exactly this one card.
		let sectionStart = idx - 1;
		while (sectionStart >= 0 && blocks[sectionStart]!.kind !== 'heading') sectionStart--;
		let sectionEnd = idx + 1;
		while (sectionEnd < blocks.length && blocks[sectionEnd]!.kind !== 'heading') sectionEnd++;
		const cardsInSection = blocks.slice(sectionStart + 1, sectionEnd).filter(isCard).length;
		const owned = sectionStart >= 0 && cardsInSection === 1;
		let followEnd = idx + 1;
		while (followEnd < blocks.length && blocks[followEnd]!.kind !== 'heading' && !isCard(blocks[followEnd]!))
			followEnd++;
		tools.push(parseCard(block, ctx, [...headingStack], owned, blocks.slice(idx + 1, followEnd)));
	}

	const criteria = parseCriteria(blocks, ctx);

	const page = {
		title,
		description,
		lang: options.lang,
		pagePath: location.pagePath,
		url: pageUrl,
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

// ---------------------------------------------------------------------------------------------
// Page location (lang + pagePath) from a file name and the page's own links

/** `os/index` → {pagePath: 'os', sourceDir: ['os']}; `self-hosting/file-management` → dir ['self-hosting']. */
function normalisePagePath(raw: string): {pagePath: string; sourceDir: string[]} | null {
	const path = raw
		.trim()
		.replace(/\.md$/i, '')
		.replace(/^\/+|\/+$/g, '');
	const segments = path === '' ? [] : path.split('/');
	if (segments[segments.length - 1] === 'index') {
		segments.pop();
		const pagePath = segments.join('/');
		return PAGE_PATH_PATTERN.test(pagePath) ? {pagePath, sourceDir: segments} : null;
	}
	const pagePath = segments.join('/');
	if (!PAGE_PATH_PATTERN.test(pagePath)) return null;
	return {pagePath, sourceDir: segments.slice(0, -1)};
}

const DATE_SEGMENT = /^\d{4}-\d{2}-\d{2}$/;
const LANG_SEGMENT = /^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/;

/** Relative link destinations of a page (links and images), ignoring code. */
function relativeDestinations(markdown: string): string[] {
	const out: string[] = [];
	const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
	for (const m of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)/g)) {
		const dest = m[1]!;
		if (SCHEME.test(dest) || dest.startsWith('#') || dest.startsWith('/')) continue;
		out.push(dest);
	}
	return out;
}

export interface PageLocation {
	lang: string;
	/** As accepted by ParseOptions.pagePath (an index page is `dir/index`). */
	pagePath: string;
}

export const LOCATION_RULES = `lang and page path, when --lang / --page-path are not given:
  lang:      a ".xx." or ".xx-YY." segment of the file name (photo-management.fr.2025-07-23.md → fr;
             "_" is read as "-"), else the <lang> of an i18n/<lang>/ directory in the path, else "en".
  page path: if the file sits in a docs/ or i18n/<lang>/ tree, its path there without ".md"
             (docs/self-hosting/file-management.md → self-hosting/file-management; os/index.md → os),
             provided the page's own relative links agree with that depth.
             Otherwise the file name without its lang and YYYY-MM-DD segments, placed by the depth of
             the page's own relative links (the most leading "../" in any link or image):
               depth 0 (or no relative links): a top-level page (photo-management);
               depth N: the name must start with a known section of that depth, flattened with "-"
                 (self-hosting-file-management → self-hosting/file-management; known sections:
                 ${KNOWN_SECTIONS.slice(0, 6).join(', ')},
                 ${KNOWN_SECTIONS.slice(6).join(', ')}),
                 or be a known page of such a section (common-threats → basics/common-threats,
                 criteria → about/criteria), or a sibling link (x.md) names a known page of one.
             A file name with other segments, or a name that cannot be placed, is an error.`;

/**
 * Infers lang and page path from a file path (any separators) and the page's text. Pure: the
 * path is only looked at as a string.
 */
export function inferPageLocation(filePath: string, markdown: string): PageLocation {
	const parts = filePath.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
	const base = parts[parts.length - 1] ?? '';
	if (!/\.md$/i.test(base)) throw new ImportError(filePath, 1, 'not a markdown file name (expected *.md)');
	const nameSegments = base.replace(/\.md$/i, '').split('.');
	const slug = nameSegments[0] ?? '';
	let nameLang: string | null = null;
	for (const segment of nameSegments.slice(1)) {
		if (DATE_SEGMENT.test(segment)) continue;
		if (LANG_SEGMENT.test(segment) && nameLang === null) {
			nameLang = segment.replace('_', '-');
			continue;
		}
		throw new ImportError(
			filePath,
			1,
			`cannot infer lang/page path: unexpected segment ".${segment}." in the file name (pass --lang and --page-path)`,
		);
	}

	const destinations = relativeDestinations(markdown);
	const depth = destinations.reduce((max, dest) => Math.max(max, (/^(?:\.\.\/)+/.exec(dest)?.[0].length ?? 0) / 3), 0);
	const hasRelative = destinations.length > 0;

	// A docs/ or i18n/<lang>/ tree (the last one in the path).
	let treeLang: string | null = null;
	let treePath: string[] | null = null;
	for (let k = parts.length - 2; k >= 0; k--) {
		if (parts[k] === 'docs') {
			treePath = parts.slice(k + 1);
			break;
		}
		if (parts[k] === 'i18n' && k + 1 < parts.length - 1 && LANG_SEGMENT.test(parts[k + 1]!)) {
			treeLang = parts[k + 1]!.replace('_', '-');
			treePath = parts.slice(k + 2);
			break;
		}
	}
	if (nameLang && treeLang && nameLang !== treeLang) {
		throw new ImportError(filePath, 1, `file name says lang "${nameLang}" but its i18n/ directory says "${treeLang}"`);
	}
	const lang = nameLang ?? treeLang ?? 'en';

	if (treePath) {
		const dirs = treePath.slice(0, -1);
		// The links must not climb above the tree's root (else this is not really a docs tree).
		if (depth <= dirs.length) {
			return {lang, pagePath: [...dirs, slug].join('/')};
		}
	}

	if (depth === 0) {
		const sectionPrefix = !hasRelative ? findSection(slug, null) : null;
		if (sectionPrefix) return {lang, pagePath: sectionPrefix};
		if (!hasRelative) {
			const known = findKnownPage(slug, null);
			if (known) return {lang, pagePath: known};
		}
		return {lang, pagePath: slug};
	}
	const placed =
		findSection(slug, depth) ?? findKnownPage(slug, depth) ?? findBySiblingLinks(slug, depth, destinations);
	if (!placed) {
		throw new ImportError(
			filePath,
			1,
			`cannot infer the page path: the page's links are ${depth} director${depth === 1 ? 'y' : 'ies'} down ("${'../'.repeat(depth)}") ` +
				`but "${slug}" does not start with a known section (pass --page-path)`,
		);
	}
	return {lang, pagePath: placed};
}

function sectionsOfDepth(depth: number | null): string[] {
	return KNOWN_SECTIONS.filter((s) => depth === null || s.split('/').length === depth).sort(
		(a, b) => b.length - a.length,
	);
}

function findSection(slug: string, depth: number | null): string | null {
	for (const section of sectionsOfDepth(depth)) {
		const flat = `${section.replace(/\//g, '-')}-`;
		if (slug.startsWith(flat) && slug.length > flat.length) return `${section}/${slug.slice(flat.length)}`;
	}
	return null;
}

function findKnownPage(slug: string, depth: number | null): string | null {
	const matches = sectionsOfDepth(depth).filter((section) => KNOWN_SECTION_PAGES[section]?.includes(slug));
	return matches.length === 1 ? `${matches[0]}/${slug}` : null;
}

function findBySiblingLinks(slug: string, depth: number, destinations: string[]): string | null {
	const siblings = destinations
		.filter((dest) => !dest.includes('/') && /\.md(?:#|$)/.test(dest))
		.map((dest) => dest.replace(/\.md.*$/, ''));
	const sections = new Set(
		sectionsOfDepth(depth).filter((section) => siblings.some((s) => KNOWN_SECTION_PAGES[section]?.includes(s))),
	);
	return sections.size === 1 ? `${[...sections][0]}/${slug}` : null;
}
