/**
 * MV3 stops an idle service worker at any time. Per-tab detection lives in storage.session and the
 * badge in the browser, so a stopped and restarted background still knows which service each tab is
 * on (Chromium: the worker is stopped through CDP ServiceWorker.stopWorker, as the benchmark does).
 */
import {describe, expect, test} from 'vitest';
import {launchChromium, type ChromiumSession} from '../../scripts/browser/browsers';
import {waitForBannerHost} from '../../scripts/browser/banner';
import {evalWithApi} from '../../scripts/browser/ext-api';
import {WorkerControl} from '../../scripts/browser/worker-control';
import {useSession} from './suites/session';
import {poll, sleep} from '../../scripts/browser/wait';

describe('Chromium: the background stopped and restarted', () => {
	const s = useSession(() => launchChromium());

	test("the popup still names the tab's service, and the next visit still gets its banner", async () => {
		const session = s() as ChromiumSession;
		const site = await session.openSite('https://photos.google.com/');
		await waitForBannerHost(site.page);
		expect((await session.badge(site.tabId)).text).toBe('!');

		const control = await session.openExtensionPage('compare/index.html', 'body[data-ready="1"]');
		const workerControl = await WorkerControl.attach(control, session.origin);
		await workerControl.stop(session.worker);
		await sleep(200);

		// A fresh popup page wakes the worker, which reads the tab's state back from storage.session.
		const popup = await session.openExtensionPage(`popup/index.html?tab=${site.tabId}`, 'body[data-ready="1"]');
		expect(await popup.$eval('h1[data-service]', (h) => h.getAttribute('data-service'))).toBe('google-photos');
		expect(workerControl.status).toBe('running');
		// And the restarted worker serves the next visit (the tab in front: a background tab does not paint).
		await site.page.bringToFront();
		await site.page.reload({waitUntil: 'load'});
		// First the background's answer (the badge), then the banner it allowed.
		await poll(
			() => evalWithApi(popup, (api, tabId: number) => api.action.getBadgeText({tabId}), site.tabId),
			(text) => text === '!',
			{what: 'the restarted background to mark the tab'},
		);
		await waitForBannerHost(site.page);
	});
});
