/**
 * `npm run data`: builds src/data/dataset.json from the Privacy Guides pages in
 * scripts/data/sources/privacyguides (through the importer) and the curated files in scripts/data/curated,
 * validates it against src/data/schema.ts, and writes it (only when it changed), with the pages'
 * per-language files src/data/pages/<lang>.json made from it (scripts/data/page-data.ts).
 *
 * `npm run data -- --check`: writes nothing; exits 1 when any generated file is not exactly what this
 * script would write (used by the build and the tests), or when a claim flagged by `npm run data:update`
 * awaits its review in scripts/data/curated/review.json (scripts/data/update/review.ts).
 *
 * Exit codes: 0 fine; 1 invalid input, invalid dataset or (with --check) a stale or missing file.
 */
import {mkdir, readFile, readdir, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {errorMessage} from '../src/core/errors';
import {
	buildDataset,
	CURATED_FILE_NAMES,
	DatasetBuildError,
	serializeDataset,
	type DatasetInput,
} from './data/build-dataset';
import {PAGE_DATA_FILES, pageData, serializePageData} from './data/page-data';
import {formatReviewProblems, reviewProblems} from './data/update/review';
import {TRANSLATED_LANGUAGES} from '../src/data/schema';
import {isMain, ROOT} from './repo';

export const SOURCES_DIR = path.join(ROOT, 'scripts/data/sources/privacyguides');
export const CURATED_DIR = path.join(ROOT, 'scripts/data/curated');
export const DATASET_FILE = path.join(ROOT, 'src/data/dataset.json');
/** Our texts in every language but English, one file per language (see its README). */
export const TRANSLATIONS_DIR = path.join(CURATED_DIR, 'i18n');

export interface InputOptions {
	/** Where the translations are read from (tests use a copy); TRANSLATIONS_DIR by default. */
	translationsDir?: string;
}

/**
 * Our translations by language: scripts/data/curated/i18n/<lang>.json parsed, for each language but
 * English that has its file (a missing one is reported by the generator, naming it).
 */
export async function readTranslations(dir = TRANSLATIONS_DIR): Promise<Partial<Record<string, unknown>>> {
	const translations: Partial<Record<string, unknown>> = {};
	const issues: string[] = [];
	for (const lang of TRANSLATED_LANGUAGES) {
		const file = path.join(dir, `${lang}.json`);
		const text = await readFile(file, 'utf8').catch(() => undefined);
		if (text === undefined) continue;
		try {
			translations[lang] = JSON.parse(text);
		} catch (error) {
			issues.push(`scripts/data/curated/i18n/${lang}.json: invalid JSON: ${errorMessage(error)}`);
		}
	}
	if (issues.length > 0) throw new DatasetBuildError(issues);
	return translations;
}

/**
 * Reads the generator's inputs from the repository (`root`: another copy of it, for the tests of
 * `npm run data:update`). JSON syntax errors are reported per file.
 */
export async function readInputs(root: string = ROOT, options: InputOptions = {}): Promise<DatasetInput> {
	const sourcesDir = path.join(root, path.relative(ROOT, SOURCES_DIR));
	const curatedDir = path.join(root, path.relative(ROOT, CURATED_DIR));
	const pages: Record<string, string> = {};
	for (const name of (await readdir(sourcesDir)).sort()) {
		if (name.endsWith('.md') && name !== 'README.md') pages[name] = await readFile(path.join(sourcesDir, name), 'utf8');
	}
	// Every language's copies in i18n/<lang>/, by their path from SOURCES_DIR (i18n/de/photo-management.md).
	const i18n = path.join(sourcesDir, 'i18n');
	for (const lang of (await readdir(i18n)).sort()) {
		if (!(await stat(path.join(i18n, lang))).isDirectory()) continue;
		for (const name of (await readdir(path.join(i18n, lang))).sort())
			if (name.endsWith('.md')) pages[`i18n/${lang}/${name}`] = await readFile(path.join(i18n, lang, name), 'utf8');
	}
	const curated: Record<string, unknown> = {};
	const issues: string[] = [];
	for (const name of CURATED_FILE_NAMES) {
		const file = path.join(curatedDir, name);
		let text: string;
		try {
			text = await readFile(file, 'utf8');
		} catch {
			issues.push(`${name}: cannot read ${path.relative(root, file)}`);
			continue;
		}
		try {
			curated[name] = JSON.parse(text);
		} catch (error) {
			issues.push(`${name}: invalid JSON: ${errorMessage(error)}`);
		}
	}
	if (issues.length > 0) throw new DatasetBuildError(issues);
	return {
		pages,
		curated,
		translations: await readTranslations(
			options.translationsDir ?? path.join(root, path.relative(ROOT, TRANSLATIONS_DIR)),
		),
	};
}

/** Every generated file, by path relative to the repository: dataset.json first, then each language's page file. */
export async function generate(root: string = ROOT, options: InputOptions = {}): Promise<Map<string, string>> {
	const dataset = buildDataset(await readInputs(root, options));
	const files = new Map([[path.relative(ROOT, DATASET_FILE), serializeDataset(dataset)]]);
	for (const {lang, file} of PAGE_DATA_FILES) files.set(file, serializePageData(pageData(dataset, lang)));
	return files;
}

async function main(argv: readonly string[]): Promise<number> {
	const unknown = argv.filter((arg) => arg !== '--check');
	if (unknown.length > 0) {
		console.error(`usage: tsx scripts/generate-data.ts [--check]\nunknown argument(s): ${unknown.join(' ')}`);
		return 1;
	}
	return runData(argv.includes('--check'));
}

/** `npm run data` (check: `-- --check`) on the repository at `root`; the exit code. */
export async function runData(check: boolean, root: string = ROOT): Promise<number> {
	let expected: Map<string, string>;
	try {
		expected = await generate(root);
	} catch (error) {
		console.error(error instanceof DatasetBuildError ? error.message : error);
		return 1;
	}
	let stale = 0;
	for (const [relative, text] of expected) {
		const file = path.join(root, relative);
		const current = await readFile(file, 'utf8').catch(() => undefined);
		if (current === text) {
			console.log(`${relative} ${check ? 'is up to date' : 'unchanged'}.`);
		} else if (check) {
			console.error(
				`${relative} is ${current === undefined ? 'missing' : 'out of date'}: run \`npm run data\` and commit the result.`,
			);
			stale++;
		} else {
			await mkdir(path.dirname(file), {recursive: true});
			await writeFile(file, text);
			console.log(`Wrote ${relative}.`);
		}
	}
	// Claims flagged by `npm run data:update` block the check until a person has re-verified them.
	const reviews = await reviewProblems(root);
	if (reviews.length > 0) {
		if (check) console.error(formatReviewProblems(reviews));
		else console.warn(`${formatReviewProblems(reviews)}\n(\`npm run data -- --check\` fails until then.)`);
	}
	return stale > 0 || (check && reviews.length > 0) ? 1 : 0;
}

if (isMain(import.meta.url)) {
	process.exitCode = await main(process.argv.slice(2));
}
