/**
 * Right to left, in real Chromium started in Hebrew (`--lang=he`): every surface mirrors (the banner at the
 * bottom left, its Close button at its top left; the popup's and the options' rows from right to left; the
 * comparison table's first column on the right), Latin names stay whole inside the sentence, and axe-core finds
 * nothing in light or dark.
 *
 * Until the Hebrew translation exists, the test's own copy of the build gets a stand-in `_locales/he`: the English
 * messages with localeCode "he", which is what makes every surface right to left (core/i18n.ts, uiDirection).
 * Once locales/he ships, the copy uses it as it is. Nothing of this reaches dist/ or a package.
 */
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {afterAll, describe, expect, test} from 'vitest';
import {launchChromium} from '../../scripts/browser/browsers';
import {axeViolations, setTheme} from '../../scripts/browser/axe';
import {bannerBoxes, readBanner, waitForBannerByMark} from '../../scripts/browser/banner';
import {DIST_CHROME, scratchDir} from '../../scripts/browser/paths';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {useSession} from './suites/session';
import {poll} from '../../scripts/browser/wait';

const READY = 'body[data-ready="1"]';

/** dist/chrome, copied, with a Hebrew locale (the real one when the build has it). */
function hebrewBuild(): string {
	const dir = path.join(scratchDir('rtl-build'), 'chrome');
	cpSync(DIST_CHROME, dir, {recursive: true});
	const he = path.join(dir, '_locales/he/messages.json');
	if (!existsSync(he)) {
		const messages = JSON.parse(readFileSync(path.join(dir, '_locales/en/messages.json'), 'utf8')) as Record<
			string,
			{message: string}
		>;
		messages['localeCode']!.message = 'he';
		mkdirSync(path.dirname(he), {recursive: true});
		writeFileSync(he, JSON.stringify(messages));
	}
	return dir;
}

async function expectAccessible(page: Page, what: string): Promise<void> {
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		const violations = await axeViolations(page);
		expect(violations, `${what}, ${theme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
	}
}

/** The boxes of the elements matching each selector (the first match of each), in the page's viewport. */
function boxes(page: Page, ...selectors: string[]) {
	return page.evaluate(
		(...wanted: string[]) =>
			wanted.map((selector) => {
				const el = document.querySelector(selector);
				if (!el) throw new Error(`No ${selector}`);
				const r = el.getBoundingClientRect();
				return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
			}),
		...selectors,
	);
}

const rootDirection = (page: Page) =>
	page.evaluate(() => ({lang: document.documentElement.lang, dir: document.documentElement.dir}));

describe('Chromium in Hebrew: every surface right to left', () => {
	let build: string | undefined;
	const s = useSession(() => {
		build = hebrewBuild();
		return launchChromium({lang: 'he', extensionDir: build});
	});
	afterAll(() => {
		if (build) rmSync(path.dirname(build), {recursive: true, force: true});
	});

	test('the banner sits in the bottom left corner, its Close button at its top left', async () => {
		const site = await s().openSite(PHOTOS_URL);
		const host = await waitForBannerByMark(site.page);
		// The host carries nothing of ours: the direction and language are on the region in its closed shadow root.
		expect(await readBanner(s(), site.page, host)).toMatchObject({dir: 'rtl', lang: 'he'});
		// Read once it has slid into place (it enters from 8px lower).
		const viewportHeight = await site.page.evaluate(() => document.documentElement.clientHeight);
		const {banner, close, heading} = await poll(
			() => bannerBoxes(s(), site.page, host),
			(boxes) => viewportHeight - boxes.banner.bottom === 16,
			{what: 'the banner in its place'},
		);
		const viewport = await site.page.evaluate(() => ({
			width: document.documentElement.clientWidth,
			height: document.documentElement.clientHeight,
		}));
		expect(banner.left).toBe(16);
		expect(banner.right).toBeLessThan(viewport.width / 2);
		expect(close.left - banner.left).toBeLessThan(12);
		expect(close.right).toBeLessThan(heading.left + heading.width / 2);
		// And the page sees it there: a hit in the bottom left corner is the banner, the bottom right is the page.
		const hits = await site.page.evaluate(
			(el, w, h) => [document.elementFromPoint(40, h - 24) === el, document.elementFromPoint(w - 40, h - 24) === el],
			host,
			viewport.width,
			viewport.height,
		);
		expect(hits).toEqual([true, false]);
	});

	test('the popup is right to left: its rows run from the right, names stay whole, axe-clean', async () => {
		const site = await s().openSite(PHOTOS_URL);
		await waitForBannerByMark(site.page);
		const popup = await s().openPopup(site);
		expect(await rootDirection(popup)).toEqual({lang: 'he', dir: 'rtl'});
		// The pick's accent bar on its right; the comparison, first in the actions row, to the right of the options link.
		const bar = await popup.$eval('.pick', (el) => [
			getComputedStyle(el).borderRightWidth,
			getComputedStyle(el).borderLeftWidth,
		]);
		expect(bar).toEqual(['4px', '0px']);
		const [compare, options] = await boxes(popup, '.actions a:first-child', '.actions a:last-child');
		expect(compare!.left).toBeGreaterThan(options!.right);
		// The heading starts at the right edge of the popup's content.
		const [main, heading] = await boxes(popup, 'main', 'h1');
		expect(main!.right - heading!.right).toBeLessThanOrEqual(16);
		// "Move to Ente Photos": the name is a unit of its own direction inside the sentence (first-strong isolate).
		expect(await popup.$eval('.start-move a', (a) => a.textContent)).toContain('\u2068Ente Photos\u2069');
		// A link (a name, an address) inside a sentence is a unit of the direction of its own first letter.
		expect(await popup.$eval('.byline a', (a) => getComputedStyle(a).unicodeBidi)).toBe('plaintext');
		await popup.click('details.more > summary');
		await expectAccessible(popup, 'popup, right to left');
	});

	test('the comparison is right to left: the criteria column is the table’s rightmost, axe-clean', async () => {
		const page = await s().openExtensionPage('compare/index.html?service=google-photos', READY);
		expect(await rootDirection(page)).toEqual({lang: 'he', dir: 'rtl'});
		const [criterion, firstTool, secondTool] = await boxes(
			page,
			'thead th:nth-child(1)',
			'thead th:nth-child(2)',
			'thead th:nth-child(3)',
		);
		expect(criterion!.left).toBeGreaterThanOrEqual(firstTool!.right - 1);
		expect(firstTool!.left).toBeGreaterThanOrEqual(secondTool!.right - 1);
		const focused = await page.$eval('.focused', (el) => [
			getComputedStyle(el).borderRightWidth,
			getComputedStyle(el).borderLeftWidth,
		]);
		expect(focused).toEqual(['4px', '0px']);
		await expectAccessible(page, 'comparison, right to left');
	});

	test('the options are right to left: checkboxes and fields from the right, axe-clean', async () => {
		const page = await s().openExtensionPage('options/index.html', READY);
		expect(await rootDirection(page)).toEqual({lang: 'he', dir: 'rtl'});
		// A checkbox at the right end of its label; a field's label to the right of its input.
		const [checkbox, checkLabel, fieldLabel, field] = await boxes(
			page,
			'#banner-enabled',
			'label.check',
			'label[for="snooze-days"]',
			'#snooze-days',
		);
		expect(checkLabel!.right - checkbox!.right).toBeLessThan(4);
		expect(checkbox!.left - checkLabel!.left).toBeGreaterThan(40);
		expect(fieldLabel!.left).toBeGreaterThanOrEqual(field!.right);
		const [main, heading] = await boxes(page, 'main', 'h1');
		expect(main!.right - heading!.right).toBeLessThanOrEqual(16);
		await expectAccessible(page, 'options, right to left');
	});

	test('the guided move is right to left: each step’s bar on its right, axe-clean', async () => {
		const page = await s().openExtensionPage('move/index.html?service=google-photos&tool=ente-photos', READY);
		expect(await rootDirection(page)).toEqual({lang: 'he', dir: 'rtl'});
		const bar = await page.$eval('.steps > li', (el) => [
			getComputedStyle(el).borderRightWidth,
			getComputedStyle(el).borderLeftWidth,
		]);
		expect(bar).toEqual(['4px', '0px']);
		await expectAccessible(page, 'guided move, right to left');
	});
});
