/**
 * The project's promises, proven in a real browser (issue "Prove the promises"), written once and run
 * in each browser (promises-chromium.e2e.test.ts, promises-firefox.e2e.test.ts):
 *
 * 1. Hostile pages: a page that redefines DOM globals before the content script runs, and a page that
 *    finds, reads, restyles, clicks, sends fake messages to and removes the banner. The banner stays
 *    correct or goes away cleanly, and storage.local is unchanged.
 * 2. A full scenario (photo pages, other pages, the popup, the comparison page, the options page,
 *    export and import), a corrupted settings document read by the running background, and a browser
 *    restart with a corrupted document (the background starts and repairs it, keeping what is valid).
 * 3. No network: the browser logs every request it makes through all of the above (netlog.ts); the
 *    last test closes the browser and asserts that the extension made none.
 *
 * The tests share one browser (plus the restart), each starting from the extension as the session found
 * it (ExtensionSession.reset); the last one reads the network log of all of them. `E2E_EXTENSION_DIR` runs them on
 * another build (e.g. a scratch build that leaks on purpose: the no-network test must then fail).
 */
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test} from 'vitest';
import {bannerHostNow, readBanner, waitForBannerGone, waitForBannerHost} from '../../../scripts/browser/banner';
import type {ExtensionSession, LaunchOptions} from '../../../scripts/browser/browsers';
import {evalWithApi, type ExtensionApi} from '../../../scripts/browser/ext-api';
import {hostsSummary, readNetLogs} from '../../../scripts/browser/netlog';
import {FIXTURES, REPO, scratchDir} from '../../../scripts/browser/paths';
import {FLICKR_HOME_URL, FLICKR_PHOTOS_URL, NEUTRAL_URL, PHOTOS_URL} from '../../../scripts/browser/sites';
import {poll, sleep} from '../../../scripts/browser/wait';

type Launch = (options?: LaunchOptions) => Promise<ExtensionSession>;
type Messages = Record<string, {message: string}>;
const en = JSON.parse(readFileSync(path.join(REPO, 'locales/en/messages.json'), 'utf8')) as Messages;
const msg = (key: string, ...subs: string[]) => en[key]!.message.replace(/\$[A-Z_]+\$/g, () => subs.shift() ?? '');
const settingsFixture = (name: string) =>
	JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/settings', name), 'utf8')) as Record<string, unknown>;

/** Catalogued hosts whose whole site is the service: the hostile pages are served there. */
const GLOBALS_URL = 'https://app.photobucket.com/hostile-globals';
const DOM_URL = 'https://photos.shutterfly.com/hostile-dom';
const ALL_LOCAL_STORAGE = (api: ExtensionApi): Promise<Record<string, unknown>> => api.storage.local.get(null);
/** What the hostile pages (fixtures/hostile-*.html) record in their own world. */
/** The extension API globals a page must not have (no externally_connectable). */
type ExtensionGlobals = {chrome?: {runtime?: {sendMessage?: unknown}}; browser?: {runtime?: {sendMessage?: unknown}}};
type HostileWindow = {__hostile: {calls: string[]; fromExtension: string[]; seen: Element[]}};

/** The background's answer to getSettings, asked from an extension page like the options page asks. */
async function getSettingsFrom(page: Page): Promise<unknown> {
	return evalWithApi(page, (api) => api.runtime.sendMessage({type: 'getSettings', payload: null}));
}

export function promisesSuite(name: string, launch: Launch) {
	describe(name, () => {
		// Made when the tests run, not when they are collected: a filtered run (-t) leaves nothing behind.
		let netLog = '';
		let keep = '';
		let session: ExtensionSession | undefined;
		const s = () => {
			if (!session) throw new Error('The browser did not start (see beforeAll)');
			return session;
		};
		const start = async () => {
			session = await launch({netLog, keep});
			session.sites.serve('app.photobucket.com', readFileSync(path.join(FIXTURES, 'hostile-globals.html'), 'utf8'));
			session.sites.serve('photos.shutterfly.com', readFileSync(path.join(FIXTURES, 'hostile-dom.html'), 'utf8'));
			// The launch waited for the settings document the background writes on install (settle), so
			// "storage unchanged" below means the page's doing.
		};
		/** Every page request of every session: nothing but the local fixtures. */
		const unexpected: string[] = [];

		beforeAll(async () => {
			const slug = name.toLowerCase().replace(/\W+/g, '-');
			netLog = scratchDir(`netlog-${slug}`);
			keep = scratchDir(`promises-${slug}`);
			await start();
		});
		// Each test starts from the extension as the session found it (see suites/session.ts).
		beforeEach(async () => {
			await session?.reset();
		});
		afterEach(async () => {
			await session?.closePages();
			unexpected.push(...(session?.sites.unexpected.splice(0) ?? []));
			expect(unexpected).toEqual([]);
		});
		afterAll(async () => {
			await session?.close();
			if (netLog) rmSync(netLog, {recursive: true, force: true});
			if (keep) rmSync(keep, {recursive: true, force: true});
		});

		test('hostile page, globals redefined before the content script runs: the banner is built by the real DOM, unseen by the page', async () => {
			const before = await s().extEval(ALL_LOCAL_STORAGE);
			const site = await s().openSite(GLOBALS_URL);
			const host = await waitForBannerHost(site.page);
			// The page's named elements (id="browser", <form name="browser"> with a "runtime" control, name="createElement",
			// <img name="prerendering">) did not stop the detection, the badge or the banner.
			expect(await s().badge(site.tabId)).toMatchObject({text: '!'});
			const banner = await readBanner(s(), site.page, host);
			expect(banner.heading).toContain('Photobucket'); // the wording is the locale's: only the service's name is checked here
			expect(banner.paragraphs.join('\n')).toContain('PhotoPrism');
			expect(banner.buttons.map((b) => b.label ?? b.text)).toEqual(
				expect.arrayContaining([msg('bannerClose'), msg('bannerNotNow'), msg('bannerTurnOff')]),
			);
			const seen = await site.page.evaluate((el) => {
				const hostile = (window as unknown as HostileWindow).__hostile;
				return {
					fromExtension: hostile.fromExtension,
					calls: hostile.calls.filter((call) =>
						/^(attachShadow|customElements|MutationObserver|Symbol\.for|history|fake|xss)/.test(call),
					),
					shadowRoot: el.shadowRoot === null,
				};
			}, host);
			// Not one of the page's redefinitions was called by the content script: its attachShadow (which
			// throws), its MutationObserver (which throws), its Symbol.for, its fake extension APIs.
			expect(seen).toEqual({fromExtension: [], calls: [], shadowRoot: true});
			// The page set the content script's double-injection guard first: it did not stop the banner.
			// The polluted Object.prototype (ok, serviceName, bannerEnabled) did not reach the banner's text.
			expect(banner.paragraphs.join('\n')).not.toContain('<img');
			expect(banner.heading).not.toContain('HIJACKED');
			// Escape (trusted, from the driver) still closes it.
			await site.page.keyboard.press('Escape');
			await poll(
				() => bannerHostNow(site.page),
				(h) => h === null,
				{timeout: 5000, what: 'the banner to close'},
			);
			expect(await s().extEval(ALL_LOCAL_STORAGE)).toEqual(before);
		});

		test('hostile page: it cannot read, restyle, click or message the banner; untrusted events are ignored; nothing is stored', async () => {
			const before = await s().extEval(ALL_LOCAL_STORAGE);
			const tabsBefore = (await s().tabIds()).length;
			const site = await s().openSite(DOM_URL);
			const host = await waitForBannerHost(site.page); // the page's `div {display: none !important}` did not hide it
			expect(await s().badge(site.tabId)).toMatchObject({text: '!'}); // nor its named elements (a form named "browser"…)
			const style = `(root) => {
				const heading = root.querySelector('h2');
				const cs = getComputedStyle(heading);
				const status = root.querySelector('[role=status]');
				// A choice replaces the banner's body by a confirmation in the status (which otherwise only
				// announces the banner, class "announce"), and disables the choice buttons.
				return JSON.stringify({color: cs.color, fontSize: cs.fontSize, fontFamily: cs.fontFamily, buttons: [...root.querySelectorAll('button')].map((b) => b.disabled), body: root.querySelector('.body') !== null, announcing: status.classList.contains('announce')});
			}`;
			type Look = {
				color: string;
				fontSize: string;
				fontFamily: string;
				buttons: boolean[];
				body: boolean;
				announcing: boolean;
			};
			const look = await s().inClosedShadowRoot<Look>(site.page, host, style);
			expect(look.color).not.toBe('rgb(255, 0, 0)'); // the page's `* {color: red !important}` stops at the shadow root
			expect(look.fontSize).not.toBe('40px');
			const headingBefore = (await readBanner(s(), site.page, host)).heading;
			expect(headingBefore).toContain('Shutterfly');

			// What the page itself can do, in its own world.
			const found = await site.page.evaluate(async () => {
				const seen = (window as unknown as HostileWindow).__hostile.seen;
				const host = seen[0]!;
				const result: Record<string, unknown> = {
					seen: seen.length,
					shadowRoot: host.shadowRoot,
					// eslint-disable-next-line no-restricted-syntax -- reads what the page sees of the host (must be ''); writes nothing
					innerHTML: host.innerHTML,
					children: host.childNodes.length,
					html: 'getHTML' in host ? host.getHTML({serializableShadowRoots: true}) : '',
					byRole: document.querySelector('[role=region], [role=status], h2, button'),
					extensionApi:
						typeof (globalThis as ExtensionGlobals).chrome?.runtime?.sendMessage === 'function' ||
						typeof (globalThis as ExtensionGlobals).browser?.runtime?.sendMessage === 'function',
				};
				try {
					host.attachShadow({mode: 'open'});
					result['attachShadow'] = 'allowed';
				} catch (error) {
					result['attachShadow'] = (error as DOMException).name;
				}
				// Synthetic Escape and clicks, everywhere the page can reach.
				for (const target of [document, window, document.body, host] as EventTarget[]) {
					target.dispatchEvent(
						new KeyboardEvent('keydown', {
							key: 'Escape',
							code: 'Escape',
							bubbles: true,
							composed: true,
							cancelable: true,
						}),
					);
					target.dispatchEvent(
						new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', bubbles: true, composed: true}),
					);
				}
				(host as HTMLElement).click();
				host.dispatchEvent(
					new MouseEvent('click', {bubbles: true, composed: true, clientX: innerWidth - 40, clientY: innerHeight - 24}),
				);
				(document.elementFromPoint(innerWidth - 40, innerHeight - 24) as HTMLElement | null)?.click();
				(host as HTMLElement).focus();
				host.dispatchEvent(new KeyboardEvent('keydown', {key: ' ', bubbles: true, composed: true}));
				// Fake messages: the content script listens to none of these.
				for (const action of ['disable', 'hide', 'snooze']) {
					window.postMessage({type: 'bannerAction', payload: {action}}, '*');
					window.postMessage(JSON.stringify({type: 'bannerAction', payload: {action}}), '*');
					window.dispatchEvent(
						new MessageEvent('message', {data: {type: 'bannerAction', payload: {action}}, origin: location.origin}),
					);
					document.dispatchEvent(
						new CustomEvent('photo-privacy-advisor', {detail: {type: 'bannerAction', payload: {action}}}),
					);
				}
				window.postMessage({type: 'updateSettings', payload: {bannerEnabled: false}}, '*');
				window.postMessage({type: 'openOptions', payload: null}, '*');
				await new Promise((resolve) => setTimeout(resolve, 300));
				return result;
			});
			expect(found).toEqual({
				seen: 1, // the page does find the host element (it is in its DOM)...
				shadowRoot: null, // ...but not what is inside
				innerHTML: '',
				children: 0,
				html: '',
				byRole: null,
				extensionApi: false, // no extension API in the page (no externally_connectable)
				attachShadow: 'NotSupportedError',
			});

			// Even a page that had got hold of the buttons themselves: click() and dispatched events are
			// untrusted (isTrusted false), and the banner ignores them. Run in the page's world by the driver.
			const clicked = await s().inClosedShadowRoot<number>(
				site.page,
				host,
				`(root) => {
					const buttons = [...root.querySelectorAll('button')];
					for (const b of buttons) {
						b.click();
						b.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
						b.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
					}
					root.querySelector('section').dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true, composed: true}));
					return JSON.stringify(buttons.length);
				}`,
			);
			expect(clicked).toBeGreaterThanOrEqual(4);
			await sleep(500); // a choice would have disabled the buttons and asked the background at once
			const hostAfter = await bannerHostNow(site.page);
			expect(hostAfter, "the banner is still there after the page's synthetic events").not.toBeNull();
			const after = await s().inClosedShadowRoot<Look>(site.page, hostAfter!, style);
			expect(after).toEqual(look); // same look, no button disabled, no confirmation
			expect((await readBanner(s(), site.page, host)).heading).toBe(headingBefore);
			expect(await s().extEval(ALL_LOCAL_STORAGE)).toEqual(before);
			expect((await s().tabIds()).length).toBe(tabsBefore + 1); // no comparison or options tab was opened

			// The banner still works for the person: a real Escape closes it.
			await site.page.keyboard.press('Escape');
			await poll(
				() => bannerHostNow(site.page),
				(h) => h === null,
				{timeout: 5000, what: 'the banner to close'},
			);
		});

		test('hostile page: removing the banner, moving it or hiding it makes it go away cleanly; nothing is stored', async () => {
			const before = await s().extEval(ALL_LOCAL_STORAGE);
			const site = await s().openSite(DOM_URL);
			await waitForBannerHost(site.page);
			await site.page.evaluate(() => {
				const host = (window as unknown as HostileWindow).__hostile.seen[0]!;
				const clone = host.cloneNode(true) as HTMLElement; // a clone has no shadow root
				document.body.append(clone);
				host.remove();
				document.body.append(host); // back again, then away for good
				(host as HTMLElement).style.setProperty('display', 'none', 'important');
				host.remove();
				clone.remove();
			});
			await waitForBannerGone(site.page);
			// Client-side navigations afterwards: the content script goes on without error and adds nothing.
			await site.page.evaluate(() => {
				history.pushState({}, '', '/hostile-dom/next');
				dispatchEvent(new PopStateEvent('popstate'));
			});
			await sleep(500);
			expect(await bannerHostNow(site.page)).toBeNull();
			expect(await s().badge(site.tabId)).toMatchObject({text: '!'});
			expect(await s().extEval(ALL_LOCAL_STORAGE)).toEqual(before);
		});

		test('a full scenario: photo pages, other pages, the popup, the comparison, the options, export and import', async () => {
			const photos = await s().openSite(PHOTOS_URL);
			expect((await readBanner(s(), photos.page, await waitForBannerHost(photos.page))).heading).toContain(
				'Google Photos',
			);
			const flickr = await s().openSite(FLICKR_PHOTOS_URL);
			await waitForBannerHost(flickr.page);
			for (const url of [FLICKR_HOME_URL, NEUTRAL_URL, 'https://example.org/some/path?q=1']) {
				const other = await s().openSite(url);
				expect(await s().badge(other.tabId)).toMatchObject({text: ''});
			}
			const popup = await s().openPopup(photos);
			expect(await popup.$eval('h1[data-service]', (h) => h.getAttribute('data-service'))).toBe('google-photos');
			await popup.close();
			const neutral = await s().openSite(NEUTRAL_URL);
			await (await s().openPopup(neutral)).close();
			const compare = await s().openExtensionPage('compare/index.html?service=google-photos', 'body[data-ready="1"]');
			expect(await compare.$eval('body', (b) => b.innerText)).toContain('PhotoPrism');

			const options = await s().openExtensionPage('options/index.html', 'body[data-ready="1"]');
			await options.click('#data-export');
			await options.waitForFunction(
				(prefix) => document.querySelector('#data-status')?.textContent?.startsWith(prefix),
				{timeout: 10_000},
				msg('dataExported', '').split(' ')[0]!,
			);
			// Import a backup holding the current settings fixture and a journey.
			const file = path.join(keep, 'backup.json');
			// (in the browser's language, and with the banner, so the rest of the scenario reads the same)
			const settings = {...settingsFixture('v3.json'), customSites: [], language: 'auto', badgeOnly: false};
			const backup = {
				format: 'photo-privacy-advisor',
				version: 1,
				exportedAt: new Date().toISOString(),
				settings,
				journey: {
					visits: [{service: 'flickr', day: '2026-11-02'}],
					checklist: [{service: 'flickr', exported: true, imported: false, deleted: false}],
				},
			};
			writeFileSync(file, JSON.stringify(backup));
			const input = await options.$('input#data-import');
			await input!.uploadFile(file);
			await options.waitForFunction(
				(text) => document.querySelector('#data-status')?.textContent === text,
				{timeout: 10_000},
				msg('dataImported'),
			);
			expect(await s().storedSettings()).toEqual(settings);
		});

		test('a corrupted settings document: the running background answers getSettings with what is valid kept and the rest repaired', async () => {
			const options = await s().openExtensionPage('options/index.html', 'body[data-ready="1"]');
			const set = (value: unknown) => s().extEval((api, v: unknown) => api.storage.local.set({settings: v}), value);
			await set(settingsFixture('corrupted.json'));
			const repaired = settingsFixture('corrupted.repaired.json');
			expect(await getSettingsFrom(options)).toEqual({ok: true, value: repaired});
			expect(await s().storedSettings()).toEqual(repaired); // written back repaired
			const defaults = settingsFixture('defaults.json');
			for (const garbage of [
				'settings',
				42,
				null,
				[1, 2, 3],
				{version: 'two', bannerEnabled: 'no'},
				{version: 999999, bannerEnabled: 0},
			]) {
				await set(garbage);
				expect(await getSettingsFrom(options), JSON.stringify(garbage)).toEqual({ok: true, value: defaults});
			}
			// A document from a newer version: its valid fields are used, and it is not overwritten (no downgrade).
			await set({...repaired, version: 99, futureField: {x: 1}});
			expect(await getSettingsFrom(options)).toEqual({ok: true, value: repaired});
			expect(await s().storedSettings()).toEqual({...repaired, version: 99, futureField: {x: 1}});
		});

		test('a browser restart with a corrupted settings document: the background starts, repairs it and keeps what is valid', async () => {
			await s().extEval((api, v: unknown) => api.storage.local.set({settings: v}), settingsFixture('corrupted.json'));
			unexpected.push(...s().sites.unexpected.splice(0));
			await s().close();
			session = undefined;
			await start();
			const repaired = settingsFixture('corrupted.repaired.json');
			const options = await s().openExtensionPage('options/index.html', 'body[data-ready="1"]');
			expect(await getSettingsFrom(options)).toEqual({ok: true, value: repaired});
			expect(await s().storedSettings()).toEqual(repaired);
			expect(await options.$eval('#snooze-days', (el) => (el as HTMLInputElement).value)).toBe(
				String(repaired['snoozeDays']),
			);
			const site = await s().openSite(PHOTOS_URL);
			expect((await readBanner(s(), site.page, await waitForBannerHost(site.page))).heading).toContain('Google Photos');
		});

		test('no network: the browser logged every request of all the above, and not one is the extension’s', async () => {
			unexpected.push(...s().sites.unexpected.splice(0));
			await s().close(); // the logs are complete once the browser has quit
			session = undefined;
			const {files, requests} = readNetLogs(netLog);
			const byExtension = requests.filter((r) => r.byExtension);
			const own = requests.filter((r) => !r.byExtension);
			console.info(
				`[${name}] network log: ${files.length} files, ${requests.length} requests recorded; by the extension: ${byExtension.length}; ` +
					`the browser's own and the pages': ${own.length} (${hostsSummary(own) || 'none'}); page requests outside the fixtures: ${unexpected.length}`,
			);
			expect(files.length).toBeGreaterThanOrEqual(2); // two launches (the restart), each logged
			expect(byExtension.map((r) => `${r.url} (${r.initiator}, ${r.source})`)).toEqual([]);
			expect(unexpected).toEqual([]);
		}, 60_000);
	});
}
