import {readFileSync} from 'node:fs';
import {SourceMap, type SourceMapPayload} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {describe, expect, it} from 'vitest';
import type {Dataset} from '../../src/data/schema';
import {COMPILE_HINT, unitOptions, type Mode} from './options';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = path.join(root, '.tmp/options-test');

async function buildContent(mode: Mode): Promise<Map<string, string>> {
	const options = unitOptions({
		root,
		outdir,
		target: 'chrome',
		mode,
		dataset: () => JSON.parse(readFileSync(path.join(root, 'src/data/dataset.json'), 'utf8')) as Dataset,
	}).content;
	const result = await esbuild.build({...options, logLevel: 'silent'});
	return new Map(result.outputFiles!.map((file) => [path.relative(outdir, file.path), file.text]));
}

describe('the content unit', () => {
	it('starts content.js, and only content.js, with the compile hint on a line of its own', async () => {
		const files = await buildContent('release');
		expect(files.get('content.js')!.startsWith(`${COMPILE_HINT}\n"use strict";`)).toBe(true);
		expect(files.get('content.js')!.match(/allFunctionsCalledOnLoad/g)).toHaveLength(1);
		for (const other of ['export-helper.js', path.join('popup', 'early.js')])
			expect(files.get(other), other).not.toContain('allFunctionsCalledOnLoad');
	});

	it('keeps the development source map of content.js pointing at the right lines below the hint', async () => {
		const text = (await buildContent('dev')).get('content.js')!;
		expect(text.startsWith(`${COMPILE_HINT}\n`)).toBe(true);
		const [, encoded] = /\n\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\n?$/.exec(text)!;
		const map = new SourceMap(JSON.parse(Buffer.from(encoded!, 'base64').toString('utf8')) as SourceMapPayload);

		// Where the script marks its world, in the build and in its source.
		const needle = 'Symbol.for("photo-privacy-advisor")';
		const lines = text.split('\n');
		const line = lines.findIndex((content) => content.includes(needle));
		expect(line).toBeGreaterThan(0);
		const source = readFileSync(path.join(root, 'src/content/index.ts'), 'utf8').split('\n');
		const sourceLine = source.findIndex((content) => content.includes("Symbol.for('photo-privacy-advisor')"));
		expect(sourceLine).toBeGreaterThan(0);

		const entry = map.findEntry(line, lines[line]!.indexOf(needle)) as {originalSource?: string; originalLine?: number};
		expect(entry.originalSource?.endsWith('src/content/index.ts')).toBe(true);
		expect(entry.originalLine).toBe(sourceLine);
	});
});
