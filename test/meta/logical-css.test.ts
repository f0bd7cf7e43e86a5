/**
 * Right to left: every surface mirrors through logical CSS properties (margin-inline-start, inset-inline-end,
 * text-align: start…), so a right-to-left language turns the whole layout around without a stylesheet of its
 * own. This scans every stylesheet the extension ships (and the inline styles it writes) for physical
 * left/right: a declaration that must stay physical says why in a comment inside it, `/* physical: why *\/`.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** A declaration that is physical on the inline axis: property and value, and what is wrong with it. */
type Finding = {declaration: string; problem: string};

const SIDES = /(?:^|-)(?:left|right)(?:-|$)/;
/** Longhands whose name holds a side (margin-left, border-top-right-radius, scroll-padding-right, left…). */
const SIDED_PROPERTY = /^(?:margin|padding|border|inset|scroll-margin|scroll-padding|left|right)/;
/** Shorthands of four sides (top right bottom left): physical when right and left differ. */
const FOUR_SIDES = new Set([
	'margin',
	'padding',
	'inset',
	'scroll-margin',
	'scroll-padding',
	'border-width',
	'border-style',
	'border-color',
]);
/** Properties whose keyword values name a side. */
const SIDE_KEYWORDS = new Set([
	'float',
	'clear',
	'text-align',
	'text-align-last',
	'background-position',
	'background-position-x',
	'object-position',
	'transform-origin',
	'caption-side',
]);

/** Splits a value on top-level whitespace (not inside parentheses: calc(100vw - 32px) is one value). */
function values(value: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const char of value) {
		if (char === '(') depth++;
		if (char === ')') depth--;
		if (/\s/.test(char) && depth === 0) {
			if (current) parts.push(current);
			current = '';
		} else current += char;
	}
	if (current) parts.push(current);
	return parts;
}

function problemOf(property: string, value: string): string | null {
	if (SIDED_PROPERTY.test(property) && SIDES.test(property)) return `"${property}" is physical`;
	const parts = values(value);
	if (FOUR_SIDES.has(property) && parts.length === 4 && parts[1] !== parts[3])
		return 'four values with different right and left';
	if (property === 'border-radius' && value.split('/').some((half) => new Set(values(half)).size > 1))
		return 'corners that differ (border-start-start-radius… instead)';
	if (SIDE_KEYWORDS.has(property) && /\b(?:left|right)\b/.test(value)) return `"${property}: ${value}" names a side`;
	if (/^(?:transform|translate)$/.test(property)) {
		if (/translateX\(\s*(?!0(?:px)?\s*\))/.test(value)) return 'a horizontal translation';
		const translate =
			/translate(?:3d)?\(\s*([^,)\s]+)/.exec(value)?.[1] ?? (property === 'translate' ? parts[0] : undefined);
		if (translate !== undefined && !/^0(?:px)?$/.test(translate)) return 'a horizontal translation';
	}
	return null;
}

/**
 * The physical declarations of a stylesheet. Each declaration is the text between the `{`, `;` or `}` before it
 * and the `;` or `}` after it, so a comment just before a declaration (or inside it) belongs to it.
 */
function physicalDeclarations(css: string): Finding[] {
	const findings: Finding[] = [];
	for (const match of css.matchAll(/([^{};]*)([{};]|$)/g)) {
		const [, text = '', end] = match;
		if (end === '{' || !text.trim()) continue;
		const allowed = /\/\*\s*physical:\s*\S[^*]*\*\//.test(text);
		const declaration = text.replace(/\/\*[\s\S]*?\*\//g, '').trim();
		const colon = declaration.indexOf(':');
		if (colon < 0) continue;
		const property = declaration.slice(0, colon).trim().toLowerCase();
		const value = declaration
			.slice(colon + 1)
			.replace(/!important/, '')
			.trim();
		const problem = problemOf(property, value);
		if (problem && !allowed) findings.push({declaration, problem});
	}
	return findings;
}

function filesUnder(dir: string, test: (name: string) => boolean): string[] {
	return readdirSync(dir, {withFileTypes: true, recursive: true})
		.filter((entry) => entry.isFile() && test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the scanner', () => {
	it.each([
		['margin-left: 4px'],
		['padding-right: 0'],
		['border-left: 4px solid red'],
		['border-right-color: red'],
		['border-top-left-radius: 4px'],
		['left: 0'],
		['right: 16px'],
		['scroll-padding-left: 8px'],
		['float: left'],
		['clear: right'],
		['text-align: left'],
		['text-align: right'],
		['background-position: right 4px top'],
		['margin: 0 0 0 8px'],
		['padding: 1px 2px 3px 4px'],
		['inset: 0 auto 0 0'],
		['border-radius: 4px 0 0 4px'],
		['transform: translateX(8px)'],
		['transform: translate(-50%, 0)'],
		['translate: 4px'],
	])('flags %s', (declaration) => {
		expect(physicalDeclarations(`.a {\n\t${declaration};\n}`)).toHaveLength(1);
	});

	it.each([
		['margin-inline-start: 4px'],
		['padding-inline: 8px'],
		['border-inline-start: 4px solid red'],
		['inset-inline-end: 16px'],
		['inset-block-end: 16px'],
		['text-align: start'],
		['margin: 0 auto'],
		['margin: 16px 0 6px'],
		['padding: 1px 2px 3px 2px'],
		['inset: 0'],
		['border-radius: 12px'],
		['transform: translateY(8px)'],
		['transform: translate(0, 8px)'],
		['max-inline-size: min(380px, calc(100vw - 32px))'],
		['inset-block-start: 6px'],
	])('accepts %s', (declaration) => {
		expect(physicalDeclarations(`.a {\n\t${declaration};\n}`)).toEqual([]);
	});

	it('accepts a physical declaration that says why, and only that one', () => {
		const css = `.a {\n\t/* physical: the scrollbar is on the right in every direction */\n\tright: 0;\n\tleft: 0;\n}`;
		expect(physicalDeclarations(css)).toEqual([{declaration: 'left: 0', problem: '"left" is physical'}]);
	});

	it('does not read selectors, at-rules or pseudo-classes as declarations', () => {
		const css = `a:hover,\n.b:focus-visible {\n\tcolor: red;\n}\n@media (max-width: 480px) {\n\t.c:not(.left) {\n\t\tmargin: 0;\n\t}\n}`;
		expect(physicalDeclarations(css)).toEqual([]);
	});
});

describe('the extension’s styles are logical (right-to-left ready)', () => {
	const stylesheets = filesUnder(SRC, (name) => name.endsWith('.css'));

	it('finds the stylesheets of every surface', () => {
		const names = stylesheets.map((file) => path.relative(SRC, file)).sort();
		expect(names).toEqual(
			expect.arrayContaining([
				'compare/compare.css',
				'content/banner.css',
				'move/move.css',
				'options/options.css',
				'popup/popup.css',
				'ui/advice.css',
				'ui/base.css',
			]),
		);
	});

	it.each(stylesheets.map((file) => [path.relative(SRC, file), file]))(
		'%s has no physical left or right',
		(_name, file) => {
			expect(physicalDeclarations(readFileSync(file, 'utf8'))).toEqual([]);
		},
	);

	it('the inline styles the code writes have none either', () => {
		const sources = filesUnder(SRC, (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));
		const inline: string[] = [];
		for (const file of sources) {
			const text = readFileSync(file, 'utf8');
			// setAttribute('style', '…'), style="…", and style={{…}} / .style.x = in Preact and DOM code.
			for (const match of text.matchAll(/setAttribute\(\s*'style',\s*'([^']*)'/g)) inline.push(match[1]!);
			for (const match of text.matchAll(/style="([^"]*)"/g)) inline.push(match[1]!);
			expect(text, path.relative(SRC, file)).not.toMatch(
				/style=\{\{[^}]*\b(?:left|right|marginLeft|marginRight|paddingLeft|paddingRight)\b/,
			);
			expect(text, path.relative(SRC, file)).not.toMatch(
				/\.style\.(?:left|right|marginLeft|marginRight|paddingLeft|paddingRight|textAlign)\s*=/,
			);
		}
		// No code writes a style attribute today (the banner's host is bare: README, What a page can observe); any
		// that comes back is checked here.
		for (const style of inline) expect(physicalDeclarations(`x{${style}}`), style).toEqual([]);
	});
});
