// The page model (page.ts): title, threats, intro, which heading names which card, criteria.
import {describe, expect, it} from 'vitest';
import {sourceLines} from './blocks';
import {parseFrontMatter} from './front-matter';
import {readCriteria, readHead, readTitle, readTools, rejectNestedCards} from './page';
import {blocksOf, context, importError, PG} from './test-helpers';

const ctx = context();
const card = (name: string, bold = true) =>
	`<div class="admonition recommendation" markdown>\n\n${bold ? `**${name}**` : name} does things.\n\n` +
	'[:octicons-home-16: H](https://t.example){ .md-button .md-button--primary }\n\n</div>\n';

describe('readTitle', () => {
	const title = (front: string) =>
		readTitle(parseFrontMatter(sourceLines(`---\n${front}\n---\n`, 'x.md'), 'x.md'), ctx);

	it('reads the title and description as plain text', () => {
		expect(title('title: "**Photo**   Management"\ndescription: See [this](a.md).')).toEqual({
			title: 'Photo Management',
			description: 'See this.',
		});
		expect(title('title: T')).toEqual({title: 'T', description: ''});
	});

	it('refuses a page without a title, at the title line when there is one', () => {
		expect(importError(() => title('description: D'))).toBe(
			'x.md:1: front matter has no title: not a Privacy Guides page',
		);
		expect(importError(() => title('icon: x\ntitle: ":material-x:"'))).toBe(
			'x.md:3: front matter has no title: not a Privacy Guides page',
		);
	});
});

describe('readHead: threats and intro before the first heading', () => {
	it('reads the threat list after <small>, and the paragraphs after it as the intro', () => {
		const md = [
			'<small>Protects against:</small>',
			'',
			'- [:material-eye: Passive Attacks](basics/common-threats.md#security-and-privacy){ .pg-orange }',
			'- [:material-server: Service Providers](basics/common-threats.md#privacy-from-service-providers){ .pg-teal }',
			'',
			'First  paragraph.',
			'',
			'<div class="admonition tip" markdown>',
			'Not intro.',
			'</div>',
			'',
			'Second.',
			'',
			'## Heading',
			'',
			'Not intro either.',
		].join('\n');
		expect(readHead(blocksOf(md), ctx)).toEqual({
			threats: [
				{label: 'Passive Attacks', url: `${PG}/en/basics/common-threats/#security-and-privacy`},
				{label: 'Service Providers', url: `${PG}/en/basics/common-threats/#privacy-from-service-providers`},
			],
			intro: 'First paragraph.\n\nSecond.',
		});
	});

	it('takes every paragraph before the first heading as intro when there is no <small> line', () => {
		expect(readHead(blocksOf('One.\n\nTwo.\n'), ctx)).toEqual({threats: [], intro: 'One.\n\nTwo.'});
	});

	it.each([
		[
			'no list after <small>',
			'<small>P</small>\n\nText\n',
			'x.md:1: threat list expected right after the <small>…</small> line',
		],
		[
			'an item with two links',
			'<small>P</small>\n\n- [A](a.md){ .pg-red } [B](b.md){ .pg-red }\n',
			'x.md:3: threat list item must be one link [:icon: Label](…){ .pg-COLOUR }, found 2 links',
		],
		[
			'an item without a colour class',
			'<small>P</small>\n\n- [A](a.md)\n',
			'x.md:3: threat list item has no { .pg-COLOUR } class',
		],
		[
			'an item without a label',
			'<small>P</small>\n\n- [:material-x:](a.md){ .pg-red }\n',
			'x.md:3: threat list item has no label',
		],
		[
			'a link off the site',
			'<small>P</small>\n\n- [A](https://example.com/#x){ .pg-red }\n',
			'x.md:3: threat link must point into the site (e.g. basics/common-threats.md#…): https://example.com/#x',
		],
	])('refuses %s', (_name, markdown, message) => {
		expect(importError(() => readHead(blocksOf(markdown), ctx))).toBe(message);
	});
});

describe('readTools: cards and the headings that name them', () => {
	it('names a card by the heading whose section holds only it, else by its bold text', () => {
		const md = `# Page\n\n## Alpha\n\n${card('Ignored')}\nNote after Alpha.\n\n## Others\n\n${card('Beta')}\n${card('Gamma')}\n### Delta\n${card('Delta', false)}`;
		const tools = readTools(blocksOf(md), ctx);
		expect(tools.map((t) => [t.name, t.heading, t.line, t.notes.map((n) => n.text)])).toEqual([
			['Alpha', ['Page', 'Alpha'], 5, ['Note after Alpha.']],
			['Beta', ['Page', 'Others'], 17, []],
			['Gamma', ['Page', 'Others'], 25, []],
			['Delta', ['Page', 'Others', 'Delta'], 34, []],
		]);
	});

	it('refuses an empty heading', () => {
		expect(importError(() => readTools(blocksOf('## Fine\n\n## :material-x:\n'), ctx))).toBe('x.md:3: empty heading');
	});
});

describe('readCriteria', () => {
	const section = (sub: string) => `## Criteria\n\nPlease see [our criteria](about/criteria.md).\n\n${sub}`;

	it('reads the minimum and best-case lists of the section that links to about/criteria.md', () => {
		const md = [
			`## Tool\n\n${card('Tool')}`,
			'## Not criteria\n\n### A\n\n- skipped\n',
			section(
				'### Minimum\n\n- Must be *open* source.\n- Must offer:\n    - a web app.\n\n### Best case\n\n- Should be audited.\n',
			),
		].join('\n');
		expect(readCriteria(blocksOf(md), ctx)).toEqual({
			minimum: ['Must be open source.', 'Must offer:\n- a web app.'],
			bestCase: ['Should be audited.'],
		});
	});

	it('finds none on a page without such a section, or where that section holds cards', () => {
		expect(readCriteria(blocksOf('## A\n\n- x\n'), ctx)).toEqual({minimum: [], bestCase: []});
		expect(readCriteria(blocksOf(section(`### A\n\n- a\n\n### B\n\n- b\n\n${card('T')}`)), ctx)).toEqual({
			minimum: [],
			bestCase: [],
		});
	});

	it.each([
		[
			'three subsections',
			section('### A\n\n- a\n\n### B\n\n- b\n\n### C\n\n- c\n'),
			'x.md:1: criteria section must have two ### subsections (minimum requirements, then best case); found 3',
		],
		[
			'a subsection without a list',
			section('### A\n\nText.\n\n### B\n\n- b\n'),
			'x.md:5: criteria subsection has no bullet list',
		],
		['an empty item', section('### A\n\n- :material-x:\n\n### B\n\n- b\n'), 'x.md:7: empty criteria item'],
	])('refuses %s', (_name, markdown, message) => {
		expect(importError(() => readCriteria(blocksOf(markdown), ctx))).toBe(message);
	});
});

describe('rejectNestedCards', () => {
	it('allows cards at the top level and containers inside cards, refuses a card inside another container', () => {
		expect(() =>
			rejectNestedCards(blocksOf(card('A').replace('</div>', '<details class="tip">\nx\n</details>\n</div>')), ctx),
		).not.toThrow();
		expect(
			importError(() =>
				rejectNestedCards(blocksOf(`<div class="admonition note" markdown>\n\n${card('A')}</div>\n`), ctx),
			),
		).toBe('x.md:3: recommendation card nested inside <div class="admonition note"> (line 1) is not supported');
	});
});
