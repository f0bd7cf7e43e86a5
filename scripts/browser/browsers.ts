/**
 * Launches a headless browser with the built extension installed, and gives the tests one interface
 * over both drivers: puppeteer-core over CDP for Chromium, over WebDriver BiDi for Firefox ESR.
 *
 *   const s = await launchChromium();            // or launchFirefox(), launchChromium({lang: 'fr'})
 *   try { const site = await s.openSite(PHOTOS_URL); ... } finally { await s.close(); }
 *
 * Each browser gets its own scratch folder under .tmp/e2e/ for HOME and the profile, and a short TMPDIR
 * outside the repository (see Scratch), all deleted on close.
 */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, {TargetType, type Browser, type ElementHandle, type Page, type WebWorker} from 'puppeteer-core';
import {DB_NAME as JOURNEY_DB} from '../../src/background/journey-db';
import {evalWithApi, type ExtensionFunction} from './ext-api';
import {DIST_CHROME, DIST_FIREFOX, REPO, scratchDir} from './paths';
import {FIREFOX_MOZ_LOG} from './netlog';
import {LocalSites} from './sites';
import {poll, sleep} from './wait';

export type BrowserKind = 'chromium' | 'firefox';
export type LaunchOptions = {
	/** Firefox only: extra prefs, e.g. `{'extensions.webextOptionalPermissionPrompts': false}` to grant permissions.request without a prompt. */
	prefs?: Record<string, unknown>;
	/** The browser's UI language (Chromium: --lang; Firefox: intl.locale.requested, with a language pack for fr). */
	lang?: string;
	/**
	 * A scratch folder to reuse across launches (from `scratchDir`), to test what survives a browser
	 * restart. The session then leaves it in place on close: the caller removes it.
	 */
	keep?: string;
	/** The unpacked extension to install instead of dist/chrome or dist/firefox (the benchmark's copy). */
	extensionDir?: string;
	/**
	 * A folder (outside the scratch folder, which close() deletes) where the browser logs every network
	 * request it makes, one file per launch: read it after close() with readNetLogs (netlog.ts).
	 */
	netLog?: string;
};
export type BadgeState = {text: string; title: string};
export type SitePage = {page: Page; tabId: number; url: string};

const CHROMIUM = process.env['E2E_CHROMIUM'] ?? '/usr/bin/chromium';
const FIREFOX = process.env['E2E_FIREFOX'] ?? '/usr/bin/firefox-esr';
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
export const GECKO_ID = (
	JSON.parse(readFileSync(path.join(REPO, 'manifest.json'), 'utf8')) as {
		browser_specific_settings: {gecko: {id: string}};
	}
).browser_specific_settings.gecko.id;
/** Pins moz-extension://<uuid>/ (Firefox otherwise picks a random one per profile). */
const FIREFOX_UUID = '5b0e7c4e-1f7a-4c39-9d52-0a1e2f3c4d5e';
/** The French language pack: Debian's firefox-esr-l10n-fr installs it here (Firefox then loads it itself)... */
const SYSTEM_FR_LANGPACK = '/usr/lib/firefox-esr/browser/extensions/langpack-fr@firefox-esr.mozilla.org.xpi';
/** ...or the same file extracted to .tmp/ (see test/e2e/README.md), installed as a temporary add-on. */
const LOCAL_FR_LANGPACK = path.join(REPO, '.tmp/langpack/langpack-fr@firefox-esr.mozilla.org.xpi');

/** Whether Firefox can show the extension in French here (it needs a French language pack). */
export function firefoxFrenchAvailable(): boolean {
	return existsSync(SYSTEM_FR_LANGPACK) || existsSync(LOCAL_FR_LANGPACK);
}

/** What the extension keeps in storage: the state a session starts from, and every test after a reset. */
type StoredState = {local: Record<string, unknown>; session: Record<string, unknown>; origins: string[]};

export abstract class ExtensionSession {
	abstract readonly kind: BrowserKind;
	/** chrome-extension://<id>/ or moz-extension://<uuid>/ */
	abstract readonly origin: string;
	readonly sites = new LocalSites();
	readonly #pages = new Set<Page>();
	#closed = false;
	/** Storage once the extension had set itself up (see `settle`), and the tabs the harness keeps open. */
	#initial: StoredState = {local: {}, session: {}, origins: []};
	#ownTabs = new Set<number>();

	readonly browser: Browser;
	/** The Chromium extension id, or the gecko id Firefox reported on install. */
	readonly extensionId: string;
	/** The session's scratch root (HOME, profile; a test may write files there). */
	readonly scratch: string;
	readonly #folders: Scratch;

	protected constructor(browser: Browser, extensionId: string, folders: Scratch) {
		this.browser = browser;
		this.extensionId = extensionId;
		this.#folders = folders;
		this.scratch = folders.root;
	}

	/** The browser's TMPDIR (short, outside the repository: see Scratch). */
	get tmp(): string {
		return this.#folders.tmp;
	}

	/**
	 * Runs `fn(api, ...args)` in the extension: the service worker in Chromium, an extension page kept
	 * open in Firefox. `api` is the extension API (see ext-api.ts); `fn` is serialized, so it uses nothing
	 * from outside but its arguments.
	 */
	abstract extEval<A extends unknown[], R>(fn: ExtensionFunction<A, R>, ...args: A): Promise<R>;
	/**
	 * Opens an extension page (path relative to the extension root) in a new tab and waits for `ready`. Firefox's
	 * also takes `untouchedMs`, how long the page is left alone before the first poll (FirefoxSession.load).
	 */
	abstract openExtensionPage(pagePath: string, ready: string): Promise<Page>;
	/** The toolbar popup's page, as a path in the extension: the one the background set for the settings' language, or the manifest's. */
	async popupPage(): Promise<string> {
		return new URL(await this.extEval((api) => api.action.getPopup({}))).pathname.slice(1);
	}
	/** The popup describing `site`: the real toolbar popup in Chromium, the page it would open (popup/<lang>.html?tab=<id>) in Firefox. */
	abstract openPopup(site: SitePage): Promise<Page>;
	/**
	 * Runs `fnSource` (a function taking a ShadowRoot and returning a JSON string) inside the CLOSED shadow
	 * root of `host`. Pages cannot do that; the drivers can: CDP DOM.describeNode({pierce: true}) in
	 * Chromium, WebDriver BiDi serialization with includeShadowTree: "all" in Firefox.
	 */
	abstract inClosedShadowRoot<R>(page: Page, host: ElementHandle<Element>, fnSource: string): Promise<R>;

	protected track(page: Page): Page {
		this.#pages.add(page);
		page.once('close', () => this.#pages.delete(page));
		return page;
	}

	/**
	 * Called once the browser is up: waits for the settings document the background writes on install,
	 * then remembers the extension's storage and the harness's own tabs, which `reset` returns to.
	 */
	async settle(): Promise<void> {
		await poll(
			() => this.storedSettings(),
			(settings) => settings !== undefined,
			{what: 'the settings the background writes on install'},
		);
		this.#initial = await this.extEval(async (api) => ({
			local: await api.storage.local.get(null),
			session: await api.storage.session.get(null),
			origins: (await api.permissions.getAll()).origins ?? [],
		}));
		this.#ownTabs = new Set(await this.tabIds());
	}

	/**
	 * Puts the extension back as the session found it, so a test (or its retry) never starts in the state
	 * an earlier one left: every tab but the harness's own closed; storage.local and storage.session as
	 * they were; the journey database deleted (visits, checklist and moves); every registered content script
	 * (custom sites', export-page helpers') and the host permissions granted since the start gone. All of it through the extension's own API (extEval).
	 */
	async reset(): Promise<void> {
		await this.closePages();
		const own = [...this.#ownTabs];
		await this.extEval(
			async (api, initial: StoredState, keep: number[], database: string) => {
				const strays = (await api.tabs.query({})).flatMap((tab) =>
					tab.id === undefined || keep.includes(tab.id) ? [] : [tab.id],
				);
				if (strays.length > 0) await api.tabs.remove(strays);
				// Custom sites: their registered scripts, and the host permissions granted since the start (the
				// catalogue's own hosts, which Firefox lists by origin, were there from the start and stay).
				await api.scripting.unregisterContentScripts();
				const {origins = []} = await api.permissions.getAll();
				const granted = origins.filter((origin) => !initial.origins.includes(origin));
				if (granted.length > 0) await api.permissions.remove({origins: granted});
				// Storage: keys the session did not start with removed, the others set back (never a moment
				// without the settings document, which the background would then write afresh).
				for (const [area, start] of [
					[api.storage.local, initial.local],
					[api.storage.session, initial.session],
				] as const) {
					const now = await area.get(null);
					const added = Object.keys(now).filter((key) => !(key in start));
					if (added.length > 0) await area.remove(added);
					await area.set(start);
				}
				// The journey: the background's open connection closes itself when asked (idb's `blocking`).
				await new Promise<void>((resolve, reject) => {
					const request = indexedDB.deleteDatabase(database);
					const timer = setTimeout(() => reject(new Error(`The ${database} database stayed blocked`)), 5000);
					request.onsuccess = () => {
						clearTimeout(timer);
						resolve();
					};
					request.onerror = () => {
						clearTimeout(timer);
						reject(request.error ?? new Error(`Deleting the ${database} database failed`));
					};
				});
			},
			this.#initial,
			own,
			JOURNEY_DB,
		);
	}

	/** Ids of all tabs; without the "tabs" permission tabs.query still returns ids (not urls or titles). */
	async tabIds(): Promise<number[]> {
		return this.extEval(async (api) => (await api.tabs.query({})).map((tab) => tab.id ?? -1));
	}

	/**
	 * Opens `url` in a new tab served by the local fixtures, and finds its tab id without the "tabs"
	 * permission: the one id that appears in tabs.query({}) when the tab is created.
	 */
	async openSite(url: string): Promise<SitePage> {
		const before = new Set(await this.tabIds());
		const page = this.track(await this.browser.newPage());
		await this.sites.attach(page);
		const fresh = await poll(
			async () => (await this.tabIds()).filter((id) => !before.has(id)),
			(ids) => ids.length === 1,
			{timeout: 5000, what: 'the id of the new tab'},
		);
		await page.goto(url, {waitUntil: 'load', timeout: 15_000});
		return {page, tabId: fresh[0]!, url};
	}

	async badge(tabId: number): Promise<BadgeState> {
		return this.extEval(async (api, id: number) => {
			const [text, title] = await Promise.all([api.action.getBadgeText({tabId: id}), api.action.getTitle({tabId: id})]);
			return {text, title};
		}, tabId);
	}

	async waitForBadge(tabId: number, text: string, timeout = 10_000): Promise<BadgeState> {
		return poll(
			() => this.badge(tabId),
			(badge) => badge.text === text,
			{timeout, what: `badge "${text}" on tab ${tabId}`},
		);
	}

	async storedSettings(): Promise<Record<string, unknown> | undefined> {
		return this.extEval(async (api) => {
			const {settings} = await api.storage.local.get('settings');
			return settings === undefined ? undefined : (settings as Record<string, unknown>);
		});
	}

	/** Closes the tabs opened through the session (not the harness's own). */
	async closePages(): Promise<void> {
		await Promise.all([...this.#pages].map((page) => page.close().catch(() => {})));
		this.#pages.clear();
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		await closeBrowser(this.browser);
		this.#folders.release();
	}
}

/**
 * A session from a browser being launched: `open` makes the session on the launched browser, which then settles.
 * Whatever fails on the way closes the browser (if it started) and frees its scratch folders, so a failed
 * attempt leaves nothing behind for the retry (withOneRetry).
 */
async function setUp<S extends {settle(): Promise<void>}>(
	dirs: Scratch,
	launching: Promise<Browser>,
	open: (browser: Browser) => Promise<S>,
): Promise<S> {
	const browser = await launching.catch((error: unknown) => {
		dirs.release();
		throw error;
	});
	try {
		const session = await open(browser);
		await session.settle();
		return session;
	} catch (error) {
		await closeBrowser(browser);
		dirs.release();
		throw error;
	}
}

/** Closes a browser this harness started: politely for 15 s, then by its own process handle. Never throws. */
async function closeBrowser(browser: Browser): Promise<void> {
	const child = browser.process();
	try {
		await Promise.race([
			browser.close(),
			sleep(15_000).then(() => Promise.reject(new Error('browser.close() timed out'))),
		]);
	} catch {
		if (child && child.exitCode === null) child.kill('SIGKILL');
	}
}

/**
 * Chromium's process-singleton socket lives at $TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket, and a
 * Unix socket path holds at most 107 bytes: with TMPDIR inside a checkout at a deep path, Chromium quits
 * as it starts and puppeteer only says "Target closed" (CI's checkout was 6 characters deeper than ours).
 */
const SOCKET_PATH_MAX = 107;
const SOCKET_TAIL = '/org.chromium.Chromium.XXXXXX/SingletonSocket';

function outside(folder: string, candidate: string): boolean {
	const relative = path.relative(folder, candidate);
	return relative === '..' || relative.startsWith(`..${path.sep}`);
}

/** A short TMPDIR for one browser, outside the repository: under os.tmpdir() when that fits, else /tmp. */
function shortTmpDir(): string {
	const fits = (base: string) =>
		Buffer.byteLength(path.join(base, 'ppa-e2e-XXXXXX') + SOCKET_TAIL) <= SOCKET_PATH_MAX && outside(REPO, base);
	const base = [path.resolve(os.tmpdir()), '/tmp'].find(fits);
	if (!base)
		throw new Error(
			`No temporary folder outside the checkout short enough for Chromium's socket (${SOCKET_PATH_MAX} bytes at most): not ${os.tmpdir()}, not /tmp`,
		);
	return mkdtempSync(path.join(base, 'ppa-e2e-'));
}

/**
 * One browser's folders: HOME and the profile under a scratch root in .tmp/e2e/ (reused across a restart
 * with `keep`, then the caller removes it), TMPDIR short and outside the repository (shortTmpDir).
 */
class Scratch {
	readonly root: string;
	readonly home: string;
	readonly profile: string;
	readonly tmp: string;
	readonly env: Record<string, string | undefined>;
	readonly #keep: boolean;

	constructor(kind: BrowserKind, keep?: string) {
		this.tmp = shortTmpDir(); // first: it may throw, and then no folder is left behind
		this.root = keep ?? scratchDir(kind);
		this.#keep = keep !== undefined;
		this.home = path.join(this.root, 'home');
		this.profile = path.join(this.root, 'profile');
		for (const dir of [this.home, this.profile]) mkdirSync(dir, {recursive: true});
		this.env = {
			...process.env,
			HOME: this.home,
			TMPDIR: this.tmp,
			XDG_CONFIG_HOME: path.join(this.home, '.config'),
			XDG_CACHE_HOME: path.join(this.home, '.cache'),
		};
	}

	/** Removes the TMPDIR, and the root unless it is kept. */
	release(): void {
		rmSync(this.tmp, {recursive: true, force: true, maxRetries: 3});
		if (!this.#keep) rmSync(this.root, {recursive: true, force: true, maxRetries: 3});
	}
}

/**
 * A browser that fails to start gets one more try, said aloud in the output: vitest's retry covers the
 * tests, not the beforeAll that launches the browser, and a real browser on a loaded 2-core machine can
 * miss a start-up deadline once. A browser that fails twice fails the suite with both errors (a cause
 * that does not go away, like the socket path above, fails both tries).
 */
export async function withOneRetry<T>(
	browserName: string,
	start: () => Promise<T>,
	beforeRetry: () => void = () => {},
): Promise<T> {
	try {
		return await start();
	} catch (first) {
		console.warn(`[browser launch] ${browserName} did not start (${String(first)}); trying once more`);
		beforeRetry();
		try {
			return await start();
		} catch (second) {
			throw new Error(`${browserName} did not start, twice. First: ${String(first)}. Then: ${String(second)}`, {
				cause: second,
			});
		}
	}
}

/**
 * Takes back what a failed start left for the second try (snapshot taken now, before the first): the
 * network-log files it wrote (one cut off mid-write would break the no-network test's reader) and, on a
 * first start with `keep`, the profile it began, so that the second try is a first start too, not a
 * restart. A relaunch with `keep` keeps its profile: a failed try is then just one more restart.
 */
export function undoAttempt(options: LaunchOptions): () => void {
	const list = (folder: string | undefined) => (folder && existsSync(folder) ? readdirSync(folder) : []);
	const logsBefore = new Set(list(options.netLog));
	const firstStart = options.keep !== undefined && list(options.keep).length === 0;
	return () => {
		for (const name of list(options.netLog))
			if (!logsBefore.has(name)) rmSync(path.join(options.netLog!, name), {force: true});
		if (firstStart)
			for (const name of list(options.keep))
				rmSync(path.join(options.keep!, name), {recursive: true, force: true, maxRetries: 3});
	};
}

// ---------------------------------------------------------------------------------------------- Chromium

class ChromiumSession extends ExtensionSession {
	readonly kind = 'chromium' as const;
	readonly origin: string;
	/** Errors the service worker printed or threw during the run. */
	readonly workerErrors: string[] = [];

	#worker: WebWorker;

	constructor(browser: Browser, extensionId: string, folders: Scratch, worker: WebWorker) {
		super(browser, extensionId, folders);
		this.origin = `chrome-extension://${extensionId}/`;
		this.#worker = this.#listen(worker);
	}

	/** The service worker puppeteer is attached to (a test may detach it to let the worker stop). */
	get worker(): WebWorker {
		return this.#worker;
	}

	#listen(worker: WebWorker): WebWorker {
		worker.on('console', (message) => {
			if (message.type() === 'error') this.workerErrors.push(message.text());
		});
		worker.on('error', (error) => this.workerErrors.push(String(error)));
		return worker;
	}

	async extEval<A extends unknown[], R>(fn: ExtensionFunction<A, R>, ...args: A): Promise<R> {
		if (this.#worker.client.detached) this.#worker = this.#listen(await serviceWorker(this.browser, this.extensionId));
		return evalWithApi(this.#worker, fn, ...args);
	}

	async openExtensionPage(pagePath: string, ready: string): Promise<Page> {
		const page = this.track(await this.browser.newPage());
		await page.goto(this.origin + pagePath, {waitUntil: 'load', timeout: 10_000});
		await page.waitForSelector(ready, {timeout: 10_000});
		return page;
	}

	async openPopup(site: SitePage): Promise<Page> {
		await site.page.bringToFront();
		// The toolbar popup belongs to the focused window's active tab: make sure that is our tab.
		await poll(
			() =>
				this.extEval(async (api) =>
					(await api.tabs.query({active: true, lastFocusedWindow: true})).map((tab) => tab.id),
				),
			(ids) => ids.length === 1 && ids[0] === site.tabId,
			{timeout: 5000, what: `tab ${site.tabId} to be the active tab`},
		);
		// The popup page the background set (one a language: src/background/popup-page.ts), or the manifest's: a new one.
		const before = new Set(this.browser.targets());
		const isPopup = (url: string) =>
			url.startsWith(this.origin) && /^popup\/[\w-]+\.html$/.test(url.slice(this.origin.length));
		const [target] = await Promise.all([
			this.browser.waitForTarget((t) => !before.has(t) && isPopup(t.url()), {timeout: 10_000}),
			this.extEval((api) => api.action.openPopup()),
		]);
		const popup = await target.asPage();
		this.track(popup);
		await popup.waitForSelector('body[data-ready="1"]', {timeout: 10_000});
		return popup;
	}

	async inClosedShadowRoot<R>(page: Page, host: ElementHandle<Element>, fnSource: string): Promise<R> {
		const cdp = await page.createCDPSession();
		try {
			// Object ids belong to the session that made them; backend node ids are valid in any session.
			const backendNodeId = await host.backendNodeId();
			const {node} = await cdp.send('DOM.describeNode', {backendNodeId, depth: 1, pierce: true});
			const shadow = node.shadowRoots?.[0];
			if (!shadow) throw new Error('The host element has no shadow root');
			const {object} = await cdp.send('DOM.resolveNode', {backendNodeId: shadow.backendNodeId});
			const result = await cdp.send('Runtime.callFunctionOn', {
				objectId: object.objectId!,
				functionDeclaration: `function () { return (${fnSource})(this); }`,
				returnByValue: true,
				awaitPromise: true,
			});
			if (result.exceptionDetails)
				throw new Error(
					`In the shadow root: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`,
				);
			return JSON.parse(String(result.result.value)) as R;
		} finally {
			await cdp.detach().catch(() => {});
		}
	}

	/**
	 * What chrome://extensions reports for the extension: manifest errors, install warnings and runtime
	 * errors (the page's chrome.developerPrivate API; runtime errors are collected in developer mode,
	 * which launchChromium turns on before installing).
	 */
	async extensionsPageErrors(): Promise<string[]> {
		const page = this.track(await this.browser.newPage());
		try {
			await page.goto('chrome://extensions/', {waitUntil: 'load', timeout: 10_000});
			return await page.evaluate(async (id: string) => {
				const info = await (globalThis as unknown as ExtensionsPage).chrome.developerPrivate.getExtensionInfo(id);
				const all = [...(info.manifestErrors ?? []), ...(info.runtimeErrors ?? []), ...(info.installWarnings ?? [])];
				return all.map((entry) => (typeof entry === 'string' ? entry : (entry.message ?? JSON.stringify(entry))));
			}, this.extensionId);
		} finally {
			await page.close().catch(() => {});
		}
	}
}

/** chrome://extensions' own API (the parts used here). */
type ExtensionsPage = {
	chrome: {
		developerPrivate: {
			updateProfileConfiguration(update: {inDeveloperMode: boolean}): Promise<void>;
			getExtensionInfo(
				id: string,
			): Promise<
				Partial<Record<'manifestErrors' | 'runtimeErrors' | 'installWarnings', Array<{message?: string} | string>>>
			>;
		};
	};
};

/** The extension's service worker, attached afresh (it is a new target after each restart). */
export async function serviceWorker(browser: Browser, extensionId: string): Promise<WebWorker> {
	const target = await browser.waitForTarget(
		(t) => t.type() === TargetType.SERVICE_WORKER && t.url() === `chrome-extension://${extensionId}/background.js`,
		{timeout: 10_000},
	);
	const worker = await target.worker();
	if (!worker) throw new Error('The service worker target has no worker');
	// Attached this early, the worker can be evaluated before its extension bindings exist: wait for them.
	await poll(
		() => worker.evaluate(() => typeof (globalThis as {chrome?: {runtime?: {id?: string}}}).chrome?.runtime?.id),
		(type) => type === 'string',
		{timeout: 10_000, what: 'chrome.runtime in the service worker'},
	);
	return worker;
}

/** The one set of Chromium launch settings, with or without the extension (see launchWithoutExtension). */
function chromiumLaunchOptions(profile: string, env: Record<string, string | undefined>, options: LaunchOptions) {
	return {
		executablePath: CHROMIUM,
		headless: true,
		pipe: true,
		enableExtensions: true, // --enable-unsafe-extension-debugging, needed by installExtension
		userDataDir: profile,
		env,
		args: [
			...CHROMIUM_FLAGS,
			...(options.lang ? [`--lang=${options.lang}`, `--accept-lang=${options.lang}`] : []),
			...(options.netLog ? [`--log-net-log=${path.join(options.netLog, `chromium-${Date.now()}.netlog.json`)}`] : []),
		],
		protocolTimeout: 30_000,
	};
}

export function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
	return withOneRetry('Chromium', () => startChromium(options), undoAttempt(options));
}

async function startChromium(options: LaunchOptions): Promise<ChromiumSession> {
	const dirs = new Scratch('chromium', options.keep);
	if (options.lang) dirs.env['LANGUAGE'] = options.lang;
	return setUp(dirs, puppeteer.launch(chromiumLaunchOptions(dirs.profile, dirs.env, options)), async (browser) => {
		// Developer mode first, so that chrome://extensions collects the extension's runtime errors.
		const [first] = await browser.pages();
		const page = first ?? (await browser.newPage());
		await page.goto('chrome://extensions/', {waitUntil: 'load', timeout: 10_000});
		await page.evaluate(() =>
			(globalThis as unknown as ExtensionsPage).chrome.developerPrivate.updateProfileConfiguration({
				inDeveloperMode: true,
			}),
		);
		await page.goto('about:blank');
		const extensionId = await browser.installExtension(options.extensionDir ?? DIST_CHROME);
		return new ChromiumSession(browser, extensionId, dirs, await serviceWorker(browser, extensionId));
	});
}

// ----------------------------------------------------------------------------------------------- Firefox

type BidiEvaluateResult =
	| {type: 'success'; result: {type: string; value?: unknown; sharedId?: string}}
	| {type: 'exception'; exceptionDetails: {text?: string}};
/** puppeteer-core 24 internals: the BiDi realm of a frame (BidiFrame.browsingContext.defaultRealm). */
type BidiRealm = {
	callFunction(fn: string, awaitPromise: boolean, options?: Record<string, unknown>): Promise<BidiEvaluateResult>;
};

class FirefoxSession extends ExtensionSession {
	readonly kind = 'firefox' as const;
	readonly origin = `moz-extension://${FIREFOX_UUID}/`;

	/** An extension page kept open for the whole run: Firefox exposes no background target over BiDi. */
	readonly control: Page;

	constructor(browser: Browser, extensionId: string, folders: Scratch, control: Page) {
		super(browser, extensionId, folders);
		this.control = control;
	}

	async extEval<A extends unknown[], R>(fn: ExtensionFunction<A, R>, ...args: A): Promise<R> {
		return evalWithApi(this.control, fn, ...args);
	}

	/**
	 * Fire-and-poll: BiDi never reports a moz-extension:// navigation as finished. With `untouchedMs`, the page is
	 * left alone that long before the first poll: each WebDriver command that reaches a page while it loads is work
	 * on its main thread (scripts/bench.ts, popupFirefox).
	 */
	static async load(page: Page, url: string, ready: string, timeout = 15_000, untouchedMs = 0): Promise<void> {
		void page.goto(url, {timeout: 3000}).catch(() => {});
		if (untouchedMs > 0) await sleep(untouchedMs);
		const end = Date.now() + timeout;
		for (;;) {
			try {
				await page.waitForSelector(ready, {timeout: Math.max(100, end - Date.now())});
				return;
			} catch (error) {
				if (Date.now() > end) throw error;
				await sleep(100); // the page was mid-navigation (execution context destroyed): try again
			}
		}
	}

	/** `untouchedMs`: see `load`. */
	async openExtensionPage(pagePath: string, ready: string, untouchedMs = 0): Promise<Page> {
		const page = this.track(await this.browser.newPage());
		await FirefoxSession.load(page, this.origin + pagePath, ready, 15_000, untouchedMs);
		return page;
	}

	async openPopup(site: SitePage): Promise<Page> {
		return this.openExtensionPage(`${await this.popupPage()}?tab=${site.tabId}`, 'body[data-ready="1"]');
	}

	async inClosedShadowRoot<R>(page: Page, host: ElementHandle<Element>, fnSource: string): Promise<R> {
		const realm = (page.mainFrame() as unknown as {browsingContext: {defaultRealm: BidiRealm}}).browsingContext
			.defaultRealm;
		const hostRef = (host as unknown as {remoteValue(): {sharedId?: string}}).remoteValue();
		if (!hostRef.sharedId) throw new Error('The host element has no BiDi shared id');
		const serialized = await realm.callFunction('(el) => el', false, {
			arguments: [{sharedId: hostRef.sharedId}],
			serializationOptions: {maxDomDepth: 0, includeShadowTree: 'all'},
			resultOwnership: 'none',
		});
		if (serialized.type !== 'success') throw new Error(`Serializing the host: ${serialized.exceptionDetails.text}`);
		const shadowRoot = (serialized.result.value as {shadowRoot?: {sharedId?: string} | null}).shadowRoot;
		if (!shadowRoot?.sharedId) throw new Error('The host element has no shadow root');
		const result = await realm.callFunction(fnSource, true, {
			arguments: [{sharedId: shadowRoot.sharedId}],
			resultOwnership: 'none',
		});
		if (result.type !== 'success') throw new Error(`In the shadow root: ${result.exceptionDetails.text}`);
		return JSON.parse(String(result.result.value)) as R;
	}
}

/** The one set of Firefox launch settings, with or without the extension (see launchWithoutExtension). */
function firefoxLaunchOptions(
	profile: string,
	env: Record<string, string | undefined>,
	prefs: Record<string, unknown>,
) {
	return {
		browser: 'firefox' as const,
		executablePath: FIREFOX,
		headless: true,
		userDataDir: profile,
		env,
		extraPrefsFirefox: prefs,
		args: ['--remote-allow-system-access'], // else BiDi refuses to navigate to moz-extension:// pages
		protocolTimeout: 30_000,
	};
}

export function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxSession> {
	return withOneRetry('Firefox', () => startFirefox(options), undoAttempt(options));
}

async function startFirefox(options: LaunchOptions): Promise<FirefoxSession> {
	const dirs = new Scratch('firefox', options.keep);
	const env = dirs.env;
	if (options.netLog) {
		env['MOZ_LOG'] = FIREFOX_MOZ_LOG;
		env['MOZ_LOG_FILE'] = path.join(options.netLog, `firefox-${Date.now()}.log`); // + .moz_log, .child-N.moz_log
	}
	const prefs: Record<string, unknown> = {
		'extensions.webextensions.uuids': JSON.stringify({[GECKO_ID]: FIREFOX_UUID}),
		// A temporary add-on is uninstalled when Firefox quits; keep its storage, as a real install keeps it.
		'extensions.webextensions.keepStorageOnUninstall': true,
	};
	Object.assign(prefs, options.prefs);
	if (options.lang) {
		prefs['intl.locale.requested'] = options.lang;
		prefs['extensions.langpacks.signatures.required'] = false;
	}
	return setUp(dirs, puppeteer.launch(firefoxLaunchOptions(dirs.profile, env, prefs)), async (browser) => {
		if (options.lang === 'fr' && !existsSync(SYSTEM_FR_LANGPACK)) {
			if (!existsSync(LOCAL_FR_LANGPACK))
				throw new Error(`No French language pack (${SYSTEM_FR_LANGPACK} or ${LOCAL_FR_LANGPACK})`);
			await browser.installExtension(LOCAL_FR_LANGPACK);
		}
		const extensionId = await browser.installExtension(options.extensionDir ?? DIST_FIREFOX);
		const [first] = await browser.pages();
		const control = first ?? (await browser.newPage());
		await FirefoxSession.load(control, `moz-extension://${FIREFOX_UUID}/options/index.html`, 'body[data-ready="1"]');
		return new FirefoxSession(browser, extensionId, dirs, control);
	});
}

export type {ChromiumSession, FirefoxSession};

/** A browser launched exactly as launchChromium/launchFirefox launch theirs, but with no extension installed. */
export type PlainBrowser = {
	readonly kind: BrowserKind;
	readonly browser: Browser;
	readonly scratch: string;
	close(): Promise<void>;
};

/**
 * The same browser binary, flags and scratch folders as the extension sessions, without the extension: the
 * benchmark's baseline (scripts/bench.ts measures the two side by side).
 */
export async function launchWithoutExtension(
	kind: BrowserKind,
	options: Pick<LaunchOptions, 'lang'> = {},
): Promise<PlainBrowser> {
	const dirs = new Scratch(kind);
	const env = dirs.env;
	if (kind === 'chromium' && options.lang) env['LANGUAGE'] = options.lang;
	const browser = await (
		kind === 'chromium'
			? puppeteer.launch(chromiumLaunchOptions(dirs.profile, env, options))
			: puppeteer.launch(
					firefoxLaunchOptions(dirs.profile, env, options.lang ? {'intl.locale.requested': options.lang} : {}),
				)
	).catch((error: unknown) => {
		dirs.release();
		throw error;
	});
	let closed = false;
	return {
		kind,
		browser,
		scratch: dirs.root,
		async close() {
			if (closed) return;
			closed = true;
			await closeBrowser(browser);
			dirs.release();
		},
	};
}

/** The addresses of the extension's own pages open in tabs (e.g. the options a banner button opened). */
export function extensionTabs(session: ExtensionSession): Promise<string[]> {
	return session.extEval(async (api) => {
		// runtime.getContexts where the browser has it (Chromium), else the pages' windows.
		if ('getContexts' in api.runtime)
			return (await api.runtime.getContexts({contextTypes: ['TAB']})).map((c) => c.documentUrl ?? '');
		return api.extension.getViews({type: 'tab'}).map((view) => view.location.href);
	});
}
