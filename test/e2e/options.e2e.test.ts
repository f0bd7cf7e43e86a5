/**
 * The options page end to end, in both browsers:
 * - hide a site from its banner, see the banner stay away there, undo it from the options (and the
 *   same for a snooze);
 * - custom sites with their permission. Firefox runs with `extensions.webextOptionalPermissionPrompts:
 *   false`, so permissions.request from a click resolves true without a prompt: add example.org, see the
 *   banner there, remove it, see the permission and the registration gone. Chromium headless never
 *   answers the prompt, so there the test checks everything below it: the click asks for exactly that
 *   one origin (permissions.request is observed), and a site without permission is listed as "No access",
 *   has no registration and shows no banner, then is removed;
 * - export, import into a fresh profile, same state (Firefox: with a custom site granted again there);
 * - axe-core: no violation on the options page, light and dark.
 *
 * axe-core is evaluated through the driver (scripts/browser/axe.ts: page.evaluate of its source). page.addScriptTag({content})
 * does not work on extension pages: checked in both browsers, it resolves without error but the inline
 * <script> never runs (`axe` stays undefined), since the pages' CSP (script-src 'self') blocks it.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {describe, expect, test} from 'vitest';
import {axeViolations} from '../../scripts/browser/axe';
import {bannerHostNow, clickBannerButton, readBanner, waitForBannerHost} from '../../scripts/browser/banner';
import {launchChromium, launchFirefox, type ExtensionSession, type LaunchOptions} from '../../scripts/browser/browsers';
import {evalWithApi} from '../../scripts/browser/ext-api';
import {REPO} from '../../scripts/browser/paths';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {useSession} from './suites/session';
import {poll, sleep} from '../../scripts/browser/wait';

const EN = JSON.parse(readFileSync(path.join(REPO, 'locales/en/messages.json'), 'utf8')) as Record<
	string,
	{message: string; placeholders?: Record<string, {content: string}>}
>;
/** An English message with its placeholders filled, as the browser would. */
function msg(key: string, ...subs: string[]): string {
	const entry = EN[key];
	if (!entry) throw new Error(`No message ${key}`);
	return entry.message.replace(/\$([A-Z0-9_]+)\$/g, (_, name: string) => {
		const index = Number(entry.placeholders?.[name.toLowerCase()]?.content.slice(1));
		return subs[index - 1] ?? '';
	});
}

const READY = 'body[data-ready="1"]';
const CUSTOM_HOST = 'example.org';
const CUSTOM_URL = `https://${CUSTOM_HOST}/`;
const CUSTOM_ORIGIN = `https://${CUSTOM_HOST}/*`;
const FIREFOX_NO_PROMPTS: LaunchOptions = {prefs: {'extensions.webextOptionalPermissionPrompts': false}};

type Reply<T> = {ok: true; value: T} | {ok: false; error: string};
/** Sends a message to the background from an extension page, as the options page's client does. */
async function sendFrom<T>(page: Page, type: string, payload: unknown): Promise<T> {
	const reply = await evalWithApi(
		page,
		(api, t: string, p: unknown) => api.runtime.sendMessage<unknown, Reply<T>>({type: t, payload: p}),
		type,
		payload,
	);
	if (!reply.ok) throw new Error(reply.error);
	return reply.value;
}

async function statusText(page: Page, id: string): Promise<string> {
	return page.$eval(`#${id}`, (el) => el.textContent ?? '');
}
async function waitForStatus(page: Page, id: string, text: string): Promise<void> {
	await poll(
		() => statusText(page, id),
		(value) => value === text,
		{timeout: 10_000, what: `#${id} to say "${text}"`},
	);
}

/** The test page's spies: the exported Blobs, and permissions.request calls (see openOptionsObservingRequests). */
type ExportSpy = {savedExports: Blob[]};
type PermissionSpy = {
	permissionRequests: unknown[];
	chrome: {permissions: {request: (request: unknown) => Promise<boolean>}};
};

/** The state that an export carries, without its timestamp. */
async function exportedState(page: Page) {
	const {exportedAt: _at, ...rest} = await sendFrom<Record<string, unknown>>(page, 'exportData', null);
	return rest;
}

function sharedTests(s: () => ExtensionSession) {
	test('axe-core finds no violation on the options page, light and dark', async () => {
		const options = await s().openExtensionPage('options/index.html', READY);
		for (const theme of ['light', 'dark'] as const) {
			await options.click(`#theme-${theme}`);
			await options.waitForSelector(`html[data-theme="${theme}"]`, {timeout: 5000});
			const background = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
			expect(background, theme).toBe(theme === 'dark' ? 'rgb(28, 27, 31)' : 'rgb(255, 255, 255)');
			expect(await axeViolations(options), theme).toEqual([]);
		}
		// The confirmation steps are part of the page too.
		await options.click('#reset-all');
		await options.waitForSelector('#reset-confirm', {timeout: 5000});
		expect(await axeViolations(options), 'reset confirmation').toEqual([]);
		await poll(
			() => options.evaluate(() => document.activeElement?.textContent),
			(text) => text === msg('confirmCancel'),
			{timeout: 5000, what: 'focus on Cancel'},
		);
		await options.click('#reset-cancel');
		await options.waitForSelector('#reset-all', {timeout: 5000});
	});

	test('hide a site from its banner: it stays away there; undo it from the options. The same for a snooze', async () => {
		const photos = await s().openSite(PHOTOS_URL);
		await clickBannerButton(s(), photos.page, await waitForBannerHost(photos.page), msg('bannerHide'));
		await poll(
			() => s().storedSettings(),
			(v) => (v?.['hiddenServices'] as string[] | undefined)?.includes('google-photos') === true,
			{what: 'google-photos hidden'},
		);

		const again = await s().openSite(PHOTOS_URL);
		await s().waitForBadge(again.tabId, '!');
		await sleep(500);
		expect(await bannerHostNow(again.page)).toBeNull();

		const options = await s().openExtensionPage('options/index.html', READY);
		const row = '#hidden-list li[data-service="google-photos"]';
		expect(await options.$eval(row, (li) => li.querySelector('span')?.textContent)).toBe('Google Photos');
		expect(await options.$eval(`${row} button`, (b) => b.getAttribute('aria-label'))).toBe(
			msg('optionsShowAgainOn', 'Google Photos'),
		);
		await options.click(`${row} button`);
		await waitForStatus(options, 'lists-status', msg('optionsShownAgain', 'Google Photos'));
		expect(await s().storedSettings()).toMatchObject({hiddenServices: []});
		expect(await options.$(row)).toBeNull();
		// The button went with its row: focus is on the emptied list's heading, not lost to the page.
		await poll(
			() => options.evaluate(() => document.activeElement?.id),
			(id) => id === 'hidden-heading',
			{timeout: 5000, what: 'focus on the hidden list heading'},
		);

		const back = await s().openSite(PHOTOS_URL);
		const host = await waitForBannerHost(back.page);
		// "Not now": the options list it with its end date, live (the page is still open), and undo it.
		await clickBannerButton(s(), back.page, host, msg('bannerNotNow'));
		await options.bringToFront();
		const snoozedRow = '#snoozed-list li[data-service="google-photos"]';
		await options.waitForSelector(snoozedRow, {timeout: 10_000});
		expect(await options.$eval(`${snoozedRow} span`, (el) => el.textContent)).toMatch(/^Google Photos, until .*\d{4}/);
		await options.click(`${snoozedRow} button`);
		await waitForStatus(options, 'lists-status', msg('optionsShownAgain', 'Google Photos'));
		expect(await s().storedSettings()).toMatchObject({snoozedUntil: {}});
		await poll(
			() => options.evaluate(() => document.activeElement?.id),
			(id) => id === 'snoozed-heading',
			{timeout: 5000, what: 'focus on the snoozed list heading'},
		);
		const last = await s().openSite(PHOTOS_URL);
		await waitForBannerHost(last.page);
	});

	test('a custom site is refused with a clear message when the catalogue knows it, and nothing is asked', async () => {
		const options = await s().openExtensionPage('options/index.html', READY);
		await options.type('#custom-site', 'https://photos.google.com/u/0/');
		await options.click('#custom-site-add');
		await waitForStatus(options, 'custom-status', msg('customSiteErrorCatalogued', 'Google Photos'));
		expect(await options.$eval('#custom-site', (el) => el.getAttribute('aria-invalid'))).toBe('true');
		await options.click('#custom-site', {count: 3});
		await options.type('#custom-site', '192.168.1.10');
		await options.click('#custom-site-add');
		await waitForStatus(options, 'custom-status', msg('customSiteErrorIp'));
		expect((await s().storedSettings())?.['customSites']).toEqual([]);
	});
}

async function customSiteRow(options: Page) {
	return options.$eval(`#custom-site-list li[data-host="${CUSTOM_HOST}"]`, (li) => ({
		granted: li.getAttribute('data-granted'),
		text: li.textContent,
	}));
}

/** Registrations and permission, from the extension's own context. */
async function customSiteBackground(s: ExtensionSession) {
	return s.extEval(async (api, origin: string) => {
		const scripts = await api.scripting.getRegisteredContentScripts();
		return {
			scripts: scripts.map((script) => [script.id, script.matches]),
			granted: await api.permissions.contains({origins: [origin]}),
		};
	}, CUSTOM_ORIGIN);
}

const SECOND_HOST = 'www.example.com';

/** Imports, through the page's file field, this browser's own export with two custom sites put in it. */
async function importTwoSites(s: ExtensionSession, options: Page): Promise<void> {
	const exported = await sendFrom<{settings: Record<string, unknown>}>(options, 'exportData', null);
	const file = path.join(s.scratch, 'two-sites.json');
	writeFileSync(
		file,
		JSON.stringify({...exported, settings: {...exported.settings, customSites: [CUSTOM_HOST, SECOND_HOST]}}),
	);
	await (await options.$('input#data-import'))!.uploadFile(file);
	await waitForStatus(options, 'data-status', msg('dataImportedWithSites'));
	expect(await statusText(options, 'custom-sites-missing')).toBe(msg('customSitesMissing', '2'));
}

describe('Options, Firefox (optional permissions granted without a prompt)', () => {
	const s = useSession(() => launchFirefox(FIREFOX_NO_PROMPTS));

	sharedTests(s);

	test('add a custom site: its permission is asked and granted, the banner appears there; remove it: permission and script gone', async () => {
		const options = await s().openExtensionPage('options/index.html', READY);
		await options.type('#custom-site', `HTTPS://Example.ORG/some/album?x=1`);
		await options.click('#custom-site-add');
		await waitForStatus(options, 'custom-status', msg('customSiteAdded', CUSTOM_HOST));
		expect(await customSiteRow(options)).toMatchObject({granted: '1'});
		expect(await customSiteBackground(s())).toEqual({
			scripts: [[`custom-site:${CUSTOM_HOST}`, [CUSTOM_ORIGIN]]],
			granted: true,
		});
		expect((await s().storedSettings())?.['customSites']).toEqual([CUSTOM_HOST]);

		const site = await s().openSite(CUSTOM_URL);
		const banner = await readBanner(s(), site.page, await waitForBannerHost(site.page));
		expect(banner.heading).toBe(msg('bannerHeadingMay', CUSTOM_HOST));
		expect(banner.paragraphs).toContain(msg('customSiteConcern'));
		expect(await s().badge(site.tabId)).toEqual({text: '!', title: msg('badgeTitleMay', CUSTOM_HOST)});

		await options.bringToFront();
		await options.click(`#custom-site-list li[data-host="${CUSTOM_HOST}"] button`);
		await waitForStatus(options, 'custom-status', msg('customSiteRemoved', CUSTOM_HOST));
		expect(await customSiteBackground(s())).toEqual({scripts: [], granted: false});
		const after = await s().openSite(CUSTOM_URL);
		await sleep(800);
		expect(await bannerHostNow(after.page)).toBeNull();
		expect(await s().badge(after.tabId)).toMatchObject({text: ''});
	});

	test('an import brings two sites without access: "Allow all" grants both in one go, and the banner appears on each', async () => {
		const options = await s().openExtensionPage('options/index.html', READY);
		try {
			await importTwoSites(s(), options);
			expect(await axeViolations(options)).toEqual([]); // with the notice and its "Allow all" shown
			await options.click('#custom-sites-allow-all');
			await waitForStatus(options, 'custom-status', msg('customSitesAllowedAll', '2'));
			expect(
				await options.$$eval('#custom-site-list li', (rows) =>
					rows.map((li) => [li.getAttribute('data-host'), li.getAttribute('data-granted')]),
				),
			).toEqual([
				[CUSTOM_HOST, '1'],
				[SECOND_HOST, '1'],
			]);
			expect(await options.$('#custom-sites-allow-all')).toBeNull();
			const scripts = await s().extEval(async (api) =>
				(await api.scripting.getRegisteredContentScripts()).map((script) => script.id).sort(),
			);
			expect(scripts).toEqual([`custom-site:${CUSTOM_HOST}`, `custom-site:${SECOND_HOST}`]);
			for (const host of [CUSTOM_HOST, SECOND_HOST]) {
				const site = await s().openSite(`https://${host}/`);
				expect((await readBanner(s(), site.page, await waitForBannerHost(site.page))).heading).toBe(
					msg('bannerHeadingMay', host),
				);
			}
		} finally {
			await options.bringToFront().catch(() => {});
			for (const host of [CUSTOM_HOST, SECOND_HOST])
				await sendFrom(options, 'removeCustomSite', {host}).catch(() => {});
		}
		expect(await customSiteBackground(s())).toEqual({scripts: [], granted: false});
	});

	test('export, then import into a fresh profile: the same settings, journey and custom site', async () => {
		// Some state worth moving: a custom site, settings off their defaults, a visit and a checklist tick.
		const first = await s().openExtensionPage('options/index.html', READY);
		await first.type('#custom-site', CUSTOM_HOST);
		await first.click('#custom-site-add');
		await waitForStatus(first, 'custom-status', msg('customSiteAdded', CUSTOM_HOST));
		await sendFrom(first, 'updateSettings', {snoozeDays: 21, preference: 'self-hosted', hiddenServices: ['flickr']});
		const visit = await s().openSite(PHOTOS_URL);
		await waitForBannerHost(visit.page);
		// A new options page shows the visit just recorded.
		const options = await s().openExtensionPage('options/index.html', '#checklist-google-photos-exported');
		await options.click('#checklist-google-photos-exported');
		await poll(
			() => options.$eval('#checklist-google-photos-exported', (el) => (el as HTMLInputElement).checked),
			Boolean,
			{what: 'tick saved'},
		);
		expect(
			await options.$eval('#journey-visits li[data-service="google-photos"]', (li) => li.getAttribute('data-days')),
		).toBe('1');

		// Export through the page's button; the Blob it saves is the file.
		await options.evaluate(() => {
			const saved: Blob[] = [];
			(globalThis as unknown as ExportSpy).savedExports = saved;
			const original = URL.createObjectURL.bind(URL);
			URL.createObjectURL = (blob: Blob) => {
				saved.push(blob);
				return original(blob);
			};
		});
		await options.click('#data-export');
		await poll(
			() => options.evaluate(() => (globalThis as unknown as ExportSpy).savedExports.length),
			(n) => n === 1,
			{what: 'the exported Blob'},
		);
		const file = await options.evaluate(() => (globalThis as unknown as ExportSpy).savedExports[0]!.text());
		expect(await statusText(options, 'data-status')).toMatch(
			/^Saved as photo-privacy-advisor-\d{4}-\d{2}-\d{2}\.json\.$/,
		);
		const exported = JSON.parse(file) as {format: string; settings: Record<string, unknown>};
		expect(exported).toMatchObject({
			format: 'photo-privacy-advisor',
			version: 1,
			settings: {snoozeDays: 21, customSites: [CUSTOM_HOST]},
		});
		const before = await exportedState(options);
		const filePath = path.join(s().scratch, 'export.json');
		writeFileSync(filePath, file);

		const fresh = await launchFirefox(FIREFOX_NO_PROMPTS);
		try {
			const page = await fresh.openExtensionPage('options/index.html', READY);
			// A foreign file first: a clear error, and nothing changes.
			const foreign = path.join(s().scratch, 'foreign.json');
			writeFileSync(foreign, JSON.stringify({format: 'something-else', version: 1}));
			const untouched = await exportedState(page);
			await (await page.$('input#data-import'))!.uploadFile(foreign);
			await waitForStatus(page, 'data-status', msg('importErrorForeign'));
			expect(await exportedState(page)).toEqual(untouched);

			await (await page.$('input#data-import'))!.uploadFile(filePath);
			await waitForStatus(page, 'data-status', msg('dataImportedWithSites'));
			expect(await exportedState(page)).toEqual(before);
			expect(await page.$eval('#snooze-days', (el) => (el as HTMLInputElement).value)).toBe('21');
			expect(await page.$eval('#checklist-google-photos-exported', (el) => (el as HTMLInputElement).checked)).toBe(
				true,
			);
			// The permission does not travel with a file: the site is listed without access until allowed here.
			expect(await customSiteRow(page)).toMatchObject({granted: '0'});
			await page.click(`#custom-site-list li[data-host="${CUSTOM_HOST}"] button`); // "Allow"
			await waitForStatus(page, 'custom-status', msg('customSiteAllowed', CUSTOM_HOST));
			expect(await customSiteRow(page)).toMatchObject({granted: '1'});
			// "Allow" went with the access granted: focus is on the row's remaining control.
			await poll(
				() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
				(label) => label === msg('customSiteRemoveNamed', CUSTOM_HOST),
				{
					timeout: 5000,
					what: "focus on the row's Remove",
				},
			);
			expect(await customSiteBackground(fresh)).toEqual({
				scripts: [[`custom-site:${CUSTOM_HOST}`, [CUSTOM_ORIGIN]]],
				granted: true,
			});
			const site = await fresh.openSite(CUSTOM_URL);
			expect((await readBanner(fresh, site.page, await waitForBannerHost(site.page))).heading).toBe(
				msg('bannerHeadingMay', CUSTOM_HOST),
			);
			expect(fresh.sites.unexpected).toEqual([]);
		} finally {
			await fresh.close();
		}
	}, 120_000);
});

/**
 * The options page with permissions.request observed (in `permissionRequests`) and answered "granted"
 * without granting anything: the real one shows a prompt nobody answers headless. The background and the
 * page still read the real permissions.
 */
async function openOptionsObservingRequests(s: ExtensionSession): Promise<Page> {
	const options = await s.browser.newPage();
	await options.evaluateOnNewDocument(() => {
		const calls: unknown[] = [];
		const scope = globalThis as unknown as PermissionSpy;
		scope.permissionRequests = calls;
		scope.chrome.permissions.request = (request: unknown) => {
			calls.push(request);
			return Promise.resolve(true);
		};
	});
	await options.goto(`${s.origin}options/index.html`, {waitUntil: 'load'});
	await options.waitForSelector(READY, {timeout: 10_000});
	return options;
}

describe('Options, Chromium (the permission prompt cannot be answered headless: everything below it)', () => {
	const s = useSession(() => launchChromium());

	sharedTests(s);

	test('the click asks for exactly that one origin; a site without its permission is listed as "No access", unregistered, bannerless, and removable', async () => {
		// permissions.request answered "granted" without granting: the background checks the real permission itself.
		const options = await openOptionsObservingRequests(s());
		try {
			await options.type('#custom-site', 'https://example.org/albums');
			await options.click('#custom-site-add');
			await poll(
				() => options.evaluate(() => (globalThis as unknown as PermissionSpy).permissionRequests.length),
				(n) => n === 1,
				{what: 'permissions.request'},
			);
			expect(await options.evaluate(() => (globalThis as unknown as PermissionSpy).permissionRequests)).toEqual([
				{origins: [CUSTOM_ORIGIN]},
			]);
			await options.waitForSelector(`#custom-site-list li[data-host="${CUSTOM_HOST}"]`, {timeout: 10_000});
			expect(await customSiteRow(options)).toEqual({
				granted: '0',
				text: `${CUSTOM_HOST} ${msg('customSiteNoAccess')}${msg('customSiteAllow')}${msg('customSiteRemove')}`,
			});
			expect(await customSiteBackground(s())).toEqual({scripts: [], granted: false});

			const site = await s().openSite(CUSTOM_URL);
			await sleep(800);
			expect(await bannerHostNow(site.page)).toBeNull();

			await options.bringToFront();
			await options.click(
				`#custom-site-list li[data-host="${CUSTOM_HOST}"] button[aria-label="${msg('customSiteRemoveNamed', CUSTOM_HOST)}"]`,
			);
			await waitForStatus(options, 'custom-status', msg('customSiteRemoved', CUSTOM_HOST));
			expect((await s().storedSettings())?.['customSites']).toEqual([]);
		} finally {
			await options.close();
		}
	});

	test('"Allow all" asks for every site without access in one request, and believes only the browser\'s real permissions', async () => {
		// permissions.request answered "granted" without granting: the page reads the real permissions back.
		const options = await openOptionsObservingRequests(s());
		try {
			await importTwoSites(s(), options);
			await options.click('#custom-sites-allow-all');
			await waitForStatus(options, 'custom-status', msg('customSitesDeniedAll'));
			expect(await options.evaluate(() => (globalThis as unknown as PermissionSpy).permissionRequests)).toEqual([
				{origins: [CUSTOM_ORIGIN, `https://${SECOND_HOST}/*`]},
			]);
			expect(await options.$('#custom-sites-allow-all')).not.toBeNull();
		} finally {
			await options.close();
		}
	});

	test('keyboard only: Tab reaches every control with a visible focus ring; reset confirms inline, Escape cancels', async () => {
		const options = await s().openExtensionPage('options/index.html', READY);
		const controls = await options.$$eval('input, button, a[href], select, textarea', (els) =>
			els.map((el) => el.id || el.getAttribute('aria-label') || el.textContent),
		);
		const reached: string[] = [];
		for (let i = 0; i < controls.length + 2; i++) {
			await options.keyboard.press('Tab');
			const focus = await options.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el || el === document.body) return null;
				const ring = el.closest('.file-button') ?? el; // the file input's ring is drawn on its label
				const style = getComputedStyle(ring);
				return {
					name: el.id || el.getAttribute('aria-label') || el.textContent,
					outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
				};
			});
			if (!focus) continue;
			expect(focus.outline, `focus ring on ${focus.name}`).toBe(true);
			if (!reached.includes(focus.name)) reached.push(focus.name);
		}
		// Radio groups take one Tab stop each (arrow keys move within): every other control is reached.
		const radios = await options.$$eval('input[type=radio]:not(:checked)', (els) => els.map((el) => el.id));
		expect(reached.sort()).toEqual(controls.filter((name) => !radios.includes(name)).sort());

		await options.focus('#reset-all');
		await options.keyboard.press('Enter');
		await options.waitForSelector('#reset-confirm', {timeout: 5000});
		await poll(
			() => options.evaluate(() => document.activeElement?.id),
			(id) => id === 'reset-cancel',
			{timeout: 5000, what: 'focus on Cancel'},
		);
		await options.keyboard.press('Escape');
		await options.waitForSelector('#reset-all', {timeout: 5000});
		await poll(
			() => options.evaluate(() => document.activeElement?.id),
			(id) => id === 'reset-all',
			{timeout: 5000, what: 'focus back on the reset button'},
		);
		expect(await s().storedSettings()).toMatchObject({hiddenServices: [], bannerEnabled: true});
	});

	test('export, then import into a fresh profile: the same settings and journey', async () => {
		const options = await s().openExtensionPage('options/index.html', READY);
		await sendFrom(options, 'updateSettings', {
			snoozeDays: 5,
			theme: 'dark',
			bannerEnabled: false,
			journeyEnabled: true,
		});
		await sendFrom(options, 'setChecklistStep', {service: 'flickr', step: 'deleted', done: true});
		const backup = await sendFrom<Record<string, unknown>>(options, 'exportData', null);
		const before = await exportedState(options);
		const filePath = path.join(s().scratch, 'export.json');
		writeFileSync(filePath, JSON.stringify(backup));
		const fresh = await launchChromium();
		try {
			const page = await fresh.openExtensionPage('options/index.html', READY);
			// A file from a newer version: refused, nothing changes.
			const newer = path.join(s().scratch, 'newer.json');
			writeFileSync(newer, JSON.stringify({...backup, version: 2}));
			const untouched = await exportedState(page);
			await (await page.$('input#data-import'))!.uploadFile(newer);
			await waitForStatus(page, 'data-status', msg('importErrorNewer'));
			expect(await exportedState(page)).toEqual(untouched);

			await (await page.$('input#data-import'))!.uploadFile(filePath);
			await waitForStatus(page, 'data-status', msg('dataImported'));
			expect(await exportedState(page)).toEqual(before);
			await page.waitForSelector('html[data-theme="dark"]', {timeout: 5000});
			expect(await page.$eval('#banner-enabled', (el) => (el as HTMLInputElement).checked)).toBe(false);
		} finally {
			await fresh.close();
		}
	}, 90_000);
});
