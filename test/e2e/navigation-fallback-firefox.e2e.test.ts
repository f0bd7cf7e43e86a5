/**
 * Firefox 142–146 (the manifest's strict_min_version is 142) has no Navigation API: there the content
 * script follows single-page apps through history and hash changes, <title> changes and clicks
 * (src/content/index.ts, watchNavigation). Firefox ESR here has the API, so this file turns it off with
 * the pref that gates it (dom.navigation.webidl.enabled) and drives the fallback for real: a router that
 * changes the title, a link whose router changes only the address, and Back and Forward.
 */
import {describe, expect, test} from 'vitest';
import {launchFirefox} from '../../scripts/browser/browsers';
import {bannerHostNow, waitForBannerHost} from '../../scripts/browser/banner';
import {routerInAndOut} from './suites/detection';
import {useSession} from './suites/session';
import {sleep} from '../../scripts/browser/wait';

/**
 * A stand-in for amazon.com's own router: links that move with pushState and change nothing else (no
 * title), as many single-page apps do. Served for every path of www.amazon.com.
 */
const ROUTER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amazon (local fixture)</title></head>
<body><main><h1>Local stand-in</h1>
<a id="to-photos" href="/photos/all">Photos</a> <a id="to-cart" href="/gp/cart/view.html">Cart</a>
<script>
for (const link of document.querySelectorAll('a')) link.addEventListener('click', (event) => {
	event.preventDefault();
	setTimeout(() => history.pushState({}, '', link.getAttribute('href')), 20); // routers commit after their data loads
});
</script></main></body></html>`;

describe('Firefox without the Navigation API (as Firefox 142–146): the fallback follows the page', () => {
	const s = useSession(() => launchFirefox({prefs: {'dom.navigation.webidl.enabled': false}}), {
		afterLaunch: (session) => session.sites.serve('www.amazon.com', ROUTER_PAGE),
	});

	test('the pref really removes the API, so the fallback is what runs', async () => {
		const site = await s().openSite('https://www.amazon.com/');
		expect(await site.page.evaluate(() => 'navigation' in globalThis)).toBe(false);
		expect(await site.page.evaluate(() => 'NavigationHistoryEntry' in globalThis)).toBe(false);
	});

	test('a router that changes the title: in, out, Back and Forward', async () => {
		const site = await routerInAndOut(s()); // pushState and <title>: the title observer
		await site.page.goBack(); // popstate (the title stays "Shopping Cart")
		await s().waitForBadge(site.tabId, '!');
		await site.page.goForward();
		await s().waitForBadge(site.tabId, '');
	});

	test('a link whose router changes only the address: the click leads the script to look', async () => {
		const site = await s().openSite('https://www.amazon.com/');
		await sleep(300);
		await site.page.click('#to-photos'); // a trusted click, as a person's
		await s().waitForBadge(site.tabId, '!');
		expect(await site.page.evaluate(() => [location.pathname, document.title])).toEqual([
			'/photos/all',
			'Amazon (local fixture)',
		]);
		await waitForBannerHost(site.page);
		await site.page.click('#to-cart');
		await s().waitForBadge(site.tabId, '');
		expect(await bannerHostNow(site.page)).toBeNull();
	});
});
