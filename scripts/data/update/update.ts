/**
 * `npm run data:update -- PRIVACYGUIDES_ORG_CHECKOUT I18N_CHECKOUT`: refreshes the Privacy Guides pages
 * the dataset is built from, from local checkouts of privacyguides/privacyguides.org and
 * privacyguides/i18n, and says what changed and which of our claims to re-verify.
 *
 * For every shipped language (src/data/schema.ts LANGUAGES) and every page of catalogue.ts:
 * 1. reads the page at the checkout's HEAD with the last commit that changed it (checkout.ts); a missing
 *    page, a checkout older than our copy or a page the importer cannot read stops everything before
 *    anything is written;
 * 2. compares it with our copy through the importer's page models (compare.ts); a page whose text is
 *    unchanged is left alone;
 * 3. copies a changed page: a dated copy (`photo-management.en.2025-11-05.md`) gets a new dated file and
 *    a new sources.json entry (the old one stays, as history and test fixture), an undated one
 *    (`common-threats.en.md`) is replaced in place; a page id that carries the date is renamed and every
 *    curated reference to it follows; translations are also copied to i18n/<lang>/ with their
 *    provenance in i18n/provenance.json;
 * 4. when a photo-management criterion was only reworded, criteria.json `expect` takes the new text
 *    (and the criterion and its evaluations are flagged, below);
 * 5. flags the claims of the dataset the changes concern (review.ts flagClaims) in
 *    scripts/data/curated/review.json, where a person marks each one reviewed;
 * 6. regenerates the dataset (scripts/generate-data.ts); when the curated data no longer fits the pages,
 *    the pages stay copied and the report lists what to fix.
 * Everything is written under `root` (the repository, or a copy of it in the tests).
 */
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {z} from 'zod';
import {errorMessage} from '../../../src/core/errors';
import {CURATED_FILE_NAMES, DatasetBuildError} from '../build-dataset';
import {CURATED_FILES} from '../curated/schema';
import {generate} from '../../generate-data';
import {shippedLangs, upstreamPages, type UpstreamPage} from './catalogue';
import {checkoutProblem, hasFolder, readCheckoutFile, type CheckoutFile} from './checkout';
import {comparePages, importForComparison, type PageChange} from './compare';
import {
	addReviews,
	flagClaims,
	parseDataset,
	readReviewFile,
	REVIEW_FILE,
	serializeReviewFile,
	type ChangedPage,
	type FlaggedClaim,
} from './review';

const SOURCES_FOLDER = 'scripts/data/sources/privacyguides';
const CURATED_FOLDER = 'scripts/data/curated';
const PROVENANCE_FILE = `${SOURCES_FOLDER}/i18n/provenance.json`;
const DATASET = 'src/data/dataset.json';

/** The update cannot start: nothing was written. */
export class UpdateError extends Error {
	readonly problems: readonly string[];
	constructor(problems: readonly string[]) {
		super(
			`npm run data:update: nothing was written: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
		);
		this.name = 'UpdateError';
		this.problems = problems;
	}
}

export interface UpdateOptions {
	/** A git working tree of privacyguides/privacyguides.org (English pages in docs/). */
	orgCheckout: string;
	/** A git working tree of privacyguides/i18n (translations in i18n/<lang>/). */
	i18nCheckout: string;
	/** The repository to update (its scripts/data and src/data). */
	root: string;
	/** Privacy Guides languages to refresh; default: English and every language the extension ships. */
	langs?: readonly string[];
	/** The date the claims are flagged on, YYYY-MM-DD; default today (UTC). */
	today?: string;
}

export interface UpdateResult {
	/** The review report, for a person. */
	report: string;
	/** Files written, relative to root. */
	written: string[];
	flagged: FlaggedClaim[];
	/** Every change found, per page copy (sources.json id or i18n/ file). */
	changes: {page: string; changes: PageChange[]}[];
	/** Why the dataset could not be regenerated (empty when it was). */
	generationIssues: readonly string[];
}

type Source = z.infer<(typeof CURATED_FILES)['sources.json']>[number];

const provenanceSchema = z.array(
	z.strictObject({
		file: z.string().regex(/^i18n\/[^/]+\/[a-z0-9-]+\.md$/),
		repository: z.string().min(1),
		commit: z.string().regex(/^[0-9a-f]{7,40}$/),
		date: z.iso.date(),
	}),
);
type Provenance = z.infer<typeof provenanceSchema>;

const short = (commit: string) => commit.slice(0, 8);

async function readText(file: string): Promise<string | undefined> {
	return readFile(file, 'utf8').catch(() => undefined);
}

async function readJson<T>(root: string, relative: string, schema: z.ZodType<T>, fallback?: T): Promise<T> {
	const text = await readText(path.join(root, relative));
	if (text === undefined) {
		if (fallback !== undefined) return fallback;
		throw new UpdateError([`cannot read ${relative}`]);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new UpdateError([`${relative}: invalid JSON: ${errorMessage(error)}`]);
	}
	const result = schema.safeParse(json);
	if (!result.success)
		throw new UpdateError([
			`${relative}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
		]);
	return result.data;
}

/** One upstream page and the copies of it we keep. */
interface Plan {
	upstream: UpstreamPage;
	fetched: CheckoutFile;
	imported: ReturnType<typeof importForComparison>;
	/** sources.json entries to update: the current top-level copy, and any entry for the i18n/ copy. */
	targets: {source: Source; changes: PageChange[]; newId: string; newFile: string; addEntry: boolean}[];
	/** The i18n/<lang>/ copy (translations only). */
	folder?: {
		file: string;
		stored: string | undefined;
		changes: PageChange[] | undefined;
		provenance?: Provenance[number];
	};
}

function checkCheckouts(org: string, i18n: string): string[] {
	const problems: string[] = [];
	for (const [dir, which, folder, other, otherFolder] of [
		[org, 'privacyguides/privacyguides.org', 'docs', 'privacyguides/i18n', 'i18n'],
		[i18n, 'privacyguides/i18n', 'i18n', 'privacyguides/privacyguides.org', 'docs'],
	] as const) {
		const problem = checkoutProblem(dir);
		if (problem) problems.push(`${problem} (expected a checkout of ${which})`);
		else if (!hasFolder(dir, folder))
			problems.push(
				hasFolder(dir, otherFolder)
					? `${dir} looks like a checkout of ${other}, not ${which}: give the privacyguides.org checkout first, then the i18n one`
					: `${dir} has no ${folder}/ folder: expected a checkout of ${which}`,
			);
	}
	return problems;
}

/** Plans the whole update; throws UpdateError (nothing written) on the first kind of problem found. */
async function plan(options: UpdateOptions, sources: Source[], provenance: Provenance): Promise<Plan[]> {
	const {root} = options;
	const sourcesDir = path.join(root, SOURCES_FOLDER);
	const problems = checkCheckouts(options.orgCheckout, options.i18nCheckout);
	if (problems.length > 0) throw new UpdateError(problems);

	const langs = options.langs ?? shippedLangs();
	const fetched: [UpstreamPage, CheckoutFile][] = [];
	for (const upstream of upstreamPages(langs)) {
		const dir = upstream.checkout === 'org' ? options.orgCheckout : options.i18nCheckout;
		const file = readCheckoutFile(dir, upstream.path);
		if (!file)
			problems.push(
				`${upstream.path} (${upstream.pagePath}, ${upstream.lang}) is missing from the ${upstream.repository.split(':')[0]} checkout ${dir} (at HEAD)`,
			);
		else fetched.push([upstream, file]);
	}
	if (problems.length > 0) throw new UpdateError(problems);

	const plans: Plan[] = [];
	for (const [upstream, file] of fetched) {
		let imported: Plan['imported'];
		try {
			imported = importForComparison(file.content, upstream.path, upstream.lang, upstream.pagePath);
		} catch (error) {
			problems.push(`${upstream.repository} at ${short(file.commit)} cannot be imported: ${errorMessage(error)}`);
			continue;
		}
		const compare = (stored: string, label: string): PageChange[] => {
			if (stored === file.content) return [];
			try {
				return comparePages(importForComparison(stored, label, upstream.lang, upstream.pagePath), imported);
			} catch (error) {
				problems.push(`our copy ${label} cannot be imported: ${errorMessage(error)}`);
				return [];
			}
		};
		const folderFile = upstream.lang === 'en' ? undefined : `i18n/${upstream.lang}/${upstream.flat}.md`;
		const current = sources
			.filter((s) => s.pagePath === upstream.pagePath && s.lang === upstream.lang && !s.file.startsWith('i18n/'))
			.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
		const entries = [...(current ? [current] : []), ...sources.filter((s) => folderFile && s.file === folderFile)];
		const targets: Plan['targets'] = [];
		for (const source of entries) {
			const stored = await readText(path.join(sourcesDir, source.file));
			if (stored === undefined) {
				problems.push(`sources.json: ${source.id}: cannot read ${SOURCES_FOLDER}/${source.file}`);
				continue;
			}
			if (stored === file.content) continue;
			if (file.date < source.date) {
				problems.push(
					`${upstream.repository}: the checkout's copy (${short(file.commit)}, ${file.date}) is older than ours (${source.id}, ${source.date}): update the checkout (git pull)`,
				);
				continue;
			}
			const dated = source.file.includes(source.date) && !source.file.startsWith('i18n/');
			const newFile = dated ? source.file.replace(source.date, file.date) : source.file;
			const newId = source.id.includes(source.date) ? source.id.replace(source.date, file.date) : source.id;
			if (newId !== source.id && sources.some((s) => s.id === newId))
				problems.push(`sources.json: cannot add ${newId} for ${upstream.repository}: the id is taken`);
			targets.push({
				source,
				changes: compare(stored, source.file),
				newId,
				newFile,
				addEntry: dated && newFile !== source.file,
			});
		}
		let folder: Plan['folder'];
		if (folderFile) {
			const stored = await readText(path.join(sourcesDir, folderFile));
			const known = provenance.find((p) => p.file === folderFile);
			folder = {
				file: folderFile,
				stored,
				changes: stored === undefined ? undefined : compare(stored, folderFile),
				provenance: known,
			};
			if (stored !== undefined && stored !== file.content && known && file.date < known.date)
				problems.push(
					`${upstream.repository}: the checkout's copy (${short(file.commit)}, ${file.date}) is older than ours (${folderFile}, ${known.date}): update the checkout (git pull)`,
				);
		}
		plans.push({upstream, fetched: file, imported, targets, folder});
	}
	if (problems.length > 0) throw new UpdateError(problems);
	return plans;
}

/** Replaces every JSON string `"from"` by `"to"` in a curated file's text (formatting kept). */
function renameIds(text: string, renames: ReadonlyMap<string, string>): string {
	let out = text;
	for (const [from, to] of renames) out = out.split(JSON.stringify(from)).join(JSON.stringify(to));
	return out;
}

export async function updateFromCheckouts(options: UpdateOptions): Promise<UpdateResult> {
	const {root} = options;
	const flaggedOn = options.today ?? new Date().toISOString().slice(0, 10);
	const sources = await readJson(root, `${CURATED_FOLDER}/sources.json`, CURATED_FILES['sources.json']);
	const provenance = await readJson(root, PROVENANCE_FILE, provenanceSchema, []);
	const criteriaFile = await readJson(root, `${CURATED_FOLDER}/criteria.json`, CURATED_FILES['criteria.json']);
	const datasetText = await readText(path.join(root, DATASET));
	if (datasetText === undefined) throw new UpdateError([`cannot read ${DATASET}: run \`npm run data\` first`]);
	let dataset;
	try {
		dataset = parseDataset(datasetText, DATASET);
	} catch (error) {
		throw new UpdateError([errorMessage(error)]);
	}
	let reviewFile;
	try {
		reviewFile = await readReviewFile(root);
	} catch (error) {
		throw new UpdateError([errorMessage(error)]);
	}
	const plans = await plan(options, sources, provenance);

	// What to write, all computed before the first write.
	const writes = new Map<string, string>();
	const renames = new Map<string, string>();
	const newSources = [...sources];
	const newProvenance = [...provenance];
	const changedPages: ChangedPage[] = [];
	const allChanges: UpdateResult['changes'] = [];
	const report: string[] = [];
	const expectUpdates: {id: string; from: string; to: string}[] = [];

	for (const {upstream, fetched, imported, targets, folder} of plans) {
		const head = `${upstream.pagePath} (${upstream.lang}), ${upstream.repository} at ${short(fetched.commit)} (${fetched.date})`;
		const lines: string[] = [];
		for (const target of targets) {
			const {source} = target;
			writes.set(`${SOURCES_FOLDER}/${target.newFile}`, fetched.content);
			const entry: Source = {
				...source,
				id: target.newId,
				file: target.newFile,
				repository: upstream.repository,
				commit: fetched.commit,
				date: fetched.date,
			};
			if (target.addEntry) newSources.push(entry);
			else newSources[newSources.indexOf(source)] = entry;
			if (target.newId !== source.id) renames.set(source.id, target.newId);
			lines.push(
				`  ${source.id} (${short(source.commit)}, ${source.date}) → ${target.newId} (${target.addEntry ? `new file ${target.newFile}` : `${target.newFile} replaced`})`,
			);
			lines.push(...formatChanges(target.changes));
			allChanges.push({page: target.newId, changes: target.changes});
			if (target.changes.length > 0)
				changedPages.push({
					id: source.id,
					url: source.url,
					newId: target.newId,
					newDate: fetched.date,
					changes: target.changes,
				});
			// A reworded photo-management criterion: the id keeps its place, `expect` takes the new text.
			if (source.id === criteriaFile.sourcePages.en && imported.kind === 'category') {
				const page = imported.page as {criteria: {minimum: string[]; bestCase: string[]}};
				for (const level of ['minimum', 'best-case'] as const) {
					const texts = level === 'minimum' ? page.criteria.minimum : page.criteria.bestCase;
					const curated = criteriaFile.criteria.filter((c) => c.level === level);
					if (texts.length !== curated.length) continue;
					curated.forEach((criterion, i) => {
						if (texts[i] !== criterion.expect)
							expectUpdates.push({id: criterion.id, from: criterion.expect, to: texts[i]!});
					});
				}
			}
		}
		if (folder) {
			const unchanged = folder.stored === fetched.content;
			if (!unchanged) writes.set(`${SOURCES_FOLDER}/${folder.file}`, fetched.content);
			if (!unchanged || !folder.provenance) {
				const entry = {file: folder.file, repository: upstream.repository, commit: fetched.commit, date: fetched.date};
				const i = newProvenance.findIndex((p) => p.file === folder.file);
				if (i === -1) newProvenance.push(entry);
				else newProvenance[i] = entry;
			}
			if (!unchanged) {
				const was = folder.provenance ? ` (${short(folder.provenance.commit)}, ${folder.provenance.date})` : '';
				lines.push(`  ${folder.file}${was} ${folder.stored === undefined ? 'added' : 'replaced'}`);
				if (targets.length === 0 && folder.changes) {
					lines.push(...formatChanges(folder.changes));
					allChanges.push({page: folder.file, changes: folder.changes});
				}
			}
		}
		report.push(lines.length === 0 ? `${head}: unchanged` : `${head}:\n${lines.join('\n')}`);
	}

	const flagged = flagClaims(dataset, changedPages);

	// Curated files: renamed page ids, reworded criteria, the new claims to review.
	const curatedDir = path.join(root, CURATED_FOLDER);
	if (renames.size > 0 || expectUpdates.length > 0) {
		for (const name of CURATED_FILE_NAMES) {
			if (name === 'sources.json') continue;
			const text = await readText(path.join(curatedDir, name));
			if (text === undefined) continue;
			let next = renameIds(text, renames);
			if (name === 'criteria.json')
				for (const update of expectUpdates)
					next = next.replace(`"expect": ${JSON.stringify(update.from)}`, `"expect": ${JSON.stringify(update.to)}`);
			if (next !== text) writes.set(`${CURATED_FOLDER}/${name}`, next);
		}
	}
	if (writes.size > 0 || renames.size > 0) {
		newSources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		const text = `${JSON.stringify(newSources, null, 2)}\n`;
		if (text !== (await readText(path.join(curatedDir, 'sources.json'))))
			writes.set(`${CURATED_FOLDER}/sources.json`, text);
	}
	if (JSON.stringify(newProvenance) !== JSON.stringify(provenance)) {
		newProvenance.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
		writes.set(PROVENANCE_FILE, `${JSON.stringify(newProvenance, null, 2)}\n`);
	}
	if (flagged.length > 0) writes.set(REVIEW_FILE, serializeReviewFile(addReviews(reviewFile, flagged, flaggedOn)));

	for (const [relative, text] of writes) {
		const file = path.join(root, relative);
		await mkdir(path.dirname(file), {recursive: true});
		await writeFile(file, text);
	}

	// Regenerate the dataset from what was just written.
	let generationIssues: readonly string[] = [];
	const generated: string[] = [];
	if (writes.size > 0) {
		try {
			for (const [relative, text] of await generate(root)) {
				const file = path.join(root, relative);
				if ((await readText(file)) === text) continue;
				await mkdir(path.dirname(file), {recursive: true});
				await writeFile(file, text);
				generated.push(relative);
			}
		} catch (error) {
			generationIssues = error instanceof DatasetBuildError ? error.issues : [errorMessage(error)];
		}
	}

	const written = [...writes.keys(), ...generated];
	return {
		report: formatReport({report, flagged, expectUpdates, renames, written, generationIssues}),
		written,
		flagged,
		changes: allChanges,
		generationIssues,
	};
}

function formatChanges(changes: readonly PageChange[]): string[] {
	if (changes.length === 0) return ['    (the text changed, but not what the importer reads: no claim concerned)'];
	return changes.map((change) => `    - ${change.text}`);
}

function formatReport(parts: {
	report: readonly string[];
	flagged: readonly FlaggedClaim[];
	expectUpdates: readonly {id: string; from: string; to: string}[];
	renames: ReadonlyMap<string, string>;
	written: readonly string[];
	generationIssues: readonly string[];
}): string {
	const out: string[] = ['# What Privacy Guides changed', '', ...parts.report, ''];
	if (parts.renames.size > 0) {
		out.push('# Page ids renamed in the curated files');
		for (const [from, to] of parts.renames) out.push(`  ${from} → ${to}`);
		out.push('');
	}
	if (parts.expectUpdates.length > 0) {
		out.push('# Criteria reworded (criteria.json `expect` updated; the id keeps its place: check it still fits)');
		for (const update of parts.expectUpdates) out.push(`  ${update.id}: “${update.from}” → “${update.to}”`);
		out.push('');
	}
	out.push(`# Claims to re-verify (${parts.flagged.length}, recorded in ${REVIEW_FILE})`);
	if (parts.flagged.length === 0) out.push('  none');
	for (const claim of parts.flagged) {
		out.push(`  - ${claim.claim}`);
		for (const reason of claim.because) out.push(`      because ${reason}`);
	}
	out.push('');
	if (parts.generationIssues.length > 0) {
		out.push(
			`# The dataset could not be regenerated (${parts.generationIssues.length} issue${parts.generationIssues.length === 1 ? '' : 's'}): fix the curated data, then run \`npm run data\``,
		);
		for (const issue of parts.generationIssues) out.push(`  - ${issue}`);
		out.push('');
	}
	out.push(parts.written.length === 0 ? '# Nothing written: every page is up to date' : '# Written');
	for (const file of parts.written) out.push(`  ${file}`);
	if (parts.flagged.length > 0)
		out.push(
			'',
			`Next: re-verify each claim above against the page named, fix the curated data where needed, set its "reviewed" date in ${REVIEW_FILE}, run \`npm run data\` and \`npm run data -- --check\`, and commit.`,
		);
	return `${out.join('\n')}\n`;
}
