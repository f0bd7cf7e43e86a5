// Integration tests: every page Privacy Guides publishes that the project keeps, as published, through
// the public entry (parse.ts) the way the CLI reads them (location inferred, reader by page path):
//   - the four pages of every language folder of privacyguides/i18n (scripts/data/sources/privacyguides/i18n)
//   - five category pages of other forms (test/fixtures/privacyguides: email, VPN, passwords, notebooks, cloud)
// None may fail; each slip they carry must be reported as a warning, at its line, and nothing else.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	importCommonThreatsPage,
	importCriteriaPage,
	importPage,
	importPrivacyGuidesPage,
	inferPageLocation,
	threatsByAnchor,
	type ImportedCriteriaPage,
	type ImportedPage,
	type ImportedThreatsPage,
	type ImportResult,
	type ImportWarning,
	type PageKind,
	type WarningKind,
} from './parse';

const SOURCES = 'scripts/data/sources/privacyguides';
const I18N = `${SOURCES}/i18n`;
const FIXTURES = 'test/fixtures/privacyguides';
const PG = 'https://www.privacyguides.org';

type AnyPage = ImportedPage | ImportedThreatsPage | ImportedCriteriaPage;

function load(path: string): ImportResult<AnyPage> & {kind: PageKind} {
	const markdown = readFileSync(path, 'utf8');
	return importPage(markdown, {file: path, ...inferPageLocation(path, markdown)});
}

/** `kind@line` of each warning, in line order. */
const warningsIn = (result: {warnings: ImportWarning[]}) => result.warnings.map((w) => `${w.kind}@${w.line}`);

const LANGS = ['de', 'es', 'fr', 'he', 'it', 'nl', 'ru', 'zh-Hant', 'zh-TW'];
const PAGES = [
	'about-criteria.md',
	'basics-common-threats.md',
	'photo-management.md',
	'self-hosting-file-management.md',
];
const LONE_MARKERS = [10, 15, 20, 25, 30, 35, 40, 45, 50].map((line) => `definition-marker-alone@${line}`);

/** The warnings every page must give, and only those. */
function expectedWarnings(lang: string, page: string): string[] {
	const unpublished = lang === 'de' ? ['unpublished-language@1'] : [];
	if (page === 'basics-common-threats.md') return [...unpublished, ...LONE_MARKERS];
	if (lang === 'it' && page === 'photo-management.md') return ['crowdin-placeholder@30'];
	return unpublished;
}

const english = {
	photo: importPrivacyGuidesPage(readFileSync(`${SOURCES}/photo-management.en.2025-11-05.md`, 'utf8'), {
		file: 'photo-management.en.2025-11-05.md',
		lang: 'en',
		pagePath: 'photo-management',
	}).page,
	/** The French translation of the newest English page, with the ente.com links every translation has. */
	photoFr: importPrivacyGuidesPage(readFileSync(`${SOURCES}/photo-management.fr.2026-06-17.md`, 'utf8'), {
		file: 'photo-management.fr.2026-06-17.md',
		lang: 'fr',
		pagePath: 'photo-management',
	}).page,
	selfHosting: importPrivacyGuidesPage(
		readFileSync(`${SOURCES}/self-hosting-file-management.en.2025-09-14.md`, 'utf8'),
		{
			file: 'self-hosting-file-management.en.2025-09-14.md',
			lang: 'en',
			pagePath: 'self-hosting/file-management',
		},
	).page,
	threats: importCommonThreatsPage(readFileSync(`${SOURCES}/common-threats.en.md`, 'utf8'), {
		file: 'common-threats.en.md',
		lang: 'en',
		pagePath: 'basics/common-threats',
	}),
	criteria: importCriteriaPage(readFileSync(`${SOURCES}/criteria.en.md`, 'utf8'), {
		file: 'criteria.en.md',
		lang: 'en',
		pagePath: 'about/criteria',
	}),
};

/** What must not depend on the language: link kinds, icons, anchors, counts. */
const categoryShape = (page: ImportedPage) => ({
	threats: page.threats.map((t) => [t.icon, new URL(t.url).hash]),
	tools: page.tools.map((t) => ({
		homepage: t.links.homepage,
		linkKeys: Object.keys(t.links),
		icons: t.downloads.map((d) => d.icon),
		notes: t.notes.map((n) => [n.kind, n.links.length]),
	})),
	criteria: page.criteria.groups.map((g) => [g.minimum.length, g.bestCase.length]),
});

describe('the English pages through the readers of their kind', () => {
	it('common-threats.en.md: nine threats, each with its section, no warning', () => {
		expect(english.threats.warnings).toEqual([]);
		expect(english.threats.page.definitions.map((d) => [d.icon, d.name, d.section?.heading])).toEqual([
			['material-incognito', 'Anonymity', 'Anonymity vs. Privacy'],
			['material-target-account', 'Targeted Attacks', 'Attacks against Specific Individuals'],
			['material-package-variant-closed-remove', 'Supply Chain Attacks', 'Attacks against Certain Organizations'],
			['material-bug-outline', 'Passive Attacks', 'Security and Privacy'],
			['material-server-network', 'Service Providers', 'Privacy from Service Providers'],
			['material-eye-outline', 'Mass Surveillance', 'Mass Surveillance Programs'],
			['material-account-cash', 'Surveillance Capitalism', 'Surveillance as a Business Model'],
			['material-account-search', 'Public Exposure', 'Limiting Public Information'],
			['material-close-outline', 'Censorship', 'Avoiding Censorship'],
		]);
		expect(english.threats.page.definitions[3]!.explanation).toBe(
			'Being protected from things like malware, data breaches, and other attacks that are made against many people at once.',
		);
	});

	it('criteria.en.md: six priorities and two sections, no warning', () => {
		expect(english.criteria.warnings).toEqual([]);
		const {page} = english.criteria;
		expect(page.priorities.map((p) => p.name)).toEqual([
			'Security',
			'Source Availability',
			'Cross-Platform Availability',
			'Active Development',
			'Usability',
			'Documentation',
		]);
		expect(page.priorities[0]!.text).toBe('Tools should follow security best practices wherever applicable.');
		expect(page.sections.map((s) => [s.heading, s.items.length])).toEqual([
			['Financial Disclosure', 0],
			['Developer Self-Submissions', 5],
		]);
		expect(page.sections[1]!.items[4]).toBe(
			'Must state what the exact threat model is with their project.\n' +
				'- It should be clear to potential users what the project can provide, and what it cannot. Ideally, a ' +
				'developer should be able to identify what common threat(s) their project protects against.',
		);
	});

	it('the photo page keeps its "not affiliated" paragraph as the text of its one criteria group', () => {
		expect(english.photo.criteria.groups).toHaveLength(1);
		expect(english.photo.criteria.groups[0]!.text).toMatch(
			/^Please note we are not affiliated with any of the projects we recommend\. In addition to our standard criteria/,
		);
	});
});

describe('every language folder of privacyguides/i18n (scripts/data/sources/privacyguides/i18n)', () => {
	it('holds the four pages of each of the nine languages', () => {
		expect(readdirSync(I18N).sort()).toEqual(LANGS);
		for (const lang of LANGS) expect(readdirSync(join(I18N, lang)).sort()).toEqual(PAGES);
	});

	for (const lang of LANGS) {
		describe(lang, () => {
			const result = (page: string) => load(`${I18N}/${lang}/${page}`);

			it.each(PAGES)('%s imports, with exactly the warnings of its slips', (page) => {
				const imported = result(page);
				expect(imported.page.lang).toBe(lang);
				expect(warningsIn(imported)).toEqual(expectedWarnings(lang, page));
				for (const warning of imported.warnings) {
					expect(warning.message).toBe(`${I18N}/${lang}/${page}:${warning.line}: warning: ${warning.detail}`);
				}
			});

			it('photo-management: the newest page, translated (same tool, links, downloads, tags, criteria as photo-management.fr.2026-06-17.md)', () => {
				const imported = result('photo-management.md');
				const page = imported.page as ImportedPage;
				expect(imported.kind).toBe('category');
				expect([page.pagePath, page.url]).toEqual(['photo-management', `${PG}/${lang}/photo-management/`]);
				expect(categoryShape(page)).toEqual(categoryShape(english.photoFr));
				expect(categoryShape(english.photoFr).tools[0]!.linkKeys).toEqual(
					categoryShape(english.photo).tools[0]!.linkKeys,
				);
				// Named by its (translated) heading; the Italian heading says "Ente Foto".
				expect(page.tools[0]!.name).toBe(lang === 'it' ? 'Ente Foto' : 'Ente Photos');
			});

			it('self-hosting/file-management: PhotoPrism, FreedomBox and Nextcloud with the English links', () => {
				const imported = result('self-hosting-file-management.md');
				const page = imported.page as ImportedPage;
				expect([page.pagePath, page.url]).toEqual([
					'self-hosting/file-management',
					`${PG}/${lang}/self-hosting/file-management/`,
				]);
				expect(page.tools.map((t) => [t.name, t.links])).toEqual(
					english.selfHosting.tools.map((t) => [t.name, t.links]),
				);
				expect(page.threats.map((t) => t.url)).toEqual([
					`${PG}/${lang}/basics/common-threats/#privacy-from-service-providers`,
				]);
			});

			it('basics/common-threats: the nine threats of the English page, each with its section; every tag finds its definition', () => {
				const imported = result('basics-common-threats.md');
				const page = imported.page as ImportedThreatsPage;
				expect(imported.kind).toBe('threats');
				expect([page.pagePath, page.url]).toEqual(['basics/common-threats', `${PG}/${lang}/basics/common-threats/`]);
				expect(page.definitions.map((d) => [d.icon, d.colour])).toEqual(
					english.threats.page.definitions.map((d) => [d.icon, d.colour]),
				);
				for (const definition of page.definitions) {
					expect(definition.name).not.toMatch(/[*:<>]/);
					expect(definition.explanation.length).toBeGreaterThan(10);
					expect(definition.section?.heading).toBeTruthy();
				}
				const photo = result('photo-management.md').page as ImportedPage;
				const byAnchor = threatsByAnchor(photo.threats, page.definitions, 'photo-management.md');
				expect([...byAnchor.keys()]).toEqual(['security-and-privacy', 'privacy-from-service-providers']);
				expect(byAnchor.get('security-and-privacy')!.icon).toBe('material-bug-outline');
			});

			it('about/criteria: six priorities, then the two sections of the English page', () => {
				const imported = result('about-criteria.md');
				const page = imported.page as ImportedCriteriaPage;
				expect(imported.kind).toBe('criteria');
				expect(page.url).toBe(`${PG}/${lang}/about/criteria/`);
				expect(page.priorities).toHaveLength(6);
				for (const priority of page.priorities) expect(priority.name).not.toMatch(/[*:：]/);
				expect(page.sections.map((s) => s.items.length)).toEqual(
					english.criteria.page.sections.map((s) => s.items.length),
				);
			});
		});
	}

	it('warns 86 times over the 36 pages: per kind and language', () => {
		const counts: Partial<Record<WarningKind, Record<string, number>>> = {};
		for (const lang of LANGS) {
			for (const page of PAGES) {
				for (const warning of load(`${I18N}/${lang}/${page}`).warnings) {
					counts[warning.kind] ??= {};
					counts[warning.kind]![lang] = (counts[warning.kind]![lang] ?? 0) + 1;
				}
			}
		}
		const nine = Object.fromEntries(LANGS.map((lang) => [lang, 9]));
		expect(counts).toEqual({
			'definition-marker-alone': nine,
			'unpublished-language': {de: 4},
			'crowdin-placeholder': {it: 1},
		});
	});

	it("the Crowdin placeholder of it/photo-management.md: read as the download list's title, every download kept", () => {
		const imported = load(`${I18N}/it/photo-management.md`);
		expect(imported.warnings.map((w) => w.message)).toEqual([
			`${I18N}/it/photo-management.md:30: warning: Crowdin placeholder <0>…</0> in place of the <summary> of a <details>: read "Scarica" as its title`,
		]);
		expect((imported.page as ImportedPage).tools[0]!.downloads).toEqual(english.photoFr.tools[0]!.downloads);
	});
});

describe('category pages of other forms (test/fixtures/privacyguides)', () => {
	const category = (path: string) => {
		const imported = load(`${FIXTURES}/${path}`);
		expect(imported.kind).toBe('category');
		return {page: imported.page as ImportedPage, warnings: warningsIn(imported)};
	};

	it('docs/email.md (English): six tools, criteria in six named groups, no warning', () => {
		const {page, warnings} = category('docs/email.md');
		expect(warnings).toEqual([]);
		expect(page.tools.map((t) => [t.name, t.heading])).toEqual([
			['Proton Mail', ['OpenPGP Compatible Services', 'Proton Mail']],
			['Mailbox.org', ['OpenPGP Compatible Services', 'Mailbox.org']],
			['Tuta', ['More Providers', 'Tuta']],
			['Stalwart', ['Self-Hosting Email', 'Stalwart']],
			['Mailcow', ['Self-Hosting Email', 'Mailcow']],
			['Mail-in-a-Box', ['Self-Hosting Email', 'Mail-in-a-Box']],
		]);
		expect(
			page.criteria.groups.map((g) => [g.heading.join(' > '), g.minimum.length, g.bestCase.length, g.line]),
		).toEqual([
			['Criteria > Technology', 4, 8, 313],
			['Criteria > Privacy', 3, 2, 335],
			['Criteria > Security', 13, 6, 350],
			['Criteria > Trust', 1, 1, 383],
			['Criteria > Marketing', 2, 1, 395],
			['Criteria > Additional Functionality', 0, 0, 412],
		]);
		const [technology, , security, , marketing, additional] = page.criteria.groups;
		expect(technology!.text).toBe(
			'We regard these features as important in order to provide a safe and optimal service. You should consider whether the provider which has the features you require.',
		);
		expect(technology!.minimum[0]).toBe('Must encrypt email account data at rest with zero-access encryption.');
		expect(security!.minimum[11]).toBe(
			'Website security standards such as:\n- HTTP Strict Transport Security\n- Subresource Integrity if loading things from external domains.',
		);
		expect(marketing!.minimum[1]).toMatch(
			/^Must not have any irresponsible marketing, which can include the following:\n- Claims of "unbreakable encryption\."/,
		);
		expect(additional!.text).toMatch(/^While not strictly requirements/);
		expect(page.criteria.minimum).toHaveLength(4 + 3 + 13 + 1 + 2);
		expect(page.criteria.bestCase).toHaveLength(8 + 2 + 6 + 1 + 1);
	});

	it('i18n/fr/vpn.md (French): three tools, six named groups, a paragraph introducing a list read as one item', () => {
		const {page, warnings} = category('i18n/fr/vpn.md');
		expect(warnings).toEqual([]);
		expect(page.threats).toEqual([
			{
				label: 'Capitalisme de surveillance',
				url: `${PG}/fr/basics/common-threats/#surveillance-as-a-business-model`,
				icon: 'material-account-cash',
			},
		]);
		expect(page.tools.map((t) => [t.name, t.links.homepage, t.downloads.length])).toEqual([
			['Proton VPN', 'https://protonvpn.com', 6],
			['IVPN', 'https://ivpn.net', 6],
			['Mullvad', 'https://mullvad.net', 6],
		]);
		expect(page.tools[2]!.links.simpleTorbrowser).toBe(
			'http://o54hon2e2vj6c7m3aqqu6uyece65by3vgoxxhlqlsvkmacw6a7m7kiad.onion',
		);
		expect(page.criteria.groups.map((g) => [g.heading.join(' > '), g.minimum.length, g.bestCase.length])).toEqual([
			['Critères > Technologie', 5, 5],
			['Critères > Confidentialité', 2, 2],
			['Critères > Sécurité', 4, 6],
			['Critères > Confiance', 2, 2],
			['Critères > Marketing', 2, 2],
			['Critères > Fonctionnalités supplémentaires', 0, 0],
		]);
		const marketing = page.criteria.groups[4]!;
		expect(marketing.minimum[0]).toBe('Must self-host analytics (i.e., no Google Analytics).');
		expect(marketing.minimum[1]!.split('\n').slice(0, 3)).toEqual([
			'Ne doit pas avoir de marketing irresponsable :',
			"- Garantir la protection de l'anonymat à 100%. Lorsque quelqu'un prétend que quelque chose est à 100%, cela signifie qu'il n'y a aucune certitude d'échec. Nous savons que les gens peuvent assez facilement se désanonymiser de plusieurs façons, par exemple :",
			"  - Réutiliser des informations personnelles (par exemple, des comptes email, des pseudonymes uniques, etc.) auxquelles ils ont accédé sans logiciel d'anonymat (Tor, VPN, etc.)",
		]);
		expect(marketing.text).toBe(
			'Avec les fournisseurs de VPN que nous recommandons, nous aimons voir un marketing responsable.\n\n' +
				'Un marketing responsable qui est à la fois éducatif et utile au consommateur pourrait inclure :',
		);
	});

	it('i18n/he/passwords.md (Hebrew): translated headings name their cards; two criteria sections under ### headings', () => {
		const {page, warnings} = category('i18n/he/passwords.md');
		expect(warnings).toEqual([]);
		expect(page.tools.map((t) => [t.name, t.heading])).toEqual([
			['Bitwarden', ['מבוסס ענן', 'Bitwarden']],
			['Proton Pass', ['מבוסס ענן', 'Proton Pass']],
			['1Password', ['מבוסס ענן', '1Password']],
			['Psono', ['מבוסס ענן', 'Psono']],
			['KeePassXC', ['אחסון מקומי', 'KeePassXC']],
			['KeePassDX (אנדרואיד)', ['אחסון מקומי', 'KeePassDX (אנדרואיד)']],
			['Gopass (CLI)', ['אחסון מקומי', 'Gopass (CLI)']],
		]);
		expect(page.criteria.groups.map((g) => [g.heading, g.minimum.length, g.bestCase.length, g.line])).toEqual([
			[['מבוסס ענן', 'קריטריונים'], 5, 2, 286],
			[['אחסון מקומי', 'קריטריונים'], 1, 0, 389],
		]);
		expect(page.criteria.groups[1]!.minimum).toEqual(['חייב להיות חוצה פלטפורמות.']);
	});

	it("i18n/fr/notebooks.md (French): upstream's stray </details> in the Org-mode card is skipped with a warning", () => {
		const {page, warnings} = category('i18n/fr/notebooks.md');
		expect(warnings).toEqual(['stray-closing-tag@161']);
		expect(page.tools.map((t) => t.name)).toEqual(['Standard Notes', 'Notesnook', 'Joplin', 'Cryptee', 'Org-mode']);
		expect(page.tools[4]!.links).toEqual({
			homepage: 'https://orgmode.org',
			documentation: 'https://orgmode.org/manuals.html',
			sourceCode: 'https://git.savannah.gnu.org/cgit/emacs/org-mode.git',
			contribute: 'https://liberapay.com/bzg',
		});
		expect(page.criteria.groups.map((g) => [g.heading, g.minimum, g.bestCase])).toEqual([
			[
				['Critères'],
				[
					'Les clients doivent être open source.',
					'Toute fonctionnalité de synchronisation cloud doit être E2EE.',
					"Doit permettre l'export de documents dans un format standard.",
				],
				[
					'La fonctionnalité de sauvegarde/synchronisation locale devrait prendre en charge le chiffrement.',
					'Les plateformes basées sur le cloud devraient permettre le partage de documents.',
				],
			],
		]);
	});

	it("i18n/es/cloud.md (Spanish): three tools, the photo page's criteria shape, no warning", () => {
		const {page, warnings} = category('i18n/es/cloud.md');
		expect(warnings).toEqual([]);
		expect(page.tools.map((t) => t.name)).toEqual(['Proton Drive', 'Tresorit', 'Peergos']);
		expect(page.tools[1]!.notes.map((n) => n.kind)).toEqual(['paragraph', 'list', 'paragraph']);
		expect(page.criteria.groups.map((g) => [g.heading, g.minimum.length, g.bestCase.length])).toEqual([
			[['Criterios'], 5, 5],
		]);
		expect(page.criteria.bestCase[2]).toMatch(
			/^Debería ofrecer clientes nativos para Linux, Android, Windows, macOS e iOS\.\n- Estos clientes/,
		);
	});
});
