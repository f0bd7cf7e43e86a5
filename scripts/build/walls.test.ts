import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Metafile} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {Builder} from './builder';
import {checkWalls, TEMPORARY_ALLOWANCES} from './walls';

const ZOD = '../../main/node_modules/zod/v4/mini/index.js';
const ZOD_CORE = '../../main/node_modules/zod/v4/core/core.js';
const at = {outdir: '/project/dist/chrome', workingDir: '/project'};

/**
 * A metafile from an import graph (module → the modules it imports) and outputs (file in dist/chrome → its entry
 * module, the modules in it, the chunks it loads).
 */
function metafile(
	graph: Record<string, string[]>,
	outputs: Record<string, {entry?: string; inputs: string[]; chunks?: string[]}>,
): Metafile {
	return {
		inputs: Object.fromEntries(
			Object.entries(graph).map(([input, imports]) => [
				input,
				{bytes: 1, imports: imports.map((imported) => ({path: imported, kind: 'import-statement' as const}))},
			]),
		),
		outputs: Object.fromEntries(
			Object.entries(outputs).map(([file, output]) => [
				`dist/chrome/${file}`,
				{
					bytes: 1,
					inputs: Object.fromEntries(output.inputs.map((input) => [input, {bytesInOutput: 1}])),
					imports: (output.chunks ?? []).map((chunk) => ({
						path: `dist/chrome/${chunk}`,
						kind: 'import-statement' as const,
					})),
					exports: [],
					...(output.entry ? {entryPoint: output.entry} : {}),
				},
			]),
		),
	};
}

const CONTENT_GRAPH = {
	'src/content/index.ts': ['src/content/banner.ts', 'src/core/url-match.ts', 'src/core/send.ts', 'src/data/rules.ts'],
	'src/content/banner.ts': ['src/core/i18n.ts', 'src/content/banner.css'],
	'src/content/banner.css': [],
	'src/core/i18n.ts': ['src/core/browser.ts'],
	'src/core/send.ts': ['src/core/browser.ts'],
	'src/core/browser.ts': [],
	'src/core/url-match.ts': [],
	'src/data/rules.ts': [],
};

describe('checkWalls', () => {
	it('passes a content script made of its allowed modules only', () => {
		const files = Object.keys(CONTENT_GRAPH);
		expect(
			checkWalls(metafile(CONTENT_GRAPH, {'content.js': {entry: 'src/content/index.ts', inputs: files}}), at),
		).toEqual([]);
	});

	it('fails a content script that imports zod, naming the bundle, zod and the module that imported it', () => {
		const graph = {
			...CONTENT_GRAPH,
			'src/core/url-match.ts': ['src/core/settings.ts'],
			'src/core/settings.ts': [ZOD],
			[ZOD]: [ZOD_CORE],
			[ZOD_CORE]: [],
		};
		const problems = checkWalls(
			metafile(graph, {'content.js': {entry: 'src/content/index.ts', inputs: Object.keys(graph)}}),
			at,
		);
		expect(problems).toHaveLength(2);
		expect(problems[0]).toBe(
			'content.js contains src/core/settings.ts, imported by src/core/url-match.ts ' +
				'(src/content/index.ts → src/core/url-match.ts → src/core/settings.ts): the content script stays tiny: ' +
				'its own code, the URL matcher, the browser API, messages, i18n and the rules.',
		);
		expect(problems[1]).toMatch(
			/^content\.js contains zod \(node_modules\/zod\/v4\/mini\/index\.js\), imported by src\/core\/settings\.ts \(/,
		);
	});

	it('fails a content script that ships the dataset (the rules literal broke)', () => {
		const graph = {...CONTENT_GRAPH, 'src/data/rules.ts': ['src/data/dataset.json'], 'src/data/dataset.json': []};
		const problems = checkWalls(
			metafile(graph, {'content.js': {entry: 'src/content/index.ts', inputs: Object.keys(graph)}}),
			at,
		);
		expect(problems).toEqual([
			expect.stringMatching(/^content\.js contains src\/data\/dataset\.json, imported by src\/data\/rules\.ts/),
		]);
	});

	it('fails the popup when it bundles the catalogues instead of importing their shared file', () => {
		const graph = {
			'src/popup/index.tsx': ['src/core/i18n.ts'],
			'src/core/i18n.ts': ['src/core/catalogues.ts'],
			'src/core/catalogues.ts': [],
		};
		const problems = checkWalls(
			metafile(graph, {
				'popup/popup.js': {
					entry: 'src/popup/index.tsx',
					inputs: ['src/popup/index.tsx', 'src/core/i18n.ts', 'src/core/catalogues.ts'],
				},
			}),
			at,
		);
		expect(problems).toEqual([
			expect.stringMatching(
				/^popup\/popup\.js contains a shared module \(imported by path, never bundled\) \(src\/core\/catalogues\.ts\), imported by src\/core\/i18n\.ts/,
			),
		]);
	});

	it('fails the popup when it gives i18n every language instead of loading its own', () => {
		const graph = {
			'src/popup/index.tsx': ['src/core/every-catalogue.ts'],
			'src/core/every-catalogue.ts': ['src/core/i18n.ts'],
			'src/core/i18n.ts': [],
		};
		const problems = checkWalls(
			metafile(graph, {
				'popup/popup.js': {
					entry: 'src/popup/index.tsx',
					inputs: ['src/popup/index.tsx', 'src/core/every-catalogue.ts', 'src/core/i18n.ts'],
				},
			}),
			at,
		);
		expect(problems).toEqual([
			expect.stringMatching(
				/^popup\/popup\.js contains every language’s catalogue \(src\/core\/every-catalogue\.ts\), imported by src\/popup\/index\.tsx/,
			),
		]);
	});

	it('fails a page whose shared chunk holds idb or background code, and the background with Preact', () => {
		const idb = '../../main/node_modules/idb/build/index.js';
		const preact = '../../main/node_modules/preact/dist/preact.module.js';
		const graph = {
			'src/popup/index.tsx': ['src/ui/advice.tsx'],
			'src/ui/advice.tsx': ['src/background/journey-db.ts', preact],
			'src/background/journey-db.ts': [idb],
			[idb]: [],
			[preact]: [],
			'src/background/index.ts': ['src/ui/advice.tsx'],
		};
		const problems = checkWalls(
			metafile(graph, {
				'popup/popup.js': {entry: 'src/popup/index.tsx', inputs: ['src/popup/index.tsx'], chunks: ['chunks/a.js']},
				'background.js': {
					entry: 'src/background/index.ts',
					inputs: ['src/background/index.ts'],
					chunks: ['chunks/a.js'],
				},
				'chunks/a.js': {inputs: ['src/ui/advice.tsx', 'src/background/journey-db.ts', idb, preact]},
			}),
			at,
		);
		expect(problems).toEqual([
			expect.stringMatching(
				/^popup\/popup\.js contains src\/background\/ \(src\/background\/journey-db\.ts\), imported by src\/ui\/advice\.tsx/,
			),
			expect.stringMatching(
				/^popup\/popup\.js contains idb \(node_modules\/idb\/build\/index\.js\), imported by src\/background\/journey-db\.ts/,
			),
			expect.stringMatching(
				/^background\.js contains src\/ui\/ \(src\/ui\/advice\.tsx\), imported by src\/background\/index\.ts/,
			),
			expect.stringMatching(
				/^background\.js contains preact \(node_modules\/preact\/dist\/preact\.module\.js\), imported by src\/ui\/advice\.tsx/,
			),
		]);
	});

	it('keeps the zod rule of the popup and the comparison real: nothing lets it pass but an allowance', () => {
		const graph = {'src/compare/index.tsx': ['src/core/settings.ts'], 'src/core/settings.ts': [ZOD], [ZOD]: []};
		const meta = metafile(graph, {
			'compare/compare.js': {
				entry: 'src/compare/index.tsx',
				inputs: ['src/compare/index.tsx'],
				chunks: ['chunks/b.js'],
			},
			'chunks/b.js': {inputs: ['src/core/settings.ts', ZOD]},
		});
		expect(TEMPORARY_ALLOWANCES).toEqual([]);
		expect(checkWalls(meta, at)).toEqual([
			expect.stringMatching(/^compare\/compare\.js contains zod .*, imported by src\/core\/settings\.ts/),
		]);
		const allowance = {bundles: ['compare/compare.js'], group: 'zod', reason: 'a test'};
		expect(checkWalls(meta, {...at, allowances: [allowance]})).toEqual([]);
	});
});

describe('the real build', () => {
	it('crosses no wall', async () => {
		const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
		const outDir = await mkdtemp(path.join(tmpdir(), 'walls-'));
		const builder = await Builder.create({root, outDir, mode: 'release'});
		try {
			await expect(builder.build('all')).resolves.toBeDefined();
		} finally {
			await builder.dispose();
			await rm(outDir, {recursive: true, force: true});
		}
	});
});
