// Blocks → plain text with their links, as the page model keeps them (tool summaries, notes,
// criteria). Reads the block tree of blocks.ts and the inline markup of inline.ts:
//   - a paragraph or `<small>` line → its text, whitespace collapsed
//   - a list → "- item" lines, nested items indented by two spaces per level ("  - nested")
//   - a footnote `[^id]: text` → a `footnote` note titled by its id
//   - an admonition `<div class="admonition TYPE" markdown>` / `<details class="TYPE" markdown>` →
//     a note of kind TYPE (`details` / `note` when it has no type), titled by its
//     `<p class="admonition-title">` / `<summary>`, its blocks' texts separated by blank lines
// Images are not links here.
import type {Block, Container, ListItem} from './blocks';
import type {Context} from './context';
import {itemInline, normaliseSpace, paragraphInline, parseInline, type Inline, type InlineLink} from './inline';
import type {ImportedLink, ImportedNote} from './types';

/** The links of the output (no images). */
export function toLinks(links: InlineLink[]): ImportedLink[] {
	return links.filter((link) => !link.image).map((link) => ({label: link.label, url: link.url}));
}

/** Renders list items as "- a\n- b\n  - nested", collecting links. */
export function renderList(items: ListItem[], ctx: Context, depth = 0): Inline {
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

/** `danger`, `note`, `warning`…: the first class that is not `admonition`. */
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

/** A block as a note (null for code and empty paragraphs). */
export function noteFor(block: Block, ctx: Context): ImportedNote | null {
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
