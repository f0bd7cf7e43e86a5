// Block structure of a Privacy Guides markdown page (mkdocs-material + pymdownx), after its front
// matter (front-matter.ts). Read by markup only, never by words, so every language reads the same:
//   - headings: ATX `#` … `######` (closing `#`s dropped); only at the top level: a heading inside an
//     open <div>/<details> is an unclosed container
//   - paragraphs: consecutive non-blank lines; a definition-list line `:   text` starts a paragraph of
//     its own, marked `definition` (its marker dropped); a `:` alone on a line is paragraph text, as on
//     the live page (threats-page.ts reads that Crowdin slip)
//   - lists: `-`, `*`, `+` or `1.` / `1)` items, nested by indentation (tabs count 4), with lazy and
//     indented (after a blank line) continuation lines
//   - containers: `<div …>` / `<details …>` lines up to their `</div>` / `</details>` line (an element
//     opened and closed on one line is inline HTML, part of a paragraph); classes are kept, e.g.
//       recommendation card  `<div class="admonition recommendation" markdown>` (isCard)
//       download list        `<details class="downloads" markdown>`, only inside a card (isDownloads)
//       admonition           `<div class="admonition TYPE" markdown>` / `<details class="TYPE" markdown>`
//     a container's title is its `<summary>…</summary>` (same or first line) or its first line
//     `<p class="admonition-title">…</p>`
//     tolerated with a warning (context.ts): a Crowdin placeholder `<0>Scarica</0>` in place of a
//     `<details>` summary (same or first line) is read as the title; a `</details>` with no `<details>`
//     open is skipped (browsers ignore it), e.g. upstream's stray `</details>` inside a card
//   - `<small>…</small>` on one line (the line above the threat list)
//   - footnote definitions `[^id]: text`, with continuation lines indented 4
//   - skipped: fenced code (``` or ~~~, kept as a `code` block with no text), HTML comment lines
//     `<!-- … -->`, pymdownx.snippets includes `--8<--`
// Inline markup inside the lines (links, bold, icons…) is left as is for inline.ts.
// Problems (unclosed or mismatched containers, a `</div>` no `<div>` matches (on the live page it would
// close the theme's own container), fences, comments, <small>, <summary>; a card inside a card, a
// download list outside one) are ImportErrors; an unclosed thing is reported at its opening line.
// So is the indented admonition syntax `!!! recommendation` / `??? downloads` that Privacy Guides used
// before it wrote admonitions as `<div class="admonition …">` (older pages and translations): read as
// paragraphs, its cards would silently vanish.
import {ImportError, ImportWarnings} from './context';

/** One line of the source file, with its 1-based line number. */
export interface SourceLine {
	text: string;
	no: number;
}

export interface ListItem {
	lines: SourceLine[];
	line: number;
	indent: number;
	children: ListItem[];
}

export type Block =
	| {kind: 'heading'; level: number; raw: string; line: number}
	| {kind: 'paragraph'; lines: SourceLine[]; line: number; definition?: true}
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

export type Container = Extract<Block, {kind: 'container'}>;
export type Heading = Extract<Block, {kind: 'heading'}>;
export type Paragraph = Extract<Block, {kind: 'paragraph'}>;
export type List = Extract<Block, {kind: 'list'}>;

// Plain booleans, not type guards: a guard's false branch would wrongly narrow Container away.
export const isCard = (block: Block): boolean =>
	block.kind === 'container' &&
	block.tag === 'div' &&
	block.classes.includes('admonition') &&
	block.classes.includes('recommendation');
export const isDownloads = (block: Block): boolean =>
	block.kind === 'container' && block.tag === 'details' && block.classes.includes('downloads');

/** How a container is named in error messages. */
export function describeContainer(block: Container): string {
	if (isCard(block)) return 'recommendation card <div>';
	if (isDownloads(block)) return 'download list <details class="downloads">';
	return `<${block.tag}${block.classes.length ? ` class="${block.classes.join(' ')}"` : ''}>`;
}

const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const OPEN_TAG = /^\s*<(div|details)(\s[^>]*)?>(.*)$/i;
const CLOSE_TAG = /^\s*<\/(div|details)\s*>\s*$/i;
const FENCE = /^\s*(`{3,}|~{3,})/;
/** A definition-list line `:   text` (Python-Markdown def_list: up to 3 spaces, `:`, 1 to 3 spaces). */
const DEFINITION = /^[ ]{0,3}:[ \t]+(?=\S)/;
/** A Crowdin placeholder element on its own, `<0>Scarica</0>`: what translation left of a tag. */
const PLACEHOLDER_ELEMENT = /^\s*<(\d+)>(.*)<\/\1>\s*$/;

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

/**
 * Splits a page into numbered lines (a leading BOM dropped; CRLF, CR and LF all end a line).
 * A NUL character means the file is not text: an ImportError at its line.
 */
export function sourceLines(markdown: string, file: string): SourceLine[] {
	const text = markdown.replace(/^\uFEFF/, '');
	if (text.includes('\u0000')) {
		const at = text.slice(0, text.indexOf('\u0000')).split('\n').length;
		throw new ImportError(file, at, 'NUL character: not a text file');
	}
	return text.split(/\r\n|\r|\n/).map((t, index) => ({text: t, no: index + 1}));
}

/**
 * The block tree of the page body (the lines after the front matter). Slips it reads through are
 * reported on `warnings` (the page's list, `Context.warnings`).
 */
export function parseBlocks(lines: SourceLine[], file: string, warnings = new ImportWarnings(file)): Block[] {
	const root: Block[] = [];
	const stack: Container[] = [];
	let paragraph: Paragraph | null = null;
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

		const legacy = /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)/.exec(text);
		if (legacy) {
			throw new ImportError(
				file,
				no,
				`indented admonition syntax "${legacy[1]} ${legacy[2]}" is not supported (Privacy Guides writes ` +
					`<div class="admonition ${legacy[2]}" markdown> now; this page predates that)`,
			);
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
				const placeholder = tag === 'details' ? PLACEHOLDER_ELEMENT.exec(rest) : null;
				if (summary) container.title = {text: summary[1]!, no};
				else if (placeholder) {
					container.title = {text: placeholder[2]!, no};
					warnPlaceholderTitle(warnings, no, placeholder);
				} else if (rest.trim() !== '') {
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
			if (tag === 'details' && !stack.some((open) => open.tag === 'details')) {
				// Browsers ignore an end tag whose element is not open; so does the reader of the page.
				const inside = [...stack].reverse().find(isCard) ?? top;
				warnings.add(
					no,
					'stray-closing-tag',
					`stray </details> with no <details> open${inside ? ` (inside the ${describeContainer(inside)} of line ${inside.line})` : ''}: skipped, as browsers do`,
				);
				i++;
				continue;
			}
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
			const placeholder = top.tag === 'details' && !title ? PLACEHOLDER_ELEMENT.exec(text) : null;
			if (title || placeholder) {
				flush();
				top.title = {text: (title ?? placeholder)![placeholder ? 2 : 1]!, no};
				if (placeholder) warnPlaceholderTitle(warnings, no, placeholder);
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

		// Paragraph text; a definition-list line `:   text` starts a definition paragraph.
		const definition = DEFINITION.exec(text);
		if (definition) flush();
		if (!paragraph) {
			paragraph = {kind: 'paragraph', lines: [], line: no};
			if (definition) paragraph.definition = true;
			target().push(paragraph);
		}
		paragraph.lines.push({text: definition ? text.slice(definition[0].length) : text, no});
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

function warnPlaceholderTitle(warnings: ImportWarnings, line: number, placeholder: RegExpExecArray): void {
	warnings.add(
		line,
		'crowdin-placeholder',
		`Crowdin placeholder <${placeholder[1]}>…</${placeholder[1]}> in place of the <summary> of a <details>: ` +
			`read "${placeholder[2]!.trim()}" as its title`,
	);
}

function parseList(lines: SourceLine[], start: number): [List, number] {
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
