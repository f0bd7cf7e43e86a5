/**
 * `npm run data`: builds src/data/dataset.json from the Privacy Guides pages in
 * scripts/data/sources/privacyguides (through the importer) and the curated files in scripts/data/curated,
 * validates it against src/data/schema.ts, and writes it (only when it changed).
 *
 * `npm run data -- --check`: writes nothing; exits 1 when dataset.json is not exactly what this
 * script would write (used by the build and the tests).
 *
 * Exit codes: 0 fine; 1 invalid input, invalid dataset or (with --check) stale dataset.json.
 */
import {readFile, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {errorMessage} from '../src/core/errors';
import {
	buildDataset,
	CURATED_FILE_NAMES,
	DatasetBuildError,
	serializeDataset,
	type DatasetInput,
} from './data/build-dataset';
import {isMain, ROOT} from './repo';

export const SOURCES_DIR = path.join(ROOT, 'scripts/data/sources/privacyguides');
export const CURATED_DIR = path.join(ROOT, 'scripts/data/curated');
export const DATASET_FILE = path.join(ROOT, 'src/data/dataset.json');

/** Reads the generator's inputs from the repository. JSON syntax errors are reported per file. */
export async function readInputs(): Promise<DatasetInput> {
	const pages: Record<string, string> = {};
	for (const name of (await readdir(SOURCES_DIR)).sort()) {
		if (name.endsWith('.md') && name !== 'README.md')
			pages[name] = await readFile(path.join(SOURCES_DIR, name), 'utf8');
	}
	const curated: Record<string, unknown> = {};
	const issues: string[] = [];
	for (const name of CURATED_FILE_NAMES) {
		const file = path.join(CURATED_DIR, name);
		let text: string;
		try {
			text = await readFile(file, 'utf8');
		} catch {
			issues.push(`${name}: cannot read ${path.relative(ROOT, file)}`);
			continue;
		}
		try {
			curated[name] = JSON.parse(text);
		} catch (error) {
			issues.push(`${name}: invalid JSON: ${errorMessage(error)}`);
		}
	}
	if (issues.length > 0) throw new DatasetBuildError(issues);
	return {pages, curated};
}

/** The text dataset.json should have. */
export async function generate(): Promise<string> {
	return serializeDataset(buildDataset(await readInputs()));
}

async function main(argv: readonly string[]): Promise<number> {
	const unknown = argv.filter((arg) => arg !== '--check');
	if (unknown.length > 0) {
		console.error(`usage: tsx scripts/generate-data.ts [--check]\nunknown argument(s): ${unknown.join(' ')}`);
		return 1;
	}
	const check = argv.includes('--check');
	let expected: string;
	try {
		expected = await generate();
	} catch (error) {
		console.error(error instanceof DatasetBuildError ? error.message : error);
		return 1;
	}
	const current = await readFile(DATASET_FILE, 'utf8').catch(() => undefined);
	const relative = path.relative(ROOT, DATASET_FILE);
	if (check) {
		if (current === expected) {
			console.log(`${relative} is up to date.`);
			return 0;
		}
		console.error(
			`${relative} is ${current === undefined ? 'missing' : 'out of date'}: run \`npm run data\` and commit the result.`,
		);
		return 1;
	}
	if (current === expected) {
		console.log(`${relative} unchanged.`);
		return 0;
	}
	await writeFile(DATASET_FILE, expected);
	console.log(`Wrote ${relative}.`);
	return 0;
}

if (isMain(import.meta.url)) {
	process.exitCode = await main(process.argv.slice(2));
}
