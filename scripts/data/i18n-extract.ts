/**
 * `npm run data:i18n`: writes scripts/data/curated/i18n/en.json, every text of ours in the curated files
 * by key (scripts/data/i18n-texts.ts), and checks each translation there (<code>.json) against it: the
 * same keys, the same placeholders, no empty text. `-- --check` writes nothing and fails when en.json is
 * stale. A language without its file is named in a warning here; `npm run data` fails on it.
 *
 * Exit codes: 0 fine; 1 a translation does not match en.json, or (with --check) en.json is stale.
 */
import {readFile, readdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {allTexts, placeholders, TEXT_FILES} from './i18n-texts';
import {TRANSLATED_LANGUAGES} from '../../src/data/schema';
import {isMain, ROOT} from '../repo';

export const CURATED_DIR = path.join(ROOT, 'scripts/data/curated');
export const I18N_DIR = path.join(CURATED_DIR, 'i18n');
/** The languages our texts are translated into: every language of src/data/schema.ts but English. */
const TRANSLATED: readonly string[] = TRANSLATED_LANGUAGES;

/** English by key, from the curated files (parsed JSON by file name). */
export function englishTexts(curated: Readonly<Record<string, unknown>>): Record<string, string> {
	const texts: Record<string, string> = {};
	for (const {key, node} of allTexts(curated)) {
		if (key in texts) throw new Error(`two texts have the key ${key}: give each array element its own id`);
		texts[key] = node.en as string;
	}
	return texts;
}

/** What is wrong with one translation file (parsed), against English: one line per problem. */
export function translationIssues(file: string, english: Record<string, string>, translation: unknown): string[] {
	if (typeof translation !== 'object' || translation === null || Array.isArray(translation))
		return [`${file}: not a JSON object of key → text`];
	const issues: string[] = [];
	const entries = translation as Record<string, unknown>;
	for (const [key, en] of Object.entries(english)) {
		const text = entries[key];
		if (text === undefined) issues.push(`${file}: missing ${key}`);
		else if (typeof text !== 'string' || text.trim() === '') issues.push(`${file}: ${key} is not a non-empty text`);
		else if (placeholders(text).join() !== placeholders(en).join())
			issues.push(
				`${file}: ${key} has placeholders [${placeholders(text).join(', ')}], English has [${placeholders(en).join(', ')}]`,
			);
	}
	for (const key of Object.keys(entries)) if (!(key in english)) issues.push(`${file}: unknown key ${key}`);
	return issues;
}

/** Stable serialization of a key → text file: tabs, keys in the order of en.json, final newline. */
export function serializeTexts(texts: Record<string, string>): string {
	return `${JSON.stringify(texts, null, '\t')}\n`;
}

export async function readCurated(): Promise<Record<string, unknown>> {
	const curated: Record<string, unknown> = {};
	for (const file of TEXT_FILES)
		curated[file] = JSON.parse(await readFile(path.join(CURATED_DIR, file), 'utf8')) as unknown;
	return curated;
}

async function main(): Promise<number> {
	const check = process.argv.includes('--check');
	const english = englishTexts(await readCurated());
	const enFile = path.join(I18N_DIR, 'en.json');
	const expected = serializeTexts(english);
	const current = await readFile(enFile, 'utf8').catch(() => '');
	const issues: string[] = [];
	if (current !== expected) {
		if (check) issues.push('en.json: stale, run npm run data:i18n');
		else {
			await writeFile(enFile, expected);
			console.log(`wrote ${path.relative(ROOT, enFile)} (${Object.keys(english).length} texts)`);
		}
	}
	const present = new Set((await readdir(I18N_DIR)).filter((name) => name.endsWith('.json')));
	for (const lang of TRANSLATED) {
		const file = `${lang}.json`;
		if (!present.has(file)) {
			console.warn(`warning: ${file} is missing (npm run data needs it)`);
			continue;
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(await readFile(path.join(I18N_DIR, file), 'utf8'));
		} catch (error) {
			issues.push(`${file}: invalid JSON: ${String(error)}`);
			continue;
		}
		issues.push(...translationIssues(file, english, parsed));
	}
	for (const file of present)
		if (file !== 'en.json' && !TRANSLATED.includes(file.replace(/\.json$/, '')))
			issues.push(`${file}: not a language of the extension (${TRANSLATED.join(', ')})`);
	if (issues.length > 0) {
		console.error(`scripts/data/curated/i18n:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
		return 1;
	}
	return 0;
}

if (isMain(import.meta.url)) process.exitCode = await main();
