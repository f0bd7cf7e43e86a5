// Recommendation cards (card.ts): buttons, card links, downloads, name, summary and notes of one tool.
import {describe, expect, it} from 'vitest';
import {isCard, type Container} from './blocks';
import {CARD_LINK_KEYS, parseCard, type HeadingRef} from './card';
import {blocksOf, context, importError, PG, warningsOf} from './test-helpers';

const ctx = context();
const PRIMARY = '[:octicons-home-16: Homepage](https://tool.example){ .md-button .md-button--primary }';

/** The tool of the first card in `markdown` (line 1 opens it); the blocks after the card are its `following`. */
function tool(inner: string, after = '', headings: HeadingRef[] = [], owned = false) {
	const blocks = blocksOf(`<div class="admonition recommendation" markdown>\n\n${inner}\n\n</div>\n${after}`);
	const at = blocks.findIndex(isCard);
	return parseCard(blocks[at] as Container, ctx, headings, owned, blocks.slice(at + 1));
}

const heading = (text: string, level = 2, line = 1): HeadingRef => ({level, text, line});

describe('parseCard', () => {
	it('reads the primary button, card links by icon, the summary and its links', () => {
		const inner = [
			'![Tool logo](assets/tool.svg){ align=right }',
			'',
			'**Tool** is [open source](https://github.com/tool). It has a free plan.',
			'',
			'- Feature one.',
			'',
			PRIMARY,
			'[:octicons-eye-16:](https://tool.example/privacy){ .card-link title="Privacy Policy" }',
			'[:octicons-info-16:](https://tool.example/docs){ .card-link }',
			'[:octicons-code-16:](https://github.com/tool){ .card-link }',
			'[:octicons-heart-16:](https://tool.example/donate){ .card-link }',
			'[:simple-torbrowser: Onion](http://tool.onion){ .md-button }',
		].join('\n');
		expect(tool(inner, '', [heading('Category', 2), heading('Tool', 3)], true)).toEqual({
			name: 'Tool',
			heading: ['Category', 'Tool'],
			summary: 'Tool is open source. It has a free plan.\n\n- Feature one.',
			summaryLinks: [{label: 'open source', url: 'https://github.com/tool'}],
			links: {
				homepage: 'https://tool.example',
				privacyPolicy: 'https://tool.example/privacy',
				documentation: 'https://tool.example/docs',
				sourceCode: 'https://github.com/tool',
				contribute: 'https://tool.example/donate',
				simpleTorbrowser: 'http://tool.onion',
			},
			downloads: [],
			notes: [],
			line: 1,
		});
		expect(Object.keys(CARD_LINK_KEYS)).toEqual([
			'octicons-eye-16',
			'octicons-info-16',
			'octicons-code-16',
			'octicons-heart-16',
		]);
	});

	it('names a card that lost its bold name by the heading that owns it, with a warning at its text', () => {
		const own = context('passwords', 'he');
		const blocks = blocksOf(
			`<div class="admonition recommendation" markdown>\n\n![logo](x.png)\n\nKeePassDX הוא מנהל סיסמאות.\n\n${PRIMARY}\n\n</div>\n`,
		);
		const card = parseCard(
			blocks[0] as Container,
			own,
			[heading('אחסון מקומי'), heading('KeePassDX (אנדרואיד)', 3, 9)],
			true,
			[],
		);
		expect([card.name, card.heading, card.summary]).toEqual([
			'KeePassDX (אנדרואיד)',
			['אחסון מקומי', 'KeePassDX (אנדרואיד)'],
			'KeePassDX הוא מנהל סיסמאות.',
		]);
		expect(warningsOf(own)).toEqual([
			'x.md:5: warning: the text of the recommendation card of line 1 does not start with its **bold** tool name: ' +
				'named "KeePassDX (אנדרואיד)" by its heading (line 9)',
		]);
		// With its bold name, the same card reports nothing (the heading still names it).
		const fine = context('passwords', 'he');
		const bold = blocksOf(
			`<div class="admonition recommendation" markdown>\n\n**KeePassDX** הוא.\n\n${PRIMARY}\n\n</div>\n`,
		);
		expect(parseCard(bold[0] as Container, fine, [heading('KeePassDX (אנדרואיד)', 3)], true, []).name).toBe(
			'KeePassDX (אנדרואיד)',
		);
		expect(warningsOf(fine)).toEqual([]);
	});

	it('takes its name from the bold text when no heading owns it (** or __, after a logo), and has no heading key without headings', () => {
		const bold = tool(
			`![logo](x.png) **Filen** offers storage.\n\n${PRIMARY}`,
			'',
			[heading('Other Providers')],
			false,
		);
		expect([bold.name, bold.heading]).toEqual(['Filen', ['Other Providers']]);
		const underscores = tool(`__Internxt__ offers storage.\n\n${PRIMARY}`);
		expect(underscores.name).toBe('Internxt');
		expect('heading' in underscores).toBe(false);
		expect(Object.keys(underscores)).toEqual([
			'name',
			'summary',
			'summaryLinks',
			'links',
			'downloads',
			'notes',
			'line',
		]);
	});

	it('reads the download list and takes admonitions and footnotes inside, and the blocks after it, as notes', () => {
		const inner = [
			'**Tool** syncs.',
			'',
			PRIMARY,
			'',
			'<details class="downloads" markdown>',
			'<summary>Downloads</summary>',
			'',
			'- [:simple-googleplay: Google Play](https://play.google.com/x)',
			'- [:octicons-browser-16: Web](https://app.tool.example)',
			'',
			'</details>',
			'',
			'<div class="admonition note" markdown>',
			'<p class="admonition-title">Note</p>',
			'Beta.',
			'</div>',
		].join('\n');
		const result = tool(inner, '\nAudited in [2021](audit.md).[^1]\n\n[^1]: By Cure53.\n');
		expect(result.downloads).toEqual([
			{label: 'Google Play', icon: 'simple-googleplay', url: 'https://play.google.com/x'},
			{label: 'Web', icon: 'octicons-browser-16', url: 'https://app.tool.example'},
		]);
		expect(result.notes).toEqual([
			{kind: 'note', title: 'Note', text: 'Beta.', links: []},
			{kind: 'paragraph', text: 'Audited in 2021.', links: [{label: '2021', url: `${PG}/en/audit/`}]},
			{kind: 'footnote', title: '1', text: 'By Cure53.', links: []},
		]);
	});
});

describe('parseCard: problems, at the line of the card or of the offending link', () => {
	const downloads = (items: string) =>
		`**Tool** x\n\n${PRIMARY}\n\n<details class="downloads" markdown>\n<summary>D</summary>\n\n${items}\n\n</details>`;
	it.each([
		['no primary button', '**Tool** x', 'x.md:1: recommendation card has no primary button'],
		[
			'a second primary button',
			`**Tool** x\n\n${PRIMARY}\n${PRIMARY}`,
			'x.md:6: recommendation card has a second primary button',
		],
		['no description text', PRIMARY, 'x.md:1: recommendation card has no description text'],
		// No bold name and no heading of its own (two cards under one heading): naming it would be a guess.
		['no name', `Tool does things.\n\n${PRIMARY}`, 'x.md:1: recommendation card has no name'],
		[
			'a card link without an icon',
			`**Tool** x\n\n${PRIMARY}\n[Docs](https://t.example/docs){ .card-link }`,
			'x.md:6: card link has no :icon: shortcode in its label',
		],
		[
			'two card links with one icon',
			`**Tool** x\n\n${PRIMARY}\n[:octicons-eye-16:](https://a){ .card-link }\n[:octicons-eye-16:](https://b){ .card-link }`,
			'x.md:7: card has two links with the icon :octicons-eye-16:',
		],
		[
			'a second download list',
			`${downloads('- [:simple-github: GitHub](https://g)')}\n<details class="downloads" markdown>\n</details>`,
			'x.md:13: recommendation card has a second download list',
		],
		['an empty download list', downloads(''), 'x.md:7: download list is empty'],
		[
			'a download item that is not one link',
			downloads('- Google Play'),
			'x.md:10: download list item must be exactly one link',
		],
		[
			'a download link without an icon',
			downloads('- [GitHub](https://g)'),
			'x.md:10: download link has no :icon: shortcode',
		],
		[
			'a download link without a label',
			downloads('- [:simple-github:](https://g)'),
			'x.md:10: download link has no label',
		],
		[
			'text in a download list',
			downloads('Get it:'),
			'x.md:10: download list contains text that is not a list of links',
		],
	])('%s', (_name, inner, message) => {
		expect(importError(() => tool(inner))).toContain(message);
	});
});
