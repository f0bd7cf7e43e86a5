/** The store listings (docs/store/listing.<language>.json): complete, within each store's limits, and in step with the package. */
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import manifest from '../manifest.json';
import {expectedPermissions, PERMISSION_KEYS} from '../test/meta/permissions';
import {
	HOST_GROUPS,
	LIMITS,
	listingProblems,
	loadListings,
	pasteSheet,
	renderDescription,
	type Context,
	type Listing,
} from './store-listing';

const ROOT = path.resolve(import.meta.dirname, '..');
const listings = loadListings(ROOT);
const hostPermissionNames = expectedPermissions('optional_host_permissions');
const context = (language: string): Context => ({
	messages: JSON.parse(
		readFileSync(path.join(ROOT, 'locales', language, 'messages.json'), 'utf8'),
	) as Context['messages'],
	permissionNames: PERMISSION_KEYS.flatMap((key) => expectedPermissions(key)),
	hostPermissionNames,
	firefoxDataCollection: manifest.browser_specific_settings.gecko.data_collection_permissions.required,
	homepage: manifest.homepage_url,
});
const en = listings.find((listing) => listing.language === 'en')!;
const fr = listings.find((listing) => listing.language === 'fr')!;

describe('the store listings', () => {
	it('there is one for every language the extension ships, and no other', () => {
		expect(listings.map((listing) => listing.language)).toEqual(readdirSync(path.join(ROOT, 'locales')).sort());
	});

	it.each(listings.map((listing) => [listing.language, listing] as const))(
		'%s: within every store limit, the package’s name and summary, every permission justified, French typography',
		(language, listing) => {
			expect(listingProblems(listing, context(language))).toEqual([]);
			expect(renderDescription(listing).length).toBeGreaterThan(1000);
		},
	);

	it('answers the privacy questions the same way in every language', () => {
		const answers = ({privacy: {statement: _statement, ...rest}, remoteCode: {uses}}: Listing) => ({...rest, uses});
		for (const listing of listings) expect(answers(listing), listing.language).toEqual(answers(en));
	});

	it('reports each store’s limit, per field (so the checks above can fail)', () => {
		const problems = (change: (listing: Listing) => void, base: Listing = en) => {
			const listing = structuredClone(base);
			change(listing);
			return listingProblems(listing, context(listing.language)).join('\n');
		};
		expect(problems((l) => (l.name = 'x'.repeat(LIMITS.amoName + 1)))).toContain(
			`en: name is 51 characters, over addons.mozilla.org's 50`,
		);
		expect(problems((l) => (l.name = 'x'.repeat(LIMITS.amoName + 1)))).toContain("en: name is not the package's name");
		expect(problems((l) => (l.summary = `${l.summary} More.`))).toMatch(
			/en: summary is 133 characters, over the Chrome Web Store's 132\n.*not the manifest's description/,
		);
		expect(problems((l) => (l.amoSummary = 'x'.repeat(LIMITS.amoSummary + 1)))).toContain(
			"en: amoSummary is 251 characters, over addons.mozilla.org's 250",
		);
		expect(problems((l) => (l.description.does = Array<string>(200).fill('y'.repeat(100))))).toMatch(
			/en: description is \d+ characters, over the Chrome Web Store's 16000/,
		);
		expect(problems((l) => (l.singlePurpose = 'z'.repeat(LIMITS.singlePurpose + 1)))).toContain(
			'singlePurpose is 1001',
		);
	});

	it('reports a permission without a justification, a justification for nothing, and typography', () => {
		const problems = (change: (listing: Listing) => void, base: Listing = fr) => {
			const listing = structuredClone(base);
			change(listing);
			return listingProblems(listing, context(listing.language)).join('\n');
		};
		expect(problems((l) => delete l.permissions['scripting'])).toContain(
			'fr: permissions: no justification for `scripting`',
		);
		expect(problems((l) => delete l.permissions[HOST_GROUPS[0]])).toContain('no justification for `content_scripts`');
		expect(problems((l) => (l.permissions['tabs'] = 'Pour lire les onglets.'))).toContain(
			'a justification for `tabs`, which the extension does not ask for',
		);
		expect(problems((l) => (l.singlePurpose = "Il s'agit de photos."))).toContain('a straight quote');
		expect(problems((l) => (l.singlePurpose = 'Pourquoi ? Pour vos photos.'))).toContain('no-break space');
		expect(problems((l) => (l.singlePurpose = 'Le bouton «\u00a0Pas maintenant »'))).toContain('no-break space');
		expect(problems((l) => (l.singlePurpose = 'Le bouton «Pas maintenant\u00a0»'))).toContain('no-break space');
		expect(problems((l) => (l.singlePurpose = 'Vos photos\u202f!'))).not.toContain('no-break space');
		expect(problems((l) => (l.privacy.firefoxDataCollection = ['browsingActivity']))).toContain(
			"not the manifest's data_collection_permissions",
		);
	});

	it('npm run store:listing prints every field to paste, with its length', {timeout: 60_000}, () => {
		const sheet = pasteSheet(fr, hostPermissionNames);
		for (const part of [
			fr.name,
			fr.amoSummary,
			fr.singlePurpose,
			...Object.values(fr.permissions),
			...fr.images.screenshots,
			fr.images.promoTile,
		])
			expect(sheet).toContain(part);
		expect(sheet).toContain(`=== Both stores: description (${[...renderDescription(fr)].length} characters)`);
		const run = spawnSync('npx', ['tsx', 'scripts/store-listing.ts', 'fr'], {cwd: ROOT, encoding: 'utf8'});
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toBe(sheet);
	});
});
