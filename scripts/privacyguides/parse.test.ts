// Integration tests: whole pages through the public entry (parse.ts), the source pages the dataset is
// built from, fixtures it was not tuned on, and broken pages. Each reader's own cases are in its
// module's test file (blocks.test.ts, inline.test.ts, urls.test.ts, …).
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ImportError, inferPageLocation, pageKindOf, parsePrivacyGuidesPage} from './parse';
import {importedPageSchema, type ImportedPage, type ImportedTool} from './types';

const SOURCES = 'scripts/data/sources/privacyguides';
const FIXTURES = 'test/fixtures/privacyguides';
const PG = 'https://www.privacyguides.org';

function read(path: string): string {
	return readFileSync(path, 'utf8');
}

/** Imports a file the way the CLI does without flags (location inferred). */
function importFile(path: string): ImportedPage {
	const markdown = read(path);
	const location = inferPageLocation(path, markdown);
	return parsePrivacyGuidesPage(markdown, {file: path, ...location});
}

function importError(path: string): ImportError {
	try {
		importFile(path);
	} catch (error) {
		if (error instanceof ImportError) return error;
		throw error;
	}
	throw new Error(`${path} imported without error`);
}

// ---------------------------------------------------------------------------------------------
// Expected values shared by the photo-management pages

const threatsEn = (lang: string) => [
	{
		label: 'Passive Attacks',
		url: `${PG}/${lang}/basics/common-threats/#security-and-privacy`,
		icon: 'material-bug-outline',
	},
	{
		label: 'Service Providers',
		url: `${PG}/${lang}/basics/common-threats/#privacy-from-service-providers`,
		icon: 'material-server-network',
	},
];

const enteDownloads = (domain: string) => [
	{
		label: 'Google Play',
		icon: 'simple-googleplay',
		url: 'https://play.google.com/store/apps/details?id=io.ente.photos',
	},
	{label: 'App Store', icon: 'simple-appstore', url: 'https://apps.apple.com/app/id1542026904'},
	{label: 'GitHub', icon: 'simple-github', url: 'https://github.com/ente-io/ente/releases?q=photos'},
	{label: 'Android', icon: 'simple-android', url: `https://${domain}/download`},
	{label: 'Windows', icon: 'fontawesome-brands-windows', url: `https://${domain}/download`},
	{label: 'macOS', icon: 'simple-apple', url: `https://${domain}/download`},
	{label: 'Linux', icon: 'simple-linux', url: `https://${domain}/download`},
	{label: 'Web', icon: 'octicons-browser-16', url: 'https://web.ente.io'},
];

const enteLinks = (domain: string) => ({
	homepage: `https://${domain}`,
	privacyPolicy: `https://${domain}/privacy`,
	documentation: `https://${domain}/faq`,
	sourceCode: 'https://github.com/ente-io/ente',
});

const enteSelfHostLink = (label: string) => [
	{label, url: 'https://github.com/ente-io/ente/tree/main/server#self-hosting'},
];

const oldAudits = (domain: string) => [
	{label: 'Cure53', url: `https://${domain}/blog/cryptography-audit`},
	{label: 'Fallible', url: `https://${domain}/reports/Fallible-Audit-Report-19-04-2023.pdf`},
];

const photoPrismLinks = {
	homepage: 'https://photoprism.app',
	privacyPolicy: 'https://photoprism.app/privacy',
	documentation: 'https://photoprism.app/kb',
	sourceCode: 'https://github.com/photoprism',
};

const ENTE_SUMMARY_EN =
	'Ente Photos is an end-to-end encrypted photo backup service which supports automatic backups on iOS and Android. ' +
	'Their code is fully open source, both on the client side and on the server side. It is also self-hostable.';

const PHOTOPRISM_SUMMARY_2025_07 =
	'PhotoPrism is a self-hostable platform for managing photos. It supports album syncing and sharing as well as a ' +
	"variety of other features. It does not include E2EE, so it's best hosted on a server that you trust and is under your control.";

const MINIMUM_EN = [
	'Cloud-hosted providers must enforce E2EE.',
	'Must offer a free plan or trial period for testing.',
	'Must support TOTP or FIDO2 multifactor authentication, or passkey logins.',
	'Must offer a web interface which supports basic file management functionality.',
	'Must allow for easy exports of all files/documents.',
	'Must be open source.',
];
const BEST_CASE_EN = ['Should have a published audit from a reputable, independent third party.'];

/** The criteria of a page with one criteria section (the photo page): one group, named by its heading. */
const oneGroup = (heading: string, line: number, minimum: string[], bestCase: string[]) => ({
	minimum,
	bestCase,
	// The section's own text is its "not affiliated" paragraph (checked word for word once, below).
	groups: [{heading: [heading], text: expect.any(String) as string, minimum, bestCase, line}],
});

const DESCRIPTION_EN =
	'These photo management tools keep your personal photos safe from the prying eyes of cloud storage providers and other unauthorized parties.';
const INTRO_EN =
	"Most cloud photo management solutions like Google Photos, Flickr, and Amazon Photos don't secure your photos against " +
	'being accessed by the cloud storage provider themselves. These options keep your personal photos private, while allowing ' +
	'you to share them only with family and trusted people.';

// ---------------------------------------------------------------------------------------------

describe('source pages in scripts/data/sources/privacyguides', () => {
	it('covers every page in the directory (so a new source page needs a test here)', () => {
		const pages = readdirSync(SOURCES)
			.filter((name) => name.endsWith('.md') && name !== 'README.md')
			.sort();
		expect(pages).toEqual([
			'common-threats.en.md',
			'common-threats.fr.md',
			'criteria.en.md',
			'photo-management.en.2025-07-22.md',
			'photo-management.en.2025-11-05.md',
			'photo-management.fr.2025-07-23.md',
			'photo-management.fr.2026-06-17.md',
			'self-hosting-file-management.en.2025-09-14.md',
			'self-hosting-file-management.fr.md',
		]);
	});

	it('infers lang and pagePath for every page with no flags', () => {
		const inferred = Object.fromEntries(
			readdirSync(SOURCES)
				.filter((name) => name.endsWith('.md') && name !== 'README.md')
				.sort()
				.map((name) => {
					const path = join(SOURCES, name);
					return [name, inferPageLocation(path, read(path))];
				}),
		);
		expect(inferred).toEqual({
			'common-threats.en.md': {lang: 'en', pagePath: 'basics/common-threats'},
			'common-threats.fr.md': {lang: 'fr', pagePath: 'basics/common-threats'},
			'criteria.en.md': {lang: 'en', pagePath: 'about/criteria'},
			'photo-management.en.2025-07-22.md': {lang: 'en', pagePath: 'photo-management'},
			'photo-management.en.2025-11-05.md': {lang: 'en', pagePath: 'photo-management'},
			'photo-management.fr.2025-07-23.md': {lang: 'fr', pagePath: 'photo-management'},
			'photo-management.fr.2026-06-17.md': {lang: 'fr', pagePath: 'photo-management'},
			'self-hosting-file-management.en.2025-09-14.md': {lang: 'en', pagePath: 'self-hosting/file-management'},
			'self-hosting-file-management.fr.md': {lang: 'fr', pagePath: 'self-hosting/file-management'},
		});
	});

	it('photo-management.en.2025-07-22.md (English source of the starting revision)', () => {
		expect(importFile(`${SOURCES}/photo-management.en.2025-07-22.md`)).toEqual({
			title: 'Photo Management',
			description: DESCRIPTION_EN,
			lang: 'en',
			pagePath: 'photo-management',
			url: `${PG}/en/photo-management/`,
			threats: threatsEn('en'),
			intro: INTRO_EN,
			tools: [
				{
					name: 'Ente Photos',
					heading: ['Ente Photos'],
					summary: `${ENTE_SUMMARY_EN}\n\nThe free plan offers 10\u00a0GB of storage as long as you use the service at least once a year.`,
					summaryLinks: enteSelfHostLink('self-hostable'),
					links: enteLinks('ente.io'),
					downloads: enteDownloads('ente.io'),
					notes: [
						{
							kind: 'paragraph',
							text: 'Ente Photos underwent an audit by Cure53 in March 2023 and by Fallible in April 2023.',
							links: oldAudits('ente.io'),
						},
					],
					line: 16,
				},
				{
					name: 'PhotoPrism',
					heading: ['PhotoPrism'],
					summary: PHOTOPRISM_SUMMARY_2025_07,
					summaryLinks: [{label: 'features', url: 'https://photoprism.app/features'}],
					links: photoPrismLinks,
					downloads: [{label: 'GitHub', icon: 'simple-github', url: 'https://github.com/photoprism'}],
					notes: [],
					line: 49,
				},
			],
			criteria: oneGroup('Criteria', 69, MINIMUM_EN, BEST_CASE_EN),
		});
	});

	it('photo-management.en.2025-11-05.md (newest English: Ente only, CERN audit)', () => {
		expect(importFile(`${SOURCES}/photo-management.en.2025-11-05.md`)).toEqual({
			title: 'Photo Management',
			description: DESCRIPTION_EN,
			lang: 'en',
			pagePath: 'photo-management',
			url: `${PG}/en/photo-management/`,
			threats: threatsEn('en'),
			intro: INTRO_EN,
			tools: [
				{
					name: 'Ente Photos',
					heading: ['Ente Photos'],
					summary: `${ENTE_SUMMARY_EN}\n\nThe free plan offers 10\u00a0GB of storage as long as you use the service at least once a year.`,
					summaryLinks: enteSelfHostLink('self-hostable'),
					links: enteLinks('ente.io'),
					downloads: enteDownloads('ente.io'),
					notes: [
						{
							kind: 'paragraph',
							text:
								'The server-side source code and infrastructure which underpins Ente Photos underwent an audit by Cure53 in ' +
								'October 2025. Previous audits were completed by Cure53 in March 2023 and by Fallible in April 2023.',
							links: [{label: 'Cure53', url: 'https://ente.io/blog/cern-audit'}, ...oldAudits('ente.io')],
						},
					],
					line: 16,
				},
			],
			criteria: oneGroup('Criteria', 47, MINIMUM_EN, BEST_CASE_EN),
		});
	});

	it('photo-management.fr.2025-07-23.md (the starting revision: partial translation, typo kept)', () => {
		expect(importFile(`${SOURCES}/photo-management.fr.2025-07-23.md`)).toEqual({
			title: 'Gestion des photos',
			description: DESCRIPTION_EN,
			lang: 'fr',
			pagePath: 'photo-management',
			url: `${PG}/fr/photo-management/`,
			threats: threatsEn('fr'),
			intro:
				"Most cloud photo management solutions like Google Photos, Flickr, and Amazon Photos don't secure your photos " +
				'against being accessed by the cloud storage provider themselves. Ces options préservent la confidentialité de vos ' +
				"photos personnelles, tout en vous permettant de ne les partager qu'avec votre famille et des personnes de confiance.",
			tools: [
				{
					name: 'Ente Photos',
					heading: ['Ente Photos'],
					summary: `${ENTE_SUMMARY_EN}\n\nLe plan gratuit offre 10 Go de stockage à condition que vous utilisiez le service au moins une fois par an.`,
					summaryLinks: enteSelfHostLink('self-hostable'),
					links: enteLinks('ente.io'),
					downloads: enteDownloads('ente.io'),
					notes: [
						{
							kind: 'paragraph',
							text: "Ente Photos a fait l'objet d'un audit par Cure53 en mars 2023 et par Fallible en avril 2023.",
							links: oldAudits('ente.io'),
						},
					],
					line: 17,
				},
				{
					name: 'PhotoPrism',
					heading: ['PhotoPrism'],
					summary: PHOTOPRISM_SUMMARY_2025_07,
					summaryLinks: [{label: 'features', url: 'https://photoprism.app/features'}],
					links: photoPrismLinks,
					downloads: [{label: 'GitHub', icon: 'simple-github', url: 'https://github.com/photoprism'}],
					notes: [],
					line: 50,
				},
			],
			criteria: oneGroup(
				'Critères',
				70,
				[
					'Cloud-hosted providers must enforce E2EE.',
					"Doit avoir une offre gratuite ou une période d'essai pour les tests.",
					'Must support TOTP or FIDO2 multifactor authentication, or passkey logins.',
					'Doit offrir une interface web prennant en charge les fonctionnalités de base de gestion des fichiers.',
					"Doit permettre d'exporter facilement tous les fichiers/documents.",
					'Doit être open-source.',
				],
				BEST_CASE_EN,
			),
		});
	});

	it('photo-management.fr.2026-06-17.md (full French translation, ente.com links, "Ent Photos" typo)', () => {
		expect(importFile(`${SOURCES}/photo-management.fr.2026-06-17.md`)).toEqual({
			title: 'Gestion des photos',
			description:
				'Ces outils de gestion de photos vous permettent de protéger vos photos des regards indiscrets des ' +
				'fournisseurs de cloud et autres intermédiaires non-autorisés.',
			lang: 'fr',
			pagePath: 'photo-management',
			url: `${PG}/fr/photo-management/`,
			threats: [
				{
					label: 'Attaque Passive',
					url: `${PG}/fr/basics/common-threats/#security-and-privacy`,
					icon: 'material-bug-outline',
				},
				{
					label: 'Fournisseurs de Services',
					url: `${PG}/fr/basics/common-threats/#privacy-from-service-providers`,
					icon: 'material-server-network',
				},
			],
			intro:
				'La majorité des gestionnaires de photos comme Google Photo, Flickr et Amazon Photo ne protègent pas vos ' +
				"photos contre le fait d'être accessible au fournisseur de cloud lui-même. Les options proposées ci-dessous " +
				'préservent la confidentialité de vos photos personnelles, tout en vous permettant de ne les partager ' +
				"qu'avec votre famille et des personnes de confiance.",
			tools: [
				{
					name: 'Ente Photos',
					heading: ['Ente Photos'],
					summary:
						'Ent Photos est un service de sauvegarde de photo chiffré de bout-en-bout qui vous permet de sauvegarder ' +
						'automatiquement vos photos sur iOS et Android. Le code est entièrement open-source, côté client et côté serveur. ' +
						"Il est également possible de l'auto-héberger.\n\nLe plan gratuit offre 10 Go de stockage à condition que vous " +
						'utilisiez le service au moins une fois par an.',
					summaryLinks: enteSelfHostLink("l'auto-héberger"),
					links: enteLinks('ente.com'),
					downloads: enteDownloads('ente.com'),
					notes: [
						{
							kind: 'paragraph',
							text:
								"Le code source côté serveur et l'infrastructure sur lesquels repose Ente Photos ont fait l'objet d'un " +
								'audit réalisé par Cure53 en octobre 2025. Les audits précédents ont été réalisés par Cure53 en mars 2023 et ' +
								'par Fallible en avril 2023.',
							links: [{label: 'Cure53', url: 'https://ente.com/blog/cern-audit'}, ...oldAudits('ente.com')],
						},
					],
					line: 17,
				},
			],
			criteria: oneGroup(
				'Critères',
				48,
				[
					'Les services basés sur un cloud doivent être chiffrés de bout-en-bout.',
					"Doit avoir une offre gratuite ou une période d'essai.",
					"Doit être compatible avec l'authentification multifactorielle TOTP ou FIDO2, ou la connexion par passkey.",
					'Doit avoir une interface web prenant en charge les fonctionnalités de base de gestion des fichiers.',
					"Doit permettre d'exporter facilement tous les fichiers/documents.",
					'Doit être open-source.',
				],
				["Devrait avoir publié un rapport d'audit provenant d'un organisme indépendant réputé."],
			),
		});
	});

	const nextcloudDownloads = [
		{
			label: 'Google Play',
			icon: 'simple-googleplay',
			url: 'https://play.google.com/store/apps/details?id=com.nextcloud.client',
		},
		{label: 'App Store', icon: 'simple-appstore', url: 'https://apps.apple.com/app/id1125420102'},
		{label: 'GitHub', icon: 'simple-github', url: 'https://github.com/nextcloud/android/releases'},
		{label: 'Windows', icon: 'fontawesome-brands-windows', url: 'https://nextcloud.com/install/#install-clients'},
		{label: 'macOS', icon: 'simple-apple', url: 'https://nextcloud.com/install/#install-clients'},
		{label: 'Linux', icon: 'simple-linux', url: 'https://nextcloud.com/install/#install-clients'},
	];
	const freedomBoxLinks = {
		homepage: 'https://freedombox.org',
		documentation: 'https://wiki.debian.org/FreedomBox/Manual',
		sourceCode: 'https://salsa.debian.org/freedombox-team/freedombox',
		contribute: 'https://freedomboxfoundation.org/donate',
	};
	const nextcloudLinks = {
		homepage: 'https://nextcloud.com',
		privacyPolicy: 'https://nextcloud.com/privacy',
		documentation: 'https://nextcloud.com/support',
		sourceCode: 'https://github.com/nextcloud',
		contribute: 'https://nextcloud.com/contribute',
	};
	const sbc = 'https://en.wikipedia.org/wiki/Single-board_computer';
	const e2eeApp = 'https://apps.nextcloud.com/apps/end_to_end_encryption';

	it("self-hosting-file-management.en.2025-09-14.md (PhotoPrism's new home, no criteria)", () => {
		expect(importFile(`${SOURCES}/self-hosting-file-management.en.2025-09-14.md`)).toEqual({
			title: 'File Management',
			description:
				'For our more technical readers, self-hosting file management tools can provide additional privacy ' +
				'assurances by having maximum control over your data.',
			lang: 'en',
			pagePath: 'self-hosting/file-management',
			url: `${PG}/en/self-hosting/file-management/`,
			threats: [
				{
					label: 'Service Providers',
					url: `${PG}/en/basics/common-threats/#privacy-from-service-providers`,
					icon: 'material-server-network',
				},
			],
			intro:
				'Self-hosting your own file management tools may be a good idea to reduce the risk of encryption flaws in ' +
				"a cloud provider's native clients.",
			tools: [
				{
					name: 'PhotoPrism',
					heading: ['Photo Management', 'PhotoPrism'],
					summary:
						'PhotoPrism is a platform for managing photos. It supports album syncing and sharing as well as a variety ' +
						"of other features. It does not include end-to-end encryption, so it's best hosted on a server that you trust " +
						'and is under your control.',
					summaryLinks: [{label: 'features', url: 'https://photoprism.app/features'}],
					links: photoPrismLinks,
					downloads: [],
					notes: [],
					line: 18,
				},
				{
					name: 'FreedomBox',
					heading: ['File Sharing and Sync', 'FreedomBox'],
					summary:
						'FreedomBox is an operating system designed to be run on a single-board computer (SBC). The purpose is ' +
						'to make it easy to set up server applications for use cases like sharing files.',
					summaryLinks: [{label: 'single-board computer (SBC)', url: sbc}],
					links: freedomBoxLinks,
					downloads: [],
					notes: [],
					line: 35,
				},
				{
					name: 'Nextcloud',
					heading: ['File Sharing and Sync', 'Nextcloud'],
					summary:
						'Nextcloud is a suite of free and open-source client-server software for creating your own file hosting ' +
						'services on a private server you control.',
					summaryLinks: [],
					links: nextcloudLinks,
					downloads: nextcloudDownloads,
					notes: [
						{
							kind: 'danger',
							title: 'Danger',
							text:
								"We don't recommend using the E2EE App for Nextcloud as it may lead to data loss; it is highly " +
								"experimental and not production quality. For this reason, we don't recommend third-party Nextcloud providers.",
							links: [{label: 'E2EE App', url: e2eeApp}],
						},
					],
					line: 50,
				},
			],
			criteria: {minimum: [], bestCase: [], groups: []},
		});
	});

	it('self-hosting-file-management.fr.md', () => {
		const page = importFile(`${SOURCES}/self-hosting-file-management.fr.md`);
		expect(page).toEqual({
			title: 'Gestion des fichiers',
			description:
				'Pour nos lecteurs les plus avancés, autohéberger ses outils de gestion de fichier peut permettre ' +
				"d'atteindre un niveau de confidentialité plus élevé en permettant d'avoir un contrôle maximal sur vos données.",
			lang: 'fr',
			pagePath: 'self-hosting/file-management',
			url: `${PG}/fr/self-hosting/file-management/`,
			threats: [
				{
					label: 'Fournisseurs de services',
					url: `${PG}/fr/basics/common-threats/#privacy-from-service-providers`,
					icon: 'material-server-network',
				},
			],
			intro:
				"L'auto-hébergement d'outils de gestion de fichiers peut permettre de réduire les risques liés aux défauts " +
				"de chiffrement dans les clients natifs d'un fournisseur de cloud.",
			tools: [
				{
					name: 'PhotoPrism',
					heading: ['Gestion des photos', 'PhotoPrism'],
					summary:
						'PhotoPrism est une plateforme pour gérer vos photos. Elle permet de synchroniser et partager des albums ' +
						"ainsi que beaucoup d'autres fonctionnalités. Le chiffrement de bout-en-bout n'est pas inclus, il est donc " +
						"préférable de l'héberger sur un serveur de confiance que vous contrôlez vous-même.",
					summaryLinks: [{label: 'fonctionnalités', url: 'https://photoprism.app/features'}],
					links: photoPrismLinks,
					downloads: [],
					notes: [],
					line: 19,
				},
				{
					name: 'FreedomBox',
					heading: ['Partage et synchronisation de fichiers', 'FreedomBox'],
					summary:
						"FreedomBox est un système d'exploitation conçu pour fonctionner sur un ordinateur à carte unique " +
						"(Single Board Computer ou SBC en anglais). Son objectif est de simplifier l'installation d'applications " +
						'serveurs pour des utilisations telles que le partage de documents.',
					summaryLinks: [{label: 'ordinateur à carte unique (Single Board Computer ou SBC en anglais)', url: sbc}],
					links: freedomBoxLinks,
					downloads: [],
					notes: [],
					line: 36,
				},
				{
					name: 'Nextcloud',
					heading: ['Partage et synchronisation de fichiers', 'Nextcloud'],
					summary:
						'Nextcloud est une suite de logiciels client-serveur gratuits et open-source permettant de créer votre ' +
						"propre service d'hébergement de fichiers sur un serveur que vous contrôlez.",
					summaryLinks: [],
					links: nextcloudLinks,
					// `<details class="downloads" markdown><summary>…</summary>` on one line here.
					downloads: nextcloudDownloads,
					notes: [
						{
							kind: 'danger',
							title: 'Danger',
							text:
								"Nous ne recommandons pas l'utilisation de l'application E2EE pour Nextcloud car elle peut entraîner une " +
								"perte de données ; elle est hautement expérimentale et n'est pas de qualité de production. C'est pour cela " +
								"que nous ne recommandons pas d'utiliser les fournisseurs intermédiaires de Nextcloud.",
							links: [{label: "l'application E2EE", url: e2eeApp}],
						},
					],
					line: 51,
				},
			],
			criteria: {minimum: [], bestCase: [], groups: []},
		});
	});

	it('PhotoPrism of the starting revision has the same links as on the self-hosting page; only text, downloads, heading differ', () => {
		const tool = (page: ImportedPage): ImportedTool => {
			const found = page.tools.find((t) => t.links.homepage === 'https://photoprism.app');
			if (!found) throw new Error('PhotoPrism not found');
			return found;
		};
		const before = tool(importFile(`${SOURCES}/photo-management.fr.2025-07-23.md`));
		const after = tool(importFile(`${SOURCES}/self-hosting-file-management.en.2025-09-14.md`));
		expect(before.name).toBe(after.name);
		expect(before.links).toEqual(after.links);
		expect(before.summaryLinks).toEqual(after.summaryLinks);
		// What differs: the old card had a GitHub download list, the new one has none; the wording
		// ("self-hostable platform", "E2EE" → "platform", "end-to-end encryption"); the heading path.
		expect(before.downloads).toEqual([{label: 'GitHub', icon: 'simple-github', url: 'https://github.com/photoprism'}]);
		expect(after.downloads).toEqual([]);
		expect(before.summary).not.toBe(after.summary);
		expect(before.heading).toEqual(['PhotoPrism']);
		expect(after.heading).toEqual(['Photo Management', 'PhotoPrism']);
	});

	it('the same page in two languages imports to the same structure (links, icons, anchors)', () => {
		const en = importFile(`${SOURCES}/photo-management.en.2025-11-05.md`);
		const fr = importFile(`${SOURCES}/photo-management.fr.2026-06-17.md`);
		const shape = (page: ImportedPage) => ({
			threats: page.threats.map((t) => t.url.replace(`/${page.lang}/`, '/LANG/')),
			tools: page.tools.map((t) => ({
				linkKeys: Object.keys(t.links),
				icons: t.downloads.map((d) => d.icon),
				notes: t.notes.map((n) => [n.kind, n.links.length]),
			})),
			criteria: [page.criteria.minimum.length, page.criteria.bestCase.length],
		});
		expect(shape(fr)).toEqual(shape(en));
	});

	it('common-threats.en.md and criteria.en.md are not category pages: they import to pages with no tools', () => {
		const threats = importFile(`${SOURCES}/common-threats.en.md`);
		expect(threats).toMatchObject({
			title: 'Common Threats',
			lang: 'en',
			pagePath: 'basics/common-threats',
			url: `${PG}/en/basics/common-threats/`,
			threats: [],
			tools: [],
			criteria: {minimum: [], bestCase: [], groups: []},
		});
		expect(
			threats.intro.startsWith('Broadly speaking, we categorize our recommendations into the threats or goals'),
		).toBe(true);
		expect(threats.intro).toContain('You may be concerned with none, one, a few, or all of these possibilities, and');
		// The French page (Privacy Guides' own French terms for the threats, used by the generator).
		expect(importFile(`${SOURCES}/common-threats.fr.md`)).toMatchObject({
			title: 'Menaces courantes',
			lang: 'fr',
			pagePath: 'basics/common-threats',
			url: `${PG}/fr/basics/common-threats/`,
			threats: [],
			tools: [],
		});

		expect(importFile(`${SOURCES}/criteria.en.md`)).toEqual({
			title: 'General Criteria',
			description: 'A list of general priorities we consider for all submissions to Privacy Guides.',
			lang: 'en',
			pagePath: 'about/criteria',
			url: `${PG}/en/about/criteria/`,
			threats: [],
			intro:
				'Below are some general priorities we consider for all submissions to Privacy Guides. Each category will ' +
				'have additional requirements for inclusion.',
			tools: [],
			criteria: {minimum: [], bestCase: [], groups: []},
		});
	});

	it('is deterministic and its output passes the schema', () => {
		for (const name of readdirSync(SOURCES).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
			const first = JSON.stringify(importFile(join(SOURCES, name)));
			const second = JSON.stringify(importFile(join(SOURCES, name)));
			expect(second).toBe(first);
			expect(importedPageSchema.safeParse(JSON.parse(first)).success).toBe(true);
		}
	});
});

describe('fixtures the importer was not tuned on', () => {
	it('Hebrew (right-to-left) translation of photo-management', () => {
		const page = importFile(`${FIXTURES}/photo-management.he.md`);
		expect(page.lang).toBe('he');
		expect(page.pagePath).toBe('photo-management');
		expect(page.url).toBe(`${PG}/he/photo-management/`);
		expect(page.title).toBe('ניהול תמונות');
		expect(page.threats).toEqual([
			{
				label: 'התקפות פסיביות',
				url: `${PG}/he/basics/common-threats/#security-and-privacy`,
				icon: 'material-bug-outline',
			},
			{
				label: 'ספקי שירות',
				url: `${PG}/he/basics/common-threats/#privacy-from-service-providers`,
				icon: 'material-server-network',
			},
		]);
		// U+200F (right-to-left mark) before "Flickr" is kept untouched.
		expect(page.intro).toBe(
			'רוב פתרונות ניהול התמונות בענן כמו Google Photos, \u200fFlickr ו-Amazon Photos אינם מגנים ' +
				'על התמונות שלך מפני גישה של ספק האחסון עצמו. האפשרויות האלה שומרות על פרטיות התמונות שלך.',
		);
		expect(page.tools.map((t) => t.name)).toEqual(['Ente Photos', 'PhotoPrism']);
		const [ente, photoprism] = page.tools as [ImportedTool, ImportedTool];
		expect(ente.links).toEqual(enteLinks('ente.io'));
		expect(ente.downloads.map((d) => d.icon)).toEqual(enteDownloads('ente.io').map((d) => d.icon));
		expect(ente.downloads[3]).toEqual({label: 'אנדרואיד', icon: 'simple-android', url: 'https://ente.io/download'});
		expect(ente.downloads[7]).toEqual({label: 'דפדפן', icon: 'octicons-browser-16', url: 'https://web.ente.io'});
		expect(ente.summaryLinks).toEqual(enteSelfHostLink('לארח אותו בעצמך'));
		expect(ente.notes).toEqual([
			{
				kind: 'paragraph',
				text: 'Ente Photos עברה ביקורת על ידי Cure53 במרץ 2023 ועל ידי Fallible באפריל 2023.',
				links: oldAudits('ente.io'),
			},
		]);
		expect(ente.line).toBe(17);
		expect(photoprism.links).toEqual(photoPrismLinks); // title=תיעוד without quotes
		expect(photoprism.summaryLinks).toEqual([{label: 'תכונות', url: 'https://photoprism.app/features'}]);
		expect(page.criteria).toEqual(
			oneGroup(
				'קריטריונים',
				70,
				[
					'ספקים המתארחים בענן חייבים לאכוף הצפנה מקצה לקצה.',
					'חייב להציע תוכנית חינמית או תקופת ניסיון.',
					'חייב להיות קוד פתוח.\u200f',
				],
				['צריך להיות בעל ביקורת שפורסמה מצד שלישי בלתי תלוי ובעל מוניטין.'],
			),
		);
	});

	it('Traditional Chinese page in an i18n/zh-Hant/ tree', () => {
		const page = importFile(`${FIXTURES}/i18n/zh-Hant/self-hosting/file-management.md`);
		expect(page).toMatchObject({
			title: '檔案管理',
			description: '對於較具技術背景的讀者，自行託管檔案管理工具可以讓你完全掌控自己的資料。',
			lang: 'zh-Hant',
			pagePath: 'self-hosting/file-management',
			url: `${PG}/zh-Hant/self-hosting/file-management/`,
			threats: [
				{
					label: '服務提供商',
					url: `${PG}/zh-Hant/basics/common-threats/#privacy-from-service-providers`,
					icon: 'material-server-network',
				},
			],
			intro: '自行託管檔案管理工具，可以降低雲端供應商原生客戶端加密缺陷的風險。',
			criteria: {minimum: [], bestCase: [], groups: []},
		});
		expect(page.tools.map((t) => [t.name, t.heading, t.line])).toEqual([
			['PhotoPrism', ['照片管理', 'PhotoPrism'], 18],
			['Nextcloud', ['檔案分享與同步', 'Nextcloud'], 35],
		]);
		expect(page.tools[0]!.links).toEqual(photoPrismLinks);
		expect(page.tools[1]!.links).toEqual({
			homepage: 'https://nextcloud.com',
			sourceCode: 'https://github.com/nextcloud',
			contribute: 'https://nextcloud.com/contribute',
		});
		expect(page.tools[1]!.notes).toEqual([
			{
				kind: 'danger',
				title: '危險',
				text: '我們不建議使用 Nextcloud 的 E2EE 應用程式，因為它可能導致資料遺失。另見我們的雲端儲存建議。',
				links: [
					{label: 'E2EE 應用程式', url: 'https://apps.nextcloud.com/apps/end_to_end_encryption'},
					{label: '我們的雲端儲存建議', url: `${PG}/zh-Hant/cloud/#criteria`},
				],
			},
		]);
	});

	it('a cloud.md-like category page in a docs/ tree', () => {
		const page = importFile(`${FIXTURES}/docs/cloud.md`);
		expect(page.title).toBe('Cloud Storage');
		expect(page.pagePath).toBe('cloud');
		expect(page.lang).toBe('en');
		expect(page.threats.map((t) => t.url)).toEqual([
			`${PG}/en/basics/common-threats/#privacy-from-service-providers`,
			`${PG}/en/basics/common-threats/#mass-surveillance-programs`,
			`${PG}/en/basics/common-threats/#surveillance-as-a-business-model`,
		]);
		// The <details class="TYPE"> block in the intro region is not intro text.
		expect(page.intro).toBe(
			'Many cloud storage providers require your full trust that they will not look at your ' +
				'files. The alternatives below use E2EE.\n\nIf none of these fit, use encryption software like Cryptomator with ' +
				'another provider.',
		);
		expect(page.tools.map((t) => [t.name, t.heading, t.line])).toEqual([
			['Proton Drive', ['Proton Drive'], 27],
			['Tresorit', ['Tresorit'], 57],
			['Peergos', ['Peergos'], 79],
			// Two cards under one heading: names come from the bold text (** and __).
			['Filen', ['Other Providers'], 117],
			['Internxt', ['Other Providers'], 133],
		]);
		const [proton, tresorit, peergos, filen, internxt] = page.tools;

		expect(proton).toEqual({
			name: 'Proton Drive',
			heading: ['Proton Drive'],
			summary: 'Proton Drive is an encrypted cloud storage provider from Proton Mail. The free plan has 5\u00a0GB.',
			summaryLinks: [{label: 'Proton Mail', url: `${PG}/en/email/#proton-mail`}],
			links: {
				homepage: 'https://proton.me/drive', // { class="md-button md-button--primary" } form
				privacyPolicy: 'https://proton.me/legal/privacy',
				documentation: 'https://proton.me/support/drive',
				sourceCode: 'https://github.com/ProtonMail/WebClients',
			},
			downloads: [
				{
					label: 'Google Play',
					icon: 'simple-googleplay',
					url: 'https://play.google.com/store/apps/details?id=me.proton.android.drive',
				},
				{label: 'App Store', icon: 'simple-appstore', url: 'https://apps.apple.com/app/id1509667851'},
				{label: 'Windows', icon: 'fontawesome-brands-windows', url: 'https://proton.me/drive/download'},
				{label: 'macOS', icon: 'simple-apple', url: 'https://proton.me/drive/download'},
			],
			notes: [
				{
					kind: 'paragraph',
					text: 'The web application was audited by Securitum in 2021.',
					links: [{label: '2021', url: 'https://proton.me/community/open-source'}],
				},
				{kind: 'paragraph', text: 'The mobile clients have not been audited yet.', links: []},
			],
			line: 27,
		});

		expect(tresorit!.notes).toEqual([
			{kind: 'paragraph', text: 'Tresorit has received independent security audits:', links: []},
			{
				kind: 'list',
				text:
					'- 2021: Penetration Testing by Computest\n  - This review covered the web client and the Android app.\n' +
					'- 2019: Review by Ernst & Young.',
				links: [
					{label: '2021', url: 'https://tresorit.com/blog/fresh-penetration-testing-confirms-tresorit-security'},
					{label: '2019', url: 'https://tresorit.com/blog/ernst-young-review-verifies-tresorits-security-architecture'},
				],
			},
			{
				kind: 'footnote',
				title: '1',
				text: "ISO/IEC 27001 relates to the company's security management.",
				links: [{label: 'ISO/IEC 27001', url: 'https://en.wikipedia.org/wiki/ISO/IEC_27001'}],
			},
		]);
		expect(tresorit!.downloads).toEqual([]);

		expect(peergos!.summary).toBe(
			'Peergos is a decentralized platform for storage. It is built on top of IPFS ' +
				'(InterPlanetary File System).\n\n- Quantum-resistant end-to-end encryption.\n- Self-hostable server.',
		);
		// Unknown card-link icon → camelCased icon name, never the (translatable) title.
		expect(peergos!.links).toEqual({
			homepage: 'https://peergos.org',
			sourceCode: 'https://github.com/Peergos/Peergos',
			simpleTorbrowser: 'http://peergos.example.onion',
		});
		expect(peergos!.downloads.map((d) => d.icon)).toEqual(['octicons-globe-16', 'simple-linux']);
		expect(peergos!.notes.map((n) => [n.kind, n.title, n.text])).toEqual([
			['paragraph', undefined, 'Peergos was audited by Cure53 in September 2019.'],
			['warning', 'Mobile app', 'The Android app is in the works; use the PWA meanwhile.'],
			['footnote', '2', 'All issues found were fixed.'],
		]);

		expect(filen!.links).toEqual({homepage: 'https://filen.io', contribute: 'https://filen.io/donate'});
		expect(filen!.notes).toEqual([
			{
				kind: 'note',
				title: 'Why Filen?',
				text: 'See our criteria and the overview.',
				links: [
					{label: 'our criteria', url: `${PG}/en/cloud/#criteria`},
					{label: 'the overview', url: `${PG}/en/`},
				],
			},
		]);
		expect(internxt!.summary).toBe('Internxt offers encrypted storage based in Spain.');

		expect(page.criteria).toEqual(
			oneGroup(
				'Criteria',
				141,
				[
					'Must enforce end-to-end encryption.',
					'Must offer a free plan or trial period for testing.',
					'Must support TOTP or FIDO2 multi-factor authentication, or passkey logins.',
				],
				[
					'Clients should be open source.',
					'Should offer native clients for Linux, Android, Windows, macOS, and iOS.\n' +
						'- These clients should integrate with native OS tools for cloud storage providers.',
					'Should support easy file-sharing with other users.',
				],
			),
		);
	});
});

describe('broken pages: clear error with file and line, never a half dataset', () => {
	const cases: [string, number, string][] = [
		['no-front-matter.md', 1, 'no front matter'],
		['unclosed-front-matter.md', 1, 'unclosed front matter'],
		['no-title.md', 1, 'front matter has no title'],
		['unclosed-card.md', 16, 'unclosed recommendation card <div>: heading at line 46'],
		['card-without-primary-button.md', 49, 'recommendation card has no primary button'],
		['second-primary-button.md', 25, 'second primary button'],
		['downloads-outside-card.md', 30, 'download list <details class="downloads"> outside a recommendation card'],
		['unclosed-details.md', 29, 'unclosed download list <details class="downloads">: </div> at line 42'],
		['javascript-link.md', 24, 'unsupported scheme "javascript:"'],
		['data-link.md', 18, 'unsupported scheme "data:"'],
		['download-without-icon.md', 35, 'download link has no :icon: shortcode'],
		['threat-list-missing.md', 7, 'threat list expected right after the <small>'],
		['card-without-name.md', 48, 'recommendation card has no name'],
		['stray-close-div.md', 45, '</div> without a matching <div>'],
		['unclosed-attribute-list.md', 24, 'unclosed attribute list'],
		['criteria-without-list.md', 82, 'criteria subsection has no bullet list'],
		// A translated page with a tolerated slip (a Crowdin placeholder) and a real break: the break wins.
		[
			'i18n-placeholder-unclosed-downloads.md',
			30,
			'unclosed download list <details class="downloads">: </div> at line 42 comes before its </details>',
		],
	];

	it('has a test for every broken fixture', () => {
		expect(readdirSync(`${FIXTURES}/broken`).sort()).toEqual(cases.map(([name]) => name).sort());
	});

	for (const [name, line, message] of cases) {
		it(`${name} → line ${line}: ${message}`, () => {
			const path = `${FIXTURES}/broken/${name}`;
			const error = importError(path);
			expect(error.file).toBe(path);
			expect(error.line).toBe(line);
			expect(error.detail).toContain(message);
			expect(error.message).toBe(`${path}:${line}: ${error.detail}`);
		});
	}

	const page = (body: string) => `---\ntitle: T\n---\n${body}`;
	const parse = (markdown: string) =>
		parsePrivacyGuidesPage(markdown, {file: 'x.md', lang: 'en', pagePath: 'photo-management'});
	const card = (inner: string) =>
		`## Tool\n\n<div class="admonition recommendation" markdown>\n\n**Tool** does things.\n\n${inner}\n\n</div>\n`;
	const primary = '[:octicons-home-16: Homepage](https://tool.example){ .md-button .md-button--primary }';

	it.each([
		[
			'a link with a vbscript: scheme in a note',
			page(`${card(primary)}\nSee [this](VBScript:msgbox(1)).\n`),
			14,
			'unsupported scheme "vbscript:"',
		],
		[
			'a javascript: scheme hidden by a tab',
			page(`${card(primary)}\nSee [this](<java\tscript:alert(1)>).\n`),
			14,
			'unsupported scheme',
		],
		[
			'a raw HTML link with javascript:',
			page(`${card(primary)}\nSee <a href="javascript:alert(1)">this</a>.\n`),
			14,
			'unsupported scheme',
		],
		['a relative link above the site root', page(`Intro [x](../../x.md).\n`), 4, 'goes above the site root'],
		['a protocol-relative link', page(`Intro [x](//evil.example/x).\n`), 4, 'protocol-relative'],
		[
			'a card nested in a card',
			page(
				`<div class="admonition recommendation" markdown>\n\n<div class="admonition recommendation" markdown>\n\n**T** x\n\n${primary}\n\n</div>\n`,
			),
			4,
			'another card starts at line 6',
		],
		[
			'a heading inside an open admonition',
			page('<div class="admonition note" markdown>\n\nText\n\n## Next\n'),
			4,
			'heading at line 8 comes before its </div>',
		],
		[
			'an unclosed <small>',
			page('<small>Protects against:\n\n- [a](basics/common-threats.md#x){ .pg-red }\n'),
			4,
			'unclosed <small>',
		],
		[
			'a threat item without { .pg-COLOUR }',
			page('<small>P:</small>\n\n- [:material-x: A](basics/common-threats.md#x)\n'),
			6,
			'no { .pg-COLOUR }',
		],
		[
			'a card link without an icon',
			page(card(`${primary}\n[Docs](https://tool.example/docs){ .card-link title="Docs" }`)),
			11,
			'card link has no :icon:',
		],
		[
			'an empty download list',
			page(card(`${primary}\n\n<details class="downloads" markdown>\n<summary>D</summary>\n</details>`)),
			12,
			'download list is empty',
		],
		[
			'a download list item that is not a link',
			page(
				card(`${primary}\n\n<details class="downloads" markdown>\n<summary>D</summary>\n\n- Google Play\n\n</details>`),
			),
			15,
			'exactly one link',
		],
		[
			'a criteria section with three subsections',
			page(`## Criteria\n\nSee [criteria](about/criteria.md).\n\n### A\n\n- a\n\n### B\n\n- b\n\n### C\n\n- c\n`),
			4,
			'must have one or two lists (minimum requirements, then best case)',
		],
		['an unclosed code fence', page('```\ncode\n'), 4, 'unclosed code fence'],
		[
			'an unclosed <details> at the end of the file',
			page('<details class="note" markdown>\n<summary>N</summary>\n\nText\n'),
			4,
			'no </details> before the end of the file',
		],
	])('%s', (_name, markdown, line, message) => {
		let caught: unknown;
		try {
			parse(markdown);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(ImportError);
		expect((caught as ImportError).line).toBe(line);
		expect((caught as ImportError).detail).toContain(message);
	});
});
describe('pageKindOf: which reader a page path is for', () => {
	it('gives the common-threats and general-criteria pages their own readers, every other page the category one', () => {
		expect(
			[
				'basics/common-threats',
				'basics/common-threats.md',
				'about/criteria',
				'/about/criteria/',
				'photo-management',
				'os/index',
				'basics/threat-modeling',
				'',
			].map(pageKindOf),
		).toEqual(['threats', 'threats', 'criteria', 'criteria', 'category', 'category', 'category', 'category']);
	});
});

describe('parse.ts: the readers composed, in page order', () => {
	const options = {file: 'x.md', lang: 'en', pagePath: 'photo-management'};
	const card =
		'## Tool\n\n<div class="admonition recommendation" markdown>\n\n**Tool** does things.\n\n' +
		'[:octicons-home-16: H](https://t.example){ .md-button .md-button--primary }\n\n</div>\n';
	const message = (markdown: string, opts = options) => {
		try {
			parsePrivacyGuidesPage(markdown, opts);
		} catch (error) {
			if (error instanceof ImportError) return error.message;
			throw error;
		}
		return 'no error';
	};

	it('outputs an index page given as os/index as os, its links resolved from os/ (from the former inline tests)', () => {
		const index = parsePrivacyGuidesPage(
			'---\ntitle: T\n---\n<small>P</small>\n\n- [A](../basics/x.md){ .pg-red }\n- [B](y.md){ .pg-red }\n',
			{file: 'x.md', lang: 'en', pagePath: 'os/index'},
		);
		expect(index.pagePath).toBe('os');
		expect(index.url).toBe(`${PG}/en/os/`);
		expect(index.threats.map((t) => t.url)).toEqual([`${PG}/en/basics/x/`, `${PG}/en/os/y/`]);
	});

	it('reads a page with a BOM and CRLF line ends with the same line numbers', () => {
		const page = `---\ntitle: T\n---\n${card}`;
		const crlf = parsePrivacyGuidesPage(`\uFEFF${page.replace(/\n/g, '\r\n')}`, options);
		expect(crlf).toEqual(parsePrivacyGuidesPage(page, options));
		expect(crlf.tools[0]?.line).toBe(6);
	});

	it('reports the first problem in reading order: text, front matter, options, title, blocks, then the model', () => {
		expect(message('---\u0000', {...options, lang: 'English'})).toBe('x.md:1: NUL character: not a text file');
		expect(message('# No front matter', {...options, lang: 'English'})).toMatch(/^x\.md:1: no front matter/);
		expect(message('---\n---\n```\n', {...options, lang: 'English'})).toBe('x.md:1: invalid language code "English"');
		expect(message('---\n---\n```\n', {...options, pagePath: 'a b'})).toBe('x.md:1: invalid page path "a b"');
		expect(message('---\n---\n```\n')).toBe('x.md:1: front matter has no title: not a Privacy Guides page');
		expect(message('---\ntitle: T\n---\n<small>P</small>\n\n```\n')).toBe('x.md:6: unclosed code fence ```');
		expect(message(`---\ntitle: T\n---\n<small>P</small>\n\n${card}`)).toBe(
			'x.md:4: threat list expected right after the <small>…</small> line',
		);
	});

	it('checks its output against the schema, naming the field', () => {
		expect(message(`---\ntitle: T\n---\n${card}\n<div class="admonition 1st" markdown>\nNote\n</div>\n`)).toMatch(
			/^x\.md:1: output failed validation at tools\.0\.notes\.0\.kind: /,
		);
	});
});
