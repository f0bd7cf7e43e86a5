/**
 * The popup and the full comparison in a real browser (issue "The toolbar popup and the full
 * comparison"): content, links, the preference, the language, and axe-core in light and dark.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {describe, expect, test} from 'vitest';
import type {ExtensionSession} from '../../../scripts/browser/browsers';
import {axeViolations, setTheme} from '../../../scripts/browser/axe';
import {waitForBannerHost} from '../../../scripts/browser/banner';
import {REPO} from '../../../scripts/browser/paths';
import {useSession} from './session';
import {poll} from '../../../scripts/browser/wait';

type Localized = {en: string; fr?: string};
type By =
	| {by: 'privacyguides'; pages: string[]}
	| {by: 'provider'; name: string; url: string}
	| {by: 'project'; date: string; searched: string[]};
type Dataset = {
	tools: Array<{
		id: string;
		name: string;
		kind: string;
		downloads: Array<{platform: string; url: string}>;
		recommendedOn: Localized;
		verdicts: {by: By};
	}>;
	criteria: Array<{id: string; text: Localized}>;
	evaluations: Array<{tool: string; criterion: string; verdict: string; reason: Localized; by: By}>;
	services: Array<{
		id: string;
		name: Localized;
		provider: string;
		export: {url?: string};
		import: Record<string, {url?: string}>;
	}>;
	sources: Array<{id: string; pagePath: string; lang: string; url: string}>;
};
const dataset = JSON.parse(readFileSync(path.join(REPO, 'src/data/dataset.json'), 'utf8')) as Dataset;
const messages = (lang: string) =>
	JSON.parse(readFileSync(path.join(REPO, `locales/${lang}/messages.json`), 'utf8')) as Record<
		string,
		{message: string}
	>;
const loc = (text: Localized, lang: 'en' | 'fr') => (lang === 'fr' ? (text.fr ?? text.en) : text.en);
/** Where a claim's source link goes (as src/ui/attribution.ts): the Privacy Guides page in `lang`, the provider's page, or the first page we checked. */
function sourceHref(by: By, lang: 'en' | 'fr'): string | undefined {
	if (by.by === 'provider') return by.url;
	if (by.by === 'project') return by.searched[0];
	const pages = dataset.sources.filter((page) => by.pages.includes(page.id));
	return (pages.find((page) => page.lang === lang) ?? pages.find((page) => page.lang === 'en'))?.url;
}

/** Every external link: https, new tab, no opener, no referrer. */
async function checkLinks(page: Page): Promise<number> {
	const links = await page.$$eval('a[href^="http"]', (anchors) =>
		anchors.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')] as const),
	);
	for (const [href, target, rel] of links) {
		expect(href, String(href)).toMatch(/^https:\/\//);
		expect(target, String(href)).toBe('_blank');
		expect(rel, String(href)).toBe('noopener noreferrer');
	}
	return links.length;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		const violations = await axeViolations(page);
		expect(violations, `${what}, ${theme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
	}
}

export function adviceSuite(name: string, launch: () => Promise<ExtensionSession>, lang: 'en' | 'fr' = 'en') {
	const m = messages(lang);
	const msg = (key: string, ...subs: string[]) => m[key]!.message.replace(/\$[A-Z_]+\$/g, () => subs.shift() ?? '');
	const google = dataset.services.find((service) => service.id === 'google-photos')!;

	describe(name, () => {
		const s = useSession(launch);

		test('popup over Google Photos: the service, the alternatives with every criterion and its source, how to move', async () => {
			const site = await s().openSite('https://photos.google.com/');
			await waitForBannerHost(site.page);
			const popup = await s().openPopup(site);
			expect(await popup.$eval('h1', (h) => h.textContent)).toBe(
				msg('popupDetected', loc(google.name, lang), google.provider),
			);
			// The details are one click away (the popup's first screen is the pick and the move: see move.e2e.test.ts).
			await popup.click('details.more > summary');
			expect(
				await popup.$$eval('article[data-tool]', (cards) => cards.map((c) => c.getAttribute('data-tool'))),
			).toEqual(['ente-photos', 'photoprism']);
			for (const tool of dataset.tools) {
				const rows = await popup.$$eval(`article[data-tool="${tool.id}"] li[data-criterion]`, (items) =>
					items.map((li) => [
						li.getAttribute('data-criterion'),
						li.getAttribute('data-verdict'),
						li.querySelector('a')?.getAttribute('href'),
					]),
				);
				const expected = dataset.criteria.map((c) => {
					const e = dataset.evaluations.find((ev) => ev.tool === tool.id && ev.criterion === c.id)!;
					return [c.id, e.verdict, sourceHref(e.by, lang)];
				});
				expect(rows.sort(), tool.id).toEqual(expected.sort());
			}
			// The criteria, then each reason, open on demand: closed first, then shown.
			const box = `article[data-tool="ente-photos"] details.criteria-box`;
			const first = `article[data-tool="ente-photos"] li[data-criterion="e2ee"] details`;
			expect(await popup.$eval(box, (d) => d.open)).toBe(false);
			await popup.click(`${box} > summary`);
			await popup.waitForFunction(
				(sel) => (document.querySelector(sel) as HTMLDetailsElement).open,
				{timeout: 3000},
				box,
			);
			expect(await popup.$eval(first, (d) => d.open)).toBe(false);
			await popup.click(`${first} > summary`);
			await popup.waitForFunction(
				(sel) => (document.querySelector(sel) as HTMLDetailsElement).open,
				{timeout: 3000},
				first,
			);
			const e2ee = dataset.evaluations.find((e) => e.tool === 'ente-photos' && e.criterion === 'e2ee')!;
			expect(await popup.$eval(`${first} p`, (p) => p.textContent)).toContain(loc(e2ee.reason, lang));
			// Move your photos: the export route and each import guide, with their links.
			const move = await popup.$$eval('ol.move[data-service="google-photos"] a', (as) =>
				as.map((a) => a.getAttribute('href')),
			);
			expect(move).toContain(google.export.url);
			for (const tool of dataset.tools)
				if (google.import[tool.id]?.url) expect(move).toContain(google.import[tool.id]!.url);
			expect(await checkLinks(popup)).toBeGreaterThan(20);
			// Attribution: every Privacy Guides page used, in the person's language, each with its own revision.
			const source = dataset.sources.find((p) => p.pagePath === 'photo-management' && p.lang === lang)!;
			expect(await popup.$$eval('footer.attribution a', (as) => as.map((a) => a.getAttribute('href')))).toContain(
				source.url,
			);
			expect(
				await popup.$$eval('footer.attribution li[data-page]', (items) =>
					items.map((li) => li.getAttribute('data-page')),
				),
			).toEqual(
				[...new Set(dataset.sources.map((p) => p.pagePath))].map(
					(path) =>
						(
							dataset.sources.find((p) => p.pagePath === path && p.lang === lang) ??
							dataset.sources.find((p) => p.pagePath === path && p.lang === 'en')!
						).id,
				),
			);
			await expectAccessible(popup, 'popup (detected)');
		});

		test("popup downloads: the person's platform first, every platform still there", async () => {
			const site = await s().openSite('https://photos.google.com/');
			const popup = await s().openPopup(site);
			const os = await s().extEval(async (api) => (await api.runtime.getPlatformInfo()).os);
			expect(os).toBe('linux');
			const ente = dataset.tools.find((t) => t.id === 'ente-photos')!;
			const platforms = await poll(
				() =>
					popup.$$eval('article[data-tool="ente-photos"] ul.downloads li', (items) =>
						items.map((li) => li.getAttribute('data-platform')),
					),
				(list) => list[0] === 'linux',
				{what: 'Linux first'},
			);
			expect([...platforms].sort()).toEqual(ente.downloads.map((d) => d.platform).sort());
		});

		test('popup elsewhere: a calm neutral state and the way to the full comparison', async () => {
			const site = await s().openSite('https://www.example.com/');
			const popup = await s().openPopup(site);
			expect(await popup.$eval('h1[data-neutral]', (h) => h.textContent)).toBe(msg('popupNeutralTitle'));
			expect(await popup.$('ol.move')).toBeNull();
			expect(await popup.$eval('a.button', (a) => a.textContent)).toBe(msg('popupCompareAll'));
			await expectAccessible(popup, 'popup (neutral)');
		});

		test('the preference filters the advice in the popup and the comparison, and is stored', async () => {
			const site = await s().openSite('https://photos.google.com/');
			const popup = await s().openPopup(site);
			await popup.click('input[name="preference"][value="self-hosted"]');
			await popup.waitForFunction(() => document.querySelectorAll('article[data-tool]').length === 1, {timeout: 5000});
			expect(
				await popup.$$eval('article[data-tool]', (cards) => cards.map((c) => c.getAttribute('data-tool'))),
			).toEqual(['photoprism']);
			expect(
				await popup.$$eval('ol.move li[data-import]', (items) => items.map((li) => li.getAttribute('data-import'))),
			).toEqual(['photoprism']);
			expect(
				await poll(
					() => s().storedSettings(),
					(v) => v?.['preference'] === 'self-hosted',
					{what: 'preference stored'},
				),
			).toMatchObject({preference: 'self-hosted'});
			const compare = await s().openExtensionPage('compare/index.html', 'body[data-ready="1"]');
			expect(await compare.$$eval('thead th', (ths) => ths.length)).toBe(2);
			expect(await compare.$eval('input[name="preference"]:checked', (i) => i.value)).toBe('self-hosted');
			await compare.click('input[name="preference"][value="cloud"]');
			await compare.waitForFunction(
				() => document.querySelector('thead th:nth-child(2)')?.textContent === 'Ente Photos',
				{timeout: 5000},
			);
		});

		test("the comparison: every tool against every criterion, every service's guide, focused on the service", async () => {
			const compare = await s().openExtensionPage('compare/index.html?service=google-photos', 'body[data-ready="1"]');
			// Each tool's column names it; verdicts that are this project's reading say so.
			expect(await compare.$$eval('thead th[scope="col"]', (ths) => ths.map((th) => th.textContent))).toEqual([
				msg('compareCriterion'),
				...dataset.tools.map((t) => (t.verdicts.by.by === 'project' ? `${t.name} (${msg('verdictsOurs')})` : t.name)),
			]);
			const cells = await compare.$$eval('tbody td[data-tool]', (tds) =>
				tds.map(
					(td) =>
						`${td.closest('tr')?.getAttribute('data-criterion')}/${td.getAttribute('data-tool')}/${td.getAttribute('data-verdict')}`,
				),
			);
			expect(cells.sort()).toEqual(dataset.evaluations.map((e) => `${e.criterion}/${e.tool}/${e.verdict}`).sort());
			expect(await compare.$$eval('tbody th[scope="row"]', (ths) => ths.length)).toBe(dataset.criteria.length);
			const services = await compare.$$eval('details[data-service]', (ds) =>
				ds.map((d) => [d.getAttribute('data-service'), d.open]),
			);
			expect(services[0]).toEqual(['google-photos', true]);
			expect(services.map(([id]) => id).sort()).toEqual(dataset.services.map((sv) => sv.id).sort());
			expect(services.filter(([, open]) => open)).toHaveLength(1);
			expect(await compare.$eval('.focused', (p) => p.textContent)).toContain(
				msg('compareFocused', loc(google.name, lang)),
			);
			expect(await checkLinks(compare)).toBeGreaterThan(50);
			await expectAccessible(compare, 'comparison');
			const unknown = await s().openExtensionPage('compare/index.html?service=not-a-service', 'body[data-ready="1"]');
			expect(await unknown.$eval('.focused', (p) => p.textContent)).toBe(msg('compareUnknownService'));
		});

		test("the pages speak the browser's language", async () => {
			const compare = await s().openExtensionPage('compare/index.html', 'body[data-ready="1"]');
			expect(
				await compare.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title]),
			).toEqual([lang, 'ltr', msg('compareTitle')]);
			expect(await compare.$eval('tbody th[scope="row"]', (th) => th.textContent)).toContain(
				loc(dataset.criteria[0]!.text, lang),
			);
		});
	});
}
