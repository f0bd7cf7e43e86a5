/** The extension in Chromium (Debian /usr/bin/chromium, new headless), driven over CDP by puppeteer-core. */
import {existsSync, mkdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {launchChromium, type ChromiumSession} from '../../scripts/browser/browsers';
import {REPO, scratchDir} from '../../scripts/browser/paths';
import {waitForBannerHost} from '../../scripts/browser/banner';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {extensionSuite, frenchSuite} from './suites/suite';

extensionSuite(
	'Chromium',
	() => launchChromium(),
	(get) => {
		const s = () => get() as ChromiumSession;

		test('1b. Chromium: the service worker runs and chrome://extensions reports no error', async () => {
			expect(s().worker.url()).toBe(`chrome-extension://${s().extensionId}/background.js`);
			expect(s().extensionId).toMatch(/^[a-p]{32}$/);
			expect(await s().extensionsPageErrors()).toEqual([]);
		});

		test('2c. Chromium: the banner is in the accessibility tree (ARIA queries cross the closed shadow root)', async () => {
			const site = await s().openSite(PHOTOS_URL);
			await waitForBannerHost(site.page);
			const heading = await site.page.waitForSelector(
				'::-p-aria([name="Photos stored on Google Photos can be seen by Google"][role="heading"])',
				{timeout: 5000},
			);
			expect(await heading?.evaluate((el) => el.textContent)).toBe(
				'Photos stored on Google Photos can be seen by Google',
			);
			expect(await site.page.$('::-p-aria([name="Close"][role="button"])')).not.toBeNull();
			type AXNode = {role: string; name?: string; children?: AXNode[]};
			const snapshot = (await site.page.accessibility.snapshot()) as AXNode | null;
			const region = snapshot?.children?.find((node) => node.role === 'region');
			expect(region?.name).toBe('Photos stored on Google Photos can be seen by Google');
			expect(region?.children?.map((node) => node.name)).toEqual(
				expect.arrayContaining([
					'Photos stored on Google Photos can be seen by Google',
					'Private alternatives: Ente Photos, PhotoPrism',
					'Close',
				]),
			);
		});

		test('zz. Chromium: no error was reported during the whole run', async () => {
			expect(await s().extensionsPageErrors()).toEqual([]);
			expect(s().workerErrors).toEqual([]);
		});
	},
);

frenchSuite('Chromium, French UI (--lang=fr)', () => launchChromium({lang: 'fr'}));

// CI checks the project out deeper than a developer's machine: a scratch root that deep once made Chromium
// quit as it started (its socket, then in the scratch TMPDIR, outgrew the 107 bytes a Unix socket path holds).
describe('Chromium in a deep checkout', () => {
	test('a scratch root over 100 characters deep: Chromium starts, twice on the same kept folders', async () => {
		const deep = path.join(scratchDir('deep'), 'd'.repeat(40), 'e'.repeat(40));
		mkdirSync(deep, {recursive: true});
		expect(deep.length).toBeGreaterThan(100); // deeper than the socket could ever be under the old layout
		try {
			for (const round of [1, 2]) {
				const s = await launchChromium({keep: deep});
				try {
					expect(await s.extEval((api) => typeof api.runtime.id), `launch ${round}`).toBe('string');
				} finally {
					await s.close();
				}
			}
			expect(existsSync(path.join(deep, 'profile'))).toBe(true); // kept for the caller, as `keep` promises
		} finally {
			rmSync(path.dirname(path.dirname(deep)), {recursive: true, force: true});
		}
	}, 120_000);

	test("the browser's TMPDIR is short and outside the repository, and is removed on close", async () => {
		const s = await launchChromium();
		const tmp = s.tmp;
		expect(existsSync(tmp)).toBe(true);
		await s.close();
		expect(tmp.length + '/org.chromium.Chromium.XXXXXX/SingletonSocket'.length).toBeLessThanOrEqual(107);
		expect(tmp.startsWith(REPO)).toBe(false);
		expect(existsSync(tmp)).toBe(false);
	});
});
