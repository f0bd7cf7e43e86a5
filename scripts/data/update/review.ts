/**
 * Claims to re-verify after Privacy Guides changed a page, kept in scripts/data/curated/review.json.
 *
 * `npm run data:update` flags every claim of the dataset that rests on a page whose imported model
 * changed and that the change concerns (flagClaims), and records it here with the reasons and the
 * page's date. A person re-verifies each claim, fixes the curated data if needed, and sets its
 * `reviewed` to the date (YYYY-MM-DD, not before the page's date). Until then `npm run data -- --check`
 * fails and names each claim (reviewProblems), so stale claims cannot ship silently. Reviewed entries
 * stay as the record of who checked what against which page.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {z} from 'zod';
import {datasetSchema, idSchema, type Dataset} from '../../../src/data/schema';
import {claimsOf, type ClaimRef} from '../build-dataset';
import type {PageChange} from './compare';

export const REVIEW_FILE = 'scripts/data/curated/review.json';

const isoDate = z.iso.date();

const reviewEntrySchema = z.strictObject({
	/** The claim as the generator names it (scripts/data/build-dataset.ts claimsOf), e.g. "evaluations: ente-photos × audit". */
	claim: z.string().min(1),
	/** What changed on the pages, one line each, prefixed with the page id. */
	because: z.array(z.string().min(1)).min(1),
	/** The pages (sources.json ids) to re-verify the claim against. */
	pages: z.array(idSchema).min(1),
	/** The newest of those pages' dates: the review cannot be older. */
	since: isoDate,
	/** When data:update flagged it. */
	flagged: isoDate,
	/** When a person re-verified it (YYYY-MM-DD); null until then. */
	reviewed: isoDate.nullable(),
	/** What the reviewer found or changed. */
	note: z.string().min(1).optional(),
});

export const reviewFileSchema = z.strictObject({
	comment: z.string().min(1).optional(),
	reviews: z.array(reviewEntrySchema),
});
export type ReviewFile = z.infer<typeof reviewFileSchema>;

const EMPTY_REVIEW_FILE: ReviewFile = {
	comment:
		'Claims npm run data:update flagged because a Privacy Guides page they rest on changed. Re-verify each claim against the page, fix the curated data if needed, then set "reviewed" to the date (YYYY-MM-DD). npm run data -- --check fails while any is null. See README.md in this folder.',
	reviews: [],
};

export function serializeReviewFile(file: ReviewFile): string {
	return `${JSON.stringify(file, null, 2)}\n`;
}

/** review.json of the repository at `root` (an absent file is an empty one); throws a clear error when invalid. */
export async function readReviewFile(root: string): Promise<ReviewFile> {
	let text: string;
	try {
		text = await readFile(path.join(root, REVIEW_FILE), 'utf8');
	} catch {
		return {...EMPTY_REVIEW_FILE, reviews: []};
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new Error(`${REVIEW_FILE}: invalid JSON: ${(error as Error).message}`, {cause: error});
	}
	const result = reviewFileSchema.safeParse(json);
	if (!result.success)
		throw new Error(
			`${REVIEW_FILE}: ${result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`).join('; ')}`,
		);
	return result.data;
}

/** Today's date, YYYY-MM-DD (UTC). */
function today(): string {
	return new Date().toISOString().slice(0, 10);
}

/**
 * Why `npm run data -- --check` must fail because of review.json: every claim not reviewed yet, and every
 * review dated before its page or in the future. Empty when every flagged claim was reviewed.
 */
export async function reviewProblems(root: string, now: string = today()): Promise<string[]> {
	let file: ReviewFile;
	try {
		file = await readReviewFile(root);
	} catch (error) {
		return [(error as Error).message];
	}
	const problems: string[] = [];
	for (const entry of file.reviews) {
		const pages = entry.pages.join(', ');
		if (entry.reviewed === null)
			problems.push(
				`${entry.claim}: not reviewed since Privacy Guides changed ${pages} (${entry.since}): ${entry.because.join('; ')}`,
			);
		else if (entry.reviewed < entry.since)
			problems.push(
				`${entry.claim}: "reviewed" is ${entry.reviewed}, before ${pages} (${entry.since}): re-verify it against that page`,
			);
		else if (entry.reviewed > now)
			problems.push(`${entry.claim}: "reviewed" is ${entry.reviewed}, a date in the future`);
	}
	return problems;
}

/** The check's message for these problems. */
export function formatReviewProblems(problems: readonly string[]): string {
	return `${REVIEW_FILE}: ${problems.length} claim${problems.length === 1 ? '' : 's'} to re-verify:\n${problems.map((p) => `  - ${p}`).join('\n')}\nRe-verify each claim against the page named, fix the curated data if needed, then set its "reviewed" to the date (YYYY-MM-DD) in ${REVIEW_FILE}.`;
}

// ---------------------------------------------------------------------------------------------
// Which claims a change concerns

/** A page of the dataset that changed: its id and live URL in the dataset before the update, and its changes. */
export interface ChangedPage {
	/** The page's id before the update (what the dataset's claims cite). */
	id: string;
	url: string;
	/** The page's id and date after the update (what the claim must be re-verified against). */
	newId: string;
	newDate: string;
	changes: readonly PageChange[];
}

export interface FlaggedClaim {
	claim: string;
	because: string[];
	pages: string[];
	since: string;
}

/** The dataset as stored (src/data/dataset.json); throws a clear error when it is not a valid one. */
export function parseDataset(text: string, file: string): Dataset {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new Error(`${file}: invalid JSON (${(error as Error).message}): run \`npm run data\` first`, {
			cause: error,
		});
	}
	const result = datasetSchema.safeParse(json);
	if (!result.success) throw new Error(`${file}: not a valid dataset: run \`npm run data\` first`);
	return result.data;
}

const stripHash = (url: string) => url.replace(/#.*$/, '');

/** The tool a claim is about, from its name in claimsOf: `tools: ID…`, `evaluations: ID × C`, `services: S.import.ID`. */
function toolOfClaim(where: string): string | undefined {
	return (
		/^tools: ([^.\s]+)/.exec(where)?.[1] ??
		/^evaluations: (\S+) × /.exec(where)?.[1] ??
		/^services: \S+?\.import\.(\S+)$/.exec(where)?.[1]
	);
}

function criterionOfClaim(where: string): string | undefined {
	return /^criteria: (\S+)$/.exec(where)?.[1] ?? /^evaluations: \S+ × (\S+)$/.exec(where)?.[1];
}

/**
 * The claims of `dataset` that a change on one of `pages` concerns, each with the reasons:
 * - a tool's card (on one of the tool's pages): removed → every claim about the tool; an audit added or
 *   removed → its audits and its evaluation against the criteria that speak of audits; a link, a
 *   download, its description → the tool's card;
 * - a criterion reworded → the criterion and every evaluation against it; one added or removed → every
 *   criterion from the page and every evaluation;
 * - the page's threat tags or title → the card of each tool on the page; its intro → the intro;
 * - a threat's definition → the threat of that name;
 * - anything else (the general-criteria page) → every claim citing the page.
 * A claim cites a page when Privacy Guides is its author there, or when it is our assessment and the
 * page is among those we searched. A tool added to a page concerns none of our claims (the report says so).
 */
export function flagClaims(dataset: Dataset, pages: readonly ChangedPage[]): FlaggedClaim[] {
	const claims = claimsOf(dataset);
	const flagged = new Map<string, FlaggedClaim>();
	const flag = (claim: ClaimRef, page: ChangedPage, change: PageChange) => {
		const entry = flagged.get(claim.where) ?? {claim: claim.where, because: [], pages: [], since: page.newDate};
		const reason = `${page.newId}: ${change.text}`;
		if (!entry.because.includes(reason)) entry.because.push(reason);
		if (!entry.pages.includes(page.newId)) entry.pages.push(page.newId);
		if (page.newDate > entry.since) entry.since = page.newDate;
		flagged.set(claim.where, entry);
	};
	for (const page of pages) {
		const cites = (claim: ClaimRef) =>
			(claim.by.by === 'privacyguides' && claim.by.pages.includes(page.id)) ||
			(claim.by.by === 'project' && claim.by.searched.some((url) => stripHash(url) === page.url));
		const toolsOnPage = dataset.tools.filter(
			(tool) => tool.sourcePage === page.id || (tool.by.by === 'privacyguides' && tool.by.pages.includes(page.id)),
		);
		const pageCriteria = dataset.criteria.filter((c) => c.by.by === 'privacyguides' && c.by.pages.includes(page.id));
		for (const change of page.changes) {
			const subject = change.subject;
			let match: (claim: ClaimRef) => boolean = () => false;
			if (subject.kind === 'tool') {
				const names = subject.names.map((n) => n.trim().toLowerCase());
				const tool = toolsOnPage.find((t) => names.includes(t.name.toLowerCase()));
				if (tool) {
					if (change.kind === 'tool-removed') match = (claim) => toolOfClaim(claim.where) === tool.id;
					else if (change.kind === 'audit-added' || change.kind === 'audit-removed') {
						const auditCriteria = new Set(dataset.criteria.filter((c) => /audit/i.test(c.text.en)).map((c) => c.id));
						match = (claim) =>
							claim.where.startsWith(`tools: ${tool.id}.audits`) ||
							(toolOfClaim(claim.where) === tool.id &&
								claim.where.startsWith('evaluations: ') &&
								auditCriteria.has(criterionOfClaim(claim.where) ?? ''));
					} else if (change.kind !== 'tool-added') match = (claim) => claim.where === `tools: ${tool.id}`;
				}
			} else if (subject.kind === 'criterion') {
				if (change.kind === 'criterion-reworded') {
					const criterion = pageCriteria.filter((c) => c.level === subject.level)[subject.index];
					if (criterion) match = (claim) => criterionOfClaim(claim.where) === criterion.id;
				} else {
					const ids = new Set(pageCriteria.map((c) => c.id));
					match = (claim) => ids.has(criterionOfClaim(claim.where) ?? '');
				}
			} else if (subject.kind === 'threat-tags' || subject.kind === 'title') {
				const ids = new Set(toolsOnPage.map((tool) => `tools: ${tool.id}`));
				match = (claim) => ids.has(claim.where);
			} else if (subject.kind === 'intro') {
				match = (claim) => claim.where === 'intro' && cites(claim);
			} else if (subject.kind === 'definition') {
				const threats = dataset.threats.filter((t) => Object.values(t.label).includes(subject.name));
				const ids = new Set(threats.map((t) => `threats: ${t.id}`));
				match = (claim) => ids.has(claim.where) && cites(claim);
			} else {
				match = cites;
			}
			for (const claim of claims) if (match(claim)) flag(claim, page, change);
		}
	}
	return [...flagged.values()];
}

/** review.json with these claims added (merged into a claim's pending entry when it has one). */
export function addReviews(file: ReviewFile, flagged: readonly FlaggedClaim[], flaggedOn: string): ReviewFile {
	const reviews = file.reviews.map((entry) => ({...entry}));
	for (const claim of flagged) {
		const pending = reviews.find((entry) => entry.claim === claim.claim && entry.reviewed === null);
		if (pending) {
			pending.because = [...new Set([...pending.because, ...claim.because])];
			pending.pages = [...new Set([...pending.pages, ...claim.pages])];
			if (claim.since > pending.since) pending.since = claim.since;
			pending.flagged = flaggedOn;
		} else
			reviews.push({
				claim: claim.claim,
				because: claim.because,
				pages: claim.pages,
				since: claim.since,
				flagged: flaggedOn,
				reviewed: null,
			});
	}
	return {...file, reviews};
}
