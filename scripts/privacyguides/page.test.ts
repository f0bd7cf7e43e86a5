// The page model (page.ts): title, threats, intro, which heading names which card, criteria (in groups).
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
				{label: 'Passive Attacks', url: `${PG}/en/basics/common-threats/#security-and-privacy`, icon: 'material-eye'},
				{
					label: 'Service Providers',
					url: `${PG}/en/basics/common-threats/#privacy-from-service-providers`,
					icon: 'material-server',
				},
			],
			intro: 'First paragraph.\n\nSecond.',
		});
	});

	it('keeps no icon for a tag whose label has none', () => {
		expect(readHead(blocksOf('<small>P</small>\n\n- [Passive](a.md#x){ .pg-orange }\n'), ctx).threats).toEqual([
			{label: 'Passive', url: `${PG}/en/a/#x`},
		]);
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
		const own = context();
		const md = `# Page\n\n## Alpha\n\n${card('Ignored')}\nNote after Alpha.\n\n## Others\n\n${card('Beta')}\n${card('Gamma')}\n### Delta\n${card('Delta', false)}`;
		const tools = readTools(blocksOf(md), own);
		expect(tools.map((t) => [t.name, t.heading, t.line, t.notes.map((n) => n.text)])).toEqual([
			['Alpha', ['Page', 'Alpha'], 5, ['Note after Alpha.']],
			['Beta', ['Page', 'Others'], 17, []],
			['Gamma', ['Page', 'Others'], 25, []],
			['Delta', ['Page', 'Others', 'Delta'], 34, []],
		]);
		// Delta's card lost its bold name: its heading names it, and that is reported.
		expect(own.warnings.list.map((w) => w.message)).toEqual([
			'x.md:36: warning: the text of the recommendation card of line 34 does not start with its **bold** tool name: ' +
				'named "Delta" by its heading (line 33)',
		]);
	});

	it("names a translated heading's card by that heading, found by its # markup (### KeePassDX (אנדרואיד))", () => {
		const own = context('passwords', 'he');
		const tools = readTools(blocksOf(`## אחסון מקומי\n\n### KeePassDX (אנדרואיד)\n\n${card('KeePassDX')}`), own);
		expect(tools.map((t) => [t.name, t.heading])).toEqual([
			['KeePassDX (אנדרואיד)', ['אחסון מקומי', 'KeePassDX (אנדרואיד)']],
		]);
		expect(own.warnings.list).toEqual([]);
	});

	it('refuses an empty heading', () => {
		expect(importError(() => readTools(blocksOf('## Fine\n\n## :material-x:\n'), ctx))).toBe('x.md:3: empty heading');
	});
});

describe('readCriteria', () => {
	const section = (sub: string) => `## Criteria\n\nPlease see [our criteria](about/criteria.md).\n\n${sub}`;
	const lead = 'Please see our criteria.';

	it('reads the minimum and best-case lists of the section that links to about/criteria.md (the photo page)', () => {
		const md = [
			`## Tool\n\n${card('Tool')}`,
			'## Not criteria\n\n### A\n\n- skipped\n',
			section(
				'### Minimum\n\n- Must be *open* source.\n- Must offer:\n    - a web app.\n\n### Best case\n\nWhat we would like.\n\n- Should be audited.\n',
			),
		].join('\n');
		const minimum = ['Must be open source.', 'Must offer:\n- a web app.'];
		const bestCase = ['Should be audited.'];
		expect(readCriteria(blocksOf(md), ctx)).toEqual({
			minimum,
			bestCase,
			groups: [{heading: ['Criteria'], text: `${lead}\n\nWhat we would like.`, minimum, bestCase, line: 17}],
		});
	});

	it('finds none on a page without such a section, or where that section holds cards', () => {
		const none = {minimum: [], bestCase: [], groups: []};
		expect(readCriteria(blocksOf('## A\n\n- x\n'), ctx)).toEqual(none);
		expect(readCriteria(blocksOf(section(`### A\n\n- a\n\n### B\n\n- b\n\n${card('T')}`)), ctx)).toEqual(none);
	});

	it('reads a list before the sub-headings as the minimum (the notebooks page), or a lone list (passwords)', () => {
		expect(readCriteria(blocksOf(section('- Must a.\n- Must b.\n\n### Best Case\n\n- Should c.\n')), ctx)).toEqual({
			minimum: ['Must a.', 'Must b.'],
			bestCase: ['Should c.'],
			groups: [{heading: ['Criteria'], text: lead, minimum: ['Must a.', 'Must b.'], bestCase: ['Should c.'], line: 1}],
		});
		expect(readCriteria(blocksOf(section('- Must be cross-platform.\n')), ctx).groups).toEqual([
			{heading: ['Criteria'], text: lead, minimum: ['Must be cross-platform.'], bestCase: [], line: 1},
		]);
	});

	it('finds criteria sections at any level, under a heading that holds cards, each a group (the passwords page)', () => {
		const md = [
			`## Cloud\n\n### Tool\n\n${card('Tool')}`,
			'### Criteria\n\nSee [our criteria](about/criteria.md).\n\n#### Minimum\n\n- Must a.\n\n#### Best\n\n- Should b.\n',
			`## Local\n\n### Other\n\n${card('Other')}`,
			'### Criteria\n\nSee [our criteria](about/criteria.md).\n\n- Must c.\n',
		].join('\n');
		const criteria = readCriteria(blocksOf(md), ctx);
		expect(criteria.groups.map((g) => [g.heading, g.minimum, g.bestCase, g.line])).toEqual([
			[['Cloud', 'Criteria'], ['Must a.'], ['Should b.'], 13],
			[['Local', 'Criteria'], ['Must c.'], [], 37],
		]);
		expect([criteria.minimum, criteria.bestCase]).toEqual([['Must a.', 'Must c.'], ['Should b.']]);
	});

	it('reads sub-headings holding **bold** labels as named groups (the email and VPN pages)', () => {
		const md = section(
			[
				'### Technology',
				'We regard these as important.',
				'**Minimum to Qualify:**',
				'- Must encrypt.\n- Must export.',
				'**Best Case:**',
				'- Should support WKD.',
				'### Marketing',
				'With the providers we recommend:',
				'**Minimum to Qualify:**',
				'- Must self-host analytics.',
				'Must not have irresponsible marketing:',
				'- Guarantees of anonymity.\n    - Reusing information.',
				'**Best Case:**',
				'Responsible marketing could include:',
				'- Documentation.',
				'### Additional Functionality',
				'Not strictly requirements.',
			].join('\n\n'),
		);
		const criteria = readCriteria(blocksOf(md), ctx);
		expect(criteria.groups).toEqual([
			{
				heading: ['Criteria', 'Technology'],
				text: 'We regard these as important.',
				minimum: ['Must encrypt.', 'Must export.'],
				bestCase: ['Should support WKD.'],
				line: 5,
			},
			{
				heading: ['Criteria', 'Marketing'],
				text: 'With the providers we recommend:\n\nResponsible marketing could include:',
				// A paragraph between two lists introduces the second: one item, the list nested under it.
				minimum: [
					'Must self-host analytics.',
					'Must not have irresponsible marketing:\n- Guarantees of anonymity.\n  - Reusing information.',
				],
				bestCase: ['Documentation.'],
				line: 18,
			},
			{
				heading: ['Criteria', 'Additional Functionality'],
				text: 'Not strictly requirements.',
				minimum: [],
				bestCase: [],
				line: 37,
			},
		]);
		expect(criteria.minimum).toEqual([...criteria.groups[0]!.minimum, ...criteria.groups[1]!.minimum]);
		expect(criteria.bestCase).toEqual(['Should support WKD.', 'Documentation.']);
	});

	it('finds the section by its link, not by its (translated) heading', () => {
		const md =
			'## Critères\n\nEn plus de [nos critères](about/criteria.md).\n\n### Exigences\n\n- Doit a.\n\n### Idéal\n\n- Devrait b.\n';
		expect(readCriteria(blocksOf(md), context('notebooks', 'fr')).groups).toEqual([
			{
				heading: ['Critères'],
				text: 'En plus de nos critères.',
				minimum: ['Doit a.'],
				bestCase: ['Devrait b.'],
				line: 1,
			},
		]);
	});

	it.each([
		[
			'three subsections',
			section('### A\n\n- a\n\n### B\n\n- b\n\n### C\n\n- c\n'),
			'x.md:1: criteria section must have one or two lists (minimum requirements, then best case), in its text or under its ### sub-headings; found 3',
		],
		[
			'a list before two subsections',
			section('- a\n\n### A\n\n- b\n\n### B\n\n- c\n'),
			'x.md:1: criteria section must have one or two lists (minimum requirements, then best case), in its text or under its ### sub-headings; found 3',
		],
		[
			'no list at all',
			section('Text only.\n'),
			'x.md:1: criteria section must have one or two lists (minimum requirements, then best case), in its text or under its ### sub-headings; found 0',
		],
		[
			'a subsection without a list',
			section('### A\n\nText.\n\n### B\n\n- b\n'),
			'x.md:5: criteria subsection has no bullet list',
		],
		['an empty item', section('### A\n\n- :material-x:\n\n### B\n\n- b\n'), 'x.md:7: empty criteria item'],
		[
			'a group with three labelled lists',
			section('### Tech\n\n**Minimum:**\n\n- a\n\n**Best:**\n\n- b\n\n**More:**\n\n- c\n'),
			'x.md:5: criteria group has 3 labelled lists; expected at most two (minimum requirements, then best case)',
		],
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
