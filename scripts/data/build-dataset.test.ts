/**
 * The pure dataset builder: mapping rules, cross-checks, and clear failures on broken curated data.
 * Inputs are read once from the repository and then altered in memory.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {parsePrivacyGuidesPage} from '../privacyguides/parse';
import {
	buildDataset,
	CURATED_FILE_NAMES,
	DatasetBuildError,
	extractNotAffiliated,
	serializeDataset,
	type DatasetInput,
} from './build-dataset';
import type {Curated} from './curated/schema';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = path.join(ROOT, 'scripts/data/sources/privacyguides');
const CURATED = path.join(ROOT, 'scripts/data/curated');

const pages: Record<string, string> = Object.fromEntries(
	readdirSync(SOURCES)
		.filter((name) => name.endsWith('.md') && name !== 'README.md')
		.map((name) => [name, readFileSync(path.join(SOURCES, name), 'utf8')]),
);
/** The real curated files, typed as what they are (valid: the build below proves it). */
const curated = Object.fromEntries(
	CURATED_FILE_NAMES.map((name) => [name, JSON.parse(readFileSync(path.join(CURATED, name), 'utf8')) as unknown]),
) as Curated;

/**
 * A deep copy of the real inputs, for a test to break. A test writes what the types forbid (an unknown kind,
 * a missing field, an extra file) with `Object.assign` and `Reflect.deleteProperty`: the build must catch it.
 */
function inputs(): {pages: Record<string, string>; curated: Curated & Record<string, unknown>} {
	return {pages: {...pages}, curated: structuredClone(curated)};
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

	it('lists exactly the pages it used, and dates the revision by the newest', () => {
		expect(dataset.sources.map((s) => s.id)).toEqual([
			'common-threats-en-2025-05-10',
			'photo-management-en-2025-11-05',
			'photo-management-fr-2026-06-17',
			'self-hosting-file-management-en-2025-09-14',
			'self-hosting-file-management-fr-2025-10-20',
		]);
		expect(dataset.sources.map((s) => s.title)).toEqual([
			'Common Threats',
			'Photo Management',
			'Gestion des photos',
			'File Management',
			'Gestion des fichiers',
		]);
		expect(dataset.revision).toBe('2026-06-17');
	});

	it('imports Ente from the newest Photo Management pages, links from the newest one (ente.com)', () => {
		const ente = tool('ente-photos');
		expect(ente.name).toBe('Ente Photos');
		expect(ente.sourcePage).toBe('photo-management-fr-2026-06-17');
		expect(ente.summary.en).toMatch(/^Ente Photos is an end-to-end encrypted photo backup service/);
		expect(ente.summary.en).toMatch(/10\sGB/);
		// The French typo "Ent Photos" is corrected by a recorded override.
		expect(ente.summary.fr).toMatch(/^Ente Photos est un service de sauvegarde/);
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
		expect(ente.recommendedOn).toEqual({
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
		expect(dataset.criteria.at(-1)).toMatchObject({level: 'best-case', sourcePage: 'photo-management-en-2025-11-05'});
		expect(dataset.criteria[0]!.text).toEqual({
			en: 'Cloud-hosted providers must enforce E2EE.',
			fr: 'Les services basés sur un cloud doivent être chiffrés de bout-en-bout.',
		});
		expect(dataset.threats.map((t) => [t.id, t.label.en, t.label.fr])).toEqual([
			['passive-attacks', 'Passive Attacks', 'Attaque Passive'],
			['service-providers', 'Service Providers', 'Fournisseurs de Services'],
		]);
		expect(dataset.intro.en).toMatch(
			/^Most cloud photo management solutions like Google Photos, Flickr, and Amazon Photos/,
		);
		expect(dataset.intro.fr).toMatch(/^La majorité des gestionnaires de photos/);
		expect(dataset.notAffiliated).toEqual({
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
		Object.assign(input.curated['tools.json'][1]!, {kind: 'hosted'});
		input.curated['services.json'][0]!.match.examples = ['http://example.com/'];
		Reflect.deleteProperty(input.curated['evaluations.json'][0]!.reason, 'fr');
		const issues = issuesOf(input);
		expect(issues).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^tools\.json: \[1\] \(photoprism\)\.kind: /),
				expect.stringMatching(/^services\.json: \[0\] \(500px\)\.match\.examples\[0\]: /),
				expect.stringMatching(/^evaluations\.json: \[0\]\.reason\.fr: /),
			]),
		);
		expect(issues).toHaveLength(3);
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
		evaluations.push({...evaluations[0]!, criterion: 'speed'});
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
				expect.stringMatching(/override of summary\.fr from "Ent Photos" no longer applies/),
				expect.stringMatching(/unknown icon "simple-haiku"/),
			]),
		);
	});

	it('fails when a threat explanation is not a verbatim quote of the definitions page', () => {
		const input = inputs();
		input.curated['threats.json'].threats[1]!.explanation.en = 'Protecting your data from service providers.';
		expect(issuesOf(input)).toEqual([
			'threats.json: service-providers: explanation.en is not quoted word for word from common-threats-en-2025-05-10',
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
		Object.assign(input.curated['page.json'].licence, {id: 'MIT'});
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
