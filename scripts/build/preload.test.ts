import type {Metafile} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {pageDataChunks, preloadHrefs, withModulePreloads, withPageDataChunks} from './preload';

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

describe("the page-data chunks named in the popup's HTML (its early.js fetches its language's)", () => {
	const metafile = {
		inputs: {},
		outputs: {
			'dist/chrome/popup/popup.js': {...output([]), inputs: {'src/popup/index.tsx': {bytesInOutput: 1}}},
			'dist/chrome/chunks/fr-AB12CD34.js': {...output([]), inputs: {'src/data/pages/fr.json': {bytesInOutput: 1}}},
			'dist/chrome/chunks/zh-Hant-EF56GH78.js': {
				...output([]),
				inputs: {'src/data/pages/zh-Hant.json': {bytesInOutput: 1}},
			},
		},
	} as unknown as Metafile;

	it('maps each language to its chunk, relative to the page, and writes them into the empty meta', () => {
		const chunks = pageDataChunks(metafile, 'dist/chrome/popup/popup.js');
		expect(chunks).toBe('fr=../chunks/fr-AB12CD34.js zh-Hant=../chunks/zh-Hant-EF56GH78.js');
		expect(withPageDataChunks('<head>\n<meta name="page-data" content="" />\n</head>', chunks)).toBe(
			`<head>\n<meta name="page-data" content="${chunks}" />\n</head>`,
		);
	});

	it('leaves a page without the meta alone and refuses what is not a list of chunks', () => {
		expect(withPageDataChunks('<head></head>', 'fr=../chunks/fr.js')).toBe('<head></head>');
		expect(() => withPageDataChunks('<meta name="page-data" content="" />', 'fr="><script>')).toThrow(
			/cannot be named/,
		);
	});
});
