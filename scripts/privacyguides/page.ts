// The page model of a Privacy Guides category page, read from its block tree (blocks.ts) by
// markup only, so the same page in any language (and other category pages of the same form)
// imports the same way:
//   - title, description: front matter `title:` (required) / `description:`
//   - threat list: the bullet list right after the first `<small>…</small>` line (before any
//     heading); each item is `[:icon: Label](basics/common-threats.md#anchor){ .pg-COLOUR }`; the
//     icon is kept: it is what ties a tag to its definition on the common-threats page (threats-page.ts)
//   - intro: the paragraphs between the threat list (or the front matter) and the first heading
//   - tools: one per recommendation card `<div class="admonition recommendation" markdown>` (card.ts),
//     named by the heading directly owning it (the nearest heading above it, when that heading's
//     section holds no other card), else by the bold `**Name**` opening the card's text
//   - notes: paragraphs, lists, admonitions and footnotes after a card up to the next heading/card
//   - criteria: every section (a heading of any level, no card under it, not inside another criteria
//     section) whose text before its first sub-heading links to `about/criteria.md`, read as named
//     groups (readCriteria says how: one group per section, or per sub-heading when those hold
//     **bold** labels, as on the email and VPN pages); `minimum` / `bestCase` are all groups' lists
// A card nested in another container (but a card) is an error.
import {describeContainer, isCard, type Block, type Container, type Heading, type List, type Paragraph} from './blocks';
import {ImportError, type Context} from './context';
import {parseCard, type HeadingRef} from './card';
import type {FrontMatter} from './front-matter';
import {itemInline, normaliseSpace, paragraphInline, parseInline} from './inline';
import {renderList} from './notes';
import {
	PRIVACY_GUIDES_ORIGIN,
	type ImportedCriteriaGroup,
	type ImportedPage,
	type ImportedThreat,
	type ImportedTool,
} from './types';

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
		out.push(link.icon ? {label: link.label, url: link.url, icon: link.icon} : {label: link.label, url: link.url});
	}
	return out;
}

/**
 * The page's criteria: one group per criteria section (see the header), or per sub-heading of one
 * whose sub-headings hold **bold** labels. `minimum` / `bestCase` list every group's items in page
 * order; all empty when no section links to about/criteria.md.
 */
export function readCriteria(blocks: Block[], ctx: Context): ImportedPage['criteria'] {
	const criteriaUrl = `${PRIVACY_GUIDES_ORIGIN}/${ctx.lang}/about/criteria/`;
	const groups: ImportedCriteriaGroup[] = [];
	const path: HeadingRef[] = [];
	let insideUntil = -1;
	for (let h = 0; h < blocks.length; h++) {
		const heading = blocks[h]!;
		if (heading.kind !== 'heading') continue;
		while (path.length && path[path.length - 1]!.level >= heading.level) path.pop();
		path.push({level: heading.level, text: headingText(heading, ctx), line: heading.line});
		if (h < insideUntil) continue;
		const end = sectionEnd(blocks, h);
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
		groups.push(...readCriteriaSection(heading, body, path, ctx));
		insideUntil = end;
	}
	return {
		minimum: groups.flatMap((group) => group.minimum),
		bestCase: groups.flatMap((group) => group.bestCase),
		groups,
	};
}

function headingText(heading: Heading, ctx: Context): string {
	return normaliseSpace(parseInline(heading.raw, heading.line, ctx).text);
}

/** Index of the first block after the section of the heading at `h` (the next heading of its level or above). */
function sectionEnd(blocks: Block[], h: number): number {
	const level = (blocks[h] as Heading).level;
	let end = h + 1;
	while (end < blocks.length) {
		const b = blocks[end]!;
		if (b.kind === 'heading' && b.level <= level) break;
		end++;
	}
	return end;
}

/** A paragraph that is one **bold** run and nothing else, e.g. `**Minimum to Qualify:**`: a label. */
function isLabel(block: Block): boolean {
	if (block.kind !== 'paragraph') return false;
	return /^(\*\*|__)(?:(?!\1)[\s\S])+\1$/.test(
		block.lines
			.map((l) => l.text)
			.join('\n')
			.trim(),
	);
}

/**
 * One criteria section (its heading and the blocks under it) → its groups:
 *   - when a sub-heading (the highest level under it) holds a **bold** label paragraph, as on the
 *     email and VPN pages (`### Technology` / `**Minimum to Qualify:**` list / `**Best Case:**` list),
 *     each sub-heading is a group named by it (and lists before the first sub-heading, if any, a group
 *     named by the section); in a group, the list(s) after the first label are `minimum`, after the
 *     second `bestCase` (lists before any label count as one more part, first); a third is an error;
 *   - otherwise the section is one group: its lists before the first sub-heading, then each
 *     sub-heading's lists, are its parts, the first `minimum`, the second `bestCase` (the photo page:
 *     `### Minimum Requirements` / `### Best Case`; the notebooks page: a list, then `### Best Case`;
 *     the passwords page's local-storage section: one list); a sub-heading without a list, no part or
 *     more than two are errors.
 * A paragraph between two lists of a part introduces the second: it is one item, the list nested
 * under it ("Must not have irresponsible marketing:\n- …"). Other paragraphs are the group's `text`.
 */
function readCriteriaSection(
	heading: Heading,
	body: Block[],
	path: HeadingRef[],
	ctx: Context,
): ImportedCriteriaGroup[] {
	const names = path.map((ref) => ref.text).filter(Boolean);
	const headings = body.filter((b): b is Heading => b.kind === 'heading');
	const childLevel = Math.min(...headings.map((b) => b.level));
	const firstSub = body.findIndex((b) => b.kind === 'heading');
	const lead = firstSub >= 0 ? body.slice(0, firstSub) : body;
	const subs: {heading: Heading; body: Block[]}[] = [];
	for (let k = 0; k < body.length; k++) {
		const b = body[k]!;
		if (b.kind !== 'heading' || b.level !== childLevel) continue;
		let stop = k + 1;
		while (stop < body.length) {
			const n = body[stop]!;
			if (n.kind === 'heading' && n.level <= childLevel) break;
			stop++;
		}
		subs.push({heading: b, body: body.slice(k + 1, stop)});
	}

	if (subs.some((sub) => sub.body.some(isLabel))) {
		const groups: ImportedCriteriaGroup[] = [];
		const leadParts = readParts(lead, ctx);
		if (leadParts.parts.some((part) => part.length)) groups.push(toGroup(names, heading, leadParts, ctx));
		for (const sub of subs) {
			groups.push(toGroup([...names, headingText(sub.heading, ctx)], sub.heading, readParts(sub.body, ctx), ctx));
		}
		return groups;
	}

	const leadParts = readParts(lead, ctx);
	const parts = leadParts.parts.filter((part) => part.length);
	const text = [leadParts.text];
	for (const sub of subs) {
		const read = readParts(sub.body, ctx);
		const items = read.parts.flat();
		if (!items.length) throw new ImportError(ctx.file, sub.heading.line, 'criteria subsection has no bullet list');
		parts.push(items);
		text.push(read.text);
	}
	if (parts.length === 0 || parts.length > 2) {
		throw new ImportError(
			ctx.file,
			heading.line,
			`criteria section must have one or two lists (minimum requirements, then best case), in its text or ` +
				`under its ${'#'.repeat(childLevel === Infinity ? heading.level + 1 : childLevel)} sub-headings; found ${parts.length}`,
		);
	}
	return [
		{
			heading: names,
			text: text.filter(Boolean).join('\n\n'),
			minimum: parts[0]!,
			bestCase: parts[1] ?? [],
			line: heading.line,
		},
	];
}

/** The blocks of a group → its parts (split by **bold** labels; lists before any label are a part) and text. */
function readParts(blocks: Block[], ctx: Context): {parts: string[][]; text: string} {
	const parts: string[][] = [];
	const text: string[] = [];
	let current: string[] | null = null;
	for (let k = 0; k < blocks.length; k++) {
		const block = blocks[k]!;
		if (isLabel(block)) {
			current = [];
			parts.push(current);
		} else if (block.kind === 'list') {
			if (!current) {
				current = [];
				parts.push(current);
			}
			current.push(...criteriaItems(block, ctx));
		} else if (block.kind === 'paragraph') {
			const own = normaliseSpace(paragraphInline(block.lines, ctx).text);
			const next = blocks[k + 1];
			if (current?.length && next?.kind === 'list' && own) {
				current.push(`${own}\n${renderList(next.items, ctx).text}`);
				k++;
			} else if (own) text.push(own);
		}
	}
	return {parts, text: text.join('\n\n')};
}

function toGroup(
	names: string[],
	heading: Heading,
	read: {parts: string[][]; text: string},
	ctx: Context,
): ImportedCriteriaGroup {
	const parts = read.parts.filter((part) => part.length);
	if (parts.length > 2) {
		throw new ImportError(
			ctx.file,
			heading.line,
			`criteria group has ${parts.length} labelled lists; expected at most two (minimum requirements, then best case)`,
		);
	}
	return {heading: names, text: read.text, minimum: parts[0] ?? [], bestCase: parts[1] ?? [], line: heading.line};
}

/** Top-level bullets; a nested bullet is appended to its parent as "\n- child". */
function criteriaItems(list: List, ctx: Context): string[] {
	return list.items.map((item) => {
		const own = normaliseSpace(itemInline(item, ctx).text);
		if (!own) throw new ImportError(ctx.file, item.line, 'empty criteria item');
		return item.children.length ? `${own}\n${renderList(item.children, ctx).text}` : own;
	});
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
