/**
 * The pure dataset builder: mapping rules, cross-checks, and clear failures on broken curated data.
 * Inputs are read once from the repository and then altered in memory.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {parsePrivacyGuidesPage} from '../privacyguides/parse';
import type {Curated} from './curated/schema';
import {testTranslations} from './test-translations';
import {LANGUAGES, TRANSLATED_LANGUAGES} from '../../src/data/schema';
import {
	buildDataset,
	projectClaimMonths,
	CURATED_FILE_NAMES,
	DatasetBuildError,
	extractNotAffiliated,
	serializeDataset,
	type DatasetInput,
} from './build-dataset';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = path.join(ROOT, 'scripts/data/sources/privacyguides');
const CURATED = path.join(ROOT, 'scripts/data/curated');

const pages: Record<string, string> = Object.fromEntries<string>([
	...readdirSync(SOURCES)
		.filter((name) => name.endsWith('.md') && name !== 'README.md')
		.map((name): [string, string] => [name, readFileSync(path.join(SOURCES, name), 'utf8')]),
	...readdirSync(path.join(SOURCES, 'i18n'), {withFileTypes: true})
		.filter((entry) => entry.isDirectory())
		.flatMap((entry) =>
			readdirSync(path.join(SOURCES, 'i18n', entry.name))
				.filter((name) => name.endsWith('.md'))
				.map((name): [string, string] => [
					`i18n/${entry.name}/${name}`,
					readFileSync(path.join(SOURCES, 'i18n', entry.name, name), 'utf8'),
				]),
		),
]);
const curated: Record<string, unknown> = Object.fromEntries(
	CURATED_FILE_NAMES.map((name) => [name, JSON.parse(readFileSync(path.join(CURATED, name), 'utf8'))]),
);

/** Our translations, with stand-ins for the languages whose file has not landed yet (see test-translations.ts). */
const translations = testTranslations();

/**
 * The curated files as a test breaks them: typed as the schema reads the real ones (which it accepts: the
 * dataset below is built from them), plus any other file name a test adds. A value the schema refuses is put
 * in through `invalid` or `Reflect.deleteProperty`, never by loosening this type.
 */
type TestCurated = Curated & Record<string, unknown>;

/** A deep copy of the real inputs, for a test to break. */
function inputs(): {
	pages: Record<string, string>;
	curated: TestCurated;
	translations: Record<string, Record<string, string>>;
} {
	return {
		pages: {...pages},
		curated: structuredClone(curated) as TestCurated,
		translations: structuredClone(translations),
	};
}

/** Gives a text a test adds (by key) a stand-in translation in every language. */
function translateAll(input: ReturnType<typeof inputs>, key: string, text: string): void {
	for (const lang of TRANSLATED_LANGUAGES) input.translations[lang]![key] = `[${lang}] ${text}`;
}

/** Every language's page of a family ("photo-management"), in LANGUAGES order, as sources.json names them. */
const everyLanguage = (en: string, fr: string, family: string) => [
	en,
	fr,
	...TRANSLATED_LANGUAGES.filter((lang) => lang !== 'fr').map(
		(lang) => `${family}-${lang.toLowerCase()}-${lang === 'es' ? '2026-07-30' : '2026-03-29'}`,
	),
];
const PHOTO_PAGES = everyLanguage(
	'photo-management-en-2025-11-05',
	'photo-management-fr-2026-06-17',
	'photo-management',
);

/** Sets a property to a value its type (the schema) refuses: the one route for deliberate bad data. */
function invalid<T extends object>(target: T, key: keyof T & string, value: unknown): void {
	Object.assign(target, {[key]: value});
}

function issuesOf(input: DatasetInput): readonly string[] {
	try {
		buildDataset(input);
	} catch (error) {
		if (error instanceof DatasetBuildError) return error.issues;
		throw error;
	}
	throw new Error('expected the build to fail');
}

const dataset = buildDataset(inputs());

const curatedService = (input: ReturnType<typeof inputs>, id: string) =>
	input.curated['services.json'].find((service) => service.id === id)!;
const curatedThreats = (input: ReturnType<typeof inputs>) => input.curated['threats.json'].threats;
const tool = (id: string) => dataset.tools.find((t) => t.id === id)!;

describe('buildDataset: mapping', () => {
	it('is deterministic and independent of the curated files’ key and item order', () => {
		const shuffled = inputs();
		shuffled.curated['services.json'] = [...shuffled.curated['services.json']]
			.reverse()
			.map((service) => Object.fromEntries(Object.entries(service).reverse()) as typeof service);
		shuffled.curated['tools.json'] = [...shuffled.curated['tools.json']].reverse();
		shuffled.curated['never-flag.json'] = [...shuffled.curated['never-flag.json']].reverse();
		shuffled.curated['evaluations.json'] = [...shuffled.curated['evaluations.json']].reverse();
		expect(serializeDataset(buildDataset(shuffled))).toBe(serializeDataset(dataset));
		expect(serializeDataset(buildDataset(inputs()))).toBe(serializeDataset(dataset));
	});

	it('lists exactly the pages its claims cite, each with its own language and revision', () => {
		const rows = dataset.sources.map((s) => [s.id, s.title, s.lang, s.date]);
		expect(rows).toEqual(
			expect.arrayContaining([
				['common-threats-en-2025-05-10', 'Common Threats', 'en', '2025-05-10'],
				['common-threats-fr-2026-08-22', 'Menaces courantes', 'fr', '2026-08-22'],
				['photo-management-en-2025-11-05', 'Photo Management', 'en', '2025-11-05'],
				['photo-management-fr-2026-06-17', 'Gestion des photos', 'fr', '2026-06-17'],
				['self-hosting-file-management-en-2025-09-14', 'File Management', 'en', '2025-09-14'],
				['self-hosting-file-management-fr-2025-10-20', 'Gestion des fichiers', 'fr', '2025-10-20'],
				['photo-management-zh-tw-2026-03-29', '照片管理', 'zh-TW', '2026-03-29'],
				['photo-management-es-2026-07-30', 'Gestión de Fotografías', 'es', '2026-07-30'],
				// Hebrew's title is still English on Privacy Guides' page.
				['photo-management-he-2026-03-29', 'Photo Management', 'he', '2026-03-29'],
			]),
		);
		// Three pages (photo management, file management, common threats) in each of the ten languages.
		expect(rows).toHaveLength(30);
		for (const lang of LANGUAGES)
			expect(
				dataset.sources.filter((s) => s.lang === lang),
				lang,
			).toHaveLength(3);
		expect(dataset).not.toHaveProperty('revision');
	});

	it('imports Ente from the newest Photo Management pages, links from the newest one (ente.com)', () => {
		const ente = tool('ente-photos');
		expect(ente.name).toBe('Ente Photos');
		expect(ente.sourcePage).toBe('photo-management-fr-2026-06-17');
		expect(ente.summary.en).toMatch(/^Ente Photos is an end-to-end encrypted photo backup service/);
		expect(ente.summary.en).toMatch(/10\sGB/);
		// The French typo "Ent Photos" (and "de photo") is corrected by corrections.json.
		expect(ente.summary.fr).toMatch(/^Ente Photos est un service de sauvegarde de photos chiffré de bout en bout/);
		expect(ente.by).toEqual({by: 'privacyguides', pages: PHOTO_PAGES});
		expect(ente.threats).toEqual(['passive-attacks', 'service-providers']);
		expect(ente.recommendedOn.es).toBe('https://www.privacyguides.org/es/photo-management/#ente-photos');
		expect(ente.links).toEqual({
			homepage: 'https://ente.com',
			privacyPolicy: 'https://ente.com/privacy',
			documentation: 'https://ente.com/faq',
			sourceCode: 'https://github.com/ente-io/ente',
		});
		expect(ente.downloads.map((d) => d.platform)).toEqual([
			'android',
			'ios',
			'github',
			'android',
			'windows',
			'macos',
			'linux',
			'web',
		]);
		expect(ente.downloads.find((d) => d.platform === 'web')?.url).toBe('https://photos.ente.com');
		expect(ente.recommendedOn).toMatchObject({
			en: 'https://www.privacyguides.org/en/photo-management/#ente-photos',
			fr: 'https://www.privacyguides.org/fr/photo-management/#ente-photos',
		});
	});

	it('takes audit URLs that match the audit paragraph on the page', () => {
		const ente = tool('ente-photos');
		expect(ente.audits.map((a) => [a.auditor, a.date, a.url])).toEqual([
			['Cure53 with Symbolic Software', '2023-03', 'https://ente.com/blog/cryptography-audit'],
			['Fallible', '2023-04', 'https://ente.com/reports/Fallible-Audit-Report-19-04-2023.pdf'],
			['Cure53 (on behalf of CERN)', '2025-10', 'https://ente.com/blog/cern-audit'],
		]);
		expect(tool('photoprism').audits).toEqual([]);
	});

	it('imports PhotoPrism from the self-hosting page, with the same links as its card in the starting revision', () => {
		const photoprism = tool('photoprism');
		expect(photoprism.kind).toBe('self-hosted');
		expect(photoprism.sourcePage).toBe('self-hosting-file-management-fr-2025-10-20');
		expect(photoprism.summary.en).toMatch(/^PhotoPrism is a platform for managing photos/);
		expect(photoprism.summary.fr).toMatch(/^PhotoPrism est une plateforme/);
		expect(photoprism.recommendedOn.en).toBe(
			'https://www.privacyguides.org/en/self-hosting/file-management/#photoprism',
		);
		// Its own card's tags (the self-hosting page tags Service Providers only), and verdicts marked as ours.
		expect(photoprism.threats).toEqual(['service-providers']);
		expect(photoprism.verdicts.by.by).toBe('project');
		expect(photoprism.recommendation.en).toMatch(/^Recommended by Privacy Guides for self-hosting/);

		const start = parsePrivacyGuidesPage(pages['photo-management.fr.2025-07-23.md']!, {
			file: 'photo-management.fr.2025-07-23.md',
			lang: 'fr',
			pagePath: 'photo-management',
		});
		const card = start.tools.find((t) => t.name === 'PhotoPrism');
		expect(card?.links).toEqual(photoprism.links);
		expect(photoprism.links.homepage).toBe('https://photoprism.app');
	});

	it('falls back to the other page, per link, when the newest page lacks a card link', () => {
		const input = inputs();
		const fr = 'photo-management.fr.2026-06-17.md';
		input.pages[fr] = input.pages[fr]!.replace(/^\[:octicons-eye-16:\].*\n/m, '');
		const ente = buildDataset(input).tools.find((t) => t.id === 'ente-photos')!;
		expect(ente.links.privacyPolicy).toBe('https://ente.io/privacy');
		expect(ente.links.homepage).toBe('https://ente.com');
	});

	it('maps download platforms from the icon, never from the (translated) label', () => {
		const input = inputs();
		input.pages['photo-management.fr.2026-06-17.md'] = input.pages['photo-management.fr.2026-06-17.md']!.replace(
			'simple-linux: Linux',
			'simple-linux: Système Linux',
		);
		const linux = buildDataset(input)
			.tools.find((t) => t.id === 'ente-photos')!
			.downloads.find((d) => d.platform === 'linux');
		expect(linux).toEqual({platform: 'linux', label: 'Système Linux', url: 'https://ente.com/download'});
	});

	it('imports criteria, threats, intro and the "not affiliated" sentence in both languages', () => {
		expect(dataset.criteria.map((c) => c.id)).toEqual([
			'e2ee',
			'free-plan',
			'mfa',
			'web-interface',
			'export',
			'open-source',
			'audit',
		]);
		expect(dataset.criteria.at(-1)).toMatchObject({
			level: 'best-case',
			by: {by: 'privacyguides', pages: PHOTO_PAGES},
		});
		// Each language's own page, as published: Hebrew's first criterion is still English there.
		expect(dataset.criteria[0]!.text).toMatchObject({
			en: 'Cloud-hosted providers must enforce E2EE.',
			fr: 'Les services basés sur un cloud doivent être chiffrés de bout en bout.',
			de: 'Cloud-gehostete Anbieter müssen E2EE durchsetzen.',
			'zh-TW': '雲端供應商必須執行 E2EE。',
			he: 'Cloud-hosted providers must enforce E2EE.',
		});
		expect(dataset.criteria[1]!.text.he).toBe('יש להציע תוכנית חינם או תקופת ניסיון לבדיקה.');
		// Privacy Guides' own terms from its definitions page, not the photo page's tags ("Attaque Passive").
		expect(dataset.threats.map((t) => [t.id, t.label.en, t.label.fr])).toEqual([
			['passive-attacks', 'Passive Attacks', 'Attaques passives'],
			['service-providers', 'Service Providers', 'Fournisseurs de services'],
		]);
		// Every other language: its common-threats page, matched by the tag's icon.
		expect(dataset.threats.map((t) => [t.label.es, t.label['zh-TW'], t.label.ru])).toEqual([
			['Ataques Pasivos', '被動攻擊', 'Пассивные атаки'],
			['Proveedores de Servicios', '服務提供商', 'Поставщики услуг'],
		]);
		expect(dataset.threats[0]!.url.de).toBe(
			'https://www.privacyguides.org/en/basics/common-threats/#security-and-privacy',
		);
		expect(dataset.intro.text.en).toMatch(
			/^Most cloud photo management solutions like Google Photos, Flickr, and Amazon Photos/,
		);
		expect(dataset.intro.text.fr).toMatch(
			/^La majorité des gestionnaires de photos comme Google Photos, Flickr et Amazon Photos ne protègent pas vos photos contre le fait d’être accessibles/,
		);
		expect(dataset.notAffiliated.text).toMatchObject({
			en: 'Please note we are not affiliated with any of the projects we recommend.',
			fr: 'Nous ne sommes affiliés à aucun des projets que nous recommandons.',
		});
		expect(extractNotAffiliated('# x\n\nNo bold here, see [criteria](about/criteria.md).\n')).toBeUndefined();
	});

	it('expands generic import routes and drops reviewers’ comments', () => {
		const dropbox = dataset.services.find((s) => s.id === 'dropbox-photos')!;
		expect(dropbox.import['ente-photos']?.url).toBe('https://ente.com/help/photos/migration/');
		expect(dropbox.import['ente-photos']?.text.en).toMatch(/no guide specific to this service/);
		expect(JSON.stringify(dataset)).not.toContain('"comment"');
	});
});

describe('buildDataset: failures name every problem clearly', () => {
	it('reports schema problems in curated files with file, item id and field', () => {
		const input = inputs();
		invalid(input.curated['tools.json'][1]!, 'kind', 'hosted');
		input.curated['services.json'][0]!.match.examples = ['http://example.com/'];
		const issues = issuesOf(input);
		expect(issues).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^tools\.json: \[1\] \(photoprism\)\.kind: /),
				expect.stringMatching(/^services\.json: \[0\] \(500px\)\.match\.examples\[0\]: /),
			]),
		);
		expect(issues).toHaveLength(2);
	});

	it('fails, naming the file and key, on a missing translation: a missing file, key or text, never English instead', () => {
		const input = inputs();
		Reflect.deleteProperty(input.translations, 'de');
		Reflect.deleteProperty(input.translations['fr']!, 'evaluations/ente-photos/e2ee/reason');
		input.translations['he']!['services/google-photos/access/concern'] = ' ';
		input.translations['nl']!['services/no-such-service/name'] = 'Geen';
		expect(issuesOf(input)).toEqual([
			'scripts/data/curated/i18n/de.json: missing (see its README)',
			'scripts/data/curated/i18n/fr.json: missing evaluations/ente-photos/e2ee/reason',
			'scripts/data/curated/i18n/he.json: missing services/google-photos/access/concern',
			'scripts/data/curated/i18n/nl.json: unknown key services/no-such-service/name',
		]);
	});

	it('refuses a translation written inline in a curated file: each language has one source, its i18n file', () => {
		const input = inputs();
		Object.assign(input.curated['evaluations.json'][0]!.reason, {fr: 'Ente indique…'});
		expect(issuesOf(input)).toEqual([
			'evaluations.json: evaluations/ente-photos/e2ee/reason has "fr" inline: a translation lives in scripts/data/curated/i18n/fr.json only',
		]);
	});

	it('reports a missing curated file and an unknown one', () => {
		const input = inputs();
		Reflect.deleteProperty(input.curated, 'threats.json');
		input.curated['extra.json'] = {};
		expect(issuesOf(input)).toEqual([
			'threats.json: missing',
			expect.stringMatching(/^extra\.json: not a known curated file/),
		]);
	});

	it('fails when an evaluation is missing, duplicated or points nowhere', () => {
		const input = inputs();
		const evaluations = input.curated['evaluations.json'];
		evaluations.splice(
			evaluations.findIndex((e) => e.tool === 'photoprism' && e.criterion === 'mfa'),
			1,
		);
		for (const lang of TRANSLATED_LANGUAGES)
			Reflect.deleteProperty(input.translations[lang]!, 'evaluations/photoprism/mfa/reason');
		evaluations.push({...evaluations[0]!, criterion: 'speed'});
		translateAll(input, 'evaluations/ente-photos/speed/reason', 'Fast.');
		evaluations.push(structuredClone(evaluations[1]!));
		const issues = issuesOf(input);
		expect(issues).toEqual(
			expect.arrayContaining([
				'evaluations.json: photoprism × mfa: missing',
				'evaluations.json: ente-photos × speed: unknown criterion "speed"',
				expect.stringMatching(/evaluated more than once/),
			]),
		);
	});

	it('fails when the curated audits disagree with the page’s audit links', () => {
		const input = inputs();
		input.curated['tools.json'][0]!.audits[0]!.url = 'https://ente.io/blog/cryptography-audit';
		expect(issuesOf(input)).toEqual([
			expect.stringMatching(
				/audit https:\/\/ente\.io\/blog\/cryptography-audit is not among the audit links on photo-management-fr-2026-06-17/,
			),
			expect.stringMatching(
				/links the audit https:\/\/ente\.com\/blog\/cryptography-audit, which tools\.json does not list/,
			),
		]);
	});

	it('fails when the page changes under the curated data', () => {
		const input = inputs();
		const en = 'photo-management.en.2025-11-05.md';
		input.pages[en] = input.pages[en]!.replace('- Must be open source.', '- Must be open source and reproducible.');
		input.pages['photo-management.fr.2026-06-17.md'] = input.pages['photo-management.fr.2026-06-17.md']!.replace(
			'**Ent Photos**',
			'**Ente Photos**',
		).replace(':simple-linux:', ':simple-haiku:');
		const issues = issuesOf(input);
		expect(issues).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^criteria\.json: open-source: expects "Must be open source\." but photo-management-en-2025-11-05 says "Must be open source and reproducible\."/,
				),
				'corrections.json: photo-management-fr-2026-06-17: "**Ent Photos**": not found in photo-management.fr.2026-06-17.md; if Privacy Guides fixed it, remove the correction',
				expect.stringMatching(/unknown icon "simple-haiku"/),
			]),
		);
	});

	it('fails when a threat label or explanation is not Privacy Guides’ own words on its definitions page', () => {
		const input = inputs();
		curatedThreats(input)[1]!.explanation.en = 'Protecting your data from service providers.';
		curatedThreats(input)[0]!.label.fr = 'Attaque Passive';
		expect(issuesOf(input)).toEqual([
			expect.stringMatching(
				/^threats\.json: service-providers: explanation\.en is not quoted word for word from common-threats-en-2025-05-10/,
			),
			expect.stringMatching(
				/^threats\.json: passive-attacks: label\.fr "Attaque Passive" is not a term defined on common-threats-fr-2026-08-22/,
			),
			expect.stringMatching(
				/^threats: passive-attacks: attributed to Privacy Guides, but common-threats-fr-2026-08-22 does not name "Passive Attacks" or "Attaque Passive" or /,
			),
		]);
	});

	it('applies corrections to the text read, never to the copied page, and fails on an unknown page', () => {
		const copied = pages['photo-management.fr.2026-06-17.md']!;
		expect(copied).toContain('**Ent Photos**');
		expect(copied).toContain('Google Photo, Flickr et Amazon Photo');
		const input = inputs();
		input.curated['corrections.json'].push({
			page: 'photo-management-de-2030-01-01',
			from: 'a',
			to: 'b',
			reason: 'x',
		});
		expect(issuesOf(input)).toEqual([
			'corrections.json: photo-management-de-2030-01-01: "a": unknown source page (not in sources.json)',
		]);
	});

	it('fails when a claim is attributed to Privacy Guides on a page that does not name its subject', () => {
		const input = inputs();
		curatedService(input, '500px').access.by = {by: 'privacyguides', pages: PHOTO_PAGES};
		const issues = issuesOf(input);
		// Checked on the English and French pages (the other translations write product names their own way).
		expect(issues).toEqual([
			expect.stringMatching(
				/^services: 500px\.access: attributed to Privacy Guides, but photo-management-en-2025-11-05 does not name "500px"/,
			),
			expect.stringMatching(
				/^services: 500px\.access: attributed to Privacy Guides, but photo-management-fr-2026-06-17 does not name "500px"/,
			),
			'providers.json: "500px" is attributed no claim: remove it',
		]);
	});

	it('carries the month our claims were last checked, and fails when a claim of ours is newer', () => {
		expect(dataset.claimsVerified).toBe(inputs().curated['page.json'].claimsVerified);
		expect([...projectClaimMonths(dataset)].every((month) => month <= dataset.claimsVerified)).toBe(true);
		const input = inputs();
		input.curated['page.json'].claimsVerified = '2026-10';
		expect(issuesOf(input)).toEqual([
			'page.json: claimsVerified is 2026-10, older than a claim of ours dated 2026-11: check the claims again and update it',
		]);
		invalid(input.curated['page.json'], 'claimsVerified', 'November 2026');
		expect(issuesOf(input).join('\n')).toContain('page.json: claimsVerified: ');
	});

	it('fails when a text in a language is attributed to Privacy Guides with no page in that language', () => {
		const input = inputs();
		curatedService(input, 'google-photos').access.by = {
			by: 'privacyguides',
			pages: PHOTO_PAGES.filter((id) => !/-(fr|he)-/.test(id)),
		};
		expect(issuesOf(input)).toEqual([
			'services: google-photos.access: has fr text but cites no fr Privacy Guides page',
			'services: google-photos.access: has he text but cites no he Privacy Guides page',
		]);
	});

	it('links German readers to the English pages: Privacy Guides does not publish its German site', () => {
		const german = dataset.sources.filter((s) => s.lang === 'de');
		expect(german.map((s) => s.url)).toEqual([
			'https://www.privacyguides.org/en/basics/common-threats/',
			'https://www.privacyguides.org/en/photo-management/',
			'https://www.privacyguides.org/en/self-hosting/file-management/',
		]);
		expect(tool('ente-photos').recommendedOn.de).toBe('https://www.privacyguides.org/en/photo-management/#ente-photos');
		expect(tool('ente-photos').summary.de).toMatch(/^Ente Photos ist /);
		const input = inputs();
		const source = input.curated['sources.json'].find((s) => s.id === 'photo-management-de-2026-03-29')!;
		source.url = 'https://www.privacyguides.org/de/photo-management/';
		expect(issuesOf(input)).toEqual([
			'sources.json: photo-management-de-2026-03-29: url "https://www.privacyguides.org/de/photo-management/" but the page imports as "https://www.privacyguides.org/de/photo-management/" (live: https://www.privacyguides.org/en/photo-management/)',
		]);
	});

	it('corrects the Italian page’s "Ente Foto" (corrections.json), and reads zh-TW’s escaped bold', () => {
		expect(pages['i18n/it/photo-management.md']).toContain('## Ente Foto');
		expect(tool('ente-photos').summary.it).toMatch(/^Ente Photos è un servizio/);
		expect(tool('ente-photos').recommendedOn.it).toBe('https://www.privacyguides.org/it/photo-management/#ente-photos');
		expect(dataset.notAffiliated.text['zh-TW']).toBe('請注意，我們與推薦的任何專案均無隸屬關係。');
		const input = inputs();
		input.curated['corrections.json'] = input.curated['corrections.json'].filter(
			(c) => c.to !== 'Ente Photos' || c.from !== 'Ente Foto',
		);
		expect(issuesOf(input)).toEqual([
			'tools.json: ente-photos: no card named "Ente Photos" on photo-management-it-2026-03-29 (cards: Ente Foto)',
		]);
	});

	it('fails when a provider’s claim cites a page off its own domains, or names an unknown provider', () => {
		const input = inputs();
		curatedService(input, 'facebook-photos').access.by = {
			by: 'provider',
			name: 'Meta',
			url: 'https://www.pcmag.com/news/meta-privacy',
		};
		curatedService(input, '500px').access.by = {by: 'provider', name: 'Five Hundred', url: 'https://500px.com/terms'};
		expect(issuesOf(input)).toEqual([
			'services: 500px.access: provider "Five Hundred" is not in providers.json',
			"services: facebook-photos.access: https://www.pcmag.com/news/meta-privacy is not on Meta's own domains (facebook.com, meta.com): a provider speaks on its own pages",
			'providers.json: "500px" is attributed no claim: remove it',
		]);
	});

	it('fails when a verified export route is not described by the service’s own provider', () => {
		const input = inputs();
		curatedService(input, 'flickr').export.verified = true;
		expect(issuesOf(input)).toEqual([
			'services: flickr.export: a verified export route must come from Flickr\'s own help (by: provider "Flickr")',
		]);
	});

	it('fails on unknown references and never-flag overlaps', () => {
		const input = inputs();
		input.curated['tools.json'][0]!.sourcePages.fr = 'photo-management-de-2030-01-01';
		input.curated['services.json'][0]!.import.nextcloud = 'generic';
		input.curated['never-flag.json'][0]!.rules[0]!.hosts.push('500px.com');
		const issues = issuesOf(input);
		expect(issues).toEqual(
			expect.arrayContaining([
				'tools.json: ente-photos.sourcePages.fr: unknown source page "photo-management-de-2030-01-01" (not in sources.json)',
				'services.json: 500px: import route for unknown tool "nextcloud"',
			]),
		);
		const overlap = inputs();
		overlap.curated['never-flag.json'][0]!.rules[0]!.hosts.push('500px.com');
		expect(issuesOf(overlap)).toEqual(['services: 500px: host 500px.com overlaps never-flag ente-photos (500px.com)']);
	});

	it('has a readable message listing every issue', () => {
		const input = inputs();
		invalid(input.curated['page.json'].licence, 'id', 'MIT');
		input.curated['criteria.json'].criteria[0]!.id = 'E2EE';
		try {
			buildDataset(input);
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(DatasetBuildError);
			const message = (error as Error).message;
			expect(message).toMatch(/^Cannot build the dataset: 2 issues:\n {2}- /);
			expect(message).toContain('page.json: licence.id: ');
			expect(message).toContain('criteria.json: criteria[0] (E2EE).id: ');
		}
	});
});
