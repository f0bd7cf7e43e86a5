/**
 * Data tests that keep the advice traceable: who says each claim, and that the page cited says it.
 * They run on the dataset as the generator builds it from the repository (so they hold whatever form
 * src/data takes), re-checking from scratch what the generator enforces, and each check is also shown
 * to fail on a deliberately broken copy.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {LANGUAGES, type Attribution, type Dataset, type Language, type Text} from '../../src/data/schema';
import {claimsOf, urlIsOn} from './build-dataset';
import {buildDataset} from './build-dataset';
import {readInputs} from '../generate-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const inputs = await readInputs();
const dataset = buildDataset(inputs);
const providers = JSON.parse(readFileSync(path.join(ROOT, 'scripts/data/curated/providers.json'), 'utf8')) as Array<{
	name: string;
	domains: string[];
}>;
const corrections = JSON.parse(
	readFileSync(path.join(ROOT, 'scripts/data/curated/corrections.json'), 'utf8'),
) as Array<{
	page: string;
	from: string;
	to: string;
}>;

/** A copied Privacy Guides page's text as the extension reads it (the documented corrections applied). */
function pageText(id: string, data: Dataset = dataset): string {
	const source = data.sources.find((page) => page.id === id);
	if (!source) return '';
	let text = inputs.pages[source.file] ?? '';
	for (const correction of corrections.filter((c) => c.page === id))
		text = text.split(correction.from).join(correction.to);
	return text;
}

/** Claims attributed to Privacy Guides whose cited pages do not name what the claim is about. */
function privacyGuidesClaimsNotNamingTheirSubject(data: Dataset): string[] {
	const problems: string[] = [];
	for (const claim of claimsOf(data)) {
		if (claim.by.by !== 'privacyguides' || claim.names.length === 0) continue;
		for (const id of claim.by.pages) {
			const source = data.sources.find((page) => page.id === id);
			if (!source) problems.push(`${claim.where}: ${id} is not a copied page`);
			// As the generator: on the English and French pages (the other translations write product names
			// their own way: Google Foto, Google Fotos, Google相簿).
			else if (source.lang !== 'en' && source.lang !== 'fr') continue;
			else if (!claim.names.some((name) => pageText(id, data).includes(name)))
				problems.push(`${claim.where}: ${id} does not name ${[...new Set(claim.names)].join(' / ')}`);
		}
	}
	return problems;
}

/** Verified routes that are not described on the service's (export) or tool's (import) own domains. */
function verifiedRoutesOffTheirOwnDomain(data: Dataset): string[] {
	const problems: string[] = [];
	const onDomainsOf = (name: string, by: Attribution) =>
		by.by === 'provider' &&
		by.name === name &&
		(providers.find((p) => p.name === name)?.domains ?? []).some((domain) => urlIsOn(by.url, domain));
	const makers: Record<string, string> = {'ente-photos': 'Ente', photoprism: 'PhotoPrism'};
	for (const service of data.services) {
		if (service.export.verified && !onDomainsOf(service.provider, service.export.by))
			problems.push(`${service.id}: verified export route not from ${service.provider}'s own help`);
		for (const [tool, route] of Object.entries(service.import)) {
			if (route.verified && !onDomainsOf(makers[tool] ?? tool, route.by))
				problems.push(`${service.id} → ${tool}: verified import route not from ${tool}'s own documentation`);
		}
	}
	return problems;
}

/** Texts the person never reads as a claim: names, and our licence line (a statement of our own). */
const NOT_CLAIMS = [/^services\[\d+\]\.name$/, /^licence\.attribution$/];

/** Every {en, fr?} text with the nearest `by` above it (undefined when none), and its path. */
function textsWithAuthor(
	value: unknown,
	at = '',
	by?: Attribution,
): Array<{at: string; text: Text; by: Attribution | undefined}> {
	if (Array.isArray(value)) return value.flatMap((item, i) => textsWithAuthor(item, `${at}[${i}]`, by));
	if (value === null || typeof value !== 'object') return [];
	const object = value as Record<string, unknown>;
	if (
		typeof object['en'] === 'string' &&
		Object.keys(object).every((key) => (LANGUAGES as readonly string[]).includes(key))
	)
		return [{at: at.replace(/^\./, ''), text: object as Text, by}];
	const own = (object['by'] as Attribution | undefined) ?? by;
	return Object.entries(object).flatMap(([key, item]) =>
		key === 'by' || key === 'url' || key === 'recommendedOn' ? [] : textsWithAuthor(item, `${at}.${key}`, own),
	);
}

/** Shown texts without an author, or with a language whose source is missing. */
function textsWithoutAuthorOrSource(data: Dataset): string[] {
	const problems: string[] = [];
	for (const {at, text, by} of textsWithAuthor(data)) {
		if (NOT_CLAIMS.some((pattern) => pattern.test(at))) continue;
		if (!by) {
			problems.push(`${at}: no author`);
			continue;
		}
		for (const lang of Object.keys(text) as Language[]) {
			if (by.by !== 'privacyguides') continue; // a provider's page or our evidence: one source for every language
			const pages = data.sources.filter((page) => by.pages.includes(page.id));
			if (!pages.some((page) => page.lang === lang)) problems.push(`${at}.${lang}: no Privacy Guides page in ${lang}`);
		}
	}
	return problems;
}

describe('who says each claim', () => {
	it('a claim attributed to Privacy Guides cites a copied page whose text names that service or tool', () => {
		expect(privacyGuidesClaimsNotNamingTheirSubject(dataset)).toEqual([]);
		const attributed = claimsOf(dataset).filter((claim) => claim.by.by === 'privacyguides' && claim.names.length > 0);
		expect(attributed.length).toBeGreaterThan(10);
		// Privacy Guides' photo page names exactly Google Photos, Flickr and Amazon Photos: only those three
		// services' concerns are its claims.
		expect(
			dataset.services
				.filter((service) => service.access.by.by === 'privacyguides')
				.map((service) => service.id)
				.sort(),
		).toEqual(['amazon-photos', 'flickr', 'google-photos']);

		const broken = structuredClone(dataset);
		const smugmug = broken.services.find((service) => service.id === 'smugmug')!;
		smugmug.access.by = {by: 'privacyguides', pages: ['photo-management-en-2025-11-05']};
		expect(privacyGuidesClaimsNotNamingTheirSubject(broken)).toEqual([
			'services: smugmug.access: photo-management-en-2025-11-05 does not name SmugMug',
		]);
	});

	it('every verified route cites the service’s (or the tool’s) own domain', () => {
		expect(verifiedRoutesOffTheirOwnDomain(dataset)).toEqual([]);
		expect(dataset.services.filter((service) => service.export.verified).map((service) => service.id)).toEqual([
			'facebook-photos',
			'google-photos',
			'icloud-photos',
		]);

		const broken = structuredClone(dataset);
		const flickr = broken.services.find((service) => service.id === 'flickr')!;
		flickr.export.verified = true; // described by PhotoPrism's guide, not by Flickr
		const google = broken.services.find((service) => service.id === 'google-photos')!;
		google.export.by = {by: 'provider', name: 'Google', url: 'https://www.example.com/takeout-guide'};
		expect(verifiedRoutesOffTheirOwnDomain(broken)).toEqual([
			"flickr: verified export route not from Flickr's own help",
			"google-photos: verified export route not from Google's own help",
		]);
	});

	it('every shown string, in every language, carries an author and a source', () => {
		const texts = textsWithAuthor(dataset);
		expect(texts.length).toBeGreaterThan(100);
		expect(textsWithoutAuthorOrSource(dataset)).toEqual([]);
		// Each source resolves to an https page in each language.
		for (const claim of claimsOf(dataset)) {
			const by = claim.by;
			if (by.by === 'provider') expect(by.url, claim.where).toMatch(/^https:\/\//);
			if (by.by === 'project') expect(by.searched.length, claim.where).toBeGreaterThan(0);
			if (by.by === 'privacyguides') expect(by.pages.length, claim.where).toBeGreaterThan(0);
		}

		const broken = structuredClone(dataset) as Dataset & {services: Array<{extra?: Text}>};
		broken.services[0]!.extra = {en: 'An unattributed sentence.'};
		(broken.criteria[0]!.by as {pages: string[]}).pages = ['photo-management-en-2025-11-05'];
		expect(textsWithoutAuthorOrSource(broken)).toEqual([
			...LANGUAGES.filter((lang) => lang !== 'en').map(
				(lang) => `criteria[0].text.${lang}: no Privacy Guides page in ${lang}`,
			),
			// services carry no `by` of their own: a sentence there has no author
			'services[0].extra: no author',
		]);
	});

	it('labels every claim of ours with the month and the pages checked, and words it as ours', () => {
		const ours = claimsOf(dataset).filter((claim) => claim.by.by === 'project');
		expect(ours.length).toBeGreaterThan(10);
		for (const service of dataset.services) {
			if (service.access.by.by === 'project')
				expect(service.access.concern.en, service.id).toMatch(/^We found no evidence that .* as of [A-Z][a-z]+ \d{4}/);
			if (service.access.canSee === 'unknown') expect(service.access.by.by, service.id).toBe('project');
		}
	});

	it('says who sees the photos in words true on anyone’s photos, and the provider’s own words where it said so', () => {
		const byId = (id: string) => dataset.services.find((service) => service.id === id)!;
		expect(byId('facebook-photos').access).toMatchObject({
			canSee: 'yes',
			by: {by: 'provider', name: 'Meta', url: 'https://www.facebook.com/privacy/policy/'},
		});
		expect(byId('onedrive-photos').access).toMatchObject({canSee: 'yes', by: {by: 'provider', name: 'Microsoft'}});
		for (const service of dataset.services) {
			// No "your photos" in a concern that is not Privacy Guides' own sentence about its three services.
			if (service.access.by.by !== 'privacyguides')
				expect(service.access.concern.en, service.id).not.toMatch(/\byour photos\b/);
		}
	});
});
