// Blocks as plain text notes (notes.ts): paragraphs, lists, footnotes and admonitions.
import {describe, expect, it} from 'vitest';
import {noteFor, renderList, toLinks} from './notes';
import {blocksOf, context, PG} from './test-helpers';

const ctx = context();
const notes = (markdown: string) => blocksOf(markdown).map((block) => noteFor(block, ctx));

describe('noteFor', () => {
	it('makes a paragraph, <small> line or footnote a note with its links; empty ones are none', () => {
		expect(
			notes('Audited by [Cure53](https://cure53.de).\n\n<small>Small print</small>\n\n[^2]: All   fixed.\n'),
		).toEqual([
			{kind: 'paragraph', text: 'Audited by Cure53.', links: [{label: 'Cure53', url: 'https://cure53.de'}]},
			{kind: 'paragraph', text: 'Small print', links: []},
			{kind: 'footnote', title: '2', text: 'All fixed.', links: []},
		]);
		expect(notes('![logo](x.png)\n\n```\ncode\n```\n\n# Heading\n')).toEqual([null, null, null]);
	});

	it('renders a list as "- item" lines, nested items indented', () => {
		expect(notes('- 2021: [Audit](https://a.example)\n    - Web *and* Android.\n- 2019\n')).toEqual([
			{
				kind: 'list',
				text: '- 2021: Audit\n  - Web and Android.\n- 2019',
				links: [{label: 'Audit', url: 'https://a.example'}],
			},
		]);
	});

	it('makes an admonition a note of its type, titled, with its blocks separated by blank lines', () => {
		const md = [
			'<div class="admonition warning" markdown>',
			'<p class="admonition-title">Mobile *app*</p>',
			'',
			'Use the [PWA](pwa.md).',
			'',
			'- one',
			'',
			'<details class="tip" markdown>',
			'<summary>More</summary>',
			'Inner.',
			'</details>',
			'</div>',
		].join('\n');
		expect(notes(md)).toEqual([
			{
				kind: 'warning',
				title: 'Mobile app',
				text: 'Use the PWA.\n\n- one\n\nInner.',
				links: [{label: 'PWA', url: `${PG}/en/pwa/`}],
			},
		]);
	});

	it('names an admonition without a type `note` (<div>) or `details` (<details>), and leaves out an empty title', () => {
		expect(notes('<div class="admonition" markdown>\nA\n</div>\n<details markdown>\nB\n</details>\n')).toEqual([
			{kind: 'note', text: 'A', links: []},
			{kind: 'details', text: 'B', links: []},
		]);
	});
});

describe('renderList and toLinks', () => {
	it('indents by two spaces per level and keeps images out of the links', () => {
		const list = blocksOf('- a ![i](i.png)\n  - b\n    - [c](c.md)\n')[0];
		if (list?.kind !== 'list') throw new Error('no list');
		const inline = renderList(list.items, ctx);
		expect(inline.text).toBe('- a\n  - b\n    - c');
		expect(toLinks(inline.links)).toEqual([{label: 'c', url: `${PG}/en/c/`}]);
	});
});
