// The common-threats page (basics/common-threats.md), the page every threat tag links to, read by
// markup only so every language reads the same:
//   - definitions: the definition list before the first heading, one threat per term
//       <span class="pg-orange">:material-bug-outline: **Passive Attacks**</span>
//
//       :   Being protected from things like malware, data breaches, …
//     the term's colour class and icon shortcode, its **bold** name (the whole span text when not
//     bold), and the definition's text and links
//   - a threat's section: the heading (any level) whose section opens with that threat's
//     `<span class="pg-COLOUR">:icon: Name</span>` line (`## Security and Privacy` for Passive Attacks)
//   - intro: the paragraphs before the first term
// Tolerated with a warning: Crowdin's export splits every definition marker from its text
// (`<span …>…</span>` / `:` alone on the next line / blank line / the text): on the live page that is
// no definition list but a term followed by a stray ":" and a paragraph; the paragraph is read as the
// definition. A term with no definition after it, or a page with no term, is an error.
//
// Joining the tags of a category page to these definitions: by icon (threatsByAnchor), never by
// words. The tags' anchors (#security-and-privacy) keep their English ids in every language; the
// icon is the same in every language and on both pages.
import type {Block} from './blocks';
import {ImportError, type Context} from './context';
import {normaliseSpace, paragraphInline, parseInline} from './inline';
import {toLinks} from './notes';
import type {ImportedThreat, ImportedThreatDefinition, ImportedThreatsPage} from './types';

/** A threat term: `<span class="pg-COLOUR">:icon: **Name**</span>` alone on its line. */
const TERM =
	/^\s*<span\s+class="(pg-[a-z]+(?:-[a-z]+)*)"\s*>\s*:([a-z0-9]+(?:-[a-z0-9]+)+):\s*([\s\S]*?)\s*<\/span>\s*$/;

/** The term of a paragraph (its first line), and whether a lone `:` follows it on the next line. */
function termOf(block: Block): {colour: string; icon: string; inner: string; bareMarkerLine?: number} | null {
	if (block.kind !== 'paragraph' || block.definition) return null;
	const [first, second, ...rest] = block.lines;
	const m = first ? TERM.exec(first.text) : null;
	if (!m || rest.length) return null;
	if (second && second.text.trim() !== ':') return null;
	return {colour: m[1]!, icon: m[2]!, inner: m[3]!, bareMarkerLine: second?.no};
}

/** Definitions and intro of a common-threats page (the blocks of its body). */
export function readThreatDefinitions(
	blocks: Block[],
	ctx: Context,
): Pick<ImportedThreatsPage, 'intro' | 'definitions'> {
	const firstHeading = blocks.findIndex((b) => b.kind === 'heading');
	const head = firstHeading >= 0 ? blocks.slice(0, firstHeading) : blocks;
	const sections = threatSections(blocks, ctx);
	const intro: string[] = [];
	const definitions: ImportedThreatDefinition[] = [];
	for (let k = 0; k < head.length; k++) {
		const block = head[k]!;
		const term = termOf(block);
		if (!term) {
			if (definitions.length === 0 && block.kind === 'paragraph') {
				const text = normaliseSpace(paragraphInline(block.lines, ctx).text);
				if (text) intro.push(text);
			}
			continue;
		}
		const line = block.line;
		const next = head[k + 1];
		if (next?.kind !== 'paragraph' || termOf(next)) {
			throw new ImportError(
				ctx.file,
				line,
				'threat term has no definition: expected a ":   definition" paragraph after the <span class="pg-…"> line',
			);
		}
		if (!next.definition) {
			if (term.bareMarkerLine === undefined) {
				throw new ImportError(
					ctx.file,
					next.line,
					`paragraph after the threat term of line ${line} is not a definition (expected ":   definition")`,
				);
			}
			ctx.warnings.add(
				term.bareMarkerLine,
				'definition-marker-alone',
				`definition marker ":" alone on its line after the threat term of line ${line} (the live page shows ` +
					`a stray ":" and no definition list): read the paragraph of line ${next.line} as its definition`,
			);
		}
		const bold = /^(\*\*|__)([\s\S]+)\1$/.exec(term.inner.trim());
		const name = normaliseSpace(parseInline(bold ? bold[2]! : term.inner, line, ctx).text);
		if (!name) throw new ImportError(ctx.file, line, 'threat term has no name');
		const inline = paragraphInline(next.lines, ctx);
		const explanation = normaliseSpace(inline.text);
		if (!explanation) throw new ImportError(ctx.file, next.line, `threat "${name}" has an empty definition`);
		const definition: ImportedThreatDefinition = {
			icon: term.icon,
			colour: term.colour,
			name,
			explanation,
			explanationLinks: toLinks(inline.links),
			line,
		};
		const section = sections.get(term.icon);
		if (section) definition.section = section;
		definitions.push(definition);
		k++;
	}
	if (definitions.length === 0) {
		throw new ImportError(
			ctx.file,
			blocks[0]?.line ?? 1,
			'no threat definitions: expected <span class="pg-COLOUR">:icon: **Name**</span> lines, each followed by ":   definition", before the first heading',
		);
	}
	return {intro: intro.join('\n\n'), definitions};
}

/** Icon → the first heading whose section opens with that threat's tag line. */
function threatSections(blocks: Block[], ctx: Context): Map<string, {heading: string; line: number}> {
	const out = new Map<string, {heading: string; line: number}>();
	for (let k = 0; k < blocks.length - 1; k++) {
		const heading = blocks[k]!;
		if (heading.kind !== 'heading') continue;
		const term = termOf(blocks[k + 1]!);
		if (!term || term.bareMarkerLine !== undefined || out.has(term.icon)) continue;
		const text = normaliseSpace(parseInline(heading.raw, heading.line, ctx).text);
		if (text) out.set(term.icon, {heading: text, line: heading.line});
	}
	return out;
}

/**
 * The definition of each threat tag of a category page, by the tag's anchor (`security-and-privacy`),
 * joined by icon. `file` names the category page in the error thrown for a tag without an icon or
 * whose icon the common-threats page does not define.
 */
export function threatsByAnchor(
	tags: ImportedThreat[],
	definitions: ImportedThreatDefinition[],
	file: string,
): Map<string, ImportedThreatDefinition> {
	const out = new Map<string, ImportedThreatDefinition>();
	for (const tag of tags) {
		const anchor = new URL(tag.url).hash.slice(1);
		const definition = tag.icon ? definitions.find((d) => d.icon === tag.icon) : undefined;
		if (!definition) {
			throw new ImportError(
				file,
				1,
				tag.icon
					? `threat tag "${tag.label}" (:${tag.icon}:) has no definition on the common-threats page`
					: `threat tag "${tag.label}" has no :icon:, so its definition cannot be found`,
			);
		}
		out.set(anchor, definition);
	}
	return out;
}
