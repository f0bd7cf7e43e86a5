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
 * - axe-core finds nothing on the move page, light and dark.
 */
import {readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {axeViolations, setTheme} from '../../scripts/browser/axe';
import {launchChromium, launchFirefox, type ExtensionSession, type LaunchOptions} from '../../scripts/browser/browsers';
import {REPO, scratchDir} from '../../scripts/browser/paths';
import {PHOTOS_URL} from '../../scripts/browser/sites';
import {poll} from '../../scripts/browser/wait';

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
const TAKEOUT_HTML =
	'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Takeout (local fixture)</title></head><body style="margin:0"><main data-fixture><h1>Local stand-in for Google Takeout</h1></main></body></html>';
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
	session.sites.serve('takeout.google.com', TAKEOUT_HTML);
	const site = await session.openSite(TAKEOUT_URL);
	await site.page.waitForSelector(HELPER, {timeout: settleMs}).catch(() => {});
	return site.page;
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

async function progressOf(page: Page): Promise<string> {
	return page.$eval('.progress', (p) => p.textContent ?? '');
}
async function waitProgress(page: Page, text: string): Promise<void> {
	await page.waitForFunction((t) => document.querySelector('.progress')?.textContent === t, {timeout: 10_000}, text);
}

async function helperBackground(session: ExtensionSession) {
	return session.extEval(async (api, origin: string) => {
		const scripts = await api.scripting.getRegisteredContentScripts();
		return {
			scripts: scripts.filter((s) => s.id.startsWith('export-helper:')).map((s) => [s.id, s.matches]),
			granted: await api.permissions.contains({origins: [origin]}),
		};
	}, TAKEOUT_ORIGIN);
}

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

		test.each(browser === 'chromium' ? (['en', 'fr'] as const) : (['en'] as const))(
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
					const takeout = await helperOnTakeout(session, 10_000);
					const helper = await readHelper(session, takeout);
					expect(helper.heading).toBe(msg('helperTitle', 'Google Photos', 'Ente Photos'));
					expect(helper.text).toContain('Google Photos');
					expect(helper.text).toContain(msg('helperStep', '1', '6'));
					const requested = helper.buttons.find((b) => b.text === msg('helperRequested'))!;
					await takeout.mouse.click(requested.x, requested.y);
					await poll(
						async () => (await readHelper(session, takeout)).text,
						(text) => text.includes(msg('helperStep', '2', '6')),
						{what: 'helper step 2'},
					);
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

				// Stop the move: the helper's registration and permission go.
				await move.click('.actions button');
				await move.waitForSelector('[role=status]', {timeout: 10_000});
				expect(await helperBackground(session)).toEqual({scripts: [], granted: false});
				const takeout = await helperOnTakeout(session);
				expect(await takeout.$(HELPER)).toBeNull();
				expect(session.sites.unexpected).toEqual([]);
			} finally {
				await session.close();
			}
		}, 180_000);
	});
}

moveSuite('Guided move, Chromium', 'chromium');
moveSuite('Guided move, Firefox', 'firefox');
