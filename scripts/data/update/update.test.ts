// `npm run data:update` against two small git repositories built here: one like privacyguides.org
// (English pages in docs/), one like privacyguides/i18n with one language folder (fr). The first commit
// holds our stored pages; the second changes one link and adds an audit on Ente Photos' card, rewords a
// criterion, and adds a threat tag to PhotoPrism's page in both languages. The update runs against a
// copy of the repository's data folders, never the real tree.
import {execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {runData} from '../../generate-data';
import {ROOT} from '../../repo';
import {REVIEW_FILE, reviewFileSchema} from './review';
import {UpdateError, updateFromCheckouts, type UpdateResult} from './update';

const SOURCES = 'scripts/data/sources/privacyguides';
const LANGS = ['en', 'fr'];
const temp: string[] = [];

function tempDir(name: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), `ppa-${name}-`));
	temp.push(dir);
	return dir;
}

/** A copy of the repository's data folders (the update's inputs and outputs). */
function copyOfData(): string {
	const root = tempDir('root');
	for (const folder of ['scripts/data/sources', 'scripts/data/curated', 'src/data/pages'])
		cpSync(path.join(ROOT, folder), path.join(root, folder), {recursive: true});
	cpSync(path.join(ROOT, 'src/data/dataset.json'), path.join(root, 'src/data/dataset.json'));
	return root;
}

function git(dir: string, args: string[], date = '2025-12-01T12:00:00Z'): string {
	return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
		cwd: dir,
		encoding: 'utf8',
		env: {
			...process.env,
			GIT_CONFIG_NOSYSTEM: '1',
			GIT_CONFIG_GLOBAL: '/dev/null',
			GIT_AUTHOR_NAME: 'Fixture',
			GIT_AUTHOR_EMAIL: 'fixture@example.org',
			GIT_COMMITTER_NAME: 'Fixture',
			GIT_COMMITTER_EMAIL: 'fixture@example.org',
			GIT_AUTHOR_DATE: date,
			GIT_COMMITTER_DATE: date,
		},
	});
}

/** A git repository whose first commit holds `files` (path → text); returns its folder. */
function repository(name: string, files: Record<string, string>, date: string): string {
	const dir = tempDir(name);
	git(dir, ['init', '-q']);
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
		writeFileSync(path.join(dir, file), text);
	}
	git(dir, ['add', '-A']);
	git(dir, ['commit', '-q', '-m', 'old'], date);
	return dir;
}

/** Commits edits (path → [from, to] replacements) on `date`. */
function commitEdits(dir: string, edits: Record<string, [string, string][]>, date: string): void {
	for (const [file, replacements] of Object.entries(edits)) {
		let text = readFileSync(path.join(dir, file), 'utf8');
		for (const [from, to] of replacements) {
			if (!text.includes(from)) throw new Error(`fixture: "${from}" not in ${file}`);
			text = text.replace(from, to);
		}
		writeFileSync(path.join(dir, file), text);
	}
	git(dir, ['commit', '-q', '-am', 'new'], date);
}

/** Every file under `dir` with its content, to prove nothing was written. */
function snapshot(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const file = path.join(folder, name);
			if (statSync(file).isDirectory()) walk(file);
			else out.set(path.relative(dir, file), readFileSync(file, 'utf8'));
		}
	};
	walk(dir);
	return out;
}

const stored = (root: string, file: string) => readFileSync(path.join(root, SOURCES, file), 'utf8');

function orgFiles(root: string): Record<string, string> {
	return {
		'docs/photo-management.md': stored(root, 'photo-management.en.2025-11-05.md'),
		'docs/self-hosting/file-management.md': stored(root, 'self-hosting-file-management.en.2025-09-14.md'),
		'docs/basics/common-threats.md': stored(root, 'common-threats.en.md'),
		'docs/about/criteria.md': stored(root, 'criteria.en.md'),
	};
}

function i18nFiles(root: string): Record<string, string> {
	return {
		'i18n/fr/photo-management.md': stored(root, 'i18n/fr/photo-management.md'),
		'i18n/fr/self-hosting/file-management.md': stored(root, 'i18n/fr/self-hosting-file-management.md'),
		'i18n/fr/basics/common-threats.md': stored(root, 'i18n/fr/basics-common-threats.md'),
		'i18n/fr/about/criteria.md': stored(root, 'i18n/fr/about-criteria.md'),
	};
}

const PASSIVE_TAG_EN =
	'- [:material-bug-outline: Passive Attacks](../basics/common-threats.md#security-and-privacy){ .pg-orange }\n';
const PASSIVE_TAG_FR =
	'- [:material-bug-outline: Attaques passives](../basics/common-threats.md#security-and-privacy){ .pg-orange }\n';

afterAll(() => {
	for (const dir of temp) rmSync(dir, {recursive: true, force: true});
});

describe('npm run data:update', () => {
	let root: string;
	let org: string;
	let i18n: string;
	let result: UpdateResult;

	beforeAll(async () => {
		root = copyOfData();
		org = repository('org', orgFiles(root), '2025-12-01T12:00:00Z');
		i18n = repository('i18n', i18nFiles(root), '2026-08-22T12:00:00Z');
		commitEdits(
			org,
			{
				'docs/photo-management.md': [
					['[:octicons-eye-16:](https://ente.io/privacy)', '[:octicons-eye-16:](https://ente.io/privacy-policy)'],
					[
						'by [Fallible](https://ente.io/reports/Fallible-Audit-Report-19-04-2023.pdf) in April 2023.',
						'by [Fallible](https://ente.io/reports/Fallible-Audit-Report-19-04-2023.pdf) in April 2023. The mobile apps underwent an audit by [Example Security](https://example.org/ente-mobile-audit) in January 2026.',
					],
					['- Must offer a free plan or trial period for testing.', '- Must offer a free plan or a free trial.'],
				],
				'docs/self-hosting/file-management.md': [
					[
						'<small>Protects against the following threat(s):</small>\n\n',
						`<small>Protects against the following threat(s):</small>\n\n${PASSIVE_TAG_EN}`,
					],
				],
			},
			'2026-02-10T09:00:00Z',
		);
		commitEdits(
			i18n,
			{
				'i18n/fr/self-hosting/file-management.md': [
					[
						'- [:material-server-network: Fournisseurs de services]',
						`${PASSIVE_TAG_FR}- [:material-server-network: Fournisseurs de services]`,
					],
				],
			},
			'2026-09-01T09:00:00Z',
		);
		result = await updateFromCheckouts({orgCheckout: org, i18nCheckout: i18n, root, langs: LANGS, today: '2026-11-29'});
		if (process.env.SHOW_REPORT) console.info(result.report);
	}, 120_000);

	it('reports exactly the changes made upstream, per page', () => {
		const nonEmpty = result.changes.filter((page) => page.changes.length > 0);
		expect(nonEmpty.map(({page, changes}) => ({page, changes: changes.map((c) => c.text)}))).toEqual([
			{
				page: 'photo-management-en-2026-02-10',
				changes: [
					'Ente Photos: privacy policy link changed: https://ente.io/privacy → https://ente.io/privacy-policy',
					'Ente Photos: audit added: https://example.org/ente-mobile-audit',
					'minimum criterion 2 reworded: “Must offer a free plan or trial period for testing.” → “Must offer a free plan or a free trial.”',
				],
			},
			{
				page: 'self-hosting-file-management-en-2026-02-10',
				changes: ['threat tag added: Passive Attacks (#security-and-privacy)'],
			},
			{
				page: 'self-hosting-file-management-fr-2026-09-01',
				changes: ['threat tag added: Attaques passives (#security-and-privacy)'],
			},
		]);
		// The i18n/fr/ copy is refreshed too (its changes are those of the sources.json page above).
		expect(result.changes.map((page) => page.page)).toEqual([
			'photo-management-en-2026-02-10',
			'self-hosting-file-management-en-2026-02-10',
			'self-hosting-file-management-fr-2026-09-01',
		]);
		expect(result.report).toContain(
			'basics/common-threats (en), privacyguides/privacyguides.org:docs/basics/common-threats.md at',
		);
		expect(result.report).toMatch(/basics\/common-threats \(en\).*: unchanged/);
	});

	it('flags exactly the claims those changes concern, with the reasons', () => {
		const flagged = Object.fromEntries(result.flagged.map((claim) => [claim.claim, claim.because]));
		expect(Object.keys(flagged).sort()).toEqual(
			[
				'criteria: free-plan',
				'evaluations: ente-photos × audit',
				'evaluations: ente-photos × free-plan',
				'evaluations: photoprism × free-plan',
				'tools: ente-photos',
				'tools: ente-photos.audits (Cure53 (on behalf of CERN))',
				'tools: ente-photos.audits (Cure53 with Symbolic Software)',
				'tools: ente-photos.audits (Fallible)',
				'tools: photoprism',
			].sort(),
		);
		expect(flagged['tools: photoprism']).toEqual([
			'self-hosting-file-management-en-2026-02-10: threat tag added: Passive Attacks (#security-and-privacy)',
			'self-hosting-file-management-fr-2026-09-01: threat tag added: Attaques passives (#security-and-privacy)',
		]);
		expect(flagged['evaluations: ente-photos × audit']).toEqual([
			'photo-management-en-2026-02-10: Ente Photos: audit added: https://example.org/ente-mobile-audit',
		]);
		const review = reviewFileSchema.parse(JSON.parse(readFileSync(path.join(root, REVIEW_FILE), 'utf8')));
		expect(review.reviews.map((r) => [r.claim, r.since, r.flagged, r.reviewed])).toContainEqual([
			'tools: photoprism',
			'2026-09-01',
			'2026-11-29',
			null,
		]);
	});

	it('copies the new pages with their provenance and points the curated data at them', () => {
		const sources = JSON.parse(readFileSync(path.join(root, 'scripts/data/curated/sources.json'), 'utf8')) as {
			id: string;
			file: string;
			commit: string;
			date: string;
			repository: string;
		}[];
		const orgHead = git(org, ['log', '-1', '--format=%H']).trim();
		const en = sources.find((s) => s.id === 'photo-management-en-2026-02-10');
		expect(en).toMatchObject({
			file: 'photo-management.en.2026-02-10.md',
			commit: orgHead,
			date: '2026-02-10',
			repository: 'privacyguides/privacyguides.org:docs/photo-management.md',
		});
		// The old dated page stays (history); the undated French one is replaced in place.
		expect(sources.some((s) => s.id === 'photo-management-en-2025-11-05')).toBe(true);
		expect(sources.some((s) => s.id === 'self-hosting-file-management-fr-2025-10-20')).toBe(false);
		expect(stored(root, 'photo-management.en.2026-02-10.md')).toBe(
			readFileSync(path.join(org, 'docs/photo-management.md'), 'utf8'),
		);
		expect(stored(root, 'i18n/fr/self-hosting-file-management.md')).toContain(PASSIVE_TAG_FR);
		const provenance = JSON.parse(readFileSync(path.join(root, SOURCES, 'i18n/provenance.json'), 'utf8')) as {
			file: string;
			date: string;
		}[];
		expect(provenance.find((p) => p.file === 'i18n/fr/self-hosting-file-management.md')?.date).toBe('2026-09-01');
		const tools = readFileSync(path.join(root, 'scripts/data/curated/tools.json'), 'utf8');
		expect(tools).toContain('"photo-management-en-2026-02-10"');
		expect(tools).not.toContain('"photo-management-en-2025-11-05"');
		const criteria = readFileSync(path.join(root, 'scripts/data/curated/criteria.json'), 'utf8');
		expect(criteria).toContain('"expect": "Must offer a free plan or a free trial."');
		// The dataset was regenerated from the new pages: PhotoPrism now carries the new tag.
		expect(result.generationIssues).toEqual([]);
		const dataset = JSON.parse(readFileSync(path.join(root, 'src/data/dataset.json'), 'utf8')) as {
			tools: {id: string; threats: string[]}[];
		};
		expect(dataset.tools.find((t) => t.id === 'photoprism')?.threats).toEqual(['passive-attacks', 'service-providers']);
	});

	it('blocks `npm run data -- --check` until every flagged claim is marked reviewed, then passes', async () => {
		const errors: string[] = [];
		vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
		vi.spyOn(console, 'log').mockImplementation(() => undefined);
		expect(await runData(true, root)).toBe(1);
		const message = errors.join('\n');
		for (const claim of result.flagged) expect(message).toContain(`  - ${claim.claim}: not reviewed since`);
		expect(message).toContain(
			'tools: photoprism: not reviewed since Privacy Guides changed self-hosting-file-management-en-2026-02-10, self-hosting-file-management-fr-2026-09-01 (2026-09-01)',
		);
		expect(message).not.toMatch(/out of date|missing/);

		const file = path.join(root, REVIEW_FILE);
		const review = reviewFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
		// A review dated before the page it rests on does not count.
		const early = review.reviews.map((entry) => ({...entry, reviewed: '2026-08-30'}));
		writeFileSync(file, JSON.stringify({...review, reviews: early}));
		errors.length = 0;
		expect(await runData(true, root)).toBe(1);
		expect(errors.join('\n')).toContain(
			'tools: photoprism: "reviewed" is 2026-08-30, before self-hosting-file-management-en-2026-02-10, self-hosting-file-management-fr-2026-09-01 (2026-09-01)',
		);
		expect(errors.join('\n')).not.toContain('criteria: free-plan:');

		// All but one reviewed: still fails, naming only that one.
		const most = review.reviews.map((entry) => ({
			...entry,
			reviewed: entry.claim === 'criteria: free-plan' ? null : '2026-11-29',
		}));
		writeFileSync(file, JSON.stringify({...review, reviews: most}));
		errors.length = 0;
		expect(await runData(true, root)).toBe(1);
		expect(errors.join('\n').match(/^ {2}- /gm)).toHaveLength(1);
		expect(errors.join('\n')).toContain('  - criteria: free-plan: not reviewed since');

		const all = review.reviews.map((entry) => ({...entry, reviewed: '2026-11-29'}));
		writeFileSync(file, JSON.stringify({...review, reviews: all}));
		errors.length = 0;
		expect(await runData(true, root)).toBe(0);
		expect(errors).toEqual([]);
	}, 60_000);

	it('finds nothing to do a second time', async () => {
		const before = snapshot(root);
		const again = await updateFromCheckouts({
			orgCheckout: org,
			i18nCheckout: i18n,
			root,
			langs: LANGS,
			today: '2026-11-30',
		});
		expect(again.written).toEqual([]);
		expect(again.flagged).toEqual([]);
		expect(again.report).toContain('Nothing written: every page is up to date');
		expect(snapshot(root)).toEqual(before);
	}, 60_000);
});

describe('npm run data:update when the curated data no longer fits the newest page', () => {
	it('copies the pages, lists what to fix, and the check passes once it is fixed and reviewed', async () => {
		const root = copyOfData();
		const org = repository('org', orgFiles(root), '2025-12-01T12:00:00Z');
		const i18n = repository('i18n', i18nFiles(root), '2026-08-22T12:00:00Z');
		// A new audit on the newest page of Ente Photos (the French one), which tools.json does not list yet.
		commitEdits(
			i18n,
			{
				'i18n/fr/photo-management.md': [
					[
						'en avril 2023.',
						'en avril 2023. Les applications mobiles ont fait l’objet d’un audit par [Example Security](https://example.org/ente-mobile-audit) en août 2026.',
					],
				],
			},
			'2026-09-01T09:00:00Z',
		);
		const result = await updateFromCheckouts({
			orgCheckout: org,
			i18nCheckout: i18n,
			root,
			langs: LANGS,
			today: '2026-11-29',
		});
		expect(result.changes.filter((page) => page.changes.length > 0)).toEqual([
			{
				page: 'photo-management-fr-2026-09-01',
				changes: [expect.objectContaining({text: 'Ente Photos: audit added: https://example.org/ente-mobile-audit'})],
			},
		]);
		expect(result.generationIssues).toEqual([
			'tools.json: ente-photos: photo-management-fr-2026-09-01 links the audit https://example.org/ente-mobile-audit, which tools.json does not list',
		]);
		expect(result.report).toContain('# The dataset could not be regenerated (1 issue): fix the curated data');
		expect(stored(root, 'photo-management.fr.2026-09-01.md')).toContain('https://example.org/ente-mobile-audit');
		// The corrections of the French page follow it to its new id.
		expect(readFileSync(path.join(root, 'scripts/data/curated/corrections.json'), 'utf8')).toContain(
			'"page": "photo-management-fr-2026-09-01"',
		);
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		vi.spyOn(console, 'log').mockImplementation(() => undefined);
		vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		expect(await runData(true, root)).toBe(1);

		// The person adds the audit, marks every flagged claim reviewed, and regenerates.
		const toolsFile = path.join(root, 'scripts/data/curated/tools.json');
		const tools = JSON.parse(readFileSync(toolsFile, 'utf8')) as {id: string; audits: {by: unknown}[]}[];
		const audits = tools[0]!.audits;
		audits.push({
			auditor: 'Example Security',
			date: '2026-08',
			scope: {en: 'Mobile apps'},
			url: 'https://example.org/ente-mobile-audit',
			// The pages of every language, as the other audits cite them (the French one at its new id).
			by: audits[0]!.by,
		} as (typeof audits)[number]);
		writeFileSync(toolsFile, JSON.stringify(tools, null, 2));
		// Its scope in every other language (scripts/data/curated/i18n/<lang>.json, one key per text).
		const i18nDir = path.join(root, 'scripts/data/curated/i18n');
		for (const file of readdirSync(i18nDir).filter((name) => name.endsWith('.json') && name !== 'en.json')) {
			const texts = JSON.parse(readFileSync(path.join(i18nDir, file), 'utf8')) as Record<string, string>;
			texts[`tools/ente-photos/audits/${audits.length - 1}/scope`] = `Mobile apps (${file.slice(0, -5)})`;
			writeFileSync(path.join(i18nDir, file), JSON.stringify(texts, null, '\t'));
		}
		expect(await runData(false, root)).toBe(0);
		expect(await runData(true, root)).toBe(1);
		const reviewFile = path.join(root, REVIEW_FILE);
		const review = reviewFileSchema.parse(JSON.parse(readFileSync(reviewFile, 'utf8')));
		expect(review.reviews.map((entry) => entry.claim)).toContain('evaluations: ente-photos × audit');
		const done = review.reviews.map((entry) => ({...entry, reviewed: '2026-11-29', note: 'Checked.'}));
		writeFileSync(reviewFile, JSON.stringify({...review, reviews: done}));
		expect(await runData(true, root)).toBe(0);
	}, 120_000);
});

describe('npm run data:update with a checkout missing a page', () => {
	it('names the page and writes nothing', async () => {
		const root = copyOfData();
		const org = repository('org', orgFiles(root), '2025-12-01T12:00:00Z');
		const {'i18n/fr/about/criteria.md': _missing, ...files} = i18nFiles(root);
		const i18n = repository('i18n', files, '2026-08-22T12:00:00Z');
		const before = snapshot(root);
		const update = updateFromCheckouts({orgCheckout: org, i18nCheckout: i18n, root, langs: LANGS});
		await expect(update).rejects.toThrow(UpdateError);
		await expect(update).rejects.toThrow(
			`i18n/fr/about/criteria.md (about/criteria, fr) is missing from the privacyguides/i18n checkout ${i18n} (at HEAD)`,
		);
		expect(snapshot(root)).toEqual(before);
	}, 60_000);

	it('tells swapped checkouts apart', async () => {
		const root = copyOfData();
		const org = repository('org', orgFiles(root), '2025-12-01T12:00:00Z');
		const i18n = repository('i18n', i18nFiles(root), '2026-08-22T12:00:00Z');
		await expect(updateFromCheckouts({orgCheckout: i18n, i18nCheckout: org, root, langs: LANGS})).rejects.toThrow(
			'looks like a checkout of privacyguides/i18n, not privacyguides/privacyguides.org: give the privacyguides.org checkout first',
		);
	}, 60_000);
});

describe('scripts/update-data.ts', () => {
	const run = (args: string[]) => {
		try {
			execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/update-data.ts', ...args], {
				cwd: ROOT,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			return {status: 0, stderr: ''};
		} catch (error) {
			const {status, stderr} = error as {status: number; stderr: string};
			return {status, stderr};
		}
	};

	it('exits 2 with the usage, or naming what is not a checkout, and writes nothing', () => {
		const usage = run([]);
		expect(usage.status).toBe(2);
		expect(usage.stderr).toContain('usage: npm run data:update --');
		const missing = path.join(tmpdir(), 'ppa-no-such-checkout');
		const {status, stderr} = run([missing, missing]);
		expect(status).toBe(2);
		expect(stderr).toContain(`npm run data:update: nothing was written: 2 problems:`);
		expect(stderr).toContain(
			`${missing} is not a git working tree with at least one commit (expected a checkout of privacyguides/i18n)`,
		);
	}, 60_000);
});
