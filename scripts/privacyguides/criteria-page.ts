// The general-criteria page (about/criteria.md, "our standard criteria" that every category page's
// criteria section links to), read by markup only so every language reads the same:
//   - intro: the paragraphs before the first list (before any heading)
//   - priorities: the items of that first list, each `**Name**: text` (the colon, full-width `：` too,
//     and the spaces around it dropped); an item that does not open with a **bold** name is an error
//   - sections: one per heading after it (any level): its heading, its paragraphs (text) and the items
//     of its lists (a nested bullet appended to its parent as "\n- child")
import type {Block, List} from './blocks';
import {ImportError, type Context} from './context';
import {itemInline, normaliseSpace, paragraphInline, parseInline} from './inline';
import {renderList, toLinks} from './notes';
import type {ImportedCriteriaPage} from './types';

/** Intro, priorities and sections of a general-criteria page (the blocks of its body). */
export function readGeneralCriteria(
	blocks: Block[],
	ctx: Context,
): Pick<ImportedCriteriaPage, 'intro' | 'priorities' | 'sections'> {
	const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
	const head = firstHeading >= 0 ? blocks.slice(0, firstHeading) : blocks;
	const listAt = head.findIndex((b) => b.kind === 'list');
	if (listAt < 0) {
		throw new ImportError(
			ctx.file,
			blocks[0]?.line ?? 1,
			'no list of general criteria ("- **Name**: text") before the first heading',
		);
	}
	const intro = head
		.slice(0, listAt)
		.filter((b) => b.kind === 'paragraph')
		.map((b) => normaliseSpace(paragraphInline(b.lines, ctx).text))
		.filter(Boolean)
		.join('\n\n');

	const priorities = (head[listAt] as List).items.map((item) => {
		const raw = item.lines.map((l) => l.text).join('\n');
		const bold = /^\s*(\*\*|__)([\s\S]+?)\1[ \t\u00a0]*[:：]?[ \t\u00a0]*/.exec(raw);
		if (!bold) throw new ImportError(ctx.file, item.line, 'general criterion does not start with its **bold** name');
		const name = normaliseSpace(parseInline(bold[2]!, item.line, ctx).text).replace(/[ \u00a0]*[:：]$/, '');
		const inline = parseInline(raw.slice(bold[0].length), item.line, ctx);
		const text = normaliseSpace(inline.text);
		if (!name || !text) throw new ImportError(ctx.file, item.line, 'general criterion has no name or no text');
		return {name, text, links: toLinks(inline.links), line: item.line};
	});

	const sections: ImportedCriteriaPage['sections'] = [];
	let current: ImportedCriteriaPage['sections'][number] | null = null;
	const text: string[] = [];
	const close = () => {
		if (current) current.text = text.splice(0).join('\n\n');
	};
	for (const block of firstHeading >= 0 ? blocks.slice(firstHeading) : []) {
		if (block.kind === 'heading') {
			close();
			const heading = normaliseSpace(parseInline(block.raw, block.line, ctx).text);
			if (!heading) throw new ImportError(ctx.file, block.line, 'empty heading');
			current = {heading, text: '', items: [], line: block.line};
			sections.push(current);
		} else if (block.kind === 'paragraph') {
			const own = normaliseSpace(paragraphInline(block.lines, ctx).text);
			if (own) text.push(own);
		} else if (block.kind === 'list' && current) {
			for (const item of block.items) {
				const own = normaliseSpace(itemInline(item, ctx).text);
				if (!own) throw new ImportError(ctx.file, item.line, 'empty list item');
				current.items.push(item.children.length ? `${own}\n${renderList(item.children, ctx).text}` : own);
			}
		}
	}
	close();
	return {intro, priorities, sections};
}
