/**
 * What a page can observe of the extension (issue 12, "Leave no trace"), written once and run in each browser
 * (observe-chromium.e2e.test.ts, observe-firefox.e2e.test.ts). Everything the page does here runs in the
 * page's own world (page.evaluate), exactly as the website's scripts would; only the clicks are a person's
 * (puppeteer's real mouse). The README's "What a page can observe" cites these tests by name.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {describe, expect, test} from 'vitest';
import {
	bannerHostNow,
	clickBannerButton,
	readBanner,
	waitForBannerHost,
	waitForConfirmation,
} from '../../../scripts/browser/banner';
import {extensionTabs, type ExtensionSession} from '../../../scripts/browser/browsers';
import {FIXTURES, REPO} from '../../../scripts/browser/paths';
import {PHOTOS_URL} from '../../../scripts/browser/sites';
import {poll, sleep} from '../../../scripts/browser/wait';
import {useSession} from './session';

type Messages = Record<string, {message: string}>;
const en = JSON.parse(readFileSync(path.join(REPO, 'locales/en/messages.json'), 'utf8')) as Messages;
const msg = (key: string) => en[key]!.message;

/** What the page can measure of the banner: its host's box, and the banner's extent found by hit-testing. */
type Extent = {host: {x: number; y: number; width: number; height: number}; top: number; left: number};

/** Measured from the page's world: the host's box, and where hit-testing stops finding the host above and left of the banner's corner. */
function measure(page: Page): Promise<Extent> {
	return page.evaluate(() => {
		const root = document.documentElement;
		const x = root.clientWidth - 40;
		const y = root.clientHeight - 24;
		const host = document.elementFromPoint(x, y)!;
		let top = y;
		while (top > 0 && document.elementFromPoint(x, top - 1) === host) top--;
		let left = x;
		while (left > 0 && document.elementFromPoint(left - 1, y) === host) left--;
		const {x: hx, y: hy, width, height} = host.getBoundingClientRect();
		return {host: {x: hx, y: hy, width, height}, top, left};
	});
}

/** The extent once it holds still (the banner slides in for 160 ms): the same in two measures a frame apart. */
async function settledExtent(page: Page): Promise<Extent> {
	let last = '';
	const extent = await poll(
		async () => {
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			const now = await measure(page);
			const same = JSON.stringify(now) === last;
			last = JSON.stringify(now);
			return same ? now : null;
		},
		(value) => value !== null,
		{timeout: 10_000, what: 'the banner to hold still'},
	);
	return extent!;
}

/** The addresses of the extension's own tabs (asked of the extension: over BiDi, puppeteer lists them as about:blank). */
/** A catalogued host whose whole site is the service: the observer page (fixtures/observer.html) is served there. */
const OBSERVER_URL = 'https://app.photobucket.com/observer';

type Observed = {
	record: string[];
	animations: number;
	styleSheets: number;
	adoptedStyleSheets: number;
	elements: number;
};

/** What the observer page saw, read in its own world (after the badge shows, and a settle window: an absence has no event). */
async function observed(page: Page): Promise<Observed> {
	await sleep(1000);
	return page.evaluate(() => ({
		record: [...(window as unknown as {__observed: string[]}).__observed],
		animations: document.getAnimations().length,
		styleSheets: document.styleSheets.length,
		adoptedStyleSheets: document.adoptedStyleSheets.length,
		elements: document.getElementsByTagName('*').length,
	}));
}

/** Puts the badge-only mode on or off, as the options page does (the background reads the stored document). */
async function setBadgeOnly(session: ExtensionSession, badgeOnly: boolean): Promise<void> {
	const settings = (await session.storedSettings()) ?? {};
	await session.extEval((api, value: unknown) => api.storage.local.set({settings: value}), {...settings, badgeOnly});
}

export function observeSuite(name: string, launch: () => Promise<ExtensionSession>) {
	describe(name, () => {
		const s = useSession(launch, {
			afterLaunch: (session) =>
				session.sites.serve('app.photobucket.com', readFileSync(path.join(FIXTURES, 'observer.html'), 'utf8')),
		});

		test('badge only, or the banner switched off: a photo page sees nothing at all (mutations, animations, style sheets, focus events), the badge still shows', async () => {
			// First with the banner, to show the page's watch works: it sees the host arrive.
			const withBanner = await s().openSite(OBSERVER_URL);
			await waitForBannerHost(withBanner.page);
			const seenWithBanner = await observed(withBanner.page);
			expect(seenWithBanner.record).toContain('mutation childList on body +div');
			await withBanner.page.close();

			await setBadgeOnly(s(), true);
			const site = await s().openSite(OBSERVER_URL);
			await s().waitForBadge(site.tabId, '!');
			const seen = await observed(site.page);
			const fixtureOnly = {record: [], animations: 0, styleSheets: 0, adoptedStyleSheets: 0, elements: 9};
			expect(seen).toEqual(fixtureOnly);
			// A client-side navigation within the service: still nothing.
			await site.page.evaluate(() => history.pushState({}, '', '/observer/album'));
			await s().waitForBadge(site.tabId, '!');
			expect(await observed(site.page)).toEqual(fixtureOnly);
			await site.page.close();

			// The banner switched off in the options (not badge only): nothing either.
			const settings = (await s().storedSettings()) ?? {};
			await s().extEval((api, value: unknown) => api.storage.local.set({settings: value}), {
				...settings,
				badgeOnly: false,
				bannerEnabled: false,
			});
			const off = await s().openSite(OBSERVER_URL);
			await s().waitForBadge(off.tabId, '!');
			expect(await observed(off.page)).toEqual(fixtureOnly);
		});

		test('banner on: what a page can learn of it, recorded (presence, place, size, a guessed text, animations, focus, timing)', async () => {
			const site = await s().openSite(OBSERVER_URL);
			const host = await waitForBannerHost(site.page);
			const {heading} = await readBanner(s(), site.page, host);
			const learnt = await site.page.evaluate((guess: string) => {
				const observed = (window as unknown as {__observed: string[]}).__observed;
				const arrival = (
					window as unknown as {__arrival: {at?: number; animations?: number; animationsNextFrames?: number}}
				).__arrival;
				const root = document.documentElement;
				const el = document.elementFromPoint(root.clientWidth - 40, root.clientHeight - 24)!;
				const style = getComputedStyle(el);
				const box = el.getBoundingClientRect();
				const find = (text: string) => {
					const found = (window as unknown as {find(s: string, c: boolean, b: boolean, w: boolean): boolean}).find(
						text,
						true,
						false,
						true,
					);
					window.getSelection()?.removeAllRanges();
					return found;
				};
				return {
					mutations: observed.filter((line) => line.startsWith('mutation')),
					focusEvents: observed.filter((line) => line.startsWith('event')),
					hostAttributes: el.getAttributeNames(),
					hostBox: [box.width, box.height],
					place: [style.position, style.zIndex],
					shadowRoot: el.shadowRoot,
					findsTheHeading: find(guess),
					findsAWrongGuess: find('Photos stored here are safe from everyone'),
					activeElement: document.activeElement?.localName,
					arrivedAt: typeof arrival.at,
					animations: [arrival.animations, arrival.animationsNextFrames],
				};
			}, heading!);
			console.info(`[${name}] banner on, a page learns: ${JSON.stringify(learnt)}`);
			expect(learnt).toEqual({
				mutations: ['mutation childList on body +div'], // that an element arrived, once
				focusEvents: [], // the banner never takes focus
				hostAttributes: [], // nothing of ours on it to read or select
				hostBox: [0, 0], // the host has no box of its own...
				place: ['fixed', '2147483647'], // ...but its computed place is readable
				shadowRoot: null, // its content is not
				findsTheHeading: true, // window.find() confirms a guessed text on screen, shadow roots included
				findsAWrongGuess: false,
				activeElement: 'body',
				arrivedAt: 'number', // when it arrived (after the page loaded, at document_idle)
				animations: [0, 0], // document.getAnimations() lists none of a closed shadow root's, even as it slides in
			});
		});

		test('the host carries nothing of ours: a bare <div>, no attribute, no style, nothing to select it by', async () => {
			const site = await s().openSite(PHOTOS_URL);
			await waitForBannerHost(site.page);
			const seen = await site.page.evaluate(() => {
				const root = document.documentElement;
				const host = document.elementFromPoint(root.clientWidth - 40, root.clientHeight - 24)!;
				return {
					name: host.localName,
					attributes: host.getAttributeNames(),
					marked: document.querySelector('[data-photo-privacy-advisor], [lang]:not(html), [dir]'),
				};
			});
			expect(seen).toEqual({name: 'div', attributes: [], marked: null});
		});

		test('a page that tricks a click onto "Turn off everywhere…" (a see-through decoy above it) turns nothing off: the options open at the switch', async () => {
			const before = await s().extEval((api) => api.storage.local.get(null));
			const site = await s().openSite(PHOTOS_URL);
			const host = await waitForBannerHost(site.page);
			const target = (await readBanner(s(), site.page, host)).buttons.find((b) => b.text === msg('bannerTurnOff'))!;
			// The page shows its own bait exactly over the button, in the top layer, letting the pointer through.
			const decoy = await site.page.evaluate((rect) => {
				const bait = document.createElement('div');
				bait.popover = 'manual';
				bait.textContent = 'Claim your prize';
				bait.style.cssText = `position:fixed;inset:auto;margin:0;left:${rect.x}px;top:${rect.y}px;width:${rect.width}px;height:${rect.height}px;padding:0;border:0;background:gold;pointer-events:none`;
				document.body.append(bait);
				bait.showPopover();
				return bait.matches(':popover-open');
			}, target);
			expect(decoy).toBe(true);
			await clickBannerButton(s(), site.page, host, msg('bannerTurnOff')); // a person's real click, through the bait
			const options = `${s().origin}options/index.html#turn-off`;
			expect(
				await poll(
					() => extensionTabs(s()),
					(urls) => urls.includes(options),
					{what: 'the options at the switch'},
				),
			).toContain(options);
			// Nothing was turned off: the extension's storage is as it was, the banner still there.
			expect(await s().extEval((api) => api.storage.local.get(null))).toEqual(before);
			expect(await bannerHostNow(site.page)).not.toBeNull();
			// The options page at that address: the switch focused, still on, explained; the person unticks it there.
			const page = await s().openExtensionPage('options/index.html#turn-off', 'body[data-ready="1"]');
			expect(
				await page.evaluate(() => ({
					focused: document.activeElement?.id,
					checked: (document.querySelector('#banner-enabled') as HTMLInputElement).checked,
					note: document.querySelector('#turn-off-here')?.textContent,
				})),
			).toEqual({focused: 'banner-enabled', checked: true, note: msg('optionsTurnOffHere')});
			await page.click('#banner-enabled');
			await poll(
				() => s().storedSettings(),
				(settings) => settings?.['bannerEnabled'] === false,
				{what: 'the banner turned off from the options'},
			);
		});

		test('the confirmation after a choice is the same size whatever was chosen', async () => {
			const sizes: Record<string, {before: Extent; after: Extent}> = {};
			for (const choice of ['bannerNotNow', 'bannerHide']) {
				await s().reset();
				const site = await s().openSite(PHOTOS_URL);
				const host = await waitForBannerHost(site.page);
				const before = await settledExtent(site.page);
				await clickBannerButton(s(), site.page, host, msg(choice));
				await waitForConfirmation(s(), site.page);
				sizes[choice] = {before, after: await settledExtent(site.page)};
				await site.page.close();
			}
			const notNow = sizes['bannerNotNow']!;
			expect(notNow.after).toEqual(notNow.before); // what the page can measure did not change with the choice...
			expect(sizes['bannerHide']).toEqual(notNow); // ...and is the same for each choice
		});
	});
}
