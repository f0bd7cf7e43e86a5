/**
 * The extension updated under an open photo page (Firefox). Firefox injects the new version's content
 * script into open matching pages, while the old copy's banner stays in the page with buttons that no
 * longer work: the new copy replaces it, so there is one banner, the live one. The update is made the
 * way Firefox makes one: the same add-on installed again over itself.
 */
import {describe, expect, test} from 'vitest';
import {launchFirefox} from '../../scripts/browser/browsers';
import {waitForBannerHost} from '../../scripts/browser/banner';
import {DIST_FIREFOX} from '../../scripts/browser/paths';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {poll} from '../../scripts/browser/wait';

/** Banner hosts in the page, found by their computed styling (the :host rule of their shadow stylesheet): they carry no mark. */
const bannerHosts = () =>
	[...document.body.children].filter((el) => getComputedStyle(el).zIndex === '2147483647').length;

describe('Firefox: the extension updated under an open photo page', () => {
	test("the new copy replaces the old copy's banner: one banner, the live one", async () => {
		const session = await launchFirefox();
		try {
			const site = await session.openSite(PHOTOS_URL);
			const old = await waitForBannerHost(site.page);
			expect(await site.page.evaluate(bannerHosts)).toBe(1);
			expect(await session.browser.installExtension(DIST_FIREFOX)).toBe(session.extensionId);
			await poll(
				() => old.evaluate((el) => el.isConnected),
				(connected) => !connected,
				{timeout: 10_000, what: 'the old banner to be replaced'},
			);
			await waitForBannerHost(site.page);
			expect(await site.page.evaluate(bannerHosts)).toBe(1);
		} finally {
			await session.close();
		}
	});
});
