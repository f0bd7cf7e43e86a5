import type {Metafile} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {preloadHrefs, withModulePreloads} from './preload';

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
