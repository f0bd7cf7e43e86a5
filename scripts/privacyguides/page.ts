// The page model of a Privacy Guides category page, read from its block tree (blocks.ts) by
// markup only, so the same page in any language (and other category pages of the same form)
// imports the same way:
//   - title, description: front matter `title:` (required) / `description:`
//   - threat list: the bullet list right after the first `<small>…</small>` line (before any
//     heading); each item is `[:icon: Label](basics/common-threats.md#anchor){ .pg-COLOUR }`
//   - intro: the paragraphs between the threat list (or the front matter) and the first heading
//   - tools: one per recommendation card `<div class="admonition recommendation" markdown>` (card.ts),
//     named by the heading directly owning it (the nearest heading above it, when that heading's
//     section holds no other card), else by the bold `**Name**` opening the card's text
//   - notes: paragraphs, lists, admonitions and footnotes after a card up to the next heading/card
//   - criteria: the `##` section (without cards) whose text links to `about/criteria.md`; its first
//     `###` subsection's list is `minimum`, the second's is `bestCase`
// A card nested in another container (but a card) is an error.
import {describeContainer, isCard, type Block, type Container, type Heading, type List, type Paragraph} from './blocks';
import {ImportError, type Context} from './context';
import {parseCard, type HeadingRef} from './card';
import type {FrontMatter} from './front-matter';
import {itemInline, normaliseSpace, paragraphInline, parseInline} from './inline';
import {renderList} from './notes';
import {PRIVACY_GUIDES_ORIGIN, type ImportedPage, type ImportedThreat, type ImportedTool} from './types';

/** Title and description from the front matter; a page without a title is not a Privacy Guides page. */
export function readTitle(front: FrontMatter, ctx: Context): Pick<ImportedPage, 'title' | 'description'> {
	const titleEntry = front.values.get('title');
	const title = titleEntry ? normaliseSpace(parseInline(titleEntry.value, titleEntry.line, ctx).text) : '';
	if (!title)
		throw new ImportError(ctx.file, titleEntry?.line ?? 1, 'front matter has no title: not a Privacy Guides page');
	const descriptionEntry = front.values.get('description');
	const description = descriptionEntry
		? normaliseSpace(parseInline(descriptionEntry.value, descriptionEntry.line, ctx).text)
		: '';
	return {title, description};
}

/** Threat list and intro: everything before the first heading. */
export function readHead(blocks: Block[], ctx: Context): Pick<ImportedPage, 'threats' | 'intro'> {
	const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
	const head = firstHeading >= 0 ? blocks.slice(0, firstHeading) : blocks;
	let threats: ImportedThreat[] = [];
	let introFrom = 0;
	const smallAt = head.findIndex((b) => b.kind === 'small');
	if (smallAt >= 0) {
		const small = head[smallAt]!;
		const list = head[smallAt + 1];
		if (!list || list.kind !== 'list') {
			throw new ImportError(ctx.file, small.line, 'threat list expected right after the <small>…</small> line');
		}
		threats = parseThreats(list, ctx);
		introFrom = smallAt + 2;
	}
	const intro = head
		.slice(introFrom)
		.filter((b): b is Paragraph => b.kind === 'paragraph')
		.map((b) => normaliseSpace(paragraphInline(b.lines, ctx).text))
		.filter(Boolean)
		.join('\n\n');
	return {threats, intro};
}

/** One tool per recommendation card, in page order, with the headings above it. */
export function readTools(blocks: Block[], ctx: Context): ImportedTool[] {
	const tools: ImportedTool[] = [];
	const headingStack: HeadingRef[] = [];
	for (let idx = 0; idx < blocks.length; idx++) {
		const block = blocks[idx]!;
		if (block.kind === 'heading') {
			while (headingStack.length && headingStack[headingStack.length - 1]!.level >= block.level) headingStack.pop();
			const headingText = normaliseSpace(parseInline(block.raw, block.line, ctx).text);
			if (!headingText) throw new ImportError(ctx.file, block.line, 'empty heading');
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
	return tools;
}

function parseThreats(list: List, ctx: Context): ImportedThreat[] {
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

/** The criteria lists, or empty ones when no section links to about/criteria.md. */
export function readCriteria(blocks: Block[], ctx: Context): {minimum: string[]; bestCase: string[]} {
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

		const subsections: {heading: Heading; body: Block[]}[] = [];
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
			const list = subBody.find((b): b is List => b.kind === 'list');
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
export function rejectNestedCards(blocks: Block[], ctx: Context, parent: Container | null = null): void {
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
