// Inline markup of a Privacy Guides page (Python-Markdown + pymdownx + attr_list, as mkdocs-material
// renders it) → plain text in the page's own language, plus the links it contains:
//   - links `[label](dest "title")` and `[label](<dest>)`, images `![alt](src)` (kept out of the
//     text and the links), autolinks `<https://…>`; the destination is resolved by urls.ts
//   - attribute lists right after a link, `{ .md-button .md-button--primary }`, `{ .card-link }`,
//     `{ .pg-red }`, `{ class="…" title="…" }`: read into InlineLink.attrs; elsewhere dropped
//   - icon shortcodes `:octicons-eye-16:` dropped from the text; a link label's leading one is its icon
//   - emphasis `*em*`, `**bold**`, `_em_`, `__bold__` (intraword `_` and `2*3` kept), mark `==x==`,
//     delete `~~x~~`, insert `^^x^^`: markers dropped
//   - code spans `` `x` `` (their text kept), backslash escapes, HTML entities `&amp;` `&#x41;` `&nbsp;`
//   - footnote references `[^1]`, HTML comments and inline tags dropped (`<br>` → a space); an
//     `href`/`src` in a tag is still checked for its scheme
//   - Crowdin placeholder tags `<0>`, `</0>`, `<1/>` (what translation left of a tag; the live page
//     shows them as text) dropped, the text inside kept, with a warning (context.ts)
// Whitespace is collapsed by normaliseSpace, not here, so that callers decide where lines join.
import type {ListItem, SourceLine} from './blocks';
import {ImportError, type Context} from './context';
import {resolveUrl} from './urls';

/** An attribute list `{ .class #id key=value }`. */
export interface Attrs {
	classes: string[];
	values: Record<string, string>;
}

export interface InlineLink {
	/** Plain text of the label (icon shortcodes and markup dropped). */
	label: string;
	/** The icon shortcode name the label starts with, e.g. `octicons-eye-16`. */
	icon: string | null;
	/** Absolute, resolved by urls.ts. */
	url: string;
	attrs: Attrs | null;
	image: boolean;
	/** 1-based source line of the link. */
	line: number;
}

/** Plain text (whitespace not yet normalised) and the links of some inline markup. */
export interface Inline {
	text: string;
	links: InlineLink[];
}

const ICON_SHORTCODE = /^:([a-z0-9]+(?:-[a-z0-9]+)+):/;
const ATTR_LIST = /^\{:?[ \t]*(?:[.#][^\s{}]|[A-Za-z_][\w-]*[ \t]*=)[^{}\n]*\}/;
const ATTR_LIST_START = /^\{:?[ \t]*(?:[.#][A-Za-z_-]|[A-Za-z_][\w-]*[ \t]*=)/;

export function parseAttrs(raw: string): Attrs {
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
	let dest: string;
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
export function parseInline(
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
			const placeholder = /^<\/?(\d{1,3})[ \t]*\/?>/.exec(rest);
			if (placeholder) {
				const n = placeholder[1]!;
				ctx.warnings.add(
					lineAt(i),
					'crowdin-placeholder',
					`Crowdin placeholder <${n}>…</${n}> left in the text (the live page shows it as is): read the text inside`,
				);
				i += placeholder[0].length;
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
export function normaliseSpace(text: string): string {
	return text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
}

/** Inline text of block lines (a paragraph, footnote or list item), joined by newlines. */
export function paragraphInline(lines: SourceLine[], ctx: Context, skip?: (link: InlineLink) => boolean): Inline {
	const first = lines[0]?.no ?? 1;
	return parseInline(lines.map((l) => l.text).join('\n'), first, ctx, skip);
}

/** Inline text of a list item's own lines (not its nested items). */
export function itemInline(item: ListItem, ctx: Context): Inline {
	return paragraphInline(item.lines, ctx);
}
