// The common-threats page (threats-page.ts): each threat's name and definition, keyed by icon; the
// Crowdin export's lone ":" markers read through with a warning; tags of a category page joined by icon.
import {describe, expect, it} from 'vitest';
import {blocksOf, context, importError, PG, warningsOf} from './test-helpers';
import {readThreatDefinitions, threatsByAnchor} from './threats-page';

const term = (colour: string, icon: string, name: string) => `<span class="${colour}">:${icon}: **${name}**</span>`;
const ENGLISH = [
	'Broadly speaking, we categorize our recommendations.',
	'',
	term('pg-purple', 'material-incognito', 'Anonymity'),
	'',
	':   Shielding your online activity from your real identity.',
	'',
	term('pg-viridian', 'material-package-variant-closed-remove', 'Supply Chain Attacks'),
	'',
	':    Typically, a form of <span class="pg-red">:material-target-account: Targeted Attack</span> via a [dependency](x.md).',
	'',
	'Some of these threats may be more important to you than others.',
	'',
	'## Anonymity vs. Privacy',
	'',
	'<span class="pg-purple">:material-incognito: Anonymity</span>',
	'',
	'Anonymity is often confused with privacy.',
	'',
	'## Attacks against Certain Organizations',
	'',
	'<span class="pg-viridian">:material-package-variant-closed-remove: Supply Chain Attacks</span>',
].join('\n');

describe('readThreatDefinitions', () => {
	it('reads every term of the definition list, its definition and the section that opens with its tag', () => {
		const ctx = context('basics/common-threats');
		expect(readThreatDefinitions(blocksOf(ENGLISH), ctx)).toEqual({
			intro: 'Broadly speaking, we categorize our recommendations.',
			definitions: [
				{
					icon: 'material-incognito',
					colour: 'pg-purple',
					name: 'Anonymity',
					explanation: 'Shielding your online activity from your real identity.',
					explanationLinks: [],
					section: {heading: 'Anonymity vs. Privacy', line: 13},
					line: 3,
				},
				{
					icon: 'material-package-variant-closed-remove',
					colour: 'pg-viridian',
					name: 'Supply Chain Attacks',
					explanation: 'Typically, a form of Targeted Attack via a dependency.',
					explanationLinks: [{label: 'dependency', url: `${PG}/en/basics/x/`}],
					section: {heading: 'Attacks against Certain Organizations', line: 19},
					line: 7,
				},
			],
		});
		expect(warningsOf(ctx)).toEqual([]);
	});

	it('reads the Crowdin export (":" alone under the term, the definition a paragraph of its own), with a warning each', () => {
		const ctx = context('basics/common-threats', 'fr');
		const md = [
			term('pg-purple', 'material-incognito', 'Anonymat'),
			':',
			'',
			'Dissocier votre activité en ligne de votre identité réelle.',
			'',
			term('pg-orange', 'material-bug-outline', 'Attaques passives'),
			':',
			'',
			'Être protégé contre les logiciels malveillants.',
			'',
			'## Sécurité et vie privée',
			'',
			'<span class="pg-orange">:material-bug-outline: Attaques passives</span>',
		].join('\n');
		const {definitions} = readThreatDefinitions(blocksOf(md), ctx);
		expect(definitions.map((d) => [d.icon, d.name, d.explanation, d.section?.heading, d.line])).toEqual([
			['material-incognito', 'Anonymat', 'Dissocier votre activité en ligne de votre identité réelle.', undefined, 1],
			[
				'material-bug-outline',
				'Attaques passives',
				'Être protégé contre les logiciels malveillants.',
				'Sécurité et vie privée',
				6,
			],
		]);
		expect(warningsOf(ctx)).toEqual([
			'x.md:2: warning: definition marker ":" alone on its line after the threat term of line 1 (the live page shows a ' +
				'stray ":" and no definition list): read the paragraph of line 4 as its definition',
			'x.md:7: warning: definition marker ":" alone on its line after the threat term of line 6 (the live page shows a ' +
				'stray ":" and no definition list): read the paragraph of line 9 as its definition',
		]);
	});

	it('takes the whole span text as the name when it is not bold', () => {
		const md =
			'<span class="pg-teal">:material-server-network: Service Providers</span>\n\n:   Protecting your data.\n';
		expect(readThreatDefinitions(blocksOf(md), context()).definitions[0]?.name).toBe('Service Providers');
	});

	it.each([
		[
			'a term followed by another term',
			`${term('pg-red', 'material-x', 'A')}\n\n${term('pg-red', 'material-y', 'B')}\n\n:   b\n`,
			'x.md:1: threat term has no definition: expected a ":   definition" paragraph after the <span class="pg-…"> line',
		],
		[
			'a term at the end of the list',
			`${term('pg-red', 'material-x', 'A')}\n\n## Heading\n`,
			'x.md:1: threat term has no definition: expected a ":   definition" paragraph after the <span class="pg-…"> line',
		],
		[
			'a term followed by a plain paragraph (no marker at all)',
			`${term('pg-red', 'material-x', 'A')}\n\nJust text.\n`,
			'x.md:3: paragraph after the threat term of line 1 is not a definition (expected ":   definition")',
		],
		[
			'a page without terms',
			'Text.\n\n## Heading\n',
			'x.md:1: no threat definitions: expected <span class="pg-COLOUR">:icon: **Name**</span> lines, each followed by ":   definition", before the first heading',
		],
	])('refuses %s', (_name, markdown, message) => {
		expect(importError(() => readThreatDefinitions(blocksOf(markdown), context()))).toBe(message);
	});
});

describe('threatsByAnchor', () => {
	const {definitions} = readThreatDefinitions(blocksOf(ENGLISH), context('basics/common-threats'));
	it("joins a category page's tags to their definitions by icon, keyed by the tag's (English) anchor", () => {
		const joined = threatsByAnchor(
			[
				{
					label: "Attaques de la chaîne d'approvisionnement",
					url: `${PG}/fr/basics/common-threats/#attacks-against-certain-organizations`,
					icon: 'material-package-variant-closed-remove',
				},
			],
			definitions,
			'vpn.md',
		);
		expect([...joined].map(([anchor, d]) => [anchor, d.name])).toEqual([
			['attacks-against-certain-organizations', 'Supply Chain Attacks'],
		]);
	});

	it('refuses a tag without an icon or with one the page does not define', () => {
		const url = `${PG}/en/basics/common-threats/#x`;
		expect(importError(() => threatsByAnchor([{label: 'X', url}], definitions, 'vpn.md'))).toBe(
			'vpn.md:1: threat tag "X" has no :icon:, so its definition cannot be found',
		);
		expect(importError(() => threatsByAnchor([{label: 'X', url, icon: 'material-x'}], definitions, 'vpn.md'))).toBe(
			'vpn.md:1: threat tag "X" (:material-x:) has no definition on the common-threats page',
		);
	});
});
