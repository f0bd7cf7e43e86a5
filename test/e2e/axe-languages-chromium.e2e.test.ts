/**
 * axe-core on every surface in Hebrew and in Traditional Chinese (issue 15), in real Chromium started in each
 * language (`--lang`): the popup over Google Photos and over a neutral page, the comparison, the options and the
 * guided move, each in light and dark, with `<html lang>` the language (and `dir="rtl"` in Hebrew); and the banner
 * on the Google Photos tab, whose region (inside its closed shadow root) carries the language and direction.
 * English and French are covered by advice-*.e2e.test.ts and move.e2e.test.ts.
 */
import type {Page} from 'puppeteer-core';
import {describe, expect, test} from 'vitest';
import {launchChromium} from '../../scripts/browser/browsers';
import {axeViolations, setTheme} from '../../scripts/browser/axe';
import {readBanner, waitForBannerByMark} from '../../scripts/browser/banner';
import {NEUTRAL_URL, PHOTOS_URL} from '../../scripts/browser/sites';
import {useSession} from './suites/session';

const READY = 'body[data-ready="1"]';

async function expectAccessible(page: Page, what: string): Promise<void> {
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		const violations = await axeViolations(page);
		expect(violations, `${what}, ${theme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
	}
}

for (const lang of ['he', 'zh-TW'] as const) {
	const dir = lang === 'he' ? 'rtl' : 'ltr';
	const expectRoot = async (page: Page, what: string) =>
		expect(
			await page.evaluate(() => ({lang: document.documentElement.lang, dir: document.documentElement.dir || 'ltr'})),
			what,
		).toEqual({lang, dir});

	describe(`Chromium in ${lang}: axe-core clean on every surface, light and dark`, () => {
		const s = useSession(() => launchChromium({lang}));

		test('the banner over Google Photos: its region in the language and direction', async () => {
			const site = await s().openSite(PHOTOS_URL);
			const host = await waitForBannerByMark(site.page);
			const banner = await readBanner(s(), site.page, host);
			expect({lang: banner.lang, dir: banner.dir || 'ltr'}).toEqual({lang, dir});
			expect(banner.heading).toBeTruthy();
		});

		test('the popup over Google Photos, its details open', async () => {
			const site = await s().openSite(PHOTOS_URL);
			await waitForBannerByMark(site.page);
			const popup = await s().openPopup(site);
			await popup.waitForSelector('h1[data-service="google-photos"]', {timeout: 10_000});
			await expectRoot(popup, 'popup over Google Photos');
			await popup.click('details.more > summary');
			await expectAccessible(popup, `${lang} popup over Google Photos`);
		});

		test('the popup over a neutral page', async () => {
			const site = await s().openSite(NEUTRAL_URL);
			const popup = await s().openPopup(site);
			expect(await popup.$('h1[data-service]:not([data-service=""])')).toBeNull();
			await expectRoot(popup, 'popup over a neutral page');
			await expectAccessible(popup, `${lang} popup over a neutral page`);
		});

		test('the comparison', async () => {
			const page = await s().openExtensionPage('compare/index.html?service=google-photos', READY);
			await expectRoot(page, 'comparison');
			await expectAccessible(page, `${lang} comparison`);
		});

		test('the options', async () => {
			const page = await s().openExtensionPage('options/index.html', READY);
			await expectRoot(page, 'options');
			await expectAccessible(page, `${lang} options`);
		});

		test('the guided move', async () => {
			const page = await s().openExtensionPage('move/index.html?service=google-photos&tool=ente-photos', READY);
			await expectRoot(page, 'guided move');
			await expectAccessible(page, `${lang} guided move`);
		});
	});
}
