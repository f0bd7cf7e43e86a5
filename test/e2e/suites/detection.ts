/**
 * Detection and the banner's choices, in a real browser (issue "Detection and the in-page banner"):
 * every catalogued service on its representative URLs, tricky negatives, the badge set and cleared,
 * client-side navigation into and out of a photos area, Not now / Don't show on this site / Turn off
 * everywhere, and those choices kept across a browser restart.
 */
import {readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {
	extensionTabs,
	type ExtensionSession,
	type LaunchOptions,
	type SitePage,
} from '../../../scripts/browser/browsers';
import {evalWithApi} from '../../../scripts/browser/ext-api';
import {bannerHostNow, clickBannerButton, readBanner, waitForBannerHost} from '../../../scripts/browser/banner';
import {REPO, scratchDir} from '../../../scripts/browser/paths';
import {useSession} from './session';
import {poll, sleep} from '../../../scripts/browser/wait';

type Service = {
	id: string;
	name: {en: string};
	provider: string;
	access: {canSee: string};
	match: {examples: string[]; counterexamples: string[]; lookalikes: string[]; inject: string};
};
type Dataset = {services: Service[]; neverFlag: Array<{id: string; rules: Array<{hosts: string[]}>}>};
const dataset = JSON.parse(readFileSync(path.join(REPO, 'src/data/dataset.json'), 'utf8')) as Dataset;
const en = JSON.parse(readFileSync(path.join(REPO, 'locales/en/messages.json'), 'utf8')) as Record<
	string,
	{message: string}
>;
const msg = (key: string, ...subs: string[]) => en[key]!.message.replace(/\$[A-Z_]+\$/g, () => subs.shift() ?? '');

/** Lookalikes, parent domains, mentions in paths and queries, and the alternatives: never detected. */
const TRICKY_NEGATIVES = [
	'https://google.com/',
	'https://www.google.com/search?q=photos.google.com',
	'https://photos.google.com.evil.example/',
	'https://photos-google.com/',
	'https://evil.example/photos.google.com/photos',
	'https://evil.example/?next=https://photos.google.com/',
	'https://www.amazon.com/photoshop-elements',
	'https://www.amazon.com/s?k=photos',
	'https://www.amazon.com/photo',
	'https://flickr.com/photos/someone/',
	'https://www.flickr.com/',
	'https://photos.ente.com/',
	'https://web.ente.io/',
	'https://drive.proton.me/photos',
	'https://mega.nz/',
];

function fixture(url: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${new URL(url).hostname} (local fixture)</title></head><body style="margin:0"><main data-fixture><h1>Local stand-in</h1></main></body></html>`;
}

function serveEverything(session: ExtensionSession): void {
	const urls = [
		...dataset.services.flatMap((s) => [...s.match.examples, ...s.match.counterexamples, ...s.match.lookalikes]),
		...TRICKY_NEGATIVES,
	];
	for (const url of urls) session.sites.serve(new URL(url).hostname, fixture(url));
	for (const entry of dataset.neverFlag)
		for (const rule of entry.rules)
			for (const host of rule.hosts) if (!host.startsWith('*.')) session.sites.serve(host, fixture(`https://${host}/`));
}

/** A full navigation of the tab (a new document: the browser resets the tab's badge). */
async function visit(page: Page, url: string): Promise<void> {
	await page.goto(url, {waitUntil: 'load', timeout: 15_000});
}

/**
 * On www.amazon.com, the page's own router (main world) moves into Amazon Photos and out to the cart,
 * changing the address and the title as the real site does: the badge and the banner follow it in, and
 * both go on the way out. Returns the tab, now on the cart page.
 */
export async function routerInAndOut(session: ExtensionSession): Promise<SitePage> {
	const site = await session.openSite('https://www.amazon.com/');
	await sleep(300);
	expect((await session.badge(site.tabId)).text).toBe('');
	expect(await bannerHostNow(site.page)).toBeNull();
	await site.page.evaluate(() => {
		history.pushState({}, '', '/photos/all');
		document.title = 'Amazon Photos';
	});
	expect((await session.waitForBadge(site.tabId, '!')).title).toBe(msg('badgeTitle', 'Amazon Photos', 'Amazon'));
	const host = await waitForBannerHost(site.page);
	expect((await readBanner(session, site.page, host)).heading).toBe(msg('bannerHeading', 'Amazon Photos', 'Amazon'));
	await site.page.evaluate(() => {
		history.pushState({}, '', '/gp/cart/view.html');
		document.title = 'Shopping Cart';
	});
	await session.waitForBadge(site.tabId, '');
	await poll(
		() => bannerHostNow(site.page),
		(banner) => banner === null,
		{timeout: 5000, what: 'the banner to go'},
	);
	return site;
}

export function detectionSuite(name: string, launch: (options?: LaunchOptions) => Promise<ExtensionSession>) {
	describe(name, () => {
		const s = useSession(launch, {afterLaunch: serveEverything});

		test('every catalogued service is detected on each of its representative URLs: badge, title and banner', async () => {
			const site = await s().openSite('https://www.example.com/');
			const checked: string[] = [];
			for (const service of dataset.services) {
				for (const url of service.match.examples) {
					await visit(site.page, url);
					const badge = await s().waitForBadge(site.tabId, '!');
					// "can be seen by" only where that is certain; "may be visible to" where E2EE is unknown or
					// opt-in. Both name the provider and hold on a page of someone else's photos.
					const certain = service.access.canSee === 'yes';
					expect(badge.title, url).toBe(
						msg(certain ? 'badgeTitle' : 'badgeTitleUnknown', service.name.en, service.provider),
					);
					const host = await waitForBannerHost(site.page);
					expect((await readBanner(s(), site.page, host)).heading, url).toBe(
						msg(certain ? 'bannerHeading' : 'bannerHeadingUnknown', service.name.en, service.provider),
					);
					checked.push(url);
				}
			}
			expect(checked.length).toBe(dataset.services.reduce((n, service) => n + service.match.examples.length, 0));
			expect(new Set(dataset.services.map((service) => service.id)).size).toBeGreaterThanOrEqual(14);
		}, 300_000);

		test('counterexamples, lookalikes, shop, help and export pages, mentions and the alternatives are never detected', async () => {
			const site = await s().openSite('https://www.example.com/');
			const negatives = [
				...dataset.services.flatMap((service) => [...service.match.counterexamples, ...service.match.lookalikes]),
				...TRICKY_NEGATIVES,
			];
			// Each negative is a new document, so the tab's badge starts empty: it must stay so, and no
			// banner may be placed, once the content script (where it runs at all) has had time to act.
			for (const url of negatives) {
				await visit(site.page, url);
				await sleep(400);
				expect((await s().badge(site.tabId)).text, url).toBe('');
				expect(await bannerHostNow(site.page), url).toBeNull();
			}
		}, 300_000);

		test('client-side navigation: the banner and badge follow the page into and out of the photos area', async () => {
			const site = await routerInAndOut(s());
			// And back (the browser's Back button): the badge returns; the banner, shown once already in this
			// page load, does not come (nor get announced) again.
			await site.page.goBack();
			await s().waitForBadge(site.tabId, '!');
			await sleep(400);
			expect(await bannerHostNow(site.page)).toBeNull();
		});

		test("leaving a service for another site clears the badge and the popup's state", async () => {
			const site = await s().openSite('https://photos.google.com/');
			await s().waitForBadge(site.tabId, '!');
			await visit(site.page, 'https://www.example.com/');
			expect((await s().badge(site.tabId)).text).toBe('');
			const popup = await s().openExtensionPage(`popup/index.html?tab=${site.tabId}`, 'body[data-ready="1"]');
			expect(await popup.$('h1[data-neutral]')).not.toBeNull();
		});

		test("the popup opens in the person's theme, with its first render", async () => {
			const options = await s().openExtensionPage('options/index.html', 'body[data-ready="1"]');
			await evalWithApi(options, (api) => api.runtime.sendMessage({type: 'updateSettings', payload: {theme: 'dark'}}));
			const site = await s().openSite('https://photos.google.com/');
			await s().waitForBadge(site.tabId, '!');
			const popup = await s().openExtensionPage(`popup/index.html?tab=${site.tabId}`, 'body[data-ready="1"]');
			// The stored theme is there when the popup is ready (it comes with the popup's one message).
			expect(await popup.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
			expect(await popup.$('h1[data-neutral]')).toBeNull(); // the tab's service, from the same one message
			// And it follows a change made on another page.
			await evalWithApi(options, (api) => api.runtime.sendMessage({type: 'updateSettings', payload: {theme: 'light'}}));
			await popup.waitForFunction(() => document.documentElement.dataset['theme'] === 'light', {timeout: 5000});
		});

		test("keyboard: the banner's buttons are reachable with Tab and never take focus by themselves", async () => {
			const site = await s().openSite('https://photos.google.com/');
			await waitForBannerHost(site.page);
			expect(await site.page.evaluate(() => document.activeElement === document.body)).toBe(true);
			await site.page.keyboard.press('Tab');
			// Focus went into the banner (the page fixture has nothing focusable): the host is the active element.
			expect(await site.page.evaluate(() => document.activeElement?.localName)).toBe('div');
		});
	});
}

/** Not now, Don't show on this site and Turn off everywhere, and what survives a restart. */
export function choicesSuite(name: string, launch: (options?: LaunchOptions) => Promise<ExtensionSession>) {
	describe(name, () => {
		// Made when the tests run, not when they are collected: a filtered run (-t) leaves nothing behind.
		let keep = '';
		beforeAll(() => {
			keep = scratchDir('restart');
		});
		afterAll(() => {
			if (keep) rmSync(keep, {recursive: true, force: true});
		});

		test("Not now snoozes the service, Don't show hides another, and both survive a browser restart", async () => {
			let session = await launch({keep});
			try {
				serveEverything(session);
				const photos = await session.openSite('https://photos.google.com/');
				await clickBannerButton(session, photos.page, await waitForBannerHost(photos.page), msg('bannerNotNow'));
				const days = 7;
				await photos.page.waitForFunction(() => document.body.children.length === 1, {timeout: 15_000}).catch(() => {});
				const stored = await poll(
					() => session.storedSettings(),
					(v) => Boolean((v?.['snoozedUntil'] as Record<string, number> | undefined)?.['google-photos']),
					{what: 'snooze stored'},
				);
				const until = (stored!['snoozedUntil'] as Record<string, number>)['google-photos']!;
				// It ends at the first local midnight after 7 days: the stored time tells the day, not the minute.
				const left = (until - Date.now()) / 86_400_000;
				expect(left).toBeGreaterThan(days - 0.01);
				expect(left).toBeLessThanOrEqual(days + 1);
				expect(until % 60_000).toBe(0);

				const flickr = await session.openSite('https://www.flickr.com/photos/someone/');
				await clickBannerButton(session, flickr.page, await waitForBannerHost(flickr.page), msg('bannerHide'));
				await poll(
					() => session.storedSettings(),
					(v) => (v?.['hiddenServices'] as string[] | undefined)?.includes('flickr') === true,
					{what: 'hidden stored'},
				);
				// The confirmation replaces the choices, politely.
				const content = await readBanner(session, flickr.page, (await bannerHostNow(flickr.page))!);
				expect(content.paragraphs).toContain(msg('bannerHidden', 'Flickr'));
			} finally {
				await session.close();
			}

			session = await launch({keep});
			try {
				serveEverything(session);
				for (const url of ['https://photos.google.com/', 'https://www.flickr.com/photos/someone/']) {
					const site = await session.openSite(url);
					await session.waitForBadge(site.tabId, '!');
					await sleep(300);
					expect(await bannerHostNow(site.page), url).toBeNull();
				}
				// Another service still gets its banner.
				const amazon = await session.openSite('https://www.amazon.com/photos');
				await waitForBannerHost(amazon.page);
			} finally {
				await session.close();
			}
		}, 120_000);

		test('Turn off everywhere… opens the options at the switch; turned off there, it stops every banner, the badge stays', async () => {
			const session = await launch();
			try {
				serveEverything(session);
				const photos = await session.openSite('https://photos.google.com/');
				await clickBannerButton(session, photos.page, await waitForBannerHost(photos.page), msg('bannerTurnOff'));
				// The banner changes nothing itself (suites/observe.ts checks it): the person confirms in the options.
				// Waited for first: the tab the extension opens comes to the front, and a test page opened before it
				// would be left hidden behind it (headless Chromium then never answers a click's frame in it).
				const turnOff = `${session.origin}options/index.html#turn-off`;
				await poll(
					() => extensionTabs(session),
					(urls) => urls.includes(turnOff),
					{what: 'the options at the switch'},
				);
				const options = await session.openExtensionPage('options/index.html#turn-off', 'body[data-ready="1"]');
				await options.bringToFront();
				await options.click('#banner-enabled');
				await poll(
					() => session.storedSettings(),
					(v) => v?.['bannerEnabled'] === false,
					{what: 'banner off stored'},
				);
				const amazon = await session.openSite('https://www.amazon.de/photos');
				await session.waitForBadge(amazon.tabId, '!');
				await sleep(300);
				expect(await bannerHostNow(amazon.page)).toBeNull();
			} finally {
				await session.close();
			}
		}, 60_000);

		test('Compare alternatives opens the comparison focused on the service', async () => {
			const session = await launch();
			try {
				serveEverything(session);
				const photos = await session.openSite('https://photos.google.com/');
				await clickBannerButton(session, photos.page, await waitForBannerHost(photos.page), msg('bannerCompare'));
				// Asked of the extension itself (its own pages' URLs): over BiDi, puppeteer's page list shows a
				// moz-extension:// tab as about:blank, since such loads are never reported as finished.
				const compare = `${session.origin}compare/index.html?service=google-photos`;
				const urls = await poll(
					() =>
						session.extEval(async (api) => {
							// runtime.getContexts where the browser has it (Chromium), else the pages' windows.
							if ('getContexts' in api.runtime)
								return (await api.runtime.getContexts({contextTypes: ['TAB']})).map((c) => c.documentUrl ?? '');
							return api.extension.getViews({type: 'tab'}).map((view) => view.location.href);
						}),
					(list) => list.includes(compare),
					{timeout: 10_000, what: 'the comparison tab'},
				);
				expect(urls).toContain(compare);
			} finally {
				await session.close();
			}
		}, 60_000);
	});
}
