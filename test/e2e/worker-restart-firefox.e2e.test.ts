/**
 * Firefox's MV3 background is an event page, suspended when idle (on Android as on the desktop) and started again
 * by the next event. Per-tab detection lives in storage.session and the badge in the browser, so a suspended and
 * restarted background still knows which service each tab is on, and serves the next visit.
 *
 * The idle timeout is shortened to 1 s (pref extensions.background.idle.timeout, 30 s by default); the suspension
 * is observed, not assumed: the background's page (_generated_background_page.html) leaves the extension's views
 * (extension.getViews(), read from the harness's own extension page) and comes back when a message wakes it.
 */
import {describe, expect, test} from 'vitest';
import {launchFirefox} from '../../scripts/browser/browsers';
import {waitForBannerHost} from '../../scripts/browser/banner';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {poll} from '../../scripts/browser/wait';
import {useSession} from './suites/session';

describe('Firefox: the background suspended when idle and started again', () => {
	const s = useSession(() => launchFirefox({prefs: {'extensions.background.idle.timeout': 1000}}));

	/** Whether the background page is running (it is one of the extension's views while it is). */
	const backgroundRunning = () =>
		s().extEval(async (api) =>
			(api as unknown as {extension: {getViews(): Window[]}}).extension
				.getViews()
				.some((view) => view.location.pathname === '/_generated_background_page.html'),
		);

	test("the popup still names the tab's service, and the next visit still gets its banner", async () => {
		const session = s();
		const site = await session.openSite(PHOTOS_URL);
		await waitForBannerHost(site.page);
		expect((await session.badge(site.tabId)).text).toBe('!');

		await poll(backgroundRunning, (running) => !running, {what: 'the idle background to be suspended'});

		// A fresh popup page wakes the background, which reads the tab's state back from storage.session.
		const popup = await session.openPopup(site);
		expect(await popup.$eval('h1[data-service]', (h) => h.getAttribute('data-service'))).toBe('google-photos');
		expect(await backgroundRunning()).toBe(true);

		// Suspended again, it serves the next visit: the badge, then the banner it allowed.
		await poll(backgroundRunning, (running) => !running, {what: 'the idle background to be suspended again'});
		await site.page.reload({waitUntil: 'load'});
		await session.waitForBadge(site.tabId, '!');
		await waitForBannerHost(site.page);
	});
});
