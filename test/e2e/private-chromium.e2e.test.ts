/**
 * A real incognito tab in Chromium: banner choices made there never reach storage.local, last for the
 * private session only, and end when the last private window closes.
 *
 * Chromium runs an extension in incognito only once the person allows it. Here the test allows it the way
 * the person does, through chrome://extensions (its chrome.developerPrivate API). That reloads the
 * extension, so the session's handle on the old service worker is not used afterwards: everything below goes
 * through a fresh extension page. (Firefox could not be driven into a private window here: a temporary
 * add-on installed by the test driver is not allowed in private browsing, `isAllowedIncognitoAccess()` is
 * false and `windows.create({incognito: true})` is refused; no pref or policy file changed that.)
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {TargetType, type Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {launchChromium, type ExtensionSession} from '../../scripts/browser/browsers';
import {bannerHostNow, clickBannerButton, readBanner, waitForBannerHost} from '../../scripts/browser/banner';
import {evalWithApi} from '../../scripts/browser/ext-api';
import {REPO} from '../../scripts/browser/paths';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {poll, sleep} from '../../scripts/browser/wait';

const EN = JSON.parse(readFileSync(path.join(REPO, 'locales/en/messages.json'), 'utf8')) as Record<
	string,
	{message: string}
>;
const msg = (key: string) => EN[key]!.message;

type Windowing = {
	windows: {
		create(details: {incognito: boolean; url: string}): Promise<{id?: number}>;
		remove(id: number): Promise<void>;
	};
	extension: {isAllowedIncognitoAccess(): Promise<boolean>};
};

describe('Chromium: an incognito tab leaves no trace', () => {
	let s: ExtensionSession;
	/** A page of the extension after the reload: reads storage and opens windows. */
	let control: Page;

	beforeAll(async () => {
		s = await launchChromium();
		const extensions = await s.browser.newPage();
		await extensions.goto('chrome://extensions/', {waitUntil: 'load', timeout: 10_000});
		await extensions.evaluate(async (id: string) => {
			type Dev = {updateExtensionConfiguration(update: {extensionId: string; incognitoAccess: boolean}): Promise<void>};
			await (
				globalThis as unknown as {chrome: {developerPrivate: Dev}}
			).chrome.developerPrivate.updateExtensionConfiguration({extensionId: id, incognitoAccess: true});
		}, s.extensionId);
		await extensions.close();
		control = await poll(
			async () => {
				const page = await s.browser.newPage();
				try {
					await page.goto(`chrome-extension://${s.extensionId}/options/index.html`, {waitUntil: 'load', timeout: 5000});
					const allowed = await evalWithApi(page, (api) =>
						(api as unknown as Windowing).extension.isAllowedIncognitoAccess(),
					);
					if (allowed) return page;
				} catch {
					// the extension is still reloading
				}
				await page.close().catch(() => {});
				return null;
			},
			(page) => page !== null,
			{timeout: 20_000, what: 'the extension allowed in incognito'},
		).then((page) => page!);
	}, 60_000);

	afterAll(async () => {
		await s?.close();
	});

	const stored = (area: 'local' | 'session') =>
		evalWithApi(control, (api, a: 'local' | 'session') => api.storage[a].get(null), area);

	/** A page in a new window (incognito or not) with the local fixtures attached, at the photo service. */
	async function openPhotos(incognito: boolean): Promise<{page: Page; windowId: number}> {
		const before = new Set(s.browser.targets());
		const windowId = await evalWithApi(
			control,
			async (api, inc: boolean) =>
				(await (api as unknown as Windowing).windows.create({incognito: inc, url: 'about:blank'})).id!,
			incognito,
		);
		const target = await poll(
			async () => s.browser.targets().find((t) => !before.has(t) && t.type() === TargetType.PAGE),
			(t) => t !== undefined,
			{timeout: 10_000, what: 'the new window’s tab'},
		);
		const page = (await target!.page())!;
		await s.sites.attach(page);
		await page.goto(PHOTOS_URL, {waitUntil: 'load', timeout: 15_000});
		return {page, windowId};
	}

	test('"Not now" in an incognito tab: storage.local unchanged, the private tab quiet, a normal tab still warned, all forgotten when the private window closes', async () => {
		const localBefore = await poll(
			() => stored('local'),
			(local) => local['settings'] !== undefined,
			{what: 'the settings the background writes on install'},
		);
		const incognito = await openPhotos(true);
		const host = await waitForBannerHost(incognito.page);
		expect((await readBanner(s, incognito.page, host)).heading).toContain('Google Photos');
		await clickBannerButton(s, incognito.page, host, msg('bannerNotNow'));
		// The confirmation says so: this choice lasts for the private session only.
		const confirmation = await poll(
			async () => (await readBanner(s, incognito.page, host)).paragraphs.join(' '),
			(text) => text.includes(msg('bannerPrivateSessionOnly')),
			{what: 'the private-session confirmation'},
		);
		expect(confirmation).toContain(msg('bannerSnoozed').split('$')[0]!);
		const session = await poll(
			() => stored('session'),
			(value) => value['private'] !== undefined,
			{what: 'the private choice in storage.session'},
		);
		const choices = session['private'] as {snoozedUntil: Record<string, number>};
		expect(Object.keys(choices.snoozedUntil)).toEqual(['google-photos']);
		expect(await stored('local')).toEqual(localBefore);

		// The private tab is quiet now; a normal window still gets the banner.
		await incognito.page.reload({waitUntil: 'load'});
		await sleep(800);
		expect(await bannerHostNow(incognito.page)).toBeNull();
		const normal = await openPhotos(false);
		await waitForBannerHost(normal.page);
		expect(await stored('local')).toEqual(localBefore);

		// The last private window closes: the private session's choices go with it.
		await evalWithApi(
			control,
			(api, id: number) => (api as unknown as Windowing).windows.remove(id),
			incognito.windowId,
		);
		await poll(
			() => stored('session'),
			(value) => value['private'] === undefined,
			{what: 'the private choices forgotten'},
		);
		expect(await stored('local')).toEqual(localBefore);
	});
});
