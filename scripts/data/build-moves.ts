/**
 * Builds src/data/moves.json (the guided moves: steps, choices and what does not come along, per service and
 * alternative) from scripts/data/curated/moves.json (English) and scripts/data/curated/i18n/<lang>.json (every other
 * language: a missing translation fails), checked against src/data/moves-schema.ts and the dataset: every service
 * and alternative named must be catalogued, every French text must follow French typography.
 *
 * `npm run data:moves` writes it (only when it changed); `npm run data:moves -- --check` writes nothing and exits
 * 1 when the file is stale. Exit codes: 0 fine; 1 invalid input or (with --check) a stale file.
 */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {movesSchema, type Claim, type Moves} from '../../src/data/moves-schema';
import {TRANSLATED_LANGUAGES} from '../../src/data/schema';
import {readTranslations} from '../generate-data';
import {withTranslations} from './i18n-texts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CURATED_MOVES_FILE = path.join(ROOT, 'scripts/data/curated/moves.json');
export const MOVES_FILE = path.join(ROOT, 'src/data/moves.json');
const DATASET_FILE = path.join(ROOT, 'src/data/dataset.json');

export class MovesBuildError extends Error {
	readonly issues: string[];
	constructor(issues: string[]) {
		super(`scripts/data/curated/moves.json:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
		this.issues = issues;
	}
}

/** French typography this project keeps: curly apostrophes, a no-break space before : ; ? ! and inside « ». */
export function frenchTypographyIssues(text: string): string[] {
	const issues: string[] = [];
	if (text.includes("'")) issues.push('a straight apostrophe (use ’)');
	if (/[^\u00a0\u202f][:;?!](?:\s|$)/.test(text)) issues.push('no no-break space before : ; ? or !');
	if (/«[^\u00a0\u202f]|[^\u00a0\u202f]»/.test(text)) issues.push('no no-break space inside « »');
	return issues;
}

function* claimsOf(value: unknown, where: string): Generator<[string, Claim]> {
	if (Array.isArray(value)) {
		for (const [index, item] of value.entries()) yield* claimsOf(item, `${where}[${index}]`);
	} else if (typeof value === 'object' && value !== null) {
		if ('en' in value && 'fr' in value && 'by' in value) yield [where, value as Claim];
		else for (const [key, item] of Object.entries(value)) yield* claimsOf(item, where ? `${where}.${key}` : key);
	}
}

/** Validates the curated moves (with its top-level `comment`) against the schema and the catalogue. */
export function buildMoves(
	curated: unknown,
	catalogue: {services: string[]; tools: string[]},
	translations: Readonly<Partial<Record<string, unknown>>>,
): Moves {
	const missing: string[] = [];
	const translated = withTranslations({'moves.json': curated}, translations, TRANSLATED_LANGUAGES, missing)[
		'moves.json'
	];
	if (missing.length > 0) throw new MovesBuildError(missing);
	const {comment: _comment, ...rest} = (
		typeof translated === 'object' && translated !== null ? translated : {}
	) as Record<string, unknown>;
	const parsed = movesSchema.safeParse(rest);
	if (!parsed.success)
		throw new MovesBuildError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
	const moves = parsed.data;
	const issues: string[] = [];
	for (const id of Object.keys(moves.services))
		if (!catalogue.services.includes(id)) issues.push(`services.${id}: not a catalogued service`);
	for (const [id, tool] of Object.entries(moves.tools)) {
		if (!catalogue.tools.includes(id)) issues.push(`tools.${id}: not a catalogued alternative`);
		for (const from of Object.keys(tool.from))
			if (!catalogue.services.includes(from)) issues.push(`tools.${id}.from.${from}: not a catalogued service`);
	}
	for (const [where, claim] of claimsOf(moves, ''))
		for (const issue of frenchTypographyIssues(claim.fr)) issues.push(`${where}.fr: ${issue}`);
	if (issues.length > 0) throw new MovesBuildError(issues);
	return moves;
}

export const serializeMoves = (moves: Moves) => `${JSON.stringify(moves, null, '\t')}\n`;

async function catalogue(): Promise<{services: string[]; tools: string[]}> {
	const dataset = JSON.parse(await readFile(DATASET_FILE, 'utf8')) as {
		services: Array<{id: string}>;
		tools: Array<{id: string}>;
	};
	return {services: dataset.services.map((s) => s.id), tools: dataset.tools.map((t) => t.id)};
}

export async function generateMoves(): Promise<string> {
	const curated: unknown = JSON.parse(await readFile(CURATED_MOVES_FILE, 'utf8'));
	return serializeMoves(buildMoves(curated, await catalogue(), await readTranslations()));
}

async function main(argv: readonly string[]): Promise<number> {
	const check = argv.includes('--check');
	let expected: string;
	try {
		expected = await generateMoves();
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		return 1;
	}
	const current = await readFile(MOVES_FILE, 'utf8').catch(() => undefined);
	const relative = path.relative(ROOT, MOVES_FILE);
	if (current === expected) {
		console.log(`${relative} is up to date.`);
		return 0;
	}
	if (check) {
		console.error(`${relative} is out of date: run \`npm run data:moves\` and commit the result.`);
		return 1;
	}
	await writeFile(MOVES_FILE, expected);
	console.log(`Wrote ${relative}.`);
	return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	process.exitCode = await main(process.argv.slice(2));
}
