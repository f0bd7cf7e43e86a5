// Block structure (blocks.ts): source lines, the block tree, and where structural problems are reported.
import {describe, expect, it} from 'vitest';
import {describeContainer, isCard, isDownloads, sourceLines, type Block, type Container} from './blocks';
import {ImportWarnings} from './context';
import {blocksOf, FILE, importError, warningsOf} from './test-helpers';

/** A block tree with only what a test looks at: kinds, lines and texts. */
function outline(blocks: Block[]): unknown[] {
	return blocks.map((block) => {
		switch (block.kind) {
			case 'heading':
				return ['heading', block.level, block.raw, block.line];
			case 'paragraph':
				return ['paragraph', block.lines.map((l) => `${l.no}:${l.text}`)];
			case 'list':
				return ['list', block.line, items(block.items)];
			case 'container':
				return ['container', block.tag, block.classes, block.title?.text, block.line, outline(block.children)];
			case 'small':
				return ['small', block.raw, block.line];
			case 'footnote':
				return ['footnote', block.id, block.lines.map((l) => `${l.no}:${l.text}`)];
			case 'code':
				return ['code', block.line];
		}
	});
}

function items(list: Extract<Block, {kind: 'list'}>['items']): unknown[] {
	return list.map((item) => {
		const text = item.lines.map((l) => `${l.no}:${l.text}`);
		return item.children.length ? [text, items(item.children)] : text;
	});
}

describe('sourceLines', () => {
	it('numbers lines from 1 whatever ends them (LF, CRLF, CR) and drops a leading BOM', () => {
		expect(sourceLines('\uFEFFa\r\nb\rc\nd', 'x.md')).toEqual([
			{text: 'a', no: 1},
			{text: 'b', no: 2},
			{text: 'c', no: 3},
			{text: 'd', no: 4},
		]);
	});

	it('refuses a NUL character at its line', () => {
		expect(importError(() => sourceLines('a\nb\nc\u0000d', 'x.md'))).toBe('x.md:3: NUL character: not a text file');
	});
});

describe('parseBlocks: the block tree', () => {
	it('reads headings (closing #s dropped), paragraphs and definition-list lines', () => {
		expect(outline(blocksOf('# One\n\nText on\ntwo lines\n\n## Two ##\n:   Defined\n###\n'))).toEqual([
			['heading', 1, 'One', 1],
			['paragraph', ['3:Text on', '4:two lines']],
			['heading', 2, 'Two', 6],
			['paragraph', ['7:Defined']],
			['heading', 3, '', 8],
		]);
	});

	it('nests list items by indentation, with lazy and indented continuation lines', () => {
		const md = ['- a', 'lazy', '    - b', '', '      after blank', '1. c', '2) d', '', 'Paragraph'].join('\n');
		expect(outline(blocksOf(md))).toEqual([
			['list', 1, [[['1:a', '2:lazy'], [['3:b', '5:after blank']]], ['6:c'], ['7:d']]],
			['paragraph', ['9:Paragraph']],
		]);
	});

	it('ends a list at a block start or an unindented line after a blank line', () => {
		expect(outline(blocksOf('- a\n## H\n- b\n\nText\n'))).toEqual([
			['list', 1, [['1:a']]],
			['heading', 2, 'H', 2],
			['list', 3, [['3:b']]],
			['paragraph', ['5:Text']],
		]);
	});

	it('ends a paragraph at a block start even without a blank line', () => {
		expect(outline(blocksOf('A\n<small>S</small>\nB\n<!-- c -->\nC\n[^1]: F\n'))).toEqual([
			['paragraph', ['1:A']],
			['small', 'S', 2],
			['paragraph', ['3:B']],
			['paragraph', ['5:C']],
			['footnote', '1', ['6:F']],
		]);
	});

	it('ends a list item or footnote at a block start instead of taking it as a lazy continuation', () => {
		expect(outline(blocksOf('- a\n<small>S</small>\n[^1]: F\n<small>T</small>\n- b\n<!-- c -->\n'))).toEqual([
			['list', 1, [['1:a']]],
			['small', 'S', 2],
			['footnote', '1', ['3:F']],
			['small', 'T', 4],
			['list', 5, [['5:b']]],
		]);
	});

	it('keeps an indented list marker inside a paragraph as paragraph text', () => {
		expect(outline(blocksOf('Text\n    - not an item\n'))).toEqual([['paragraph', ['1:Text', '2:    - not an item']]]);
	});

	it('reads <div>/<details> containers with their classes and titles', () => {
		const md = [
			'<div class="admonition warning" markdown>',
			'<p class="admonition-title">Careful</p>',
			'',
			'Inside.',
			'',
			'</div>',
			'<details class="note" markdown><summary>More</summary>',
			'Hidden.',
			'</details>',
			"<details class='tip' markdown>",
			'<summary>Tip</summary>',
			'</details>',
		].join('\n');
		expect(outline(blocksOf(md))).toEqual([
			['container', 'div', ['admonition', 'warning'], 'Careful', 1, [['paragraph', ['4:Inside.']]]],
			['container', 'details', ['note'], 'More', 7, [['paragraph', ['8:Hidden.']]]],
			['container', 'details', ['tip'], 'Tip', 10, []],
		]);
	});

	it('keeps a <div> opened and closed on one line as paragraph text', () => {
		expect(outline(blocksOf('<div class="x">inline</div>\n'))).toEqual([
			['paragraph', ['1:<div class="x">inline</div>']],
		]);
	});

	it('reads <small> lines and footnotes with their lazy and indented continuation lines', () => {
		const md = '<small>Protects against:</small>\n\n[^1]: First\nlazy\n\n    third\n\nAfter\n[^b]: x\n- item\n';
		expect(outline(blocksOf(md))).toEqual([
			['small', 'Protects against:', 1],
			['footnote', '1', ['3:First', '4:lazy', '6:    third']],
			['paragraph', ['8:After']],
			['footnote', 'b', ['9:x']],
			['list', 10, [['10:item']]],
		]);
	});

	it('skips code fences (a heading inside is not a heading), HTML comments and snippet includes', () => {
		const md = [
			'```md',
			'## Not a heading',
			'```',
			'<!-- a',
			'## hidden',
			'-->',
			'--8<-- "includes/abbreviations.en.txt"',
			'~~~',
			'~~~',
			'Text',
		];
		expect(outline(blocksOf(md.join('\n')))).toEqual([
			['code', 1],
			['code', 8],
			['paragraph', ['10:Text']],
		]);
	});
});

describe('parseBlocks: definition lists', () => {
	it('starts a definition paragraph at a ":   text" line (also right after its term), marker dropped', () => {
		const blocks = blocksOf('Term\n:   Defined\nmore\n\nTerm 2\n\n:  Also defined\n');
		expect(outline(blocks)).toEqual([
			['paragraph', ['1:Term']],
			['paragraph', ['2:Defined', '3:more']],
			['paragraph', ['5:Term 2']],
			['paragraph', ['7:Also defined']],
		]);
		expect(blocks.map((b) => b.kind === 'paragraph' && b.definition === true)).toEqual([false, true, false, true]);
	});

	it('keeps a ":" alone on its line as paragraph text, as the live page does (threats-page.ts reads it)', () => {
		const blocks = blocksOf('<span class="pg-red">:material-x: **T**</span>\n:\n\nText\n');
		expect(outline(blocks)).toEqual([
			['paragraph', ['1:<span class="pg-red">:material-x: **T**</span>', '2::']],
			['paragraph', ['4:Text']],
		]);
		expect(blocks.some((b) => b.kind === 'paragraph' && b.definition)).toBe(false);
	});
});

describe('parseBlocks: slips read through, with a warning', () => {
	const card = '<div class="admonition recommendation" markdown>';

	it('reads a Crowdin placeholder <0>…</0> in place of a <details> summary as its title (same or next line)', () => {
		const warnings = new ImportWarnings(FILE);
		const md = [
			card,
			'',
			'**Tool**',
			'',
			'<details class="downloads" markdown><0>Scarica</0>',
			'',
			'- [:simple-github: GitHub](https://github.com/x)',
			'',
			'</details>',
			'',
			'</div>',
			'<details class="note" markdown>',
			'<1>Nota</1>',
			'Text',
			'</details>',
		].join('\n');
		const blocks = blocksOf(md, warnings);
		expect(outline(blocks)).toEqual([
			[
				'container',
				'div',
				['admonition', 'recommendation'],
				undefined,
				1,
				[
					['paragraph', ['3:**Tool**']],
					[
						'container',
						'details',
						['downloads'],
						'Scarica',
						5,
						[['list', 7, [['7:[:simple-github: GitHub](https://github.com/x)']]]],
					],
				],
			],
			['container', 'details', ['note'], 'Nota', 12, [['paragraph', ['14:Text']]]],
		]);
		expect(warningsOf(warnings)).toEqual([
			'x.md:5: warning: Crowdin placeholder <0>…</0> in place of the <summary> of a <details>: read "Scarica" as its title',
			'x.md:13: warning: Crowdin placeholder <1>…</1> in place of the <summary> of a <details>: read "Nota" as its title',
		]);
	});

	it('skips a </details> with no <details> open, as browsers do (upstream notebooks.md, inside a card)', () => {
		const warnings = new ImportWarnings(FILE);
		const md = `${card}\n\n**Org-mode**\n\n</details>\n\n</div>\n</details>\nAfter\n`;
		expect(outline(blocksOf(md, warnings))).toEqual([
			['container', 'div', ['admonition', 'recommendation'], undefined, 1, [['paragraph', ['3:**Org-mode**']]]],
			['paragraph', ['9:After']],
		]);
		expect(warningsOf(warnings)).toEqual([
			'x.md:5: warning: stray </details> with no <details> open (inside the recommendation card <div> of line 1): skipped, as browsers do',
			'x.md:8: warning: stray </details> with no <details> open: skipped, as browsers do',
		]);
	});

	it('reports nothing on a page without slips', () => {
		const warnings = new ImportWarnings(FILE);
		blocksOf(
			`${card}\n\n**T**\n\n<details class="downloads" markdown>\n<summary>D</summary>\n\n- x\n\n</details>\n\n</div>\n`,
			warnings,
		);
		expect(warnings.list).toEqual([]);
	});
});

describe('parseBlocks: structural problems at the line that causes them', () => {
	const card = '<div class="admonition recommendation" markdown>';
	it.each([
		['an unclosed code fence', 'Text\n\n```\ncode\n', 'x.md:3: unclosed code fence ```'],
		['an unclosed HTML comment', 'Text\n<!-- a\nb\n', 'x.md:2: unclosed HTML comment <!--'],
		[
			'an unclosed <small>',
			'<small>Protects against:\n',
			'x.md:1: unclosed <small> (expected <small>…</small> on one line)',
		],
		[
			'an unclosed <summary>',
			'<details class="note" markdown>\n<summary>Title\n</details>\n',
			'x.md:2: unclosed <summary>',
		],
		['a stray </div>', 'Text\n\n</div>\n', 'x.md:3: </div> without a matching <div>'],
		[
			'a </div> closing a <details>',
			'<div class="admonition note" markdown>\n<details class="tip" markdown>\n</div>\n',
			'x.md:2: unclosed <details class="tip">: </div> at line 3 comes before its </details>',
		],
		[
			'a heading inside an open container',
			'<div class="admonition note" markdown>\n\nText\n\n## Next\n',
			'x.md:1: unclosed <div class="admonition note">: heading at line 5 comes before its </div>',
		],
		[
			'a container open at the end of the file',
			'<details markdown>\nText\n',
			'x.md:1: unclosed <details>: no </details> before the end of the file',
		],
		[
			'a card inside a card',
			`${card}\n\n${card}\n`,
			'x.md:1: unclosed recommendation card <div>: another card starts at line 3 before its </div>',
		],
		[
			'a download list outside a card',
			'<details class="downloads" markdown>\n</details>\n',
			'x.md:1: download list <details class="downloads"> outside a recommendation card ' +
				'(<div class="admonition recommendation" markdown>)',
		],
		[
			'text after an opening tag',
			'<div class="admonition note" markdown>Text\n</div>\n',
			'x.md:1: unexpected content after <div> on the same line: Text',
		],
		[
			'the indented admonition syntax of older pages',
			'## Mullvad\n\n!!! recommendation\n\n    **Mullvad** is a VPN.\n',
			'x.md:3: indented admonition syntax "!!! recommendation" is not supported (Privacy Guides writes ' +
				'<div class="admonition recommendation" markdown> now; this page predates that)',
		],
		[
			'its collapsible form',
			'Text\n\n???+ downloads "Scarica"\n\n    - [x](https://x.example)\n',
			'x.md:3: indented admonition syntax "???+ downloads" is not supported (Privacy Guides writes ' +
				'<div class="admonition downloads" markdown> now; this page predates that)',
		],
		// What the tolerance does not cover: a placeholder only stands for a <details> summary, and an
		// unmatched </div> would close the live page's own container.
		[
			'a Crowdin placeholder after a <div>',
			'<div class="admonition note" markdown><0>Nota</0>\n</div>\n',
			'x.md:1: unexpected content after <div> on the same line: <0>Nota</0>',
		],
		[
			'a </details> closing a <details> that a <div> inside it leaves open',
			'<details class="tip" markdown>\n<div class="admonition note" markdown>\n</details>\n',
			'x.md:2: unclosed <div class="admonition note">: </details> at line 3 comes before its </div>',
		],
		[
			'a stray </div> after a card',
			`${card}\n\n**T**\n\n</div>\n\n</div>\n`,
			'x.md:7: </div> without a matching <div>',
		],
	])('%s', (_name, markdown, message) => {
		expect(importError(() => blocksOf(markdown))).toBe(message);
	});
});

describe('container kinds', () => {
	const container = (opening: string): Container => {
		const block = blocksOf(`<div class="admonition recommendation" markdown>\n${opening}\n</details>\n</div>\n`)[0];
		if (block?.kind !== 'container') throw new Error('no container');
		const inner = block.children[0];
		return inner?.kind === 'container' ? inner : block;
	};

	it('tells cards, download lists and other containers apart, and names them for errors', () => {
		const card = blocksOf('<div class="admonition recommendation" markdown>\n</div>\n')[0]! as Container;
		const downloads = container('<details class="downloads" markdown>');
		const details = container('<details class="tip" markdown>');
		expect([isCard(card), isDownloads(card)]).toEqual([true, false]);
		expect([isCard(downloads), isDownloads(downloads)]).toEqual([false, true]);
		expect([isCard(details), isDownloads(details)]).toEqual([false, false]);
		expect([card, downloads, details].map(describeContainer)).toEqual([
			'recommendation card <div>',
			'download list <details class="downloads">',
			'<details class="tip">',
		]);
	});
});
