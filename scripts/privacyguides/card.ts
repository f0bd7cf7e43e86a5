// A recommendation card of a Privacy Guides page → one tool:
//   <div class="admonition recommendation" markdown>
//   ![logo](…){ align=right }                 images: not text, not links
//   **Name** is a …                            description paragraphs (and lists, <small>) → summary
//   [:octicons-home-16: Homepage](URL){ .md-button .md-button--primary }      → links.homepage
//   [:octicons-eye-16:](URL){ .card-link title="Privacy Policy" }            → links.privacyPolicy
//       (card links `{ .card-link }` and secondary `{ .md-button }`s: key from CARD_LINK_KEYS by
//       their ICON shortcode, else the camelCased icon name; never the translatable title)
//   <details class="downloads" markdown>
//   <summary>Downloads</summary>
//   - [:simple-googleplay: Google Play](URL)   → downloads [{label, icon, url}]
//   </details>
//   </div>
// Admonitions and footnotes inside the card, and the paragraphs, lists, admonitions and footnotes
// after it up to the next heading or card, are its notes (notes.ts). Its name is the heading that
// owns it (page.ts decides), else the bold `**Name**` / `__Name__` opening its text. A card owned by a
// heading whose text lost its bold name (a translation slip) is still named by the heading, with a
// warning; a card with neither is an error.
import {isDownloads, type Block, type Container} from './blocks';
import {ImportError, type Context} from './context';
import {itemInline, normaliseSpace, paragraphInline, parseInline, type InlineLink} from './inline';
import {noteFor, renderList, toLinks} from './notes';
import {ICON_PATTERN, type ImportedDownload, type ImportedNote, type ImportedTool} from './types';

/** Card-link icon shortcode → key in `links`. Other icons give their camelCased name. */
export const CARD_LINK_KEYS: Readonly<Record<string, string>> = {
	'octicons-eye-16': 'privacyPolicy',
	'octicons-info-16': 'documentation',
	'octicons-code-16': 'sourceCode',
	'octicons-heart-16': 'contribute',
};

/** `simple-torbrowser` → `simpleTorbrowser`. */
function camelCase(icon: string): string {
	return icon
		.split('-')
		.map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
		.join('');
}

const isPrimary = (link: InlineLink) => !!link.attrs?.classes.includes('md-button--primary');
const isCardButton = (link: InlineLink) =>
	!!link.attrs && (link.attrs.classes.includes('card-link') || link.attrs.classes.includes('md-button'));

/** A heading above a card, as page.ts tracks them (outermost first). */
export interface HeadingRef {
	level: number;
	text: string;
	line: number;
}

/**
 * The tool of a card. `headingPath` is the headings above it (outermost first); `ownedByHeading`
 * says whether the nearest one names it; `following` is the blocks after it that are its notes.
 */
export function parseCard(
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
	let firstSummaryLine = card.line;
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
				if (firstSummaryRaw === null) {
					firstSummaryRaw = child.lines.map((l) => l.text).join('\n');
					firstSummaryLine = child.line;
				}
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
	const raw = (firstSummaryRaw ?? '').replace(/^(?:\s*!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?)+/, '');
	const bold = /^\s*(\*\*|__)(.+?)\1/s.exec(raw);
	if (ownedByHeading && owner) {
		name = owner.text;
		if (!bold) {
			ctx.warnings.add(
				firstSummaryLine,
				'card-name-from-heading',
				`the text of the recommendation card of line ${card.line} does not start with its **bold** tool name: ` +
					`named "${owner.text}" by its heading (line ${owner.line})`,
			);
		}
	} else if (bold) name = normaliseSpace(parseInline(bold[2]!, card.line, ctx).text);
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

/** The links of a `<details class="downloads">` list: one `[:icon: Label](URL)` per item. */
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
