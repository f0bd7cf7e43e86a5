/**
 * The foundation's "done when" checks, written once and run in each browser (chromium.e2e.test.ts,
 * firefox.e2e.test.ts). Each browser file reuses one browser for all its tests (beforeAll).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {describe, expect, test} from 'vitest';
import {
	bannerHostNow,
	clickBannerButton,
	expectNoBanner,
	pageFindsText,
	readBanner,
	waitForBannerGone,
	waitForBannerHost,
	waitForConfirmation,
} from '../../../scripts/browser/banner';
import type {ExtensionSession} from '../../../scripts/browser/browsers';
import {evalWithApi, type ExtensionApi} from '../../../scripts/browser/ext-api';
import {REPO} from '../../../scripts/browser/paths';
import {FLICKR_HOME_URL, FLICKR_PHOTOS_URL, NEUTRAL_URL, PHOTOS_URL} from '../../../scripts/browser/sites';
import {useSession} from './session';
import {poll, sleep} from '../../../scripts/browser/wait';
import {CONFIRMATION_MS} from '../../../src/content/banner-timing';

const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {version: string}).version;
type DatasetTool = {id: string; name: string};
const DATASET = JSON.parse(readFileSync(path.join(REPO, 'src/data/dataset.json'), 'utf8')) as {tools: DatasetTool[]};
/** With the default preference ("both") the banner and the popup name every tool, in catalogue order. */
const TOOLS = DATASET.tools;

const LOCALE_EN = JSON.parse(readFileSync(path.join(REPO, 'locales/en/messages.json'), 'utf8')) as Record<
	string,
	{message: string}
>;
const message = (key: string): string | undefined => LOCALE_EN[key]?.message;

const EN = {
	actionTitle: 'Photo Privacy Advisor',
	heading: 'Photos stored on Google Photos can be seen by Google',
	title: 'Photo Privacy Advisor: photos stored on Google Photos can be seen by Google',
	tools: `Private alternatives: ${TOOLS.map((tool) => tool.name).join(', ')}`,
	close: 'Close',
	notNow: 'Not now',
	/** The popup's neutral text (its wording is being reworked in src/popup: the current key wins). */
	neutral: message('popupNeutralTitle') ?? 'popupNeutralTitle',
	saved: 'Saved',
	bannerOption: 'Show a banner on cloud photo services',
};

/** The page takes the focus: a field of its own (marked as the fixture's), focused from the page's world. */
function focusThePage(page: Page): Promise<void> {
	return page.evaluate(() => {
		const field = document.createElement('input');
		field.setAttribute('data-fixture', '');
		document.body.append(field);
		field.focus();
	});
}

export function extensionSuite(
	name: string,
	launch: () => Promise<ExtensionSession>,
	extra: (get: () => ExtensionSession) => void = () => {},
) {
	describe(name, () => {
		// Every page request must be served locally: nothing reaches (or tries to reach) the network.
		const s = useSession(launch);

		test('the catalogue still has the tools these checks name', () => {
			expect(TOOLS.map((tool) => tool.name)).toEqual(expect.arrayContaining(['Ente Photos', 'PhotoPrism']));
		});

		test('1. the extension loads, its background answers', async () => {
			expect(await s().extEval((api) => api.runtime.getManifest().version)).toBe(VERSION);
			// A round trip through the background (messages, storage): the stored settings document exists.
			expect(
				await poll(
					() => s().storedSettings(),
					(v) => v !== undefined,
					{what: 'stored settings'},
				),
			).toMatchObject({bannerEnabled: true});
		});

		test('2. photos.google.com: the banner appears, the badge is "!" and the title names Google Photos', async () => {
			const site = await s().openSite(PHOTOS_URL);
			const host = await waitForBannerHost(site.page);
			const banner = await readBanner(s(), site.page, host);
			expect(banner.heading).toBe(EN.heading);
			expect(banner.regionLabel).toBe(EN.heading);
			expect(banner.paragraphs).toContain(EN.tools);
			expect(banner.paragraphs.join('\n')).toContain('Ente Photos');
			expect(banner.paragraphs.join('\n')).toContain('PhotoPrism');
			expect(banner.buttons.map((b) => b.label)).toContain(EN.close);
			expect({lang: banner.lang, dir: banner.dir}).toEqual({lang: 'en', dir: 'ltr'});
			// The same text, found by the page itself without entering the shadow root.
			for (const text of [EN.heading, 'Ente Photos', 'PhotoPrism'])
				expect(await pageFindsText(site.page, text), text).toBe(true);
			// The badge is set before the banner model is returned, so it is there already.
			expect(await s().badge(site.tabId)).toEqual({text: '!', title: EN.title});
		});

		test('2b. Flickr: a banner in its photo area, none on its home page (outside the content-script matches)', async () => {
			const photos = await s().openSite(FLICKR_PHOTOS_URL);
			const banner = await readBanner(s(), photos.page, await waitForBannerHost(photos.page));
			expect(banner.heading).toBe('Photos stored on Flickr can be seen by Flickr');
			expect(await s().badge(photos.tabId)).toEqual({
				text: '!',
				title: 'Photo Privacy Advisor: photos stored on Flickr can be seen by Flickr',
			});
			const home = await s().openSite(FLICKR_HOME_URL);
			await expectNoBanner(home.page);
			expect(await s().badge(home.tabId)).toEqual({text: '', title: EN.actionTitle});
		});

		test('3. a site that is not a photo service: no banner host is added at all, and no badge', async () => {
			const site = await s().openSite(NEUTRAL_URL);
			await expectNoBanner(site.page);
			expect(await s().badge(site.tabId)).toEqual({text: '', title: EN.actionTitle});
		});

		test('4. the popup over the photo tab names Google Photos and lists the tools; over the neutral tab it is neutral', async () => {
			const toolIds = TOOLS.map((tool) => tool.id).sort();
			const listedTools = (popup: Page) =>
				popup.$$eval('[data-tool]', (items) =>
					items.map((el) => [el.getAttribute('data-tool') ?? '', el.textContent ?? ''] as const),
				);

			const photos = await s().openSite(PHOTOS_URL);
			await waitForBannerHost(photos.page);
			const popup = await s().openPopup(photos);
			expect(await popup.$eval('h1[data-service]', (h) => [h.getAttribute('data-service'), h.textContent])).toEqual([
				'google-photos',
				EN.heading,
			]);
			const listed = await listedTools(popup);
			expect(listed.map(([id]) => id).sort()).toEqual(toolIds);
			for (const tool of TOOLS) expect(listed.find(([id]) => id === tool.id)?.[1]).toContain(tool.name);
			expect(listed.map(([, text]) => text).join('\n')).toContain('Ente Photos');
			expect(listed.map(([, text]) => text).join('\n')).toContain('PhotoPrism');
			await popup.close();

			const neutral = await s().openSite(NEUTRAL_URL);
			const popup2 = await s().openPopup(neutral);
			expect(await popup2.$('h1[data-service]:not([data-service=""])')).toBeNull();
			expect(await popup2.$eval('body', (b) => b.innerText)).toContain(EN.neutral);
			expect((await listedTools(popup2)).map(([id]) => id).sort()).toEqual(toolIds);
		});

		test('5. options: turning the banner off stores bannerEnabled false and hides it (badge stays); on again brings it back', async () => {
			const options = await s().openExtensionPage('options/index.html', 'body[data-ready="1"]');
			const checkbox = '#banner-enabled';
			expect(
				await options.$eval(checkbox, (el) => [
					(el as HTMLInputElement).checked,
					el.closest('label')?.textContent?.trim(),
				]),
			).toEqual([true, EN.bannerOption]);
			await options.click(checkbox);
			await options.waitForFunction(
				(text) => document.querySelector('[role=status]')?.textContent === text,
				{timeout: 5000},
				EN.saved,
			);
			expect(await options.$eval(checkbox, (el) => (el as HTMLInputElement).checked)).toBe(false);
			expect(await s().storedSettings()).toMatchObject({bannerEnabled: false});

			const off = await s().openSite(PHOTOS_URL);
			expect(await s().waitForBadge(off.tabId, '!')).toEqual({text: '!', title: EN.title});
			await expectNoBanner(off.page);

			await options.bringToFront();
			await options.click(checkbox);
			await poll(
				() => s().storedSettings(),
				(v) => v?.['bannerEnabled'] === true,
				{timeout: 5000, what: 'bannerEnabled true'},
			);
			expect(await options.$eval('[role=status]', (el) => el.textContent)).toBe(EN.saved);

			const on = await s().openSite(PHOTOS_URL);
			expect((await readBanner(s(), on.page, await waitForBannerHost(on.page))).heading).toBe(EN.heading);
		});

		test('6a. the Close button removes the banner (a real mouse click)', async () => {
			const site = await s().openSite(PHOTOS_URL);
			const host = await waitForBannerHost(site.page);
			await clickBannerButton(s(), site.page, host, EN.close);
			await waitForBannerGone(site.page);
			expect(await s().badge(site.tabId)).toEqual({text: '!', title: EN.title});
		});

		test('6b. Escape removes the banner', async () => {
			const site = await s().openSite(PHOTOS_URL);
			await waitForBannerHost(site.page);
			await site.page.keyboard.press('Escape');
			await waitForBannerGone(site.page);
		});

		// The banner tracks the pointer only from a choice on (src/content/banner.ts), from what the choosing click says.
		// The click or tap also puts the focus in the banner, which holds the confirmation by itself: the page takes the
		// focus back first (as a click elsewhere would, but without moving the pointer).
		test('6c. after a choice made with the mouse, the confirmation stays while the mouse is on it, and goes once it leaves', async () => {
			const site = await s().openSite(PHOTOS_URL);
			const host = await waitForBannerHost(site.page);
			await clickBannerButton(s(), site.page, host, EN.notNow);
			await waitForConfirmation(s(), site.page);
			await focusThePage(site.page);
			await sleep(CONFIRMATION_MS + 1500);
			expect(await bannerHostNow(site.page), 'the confirmation, with the mouse on it').not.toBeNull();
			await site.page.mouse.move(5, 5);
			await waitForBannerGone(site.page, CONFIRMATION_MS + 5000);
		}, 45_000);

		test("6d. after a choice made with a tap, the confirmation goes by itself (a finger does not hover, though a tap's :hover sticks)", async () => {
			const site = await s().openSite(PHOTOS_URL);
			const host = await waitForBannerHost(site.page);
			await clickBannerButton(s(), site.page, host, EN.notNow, 'touch');
			await waitForConfirmation(s(), site.page);
			await focusThePage(site.page);
			await waitForBannerGone(site.page, CONFIRMATION_MS + 5000);
		}, 45_000);

		test("the harness's reset: tabs, storage, the journey database and custom sites as the session found them", async () => {
			const before = await s().extEval(async (api) => ({
				local: await api.storage.local.get(null),
				tabs: (await api.tabs.query({})).length,
			}));
			// State of every kind a test can leave: settings, a tab's detection (storage.session), a journey
			// record (IndexedDB), a registered script, and tabs the extension opened itself.
			const options = await s().openExtensionPage('options/index.html', 'body[data-ready="1"]');
			await evalWithApi(options, (api) =>
				api.runtime.sendMessage({type: 'setChecklistStep', payload: {service: 'flickr', step: 'exported', done: true}}),
			);
			await evalWithApi(options, (api) =>
				api.runtime.sendMessage({type: 'updateSettings', payload: {snoozeDays: 30, theme: 'dark'}}),
			);
			const photos = await s().openSite(PHOTOS_URL);
			await s().waitForBadge(photos.tabId, '!');
			const stray = async (api: ExtensionApi) => {
				await api.scripting.registerContentScripts([
					{id: 'stray', matches: ['https://example.org/*'], js: ['content.js']},
				]);
				await api.tabs.create({url: api.runtime.getURL('compare/index.html'), active: false});
			};
			await s().extEval(stray);
			const state = (api: ExtensionApi) =>
				Promise.all([
					api.storage.local.get(null),
					api.storage.session.get(null),
					api.tabs.query({}).then((tabs) => tabs.length),
					api.scripting.getRegisteredContentScripts().then((scripts) => scripts.map((script) => script.id)),
					indexedDB.databases().then((dbs) => dbs.map((db) => db.name)),
				]);
			const [dirtyLocal, dirtySession, dirtyTabs, dirtyScripts, dirtyDbs] = await s().extEval(state);
			expect(dirtyLocal).not.toEqual(before.local);
			expect(Object.keys(dirtySession)).toEqual([`tab:${photos.tabId}`]);
			expect(dirtyTabs).toBe(before.tabs + 3);
			expect(dirtyScripts).toEqual(['stray']);
			expect(dirtyDbs).toContain('photo-privacy-advisor');

			await s().reset();
			expect(await s().extEval(state)).toEqual([before.local, {}, before.tabs, [], []]);
		});

		extra(s);
	});
}

/** The banner in French (the browser's UI language decides the extension's). */
export function frenchSuite(name: string, launch: () => Promise<ExtensionSession>, skipReason?: string) {
	describe.skipIf(Boolean(skipReason))(name, () => {
		const session = useSession(launch);

		test('the banner, the badge title and the Close label are in French', async () => {
			const s = session();
			const site = await s.openSite(PHOTOS_URL);
			const banner = await readBanner(s, site.page, await waitForBannerHost(site.page));
			expect(banner.heading).toBe('Les photos stockées sur Google Photos sont visibles par Google');
			expect(banner.paragraphs).toContain(`Alternatives privées\u00a0: ${TOOLS.map((tool) => tool.name).join(', ')}`);
			expect(banner.buttons.map((b) => b.label)).toContain('Fermer');
			expect(banner.lang).toBe('fr');
			expect(await pageFindsText(site.page, 'Les photos stockées sur Google Photos sont visibles par Google')).toBe(
				true,
			);
			expect(await s.badge(site.tabId)).toEqual({
				text: '!',
				title: 'Photo Privacy Advisor\u00a0: les photos stockées sur Google Photos sont visibles par Google',
			});
		});
	});
}
