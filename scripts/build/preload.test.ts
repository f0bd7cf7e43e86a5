import type {Metafile} from 'esbuild';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {LANGUAGES} from '../../src/core/languages';
import {popupInLanguage, preloadHrefs, withModulePreloads} from './preload';

const output = (imports: Array<{path: string; kind: 'import-statement' | 'dynamic-import'; external?: boolean}>) => ({
	bytes: 1,
	inputs: {},
	exports: [],
	imports,
});

describe('module preloads', () => {
	// popup.js -> a -> c, popup.js -> b -> c; b imports the language chunk dynamically; a imports an external.
	const metafile = {
		inputs: {},
		outputs: {
			'dist/chrome/popup/popup.js': output([
				{path: 'dist/chrome/chunks/a.js', kind: 'import-statement'},
				{path: 'dist/chrome/chunks/b.js', kind: 'import-statement'},
			]),
			'dist/chrome/chunks/a.js': output([
				{path: 'dist/chrome/chunks/c.js', kind: 'import-statement'},
				{path: 'chrome://x', kind: 'import-statement', external: true},
			]),
			'dist/chrome/chunks/b.js': output([
				{path: 'dist/chrome/chunks/c.js', kind: 'import-statement'},
				{path: 'dist/chrome/chunks/en.js', kind: 'dynamic-import'},
			]),
			'dist/chrome/chunks/c.js': output([]),
			'dist/chrome/chunks/en.js': output([]),
		},
	} as unknown as Metafile;

	it('names every chunk the entry imports statically, directly or not, once each, never a dynamic import', () => {
		expect(preloadHrefs(metafile, 'dist/chrome/popup/popup.js')).toEqual([
			'../chunks/a.js',
			'../chunks/c.js',
			'../chunks/b.js',
		]);
	});

	it('puts one link per chunk at the end of the head, indented as the page is', () => {
		const html = '<!doctype html>\n<html>\n\t<head>\n\t\t<title>x</title>\n\t</head>\n\t<body></body>\n</html>\n';
		expect(withModulePreloads(html, ['../chunks/a.js', '../chunks/b.js'])).toBe(
			'<!doctype html>\n<html>\n\t<head>\n\t\t<title>x</title>\n' +
				'\t\t<link rel="modulepreload" href="../chunks/a.js" />\n' +
				'\t\t<link rel="modulepreload" href="../chunks/b.js" />\n' +
				'\t</head>\n\t<body></body>\n</html>\n',
		);
		expect(withModulePreloads(html, [])).toBe(html);
		expect(() => withModulePreloads('<html><head></head></html>', ['a.js'])).toThrow(/<\/head>/);
	});
});

describe('the popup in each language', () => {
	const html = readFileSync(new URL('../../src/popup/index.html', import.meta.url), 'utf8');

	it("names its language on the root and preloads that language's two files, before the first script", () => {
		const page = popupInLanguage(html, 'he', true, 'בטעינה…');
		expect(page).toContain('<html lang="he" dir="rtl" data-language="he">');
		const links = [...page.matchAll(/<link rel="modulepreload" href="([^"]+)" \/>/g)].map((match) => match[1]);
		expect(links).toEqual(['../i18n/he.js', '../data/pages/he.js']);
		expect(page.indexOf('modulepreload')).toBeLessThan(page.indexOf('<script src="early.js">'));
		// Its "Loading…" until the first render; nothing else changes.
		expect(page).toContain('<main id="app"><p class="muted">בטעינה…</p></main>');
		expect(
			page
				.replace(/\t*<link rel="modulepreload"[^\n]*\n/g, '')
				.replace(/<html [^>]*>/, '')
				.replace(/<p class="muted">[^<]*<\/p>/, ''),
		).toBe(html.replace(/<html [^>]*>/, ''));
	});

	it('is left to ltr for every other language, each naming its own files', () => {
		for (const lang of LANGUAGES.filter((lang) => lang !== 'he')) {
			const page = popupInLanguage(html, lang, true, 'Loading…');
			expect(page).toContain(`<html lang="${lang}" dir="ltr" data-language="${lang}">`);
			expect(page).toContain(`href="../i18n/${lang}.js"`);
			expect(page).toContain(`href="../data/pages/${lang}.js"`);
		}
	});

	it('without preloads (Firefox), names its language and says its text, as text', () => {
		const page = popupInLanguage(html, 'fr', false, 'Chargement <en cours> & co');
		expect(page).not.toContain('modulepreload');
		expect(page).toBe(
			html
				.replace(/<html [^>]*>/, '<html lang="fr" dir="ltr" data-language="fr">')
				.replace(
					'<main id="app"></main>',
					'<main id="app"><p class="muted">Chargement &lt;en cours&gt; &amp; co</p></main>',
				),
		);
	});

	it('refuses a page it cannot place them in', () => {
		expect(() => popupInLanguage('<html><head></head></html>', 'en', false, 'Loading…')).toThrow(/<html lang/);
	});
});
