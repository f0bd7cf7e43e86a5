// Inline markup (inline.ts): markdown → plain text plus links, attribute lists and icons.
import {describe, expect, it} from 'vitest';
import {itemInline, normaliseSpace, paragraphInline, parseAttrs, parseInline} from './inline';
import {context, importError, PG, warningsOf} from './test-helpers';

const ctx = context();
const text = (markdown: string) => normaliseSpace(parseInline(markdown, 1, ctx).text);
const links = (markdown: string, firstLine = 1) => parseInline(markdown, firstLine, ctx).links;

describe('parseInline: text', () => {
	it('turns markdown into plain text without touching the language (from the former parse.test.ts)', () => {
		const markdown = [
			'**Bold** and __bold__, *em* and _em_, ==marked== and `code`; snake_case and 2*3 * 4 stay;',
			'![logo](assets/x.svg){ align=right } :material-check:{ .pg-green } <span class="x">span</span> a&nbsp;b &amp; [^1]',
			'Escaped \\*stars\\* and a footnote.[^1]',
		].join('\n');
		expect(text(markdown)).toBe(
			'Bold and bold, em and em, marked and code; snake_case and 2*3 * 4 stay; span a\u00a0b & ' +
				'Escaped *stars* and a footnote.',
		);
	});

	it('drops pymdownx delete and insert markers, keeps runs of four or more and intraword markers', () => {
		expect(text('~~old~~ ^^new^^ ****x**** a==b==c')).toBe('old new ****x**** a==b==c');
	});

	it('decodes entities (named, decimal, hex), keeps unknown ones, and turns <br> into a space', () => {
		expect(text('&laquo;&#160;x&#xA0;&raquo; &unknown; a<br>b <!-- note -->c')).toBe('«\u00a0x\u00a0» &unknown; a b c');
	});

	it('keeps code span text verbatim and an unmatched backtick as is', () => {
		expect(text('`` a `b` ``, `**not bold**` and ` lone')).toBe('a `b`, **not bold** and ` lone');
	});

	it('keeps brackets that are not links', () => {
		expect(text('[not a link] and [x] (y) and a ]')).toBe('[not a link] and [x] (y) and a ]');
	});
});

describe('parseInline: links', () => {
	it('gives each link its label, leading icon, attribute list and line', () => {
		expect(
			links(
				'Intro\n[:octicons-home-16: Homepage](https://t.example){ .md-button .md-button--primary }\n' +
					'[:octicons-eye-16:](https://t.example/privacy "Privacy"){ .card-link title="Privacy Policy" }',
				10,
			),
		).toEqual([
			{
				label: 'Homepage',
				icon: 'octicons-home-16',
				url: 'https://t.example',
				attrs: {classes: ['md-button', 'md-button--primary'], values: {}},
				image: false,
				line: 11,
			},
			{
				label: '',
				icon: 'octicons-eye-16',
				url: 'https://t.example/privacy',
				attrs: {classes: ['card-link'], values: {title: 'Privacy Policy'}},
				image: false,
				line: 12,
			},
		]);
	});

	it('keeps images and autolinks apart: images are neither text nor links, autolinks are both', () => {
		const inline = parseInline('![alt](x.png) see <https://a.example/x> [**b**](b.md)', 1, ctx);
		expect(normaliseSpace(inline.text)).toBe('see https://a.example/x b');
		expect(inline.links.map((l) => [l.label, l.url, l.image])).toEqual([
			['https://a.example/x', 'https://a.example/x', false],
			['b', `${PG}/en/b/`, false],
		]);
	});

	it('leaves out the text of links the caller skips (card buttons), not the links', () => {
		const inline = parseInline(
			'A [x](https://x.example){ .md-button } [y](https://y.example)',
			1,
			ctx,
			(l) => !!l.attrs,
		);
		expect(normaliseSpace(inline.text)).toBe('A y');
		expect(inline.links.map((l) => l.label)).toEqual(['x', 'y']);
	});

	it('reads nested brackets in labels and parentheses in destinations', () => {
		expect(links('[a [b] c](https://e.example/x_(y)) [d](<cloud.md#e>)').map((l) => [l.label, l.url])).toEqual([
			['a [b] c', 'https://e.example/x_(y)'],
			['d', `${PG}/en/cloud/#e`],
		]);
	});

	it('checks the scheme of raw HTML href and src attributes', () => {
		expect(importError(() => parseInline('a\n<a href="javascript:alert(1)">x</a>', 4, ctx))).toBe(
			'x.md:5: link with unsupported scheme "javascript:": javascript:alert(1)',
		);
	});

	it('refuses an attribute list left open after a link, at its line', () => {
		expect(importError(() => parseInline('Text\n[a](https://a.example){ .card-link\nmore', 7, ctx))).toBe(
			'x.md:8: unclosed attribute list after link: { .card-link',
		);
	});
});

describe('parseInline: Crowdin placeholders', () => {
	it('reads the text inside <0>…</0>, <1/> and an orphan </2>, with one warning per placeholder and line', () => {
		const own = context('photo-management', 'it');
		const inline = parseInline('Vedi <0>la [guida](a.md)</0> e<1/> qui</2>.\nPoi <0>ancora</0>.', 7, own);
		expect(normaliseSpace(inline.text)).toBe('Vedi la guida e qui. Poi ancora.');
		expect(inline.links.map((l) => [l.label, l.url, l.line])).toEqual([['guida', `${PG}/it/a/`, 7]]);
		expect(warningsOf(own)).toEqual([
			'x.md:7: warning: Crowdin placeholder <0>…</0> left in the text (the live page shows it as is): read the text inside',
			'x.md:7: warning: Crowdin placeholder <1>…</1> left in the text (the live page shows it as is): read the text inside',
			'x.md:7: warning: Crowdin placeholder <2>…</2> left in the text (the live page shows it as is): read the text inside',
			'x.md:8: warning: Crowdin placeholder <0>…</0> left in the text (the live page shows it as is): read the text inside',
		]);
	});

	it('leaves text that only looks like one alone: "a <1 b", "x<0y"', () => {
		const own = context();
		expect(normaliseSpace(parseInline('a <1 b and x<0y', 1, own).text)).toBe('a <1 b and x<0y');
		expect(warningsOf(own)).toEqual([]);
	});
});

describe('parseAttrs', () => {
	it('reads classes, an id and key=value pairs in any quoting', () => {
		expect(parseAttrs(`{: .a #top class="b c" title='T' align=right data-x="" }`)).toEqual({
			classes: ['a', 'b', 'c'],
			values: {id: 'top', title: 'T', align: 'right', 'data-x': ''},
		});
	});
});

describe('block lines', () => {
	it('joins lines with newlines and numbers links from the first line', () => {
		const inline = paragraphInline(
			[
				{text: 'One', no: 5},
				{text: '[two](a.md)', no: 6},
			],
			ctx,
		);
		expect(inline.text).toBe('One\ntwo');
		expect(inline.links[0]?.line).toBe(6);
		expect(itemInline({lines: [{text: '[x](b.md)', no: 3}], line: 3, indent: 0, children: []}, ctx).links[0]?.url).toBe(
			`${PG}/en/b/`,
		);
	});

	it('normaliseSpace collapses ASCII whitespace only (no-break spaces are typography)', () => {
		expect(normaliseSpace(' a \t\n b\u00a0:\u202fc \r\n')).toBe('a b\u00a0:\u202fc');
	});
});
