/**
 * Guided moves in real browsers (issue 14):
 * - over a Google Photos tab, the popup's first 600 px (400 px wide) hold the recommended alternative and the
 *   action to move, and the whole popup is at most 1,200 px tall;
 * - the move Google Photos → Ente Photos: started from its page, steps ticked (one of them by the helper's
 *   "I have requested my export" on a local stand-in for takeout.google.com), kept across a browser restart, its
 *   progress in the popup ("Step 3 of 6") and the options' checklist;
 * - the helper never appears before the move is started; in Firefox (optional permissions granted without a
 *   prompt, extensions.webextOptionalPermissionPrompts: false) it appears once the move starts with the permission,
 *   and goes, with the permission, when the move ends. Chromium headless cannot answer the permission prompt: there
 *   the test checks that the click asks for exactly takeout.google.com and that, without it, no helper appears;
 * - the same on local stand-ins for Apple's data and privacy page (iCloud Photos → Ente Photos, the move abandoned)
 *   and Flickr's account page (Flickr → PhotoPrism, the move finished): no helper before the move, then (Firefox)
 *   the helper with that page's advice, "I have requested my export" moving the plan to step 2, and the permission
 *   given back when the move ends (except www.flickr.com in Firefox, the banner's own host from install); (Chromium) the start asks for exactly that page's host, and no helper without it;
 * - Chromium proves the helper itself on a copy of dist/chrome whose manifest lists takeout.google.com in
 *   host_permissions (an unpacked extension gets them at install, without a prompt, and the move page's real
 *   permissions.request then resolves true at once): with the permission already there, no helper before the move
 *   (it depends on the move, not on the permission); after the start, the helper with Takeout's advice; "I have
 *   requested my export" moves the plan to step 2 (move page and popup); after the move is abandoned, Chromium keeps
 *   the required permission (permissions.remove rejects for it), the move ends without an error, and the helper is
 *   gone on reload;
 * - axe-core finds nothing on the move page, light and dark.
 */
import {cpSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {axeViolations, setTheme} from '../../scripts/browser/axe';
import {
	firefoxFrenchAvailable,
	launchChromium,
	launchFirefox,
	type ExtensionSession,
	type LaunchOptions,
} from '../../scripts/browser/browsers';
import {DIST_CHROME, REPO, scratchDir} from '../../scripts/browser/paths';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {poll} from '../../scripts/browser/wait';
import {exportPageOf} from '../../src/data/moves';

const exportMatch = (service: string) => exportPageOf(service)!;

const EN = JSON.parse(readFileSync(path.join(REPO, 'locales/en/messages.json'), 'utf8')) as Record<
	string,
	{message: string; placeholders?: Record<string, {content: string}>}
>;
function msg(key: string, ...subs: string[]): string {
	return msgIn(EN, key, ...subs);
}
function msgIn(messages: typeof EN, key: string, ...subs: string[]): string {
	const entry = messages[key];
	if (!entry) throw new Error(`No message ${key}`);
	return entry.message.replace(/\$([A-Z0-9_]+)\$/g, (_, name: string) => {
		const index = Number(entry.placeholders?.[name.toLowerCase()]?.content.slice(1));
		return subs[index - 1] ?? '';
	});
}

const FR = JSON.parse(readFileSync(path.join(REPO, 'locales/fr/messages.json'), 'utf8')) as typeof EN;

const READY = 'body[data-ready="1"]';
/** The extension API as the pages and the background see it (the few calls made here). */
type Api = {
	scripting: {getRegisteredContentScripts(): Promise<Array<{id: string; matches: string[]}>>};
	permissions: {contains(p: {origins: string[]}): Promise<boolean>; request(r: unknown): Promise<boolean>};
};
type Global = {browser?: Api; chrome: Api; permissionRequests: unknown[]};
const TAKEOUT_URL = 'https://takeout.google.com/settings/takeout';
const TAKEOUT_ORIGIN = 'https://takeout.google.com/*';
const MOVE_PAGE = 'move/index.html?service=google-photos&tool=ente-photos';
/** The helper's host: the one element the extension adds to the page's <body> (it carries nothing of ours to select it by). */
const HELPER = 'body > :not([data-fixture])';
const FIREFOX_NO_PROMPTS: LaunchOptions = {prefs: {'extensions.webextOptionalPermissionPrompts': false}};

async function expectAccessible(page: Page, what: string): Promise<void> {
	for (const theme of ['light', 'dark'] as const) {
		await setTheme(page, theme);
		const violations = await axeViolations(page);
		expect(violations, `${what}, ${theme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
	}
}

/** Opens the stand-in Takeout page and says whether the helper's host is there after a settle window. */
async function helperOnTakeout(session: ExtensionSession, settleMs = 1500): Promise<Page> {
	return helperOn(session, TAKEOUT_URL, settleMs);
}

/** Opens a local stand-in for an export page (any https address) and waits a settle window for the helper. */
async function helperOn(session: ExtensionSession, url: string, settleMs = 1500): Promise<Page> {
	const {host} = new URL(url);
	session.sites.serve(
		host,
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${host} (local fixture)</title></head><body style="margin:0"><main data-fixture><h1>Local stand-in for ${host}</h1></main></body></html>`,
	);
	const site = await session.openSite(url);
	await site.page.waitForSelector(HELPER, {timeout: settleMs}).catch(() => {});
	return site.page;
}

/** A move page whose permission request is observed and answered "granted" without granting (Chromium headless). */
async function observedMovePage(session: ExtensionSession, path: string): Promise<Page> {
	const move = await session.browser.newPage();
	await move.evaluateOnNewDocument(() => {
		const calls: unknown[] = [];
		const global = globalThis as unknown as Global;
		global.permissionRequests = calls;
		global.chrome.permissions.request = (request: unknown) => {
			calls.push(request);
			return Promise.resolve(true);
		};
	});
	await move.goto(`${session.origin}${path}`, {waitUntil: 'load'});
	await move.waitForSelector(READY, {timeout: 15_000});
	return move;
}

/** The helper's text and buttons, from inside its closed shadow root. */
async function readHelper(session: ExtensionSession, page: Page) {
	const host = (await page.$(HELPER))!;
	return session.inClosedShadowRoot<{
		heading: string;
		text: string;
		buttons: Array<{text: string; x: number; y: number}>;
	}>(
		page,
		host,
		`(root) => JSON.stringify({
			heading: root.querySelector('h2').textContent,
			text: root.querySelector('.body').textContent,
			buttons: [...root.querySelectorAll('button')].map((b) => {
				const r = b.getBoundingClientRect();
				return {text: b.textContent.trim(), x: r.x + r.width / 2, y: r.y + r.height / 2};
			}),
		})`,
	);
}

/**
 * On Takeout, the helper of a Google Photos → Ente Photos move at step 1, saying `says`; its "I have requested my
 * export" clicked, it shows step 2. Returns the Takeout page.
 */
async function requestOnHelper(session: ExtensionSession, says: string): Promise<Page> {
	const takeout = await helperOnTakeout(session, 10_000);
	const helper = await readHelper(session, takeout);
	expect(helper.heading).toBe(msg('helperTitle', 'Google Photos', 'Ente Photos'));
	expect(helper.text).toContain(says);
	expect(helper.text).toContain(msg('helperStep', '1', '6'));
	const requested = helper.buttons.find((b) => b.text === msg('helperRequested'))!;
	await takeout.mouse.click(requested.x, requested.y);
	await poll(
		async () => (await readHelper(session, takeout)).text,
		(text) => text.includes(msg('helperStep', '2', '6')),
		{what: 'helper step 2'},
	);
	return takeout;
}

async function progressOf(page: Page): Promise<string> {
	return page.$eval('.progress', (p) => p.textContent ?? '');
}
async function waitProgress(page: Page, text: string): Promise<void> {
	await page.waitForFunction((t) => document.querySelector('.progress')?.textContent === t, {timeout: 10_000}, text);
}

async function helperBackground(session: ExtensionSession, origin = TAKEOUT_ORIGIN) {
	return session.extEval(async (api, origin: string) => {
		const scripts = await api.scripting.getRegisteredContentScripts();
		return {
			scripts: scripts.filter((s) => s.id.startsWith('export-helper:')).map((s) => [s.id, s.matches]),
			granted: await api.permissions.contains({origins: [origin]}),
		};
	}, origin);
}

/** The other export pages checked like Takeout: Apple's data and privacy page and Flickr's account page. */
const EXPORT_PAGES = [
	{
		service: 'icloud-photos',
		serviceName: 'iCloud Photos',
		tool: 'ente-photos',
		toolName: 'Ente Photos',
		url: 'https://privacy.apple.com/account',
		origin: 'https://privacy.apple.com/*',
		advice: 'Request a copy of your data, select iCloud Photos',
		end: 'abandon',
		bannerHost: false,
	},
	{
		service: 'flickr',
		serviceName: 'Flickr',
		tool: 'photoprism',
		toolName: 'PhotoPrism',
		url: 'https://www.flickr.com/account/',
		origin: 'https://www.flickr.com/*',
		advice: 'request your Flickr data',
		end: 'finish',
		// The banner's own host: Firefox grants www.flickr.com at install (for the banner) and it stays after the move.
		bannerHost: true,
	},
] as const;

function moveSuite(name: string, browser: 'chromium' | 'firefox') {
	const launch = (options: LaunchOptions = {}) =>
		browser === 'chromium' ? launchChromium(options) : launchFirefox({...FIREFOX_NO_PROMPTS, ...options});

	describe(name, () => {
		let keep = '';
		beforeAll(() => {
			keep = scratchDir('move');
		});
		afterAll(() => {
			if (keep) rmSync(keep, {recursive: true, force: true});
		});

		// French in Firefox needs its language pack (CI installs it, so there it never skips; see test/e2e/README.md).
		const languages =
			browser === 'chromium' || firefoxFrenchAvailable() || process.env['CI']
				? (['en', 'fr'] as const)
				: (['en'] as const);
		test.each(languages)(
			'%s: the popup over Google Photos: the alternative and the move in the first 600 px, at most 1,200 px in all',
			async (lang) => {
				const session = await launch(lang === 'fr' ? {lang} : {});
				try {
					const site = await session.openSite(PHOTOS_URL);
					const popup = await session.openPopup(site);
					await popup.waitForSelector(READY, {timeout: 10_000});
					const layout = await popup.evaluate(() => {
						const bottom = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? -1;
						return {
							width: document.body.getBoundingClientRect().width,
							height: document.documentElement.scrollHeight,
							name: document.querySelector('.pick-name strong')?.textContent,
							nameBottom: bottom('.pick-name') + scrollY,
							action: document.querySelector('.pick a.button.primary')?.textContent,
							actionBottom: bottom('.pick a.button.primary') + scrollY,
							criteria: document.querySelector('.pick-criteria')?.textContent,
						};
					});
					const m = lang === 'fr' ? (key: string, ...subs: string[]) => msgIn(FR, key, ...subs) : msg;
					expect(layout.width).toBe(400);
					expect(layout.name).toBe('Ente Photos');
					expect(layout.action).toBe(m('moveStartAction', 'Ente Photos'));
					expect(layout.criteria).toBe(m('popupCriteriaMet', '7', '7'));
					expect(layout.nameBottom).toBeGreaterThan(0);
					expect(layout.actionBottom).toBeLessThanOrEqual(600);
					expect(layout.height).toBeLessThanOrEqual(1200);
					expect(session.sites.unexpected).toEqual([]);
				} finally {
					await session.close();
				}
			},
			120_000,
		);

		test('Google Photos → Ente Photos: start, tick, the helper on Takeout only after the start, a restart, progress in the popup and the options', async () => {
			let session = await launch({keep});
			try {
				// Before the move: no helper on the export page, nothing registered.
				const before = await helperOnTakeout(session);
				expect(await before.$(HELPER)).toBeNull();
				expect(await helperBackground(session)).toEqual({scripts: [], granted: false});

				let move: Page;
				if (browser === 'chromium') {
					// The prompt cannot be answered headless: observe the request, answer "granted" without granting.
					move = await session.browser.newPage();
					await move.evaluateOnNewDocument(() => {
						const calls: unknown[] = [];
						const global = globalThis as unknown as Global;
						global.permissionRequests = calls;
						global.chrome.permissions.request = (request: unknown) => {
							calls.push(request);
							return Promise.resolve(true);
						};
					});
					await move.goto(`${session.origin}${MOVE_PAGE}`, {waitUntil: 'load'});
					await move.waitForSelector(READY, {timeout: 15_000});
				} else {
					move = await session.openExtensionPage(MOVE_PAGE, READY);
				}
				expect(await move.$eval('h1', (h) => h.textContent)).toBe(msg('moveTitle', 'Google Photos', 'Ente Photos'));
				expect(await move.$$eval('.steps h3', (hs) => hs.map((h) => h.textContent))).toEqual(
					['request', 'download', 'prepare', 'import', 'check', 'delete'].map((step) => msg(`moveStep_${step}`)),
				);
				await expectAccessible(move, 'move page (not started)');
				await move.click('section.start button.primary');
				await waitProgress(move, msg('moveProgress', '1', '6'));
				if (browser === 'chromium')
					expect(await move.evaluate(() => (globalThis as unknown as Global).permissionRequests)).toEqual([
						{origins: [TAKEOUT_ORIGIN]},
					]);

				if (browser === 'firefox') {
					expect(await helperBackground(session)).toEqual({
						scripts: [['export-helper:google-photos', [TAKEOUT_ORIGIN]]],
						granted: true,
					});
					await requestOnHelper(session, 'Google Photos');
				} else {
					// Without the real permission: no registration, no helper.
					expect(await helperBackground(session)).toEqual({scripts: [], granted: false});
					const takeout = await helperOnTakeout(session);
					expect(await takeout.$(HELPER)).toBeNull();
					await move.bringToFront();
					await move.click('[data-step="request"] input');
				}
				await move.close();
				move = await session.openExtensionPage(MOVE_PAGE, READY);
				await waitProgress(move, msg('moveProgress', '2', '6'));
				await move.click('[data-step="download"] input');
				await waitProgress(move, msg('moveProgress', '3', '6'));
				await expectAccessible(move, 'move page (in progress)');
				// The move page without a service: the moves in progress and every service to start from.
				const picker = await session.openExtensionPage('move/index.html', READY);
				expect(await picker.$eval('h1', (h) => h.textContent)).toBe(msg('moveMissing'));
				expect(await picker.$$eval('section a', (links) => links.length)).toBeGreaterThan(20);
				await expectAccessible(picker, 'move page (no service)');
				await picker.close();
				expect(session.sites.unexpected).toEqual([]);
			} finally {
				await session.close();
			}

			session = await launch({keep});
			try {
				let move = await session.openExtensionPage(MOVE_PAGE, READY);
				expect(await progressOf(move)).toBe(msg('moveProgress', '3', '6'));
				expect(await move.$$eval('.steps input[type=checkbox]', (inputs) => inputs.map((i) => i.checked))).toEqual([
					true,
					true,
					false,
					false,
					false,
					false,
				]);

				const site = await session.openSite(PHOTOS_URL);
				const popup = await session.openPopup(site);
				await popup.waitForSelector(READY, {timeout: 10_000});
				expect(await popup.$eval('.pick .progress', (p) => p.textContent)).toBe(msg('moveProgress', '3', '6'));
				expect(await popup.$eval('.pick a.button.primary', (a) => a.textContent)).toBe(msg('moveContinue'));

				const options = await session.openExtensionPage('options/index.html', READY);
				await options.waitForSelector('#checklist-google-photos-exported', {timeout: 10_000});
				expect(
					await options.$$eval('fieldset[data-service="google-photos"] input[type=checkbox]', (inputs) =>
						inputs.map((i) => i.checked),
					),
				).toEqual([true, false, false]);
				await options.waitForSelector('p.move-progress[data-move="google-photos"]', {timeout: 10_000});
				expect(await options.$eval('p.move-progress[data-move="google-photos"]', (p) => p.textContent)).toBe(
					`${msg('journeyMoveStep', 'Ente Photos', '3', '6')} ${msg('journeyMoveOpen')}`,
				);
				// Ticking "imported" in the options ticks the move's import step.
				await options.click('#checklist-google-photos-imported');
				await poll(
					() => options.$eval('#journey-status', (p) => p.textContent),
					(text) => text === msg('optionsSaved'),
					{what: 'the options tick saved'},
				);
				await move.close();
				move = await session.openExtensionPage(MOVE_PAGE, READY);
				expect(await move.$eval('[data-step="import"] input', (i) => i.checked)).toBe(true);

				// Stop the move: the helper's registration and permission go. The notice shows at the click, before the
				// background has ended the move, so the background's state is polled.
				await move.click('.actions button');
				await move.waitForSelector('[role=status]', {timeout: 10_000});
				await poll(
					() => helperBackground(session),
					(state) => state.scripts.length === 0 && !state.granted,
					{what: 'the helper unregistered and its permission given back'},
				);
				const takeout = await helperOnTakeout(session);
				expect(await takeout.$(HELPER)).toBeNull();
				expect(session.sites.unexpected).toEqual([]);
			} finally {
				await session.close();
			}
		}, 180_000);
		test.each(EXPORT_PAGES)(
			'the helper on $url: never before the move of $service, then its advice and "I have requested my export"',
			async (page) => {
				const session = await launch();
				const path = `move/index.html?service=${page.service}&tool=${page.tool}`;
				try {
					// Before the move: no helper on the export page, nothing registered, no permission.
					const before = await helperOn(session, page.url);
					expect(await before.$(HELPER)).toBeNull();
					const installed = browser === 'firefox' && page.bannerHost;
					expect(await helperBackground(session, page.origin)).toEqual({scripts: [], granted: installed});

					const move =
						browser === 'chromium'
							? await observedMovePage(session, path)
							: await session.openExtensionPage(path, READY);
					expect(await move.$eval('h1', (h) => h.textContent)).toBe(msg('moveTitle', page.serviceName, page.toolName));
					await move.click('section.start button.primary');
					await waitProgress(move, msg('moveProgress', '1', '6'));

					if (browser === 'chromium') {
						// Asked for exactly that page's host; headless cannot grant it, and without it there is no helper.
						expect(await move.evaluate(() => (globalThis as unknown as Global).permissionRequests)).toEqual([
							{origins: [page.origin]},
						]);
						expect(await helperBackground(session, page.origin)).toEqual({scripts: [], granted: false});
						const after = await helperOn(session, page.url);
						expect(await after.$(HELPER)).toBeNull();
						expect(session.sites.unexpected).toEqual([]);
						return;
					}

					expect(await helperBackground(session, page.origin)).toEqual({
						scripts: [[`export-helper:${page.service}`, [exportMatch(page.service)]]],
						granted: true,
					});
					const exportPage = await helperOn(session, page.url, 10_000);
					const helper = await readHelper(session, exportPage);
					expect(helper.heading).toBe(msg('helperTitle', page.serviceName, page.toolName));
					expect(helper.text).toContain(page.advice);
					expect(helper.text).toContain(msg('helperStep', '1', '6'));
					const requested = helper.buttons.find((b) => b.text === msg('helperRequested'))!;
					await exportPage.mouse.click(requested.x, requested.y);
					await poll(
						async () => (await readHelper(session, exportPage)).text,
						(text) => text.includes(msg('helperStep', '2', '6')),
						{what: `${page.service} helper at step 2`},
					);
					// The plan has moved on: the move page shows step 2, the request ticked.
					const again = await session.openExtensionPage(path, READY);
					await waitProgress(again, msg('moveProgress', '2', '6'));
					expect(await again.$eval('[data-step="request"] input', (i) => i.checked)).toBe(true);

					if (page.end === 'finish') {
						for (const step of ['download', 'prepare', 'import', 'check', 'delete']) {
							await again.click(`[data-step="${step}"] input`);
							await again.waitForFunction(
								(s) => document.querySelector<HTMLInputElement>(`[data-step="${s}"] input`)?.checked,
								{timeout: 10_000},
								step,
							);
						}
						await waitProgress(again, msg('moveAllDone'));
						expect(await again.$eval('.actions button', (b) => b.textContent)).toBe(msg('moveFinish'));
					} else {
						expect(await again.$eval('.actions button', (b) => b.textContent)).toBe(msg('moveAbandon'));
					}
					await again.click('.actions button');
					await again.waitForFunction(
						(t) => document.querySelector('[role=status]')?.textContent === t,
						{timeout: 10_000},
						msg('moveEnded'),
					);
					// The move has ended: its helper's registration and its permission are gone, and so is the helper.
					await poll(
						() => helperBackground(session, page.origin),
						(state) => state.scripts.length === 0 && state.granted === installed,
						{what: `${page.service} permission given back`},
					);
					const gone = await helperOn(session, page.url);
					expect(await gone.$(HELPER)).toBeNull();
					expect(session.sites.unexpected).toEqual([]);
				} finally {
					await session.close();
				}
			},
			120_000,
		);
	});
}

moveSuite('Guided move, Chromium', 'chromium');

/** dist/chrome, copied, with takeout.google.com in host_permissions: Chromium grants it at install, no prompt. */
function takeoutGrantedBuild(): string {
	const dir = path.join(scratchDir('move-granted'), 'chrome');
	cpSync(DIST_CHROME, dir, {recursive: true});
	const file = path.join(dir, 'manifest.json');
	const manifest = JSON.parse(readFileSync(file, 'utf8')) as {host_permissions?: string[]};
	manifest.host_permissions = [...(manifest.host_permissions ?? []), TAKEOUT_ORIGIN];
	writeFileSync(file, JSON.stringify(manifest));
	return dir;
}

describe('Guided move, Chromium with takeout.google.com granted at install', () => {
	let build = '';
	afterAll(() => {
		if (build) rmSync(path.dirname(build), {recursive: true, force: true});
	});

	test('the helper on Takeout only once the move starts, "I have requested my export", gone after the move is abandoned', async () => {
		build = takeoutGrantedBuild();
		const session = await launchChromium({extensionDir: build});
		try {
			// The permission is there from install, the move is not: no registration, no helper.
			expect(await helperBackground(session)).toEqual({scripts: [], granted: true});
			const before = await helperOnTakeout(session);
			expect(await before.$(HELPER)).toBeNull();
			await before.close();

			// The real permissions.request (already granted: true, no prompt) in the click that starts the move.
			const move = await session.openExtensionPage(MOVE_PAGE, READY);
			await move.click('section.start button.primary');
			await waitProgress(move, msg('moveProgress', '1', '6'));
			expect(await move.$eval('[role=status]', (p) => p.textContent)).toBe(msg('moveHelperOn', 'takeout.google.com'));
			expect(await helperBackground(session)).toEqual({
				scripts: [['export-helper:google-photos', [exportMatch('google-photos')]]],
				granted: true,
			});

			const takeout = await requestOnHelper(session, 'Choose Deselect all, tick only Google Photos');

			// The plan has moved on: the move page and the popup over Google Photos show step 2.
			await move.reload();
			await move.waitForSelector(READY, {timeout: 15_000});
			await waitProgress(move, msg('moveProgress', '2', '6'));
			expect(await move.$eval('[data-step="request"] input', (i) => i.checked)).toBe(true);
			const site = await session.openSite(PHOTOS_URL);
			const popup = await session.openPopup(site);
			await popup.waitForSelector(READY, {timeout: 10_000});
			expect(await popup.$eval('.pick .progress', (p) => p.textContent)).toBe(msg('moveProgress', '2', '6'));
			await popup.close().catch(() => {});

			// Chromium refuses to give back a permission the manifest requires.
			const removal = await session.extEval(
				(api, origin: string) =>
					api.permissions.remove({origins: [origin]}).then(
						(removed) => `resolved ${removed}`,
						(error: unknown) => `rejected: ${error instanceof Error ? error.message : String(error)}`,
					),
				TAKEOUT_ORIGIN,
			);
			expect(removal).toBe('rejected: You cannot remove required permissions.');

			// Abandon: the move ends without an error, the helper's registration goes, the required permission stays.
			await move.bringToFront();
			expect(await move.$eval('.actions button', (b) => b.textContent)).toBe(msg('moveAbandon'));
			await move.click('.actions button');
			// Either the move has ended (the start again) or the page reports an error.
			await move.waitForSelector('section.start, [role=alert]', {timeout: 10_000});
			expect(await move.$eval('[role=status]', (p) => p.textContent)).toBe(msg('moveEnded'));
			expect(await move.$$eval('[role=alert]', (alerts) => alerts.map((a) => a.textContent))).toEqual([]);
			expect(await helperBackground(session)).toEqual({scripts: [], granted: true});

			// The open Takeout page, reloaded: no helper.
			await takeout.bringToFront();
			await takeout.reload({waitUntil: 'load'});
			await takeout.waitForSelector('main[data-fixture]', {timeout: 10_000});
			await takeout.waitForSelector(HELPER, {timeout: 1500}).catch(() => {});
			expect(await takeout.$(HELPER)).toBeNull();
			expect(session.sites.unexpected).toEqual([]);
		} finally {
			await session.close();
		}
	}, 120_000);
});
moveSuite('Guided move, Firefox', 'firefox');
