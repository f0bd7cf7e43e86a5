/**
 * Firefox for Android, as far as Firefox ESR on a desktop can stand in for it: every page at a phone's 360×740
 * viewport (puppeteer setViewport), with the pointer a phone has (prefs ui.primaryPointerCapabilities and
 * ui.allPointerCapabilities = 1: a coarse pointer that cannot hover, which is what `(hover: none) and
 * (pointer: coarse)` sees on Android).
 * - No page scrolls sideways (document.scrollingElement.scrollWidth <= clientWidth), the popup included: on Android
 *   it is a page of its own, as wide as the screen.
 * - The banner fits the width with margins, takes at most half the height, and stays clear of a mobile site's
 *   own navigation (a top app bar and a bottom navigation bar, added to the page as sites have them).
 * - Export and import live in the options, a full tab (manifest options_ui.open_in_tab; a popup overlay cannot
 *   keep a file picker open): the popup has no file input and opens the options in a tab.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {describe, expect, test} from 'vitest';
import {launchFirefox} from '../../scripts/browser/browsers';
import {bannerBoxes, waitForBannerByMark} from '../../scripts/browser/banner';
import {REPO} from '../../scripts/browser/paths';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {poll} from '../../scripts/browser/wait';
import {useSession} from './suites/session';

const PHONE = {width: 360, height: 740};
const READY = 'body[data-ready="1"]';
/** A phone's pointer: coarse, no hover (widget LookAndFeel PointerCapabilities: 1 = coarse). */
const PHONE_POINTER = {'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1};

async function phoneSized(page: Page): Promise<void> {
	await page.setViewport(PHONE);
	await poll(
		() => page.evaluate(() => [innerWidth, matchMedia('(hover: none) and (pointer: coarse)').matches] as const),
		([width, phone]) => width === PHONE.width && phone,
		{what: 'the page at 360 px wide, with a phone’s pointer'},
	);
}

/** The document's own horizontal overflow, and every element sticking out past the viewport's right or left edge. */
async function sidewaysScroll(page: Page) {
	return page.evaluate(() => {
		const root = document.scrollingElement!;
		const width = root.clientWidth;
		const outside = [...document.querySelectorAll('body *')]
			.filter((el) => {
				const box = el.getBoundingClientRect();
				if (box.width === 0 || el.closest('.table-wrap')) return false; // the table scrolls in its own region
				return box.right > width + 0.5 || box.left < -0.5;
			})
			.slice(0, 5)
			.map((el) => `${el.localName}.${[...el.classList].join('.')}: ${el.textContent?.trim().slice(0, 40)}`);
		return {scrollWidth: root.scrollWidth, clientWidth: width, outside};
	});
}

async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
	const {scrollWidth, clientWidth, outside} = await sidewaysScroll(page);
	expect(clientWidth, what).toBeGreaterThan(300);
	expect(clientWidth, what).toBeLessThanOrEqual(PHONE.width);
	expect(outside, what).toEqual([]);
	expect(scrollWidth, what).toBeLessThanOrEqual(clientWidth);
}

/** Opens every <details> (each criterion's reason, the popup's "more") so that all of the page is laid out. */
const openAllDetails = (page: Page) =>
	page.evaluate(() => {
		for (const details of document.querySelectorAll('details')) details.open = true;
	});

describe('Firefox at a phone’s size (360×740, coarse pointer): Firefox for Android’s layout', () => {
	const s = useSession(() => launchFirefox({prefs: PHONE_POINTER}));

	test('the popup is as wide as the screen, with no sideways scrolling, all of it open', async () => {
		const site = await s().openSite(PHOTOS_URL);
		await waitForBannerByMark(site.page);
		const popup = await s().openPopup(site);
		await phoneSized(popup);
		expect(await popup.$eval('body', (body) => body.getBoundingClientRect().width)).toBeGreaterThan(340);
		await expectNoSidewaysScroll(popup, 'popup');
		await openAllDetails(popup);
		await expectNoSidewaysScroll(popup, 'popup, every detail open');
	});

	test.each([
		['comparison', 'compare/index.html?service=google-photos'],
		['guided move', 'move/index.html?service=google-photos&tool=ente-photos'],
		['service picker of the move page', 'move/index.html'],
		['options', 'options/index.html'],
	])('the %s has no sideways scrolling', async (what, pagePath) => {
		const page = await s().openExtensionPage(pagePath, READY);
		await phoneSized(page);
		await openAllDetails(page);
		await expectNoSidewaysScroll(page, what);
	});

	test('the banner fits the width, takes at most half the height and leaves the site’s navigation free', async () => {
		const site = await s().openSite(PHOTOS_URL);
		await phoneSized(site.page);
		// A mobile site's own navigation: a top app bar and a bottom navigation bar (56px each, Material's sizes).
		await site.page.evaluate(() => {
			const bar = (name: string, where: string) => {
				const nav = document.createElement('nav');
				nav.dataset['fixture'] = name;
				nav.setAttribute('style', `position:fixed;${where}:0;inset-inline:0;height:56px;background:#ddd;z-index:10`);
				nav.textContent = name;
				document.body.append(nav);
			};
			bar('top-bar', 'top');
			bar('bottom-bar', 'bottom');
		});
		const host = await waitForBannerByMark(site.page);
		// Read once it has slid into place (it enters from 8px lower).
		let previous = Number.NaN;
		const {banner, scrollHeight} = await poll(
			() => bannerBoxes(s(), site.page, host),
			(boxes) => {
				const settled = boxes.banner.bottom === previous;
				previous = boxes.banner.bottom;
				return settled;
			},
			{what: 'the banner in its place'},
		);
		const {width, height} = await site.page.evaluate(() => ({
			width: document.documentElement.clientWidth,
			height: document.documentElement.clientHeight,
		}));
		expect(banner.left).toBeGreaterThanOrEqual(8);
		expect(width - banner.right).toBeGreaterThanOrEqual(8);
		expect(banner.width).toBeGreaterThan(width * 0.85); // it uses the width it has
		expect(banner.height).toBeLessThanOrEqual(height * 0.5 + 1);
		expect(scrollHeight, 'all of the English banner shows without scrolling in it').toBeLessThanOrEqual(banner.height);
		expect(banner.top).toBeGreaterThanOrEqual(56);
		expect(banner.bottom).toBeLessThanOrEqual(height - 56);
		// And the page's navigation is still what a tap there reaches.
		const reached = await site.page.evaluate(
			(w, h) =>
				[
					[w / 2, 28],
					[16, h - 28],
					[w / 2, h - 28],
					[w - 16, h - 28],
					[w / 2, h - 2],
				].map(([x, y]) => (document.elementFromPoint(x!, y!) as HTMLElement | null)?.dataset['fixture']),
			width,
			height,
		);
		expect(reached).toEqual(['top-bar', 'bottom-bar', 'bottom-bar', 'bottom-bar', 'bottom-bar']);
		expect(await site.page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);
	});

	test('export and import are in the options, a full tab; the popup has no file picker and links to them', async () => {
		const manifest = JSON.parse(readFileSync(path.join(REPO, 'dist/firefox/manifest.json'), 'utf8')) as {
			options_ui: {page: string; open_in_tab: boolean};
		};
		expect(manifest.options_ui).toEqual({page: 'options/index.html', open_in_tab: true});

		const site = await s().openSite(PHOTOS_URL);
		await waitForBannerByMark(site.page);
		const popup = await s().openPopup(site);
		await phoneSized(popup);
		expect(await popup.$$('input[type="file"]')).toHaveLength(0);
		// Its link to the options (runtime.openOptionsPage(), which open_in_tab makes a tab).
		expect(await popup.$eval('.actions a[href$="/options/index.html"]', (a) => a.textContent)).toBeTruthy();
		const options = await s().openExtensionPage('options/index.html', READY);
		await phoneSized(options);
		// Export and the file picker of import, reachable in that tab at the phone's width.
		const controls = await options.evaluate(() =>
			['#data-export', 'input[type="file"]'].map((selector) => {
				const el = document.querySelector(selector);
				if (!el) return `${selector}: missing`;
				const target = el.closest('.file-button') ?? el;
				const box = target.getBoundingClientRect();
				return box.left >= 0 && box.right <= document.documentElement.clientWidth && box.width > 0
					? 'visible'
					: `${selector}: ${box.left}–${box.right}`;
			}),
		);
		expect(controls).toEqual(['visible', 'visible']);
		await options.close();
	});
});
