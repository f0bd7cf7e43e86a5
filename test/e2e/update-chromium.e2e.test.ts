/**
 * The extension updated or reloaded under an open photo page (Chromium). The page keeps the old copy of
 * the content script, cut off from the extension: runtime.id is gone and every call into the extension
 * throws "Extension context invalidated". Its banner must not offer buttons that can no longer work.
 * (Firefox injects the new version into open pages, and the new copy replaces the stale banner: see
 * update-firefox.e2e.test.ts.)
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {TargetType} from 'puppeteer-core';
import {describe, expect, test} from 'vitest';
import {launchChromium} from '../../scripts/browser/browsers';
import {bannerHostNow, clickBannerButton, waitForBannerHost} from '../../scripts/browser/banner';
import {REPO} from '../../scripts/browser/paths';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {poll, sleep} from '../../scripts/browser/wait';

const en = JSON.parse(readFileSync(path.join(REPO, 'locales/en/messages.json'), 'utf8')) as Record<
	string,
	{message: string}
>;

describe('Chromium: the extension reloaded under an open photo page', () => {
	test('a button of the cut-off banner takes the banner away instead of doing nothing', async () => {
		const session = await launchChromium();
		try {
			const site = await session.openSite(PHOTOS_URL);
			await site.page.bringToFront();
			const host = await waitForBannerHost(site.page);
			// The reload takes the service worker down with the evaluation that asked for it: do not wait for an answer.
			await Promise.race([session.extEval((api) => api.runtime.reload()).catch(() => {}), sleep(3000)]);
			await poll(
				() =>
					Promise.resolve(
						session.browser
							.targets()
							.filter((t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(session.origin)).length,
					),
				(workers) => workers >= 1,
				{timeout: 10_000, what: "the reloaded extension's service worker"},
			);
			await sleep(500);
			expect(await bannerHostNow(site.page)).not.toBeNull(); // the old copy's banner is still in the page...
			await clickBannerButton(session, site.page, host, en['bannerNotNow']!.message);
			// ...and the first press takes it away.
			await poll(
				() => bannerHostNow(site.page),
				(banner) => banner === null,
				{timeout: 5000, what: 'the cut-off banner to go'},
			);
		} finally {
			await session.close();
		}
	});
});
