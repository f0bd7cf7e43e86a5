/** The extension in Chromium (Debian /usr/bin/chromium, new headless), driven over CDP by puppeteer-core. */
import {expect, test} from 'vitest';
import {launchChromium, type ChromiumSession} from './harness/browsers';
import {waitForBannerHost} from './harness/banner';
import {PHOTOS_URL} from './harness/sites';
import {extensionSuite, frenchSuite} from './harness/suite';

extensionSuite('Chromium', () => launchChromium(), (get) => {
	const s = () => get() as ChromiumSession;

	test('1b. Chromium: the service worker runs and chrome://extensions reports no error', async () => {
		expect(s().worker.url()).toBe(`chrome-extension://${s().extensionId}/background.js`);
		expect(s().extensionId).toMatch(/^[a-p]{32}$/);
		expect(await s().extensionsPageErrors()).toEqual([]);
	});

	test('2c. Chromium: the banner is in the accessibility tree (ARIA queries cross the closed shadow root)', async () => {
		const site = await s().openSite(PHOTOS_URL);
		await waitForBannerHost(site.page);
		const heading = await site.page.waitForSelector('::-p-aria([name="Google Photos can see your photos"][role="heading"])', {timeout: 5000});
		expect(await heading?.evaluate((el) => el.textContent)).toBe('Google Photos can see your photos');
		expect(await site.page.$('::-p-aria([name="Close"][role="button"])')).not.toBeNull();
		type AXNode = {role: string; name?: string; children?: AXNode[]};
		const snapshot = (await site.page.accessibility.snapshot()) as AXNode | null;
		const region = snapshot?.children?.find((node) => node.role === 'region');
		expect(region?.name).toBe('Google Photos can see your photos');
		expect(region?.children?.map((node) => node.name)).toEqual(
			expect.arrayContaining(['Google Photos can see your photos', 'Private alternatives: Ente Photos, PhotoPrism', 'Close']),
		);
	});

	test('zz. Chromium: no error was reported during the whole run', async () => {
		expect(await s().extensionsPageErrors()).toEqual([]);
		expect(s().workerErrors).toEqual([]);
	});
});

frenchSuite('Chromium, French UI (--lang=fr)', () => launchChromium({lang: 'fr'}));
