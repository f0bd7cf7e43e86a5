/**
 * The ten languages in real browsers (issue 15): Chromium started in each language shows the popup over
 * Google Photos with its heading in that language (`<html lang>`, `dir="rtl"` for Hebrew), and the
 * comparison page's criteria in Privacy Guides' own words from its page in that language (marked lang="en"
 * where that page is still English). Firefox checks the same for fr, he and zh-TW through the extension's
 * language option (an English Firefox: no language pack needed), which every open surface follows at once.
 *
 * Needs the translations (locales/<lang>/messages.json, scripts/data/curated/i18n/<lang>.json) and
 * `npm run data`, `npm run messages`, `npm run build`.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {describe, expect, test} from 'vitest';
import {launchChromium, launchFirefox, type ExtensionSession} from '../../scripts/browser/browsers';
import {REPO} from '../../scripts/browser/paths';
import {poll} from '../../scripts/browser/wait';
import {useSession} from './suites/session';

const LANGUAGES = ['en', 'fr', 'es', 'it', 'nl', 'de', 'ru', 'he', 'zh-TW', 'zh-Hant'] as const;
type Language = (typeof LANGUAGES)[number];
/** The Chromium UI language each is started with: zh-Hant has no Chromium locale, Hong Kong maps to it. */
const CHROMIUM_LANG: Record<Language, string> = {
	...Object.fromEntries(LANGUAGES.map((l) => [l, l])),
	'zh-Hant': 'zh-HK',
} as Record<Language, string>;

type PageData = {
	lang: string;
	inEnglish: string[];
	criteria: Array<{id: string; text: string}>;
	services: Array<{id: string; name: string; provider: string}>;
	sources: Array<{id: string; lang: string; pagePath: string; file: string}>;
};
const pageData = (lang: Language) =>
	JSON.parse(readFileSync(path.join(REPO, `src/data/pages/${lang}.json`), 'utf8')) as PageData;
/** A message with its substitutions, by the placeholders' positions ($1, $2), as the extension fills them (isolated right to left). */
const message = (lang: Language, key: string, ...subs: string[]) => {
	const messages = JSON.parse(readFileSync(path.join(REPO, `locales/${lang}/messages.json`), 'utf8')) as Record<
		string,
		{message: string; placeholders?: Record<string, {content: string}>}
	>;
	const entry = messages[key]!;
	return entry.message.replace(/\$([A-Z_]+)\$/g, (_whole, name: string) => {
		const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
		const sub = subs[Number(content.replace('$', '')) - 1] ?? '';
		// Right to left, each substitution is isolated (FSI … PDI), so a Latin name keeps its order (core/i18n.ts).
		return lang === 'he' ? `\u2068${sub}\u2069` : sub;
	});
};
/**
 * Privacy Guides' photo-management page in `lang`, as copied into the repository, with the documented
 * corrections of its slips applied (scripts/data/curated/corrections.json), as the extension reads it.
 */
function privacyGuidesPage(data: PageData): string {
	const page = data.sources.find((source) => source.pagePath === 'photo-management' && source.lang === data.lang)!;
	let text = readFileSync(path.join(REPO, 'scripts/data/sources/privacyguides', page.file), 'utf8');
	const corrections = JSON.parse(
		readFileSync(path.join(REPO, 'scripts/data/curated/corrections.json'), 'utf8'),
	) as Array<{page: string; from: string; to: string}>;
	for (const correction of corrections.filter((c) => c.page === page.id))
		text = text.split(correction.from).join(correction.to);
	return text;
}
/** The same words whatever the typesetting (curly apostrophes, no-break spaces) and the whitespace. */
const plain = (text: string) =>
	text
		.replace(/[’‘]/g, "'")
		.replace(/[\u00a0\u202f\s]+/g, ' ')
		.replace(/\s*([，。：；？！])\s*/g, '$1')
		.trim();

/**
 * Waits until the background knows the tab is on Google Photos (its tab state), whatever the banner's
 * corner (right to left in Hebrew).
 */
async function detected(session: ExtensionSession): Promise<void> {
	await poll(
		() =>
			session.extEval(async (api) =>
				Object.values(await api.storage.session.get(null)).some(
					(state) => (state as {serviceId?: unknown}).serviceId === 'google-photos',
				),
			),
		(found) => found,
		{what: 'Google Photos detected'},
	);
}

async function expectPopupIn(popup: Page, lang: Language): Promise<void> {
	const data = pageData(lang);
	const google = data.services.find((service) => service.id === 'google-photos')!;
	const heading = await poll(
		() => popup.$eval('h1', (h) => h.textContent ?? ''),
		(text) => text === message(lang, 'popupDetected', google.name, google.provider),
		{what: `the popup's heading in ${lang}`},
	);
	expect(heading).toBe(message(lang, 'popupDetected', google.name, google.provider));
	expect(await popup.$eval('html', (html) => [html.lang, html.dir])).toEqual([lang, lang === 'he' ? 'rtl' : 'ltr']);
}

async function expectComparisonCriteriaIn(compare: Page, lang: Language): Promise<void> {
	const data = pageData(lang);
	const rows = await compare.$$eval('tbody tr[data-criterion]', (trs) =>
		trs.map((tr) => {
			const span = tr.querySelector('th > span');
			return [tr.getAttribute('data-criterion'), span?.textContent ?? '', span?.getAttribute('lang') ?? null];
		}),
	);
	expect(rows.map(([id]) => id)).toEqual(data.criteria.map((criterion) => criterion.id));
	const source = plain(privacyGuidesPage(data));
	for (const [id, text, marked] of rows) {
		const criterion = data.criteria.find((c) => c.id === id)!;
		expect(text, `${lang} ${id}`).toBe(criterion.text);
		// Privacy Guides' own words, from its page in that language.
		expect(source, `${lang} ${id}: "${text}" on Privacy Guides' page`).toContain(plain(text!));
		// Marked English where that page still is.
		expect(marked, `${lang} ${id}`).toBe(data.inEnglish.includes(`criteria/${id}`) ? 'en' : null);
	}
	expect(await compare.$eval('html', (html) => [html.lang, html.dir])).toEqual([lang, lang === 'he' ? 'rtl' : 'ltr']);
}

/**
 * The catalogue files an extension page loads, by the requests the browser makes for it: a page loads its own
 * language's messages only (src/ui/catalogue.ts), never the ten (i18n/catalogues.js, the background's). Chromium
 * only: in Firefox, puppeteer's navigation to an extension page never settles (FirefoxSession.load works around
 * it without a request listener), and the unit tests (src/ui/catalogue.test.ts, hooks.test.tsx) cover the rest.
 */
async function cataloguesLoadedBy(session: ExtensionSession, pagePath: string): Promise<string[]> {
	const page = await session.browser.newPage();
	const files: string[] = [];
	page.on('request', (request) => {
		const file = new URL(request.url()).pathname;
		if (file.startsWith('/i18n/')) files.push(file);
	});
	try {
		await page.goto(session.origin + pagePath, {waitUntil: 'load', timeout: 10_000});
		await page.waitForSelector('body[data-ready="1"]', {timeout: 10_000});
		return files.sort();
	} finally {
		await page.close();
	}
}

for (const lang of LANGUAGES) {
	describe(`Chromium started in ${lang} (--lang=${CHROMIUM_LANG[lang]})`, () => {
		const s = useSession(() => launchChromium({lang: CHROMIUM_LANG[lang]}));

		test('the popup over Google Photos speaks it, and the comparison shows Privacy Guides’ criteria from its page', async () => {
			const site = await s().openSite('https://photos.google.com/');
			await detected(s());
			await expectPopupIn(await s().openPopup(site), lang);
			await expectComparisonCriteriaIn(await s().openExtensionPage('compare/index.html', 'body[data-ready="1"]'), lang);
			// The toolbar's popup is that language's page (src/background/popup-page.ts); each page loaded its language's
			// messages, and no other language's.
			expect(await s().extEval((api) => api.action.getPopup({}))).toBe(`${s().origin}popup/${lang}.html`);
			for (const page of [`popup/${lang}.html?tab=${site.tabId}`, 'compare/index.html', 'options/index.html'])
				expect(await cataloguesLoadedBy(s(), page), page).toEqual([`/i18n/${lang}.js`]);
		});
	});
}

describe('Chromium (English) with the extension’s language option', () => {
	const s = useSession(() => launchChromium({lang: CHROMIUM_LANG.en}));

	test('the toolbar popup is the chosen language’s page: French from its first render, with no English file', async () => {
		const options = await s().openExtensionPage('options/index.html', 'body[data-ready="1"]');
		await options.select('select#language', 'fr');
		const french = `${s().origin}popup/fr.html`;
		await poll(
			() => s().extEval((api) => api.action.getPopup({})),
			(page) => page === french,
			{what: 'the French popup set'},
		);
		const site = await s().openSite('https://photos.google.com/');
		await detected(s());
		const popup = await s().openPopup(site);
		expect(popup.url()).toBe(french);
		await expectPopupIn(popup, 'fr');
		// That page never loads English's messages (the manifest's page, in this English browser, rendered English first):
		// the requests the browser makes for it, opened in a tab (an extension's files are not in the popup's own
		// resource timing, and its requests are made before the harness can attach to it).
		expect(await cataloguesLoadedBy(s(), `popup/fr.html?tab=${site.tabId}`)).toEqual(['/i18n/fr.js']);
		// Back to the browser's language: its page again.
		await options.select('select#language', 'auto');
		await poll(
			() => s().extEval((api) => api.action.getPopup({})),
			(page) => page === `${s().origin}popup/en.html`,
			{what: 'the English popup set'},
		);
	});
});

describe('Firefox (English) with the extension’s language option', () => {
	const s = useSession(() => launchFirefox());

	for (const lang of ['fr', 'he', 'zh-TW'] as const)
		test(`${lang}: chosen in the options, the popup and the comparison follow`, async () => {
			const options = await s().openExtensionPage('options/index.html', 'body[data-ready="1"]');
			await options.select('select#language', lang);
			// The options page itself re-renders in the chosen language.
			await options.waitForFunction((code) => document.documentElement.lang === code, {timeout: 5000}, lang);
			expect(
				await poll(
					() => s().storedSettings(),
					(settings) => settings?.['language'] === lang,
					{what: 'language stored'},
				),
			).toMatchObject({language: lang});
			const site = await s().openSite('https://photos.google.com/');
			await detected(s());
			await expectPopupIn(await s().openPopup(site), lang);
			await expectComparisonCriteriaIn(await s().openExtensionPage('compare/index.html', 'body[data-ready="1"]'), lang);
		});
});
