// Which claims a change concerns (flagClaims, on the real dataset), and the review list's check.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ROOT} from '../../repo';
import type {PageChange} from './compare';
import {addReviews, flagClaims, parseDataset, REVIEW_FILE, reviewProblems, type ChangedPage} from './review';

const dataset = parseDataset(readFileSync(path.join(ROOT, 'src/data/dataset.json'), 'utf8'), 'dataset.json');

function changed(id: string, url: string, ...changes: PageChange[]): ChangedPage {
	return {id, url, newId: `${id}-new`, newDate: '2027-01-01', changes};
}
const SELF_HOSTING = 'https://www.privacyguides.org/en/self-hosting/file-management/';
const PHOTO = 'https://www.privacyguides.org/en/photo-management/';
const flaggedBy = (...pages: ChangedPage[]) =>
	flagClaims(dataset, pages)
		.map((claim) => claim.claim)
		.sort();

describe('flagClaims', () => {
	it('flags every claim about a tool removed from its page, and none for a tool added', () => {
		const removed = flaggedBy(
			changed('self-hosting-file-management-en-2025-09-14', SELF_HOSTING, {
				kind: 'tool-removed',
				subject: {kind: 'tool', names: ['PhotoPrism']},
				text: 'PhotoPrism: no longer on the page',
			}),
		);
		expect(removed).toContain('tools: photoprism');
		expect(removed).toContain('tools: photoprism.verdicts');
		expect(removed).toContain('tools: photoprism.freePlan');
		expect(removed).toContain('evaluations: photoprism × e2ee');
		expect(removed).toContain('services: google-photos.import.photoprism');
		expect(removed.every((claim) => claim.includes('photoprism'))).toBe(true);
		expect(
			flaggedBy(
				changed('photo-management-en-2025-11-05', PHOTO, {
					kind: 'tool-added',
					subject: {kind: 'tool', names: ['Other Photos']},
					text: 'Other Photos: added',
				}),
			),
		).toEqual([]);
	});

	it('flags a tool’s card only for a change on its own pages', () => {
		const link: PageChange = {
			kind: 'link-changed',
			subject: {kind: 'tool', names: ['Ente Photos']},
			text: 'Ente Photos: homepage link changed',
		};
		expect(flaggedBy(changed('photo-management-fr-2026-06-17', PHOTO, link))).toEqual(['tools: ente-photos']);
		expect(flaggedBy(changed('self-hosting-file-management-en-2025-09-14', SELF_HOSTING, link))).toEqual([]);
	});

	it('flags the intro, and a threat by its definition', () => {
		expect(
			flaggedBy(
				changed('photo-management-en-2025-11-05', PHOTO, {kind: 'intro-changed', subject: {kind: 'intro'}, text: 'x'}),
			),
		).toEqual(['intro']);
		expect(
			flaggedBy(
				changed('common-threats-fr-2026-08-22', 'https://www.privacyguides.org/fr/basics/common-threats/', {
					kind: 'definition-changed',
					subject: {kind: 'definition', name: 'Attaques passives'},
					text: 'x',
				}),
			),
		).toEqual(['threats: passive-attacks']);
	});

	it('flags our own assessments that searched a page, for a change to the page as a whole', () => {
		const flagged = flaggedBy(
			changed('self-hosting-file-management-en-2025-09-14', SELF_HOSTING, {
				kind: 'section-changed',
				subject: {kind: 'page'},
				text: 'x',
			}),
		);
		expect(flagged).toContain('tools: photoprism.verdicts');
		expect(flagged).toContain('tools: photoprism');
	});
});

describe('review.json', () => {
	const dirs: string[] = [];
	afterAll(() => {
		for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
	});
	function rootWith(text: string): string {
		const root = mkdtempSync(path.join(tmpdir(), 'ppa-review-'));
		dirs.push(root);
		mkdirSync(path.join(root, path.dirname(REVIEW_FILE)), {recursive: true});
		writeFileSync(path.join(root, REVIEW_FILE), text);
		return root;
	}

	it('merges a claim flagged again into its pending entry, and keeps reviewed ones as the record', () => {
		const first = addReviews(
			{reviews: []},
			[{claim: 'intro', because: ['a: x'], pages: ['a'], since: '2027-01-01'}],
			'2027-01-02',
		);
		const reviewed = {reviews: first.reviews.map((entry) => ({...entry, reviewed: '2027-01-03'}))};
		const again = addReviews(
			reviewed,
			[{claim: 'intro', because: ['b: y'], pages: ['b'], since: '2027-02-01'}],
			'2027-02-02',
		);
		expect(again.reviews).toHaveLength(2);
		const merged = addReviews(
			again,
			[{claim: 'intro', because: ['c: z'], pages: ['c'], since: '2027-01-15'}],
			'2027-02-03',
		);
		expect(merged.reviews).toHaveLength(2);
		expect(merged.reviews[1]).toMatchObject({
			because: ['b: y', 'c: z'],
			pages: ['b', 'c'],
			since: '2027-02-01',
			reviewed: null,
		});
	});

	it('fails the check on an invalid file, a future date, and passes on an empty list or no file', async () => {
		expect(await reviewProblems(rootWith('{"reviews": ['))).toEqual([
			expect.stringMatching(/^scripts\/data\/curated\/review\.json: invalid JSON/),
		]);
		expect(await reviewProblems(rootWith('{"reviews": [{"claim": "intro"}]}'))).toEqual([
			expect.stringMatching(/^scripts\/data\/curated\/review\.json: reviews\.0\.because: /),
		]);
		const entry = {claim: 'intro', because: ['a: x'], pages: ['a'], since: '2027-01-01', flagged: '2027-01-02'};
		expect(
			await reviewProblems(rootWith(JSON.stringify({reviews: [{...entry, reviewed: '2027-03-01'}]})), '2027-02-01'),
		).toEqual(['intro: "reviewed" is 2027-03-01, a date in the future']);
		expect(await reviewProblems(rootWith('{"reviews": []}'))).toEqual([]);
		expect(await reviewProblems(path.join(tmpdir(), 'ppa-no-such-root'))).toEqual([]);
		expect(await reviewProblems(ROOT)).toEqual([]);
	});
});
