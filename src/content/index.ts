/**
 * The content script. Runs at document_idle on the catalogued services' hosts (match patterns come from
 * the catalogue at build time). It decides from the whole URL whether this page is a photo service,
 * asks the background for a small banner model and mounts the banner.
 *
 * Services that share a host with other products and navigate client-side (iCloud, Amazon, OneDrive)
 * get the script on their whole host; it follows the page into and out of the photos area by listening
 * for navigations (the Navigation API's currententrychange where there is one; else history, hash and <title> changes, which
 * single-page apps make on every route change), batched on a timer and run one at a time, with no polling.
 * Where the host alone decides (Google Photos, a site the person added), no navigation within the page can
 * change what it is: there the script listens for navigations only once a visit has failed, to try it again.
 *
 * Custom sites: the background registers this same script on each site the person added in the options
 * (background/custom-sites.ts). A host that no catalogued service lives on can only be such a site, so
 * there the whole host counts as the service, named by its host; the background answers only for hosts
 * that really are in the person's list.
 *
 * It never touches the page's storage (its IndexedDB, web storage and cookies belong to the website): all
 * state lives in the background. On a page of no service it does nothing but listen.
 *
 * The page's life: a page Chromium prerenders (speculation rules, the address bar) is not the person's
 * yet, so the script waits until it is shown; a visit the background could not answer is tried again at
 * the next navigation or when the tab comes back into view; a copy cut off from its extension (updated
 * or reloaded under the page) takes its banner away instead of offering buttons that can no longer work.
 */
import {addressDecides, findService, someRuleOnHost} from '../core/url-match';
import {browser} from '../core/browser';
import {send} from '../core/send';
import {serialQueue} from '../core/serial';
import {NEVER_FLAG_RULES, SERVICE_RULES} from '../data/rules';
import {mountBanner, type MountedBanner} from './banner';

const LOADED = Symbol.for('photo-privacy-advisor');
const scope = globalThis as typeof globalThis & {[LOADED]?: true};

type Visit = {serviceId: string; url: string; banner?: MountedBanner | undefined};
/** The service of the current URL and its banner, if shown. */
let current: Visit | null = null;
/**
 * Services whose banner this page load has shown already. A single-page app that leaves and re-enters
 * its photos area (Facebook's photo viewer, iCloud's Photos and Mail) keeps its badge each time, but the
 * banner comes, and is announced, once per page load: advice, not nagging.
 */
const shownHere = new Set<string>();

/** On a host no catalogued service uses, this script was registered for a custom site: the host is the service. */
function customSite(): string | undefined {
	if (location.protocol !== 'https:' || someRuleOnHost(location.hostname, SERVICE_RULES)) return undefined;
	return location.hostname;
}

async function check(): Promise<void> {
	const url = location.href;
	lastUrl = url;
	const serviceId = findService(url, SERVICE_RULES, NEVER_FLAG_RULES) ?? customSite() ?? null;
	if (serviceId === (current?.serviceId ?? null)) return;
	if (current) {
		current.banner?.remove();
		const left = current.url;
		current = null;
		// Best effort: a background that cannot answer must not keep the next page from being detected.
		await send('pageLeave', {url: left}).catch(() => {});
	}
	if (!serviceId) return;
	const entry: Visit = {serviceId, url};
	current = entry;
	let model: Awaited<ReturnType<typeof send<'pageVisit'>>>;
	try {
		model = await send('pageVisit', {url});
	} catch (error) {
		// Not detected after all: the next navigation, or the tab coming back into view, tries again.
		if (current === entry) current = null;
		throw error;
	}
	if (!model || current !== entry || shownHere.has(serviceId)) return; // navigated on meanwhile, or shown already
	shownHere.add(serviceId);
	/** A message the extension did not answer: if this copy is cut off from it, the banner goes. */
	const unanswered = (error: unknown) => {
		if (orphaned()) entry.banner?.remove();
		throw error;
	};
	// A click the extension does not answer has been dealt with by `unanswered` (the banner goes if this copy
	// is cut off); there is nothing more to do, and the page's console is the website's, not a place to log.
	const open = (type: 'openComparison' | 'openMove' | 'openOptions' | 'openTurnOff') => () =>
		void send(type, null)
			.catch(unanswered)
			.catch(() => {});
	entry.banner = mountBanner(model, {
		onAction: (action) => send('bannerAction', {action}).catch(unanswered),
		onCompare: open('openComparison'),
		onMove: open('openMove'),
		onOpenSettings: open('openOptions'),
		onTurnOff: open('openTurnOff'),
		onClose: () => {
			entry.banner = undefined;
		},
	});
}

/** Whether this copy of the script has lost its extension (updated, reloaded or removed under the page). */
function orphaned(): boolean {
	try {
		return !browser.runtime?.id;
	} catch {
		return true; // Firefox: reaching a dead extension's API throws
	}
}

/**
 * Checks run one after another: a leave and a visit reach the background in the order they happened,
 * so a quick in-and-out never leaves a stale badge behind.
 */
const inTurn = serialQueue();
let timer: ReturnType<typeof setTimeout> | undefined;
let lastUrl = '';
function runCheck(): void {
	// The background could not answer (extension updated or reloaded under this page, a worker that failed): show
	// nothing now, and try again later.
	inTurn(check).catch(retryLater);
}
function schedule(): void {
	clearTimeout(timer);
	timer = setTimeout(runCheck, 50);
}
/** For signals that fire without navigating (DOM changes, clicks): only when the address changed. */
function scheduleIfMoved(): void {
	if (location.href !== lastUrl) schedule();
}

let watching = false;
function watchNavigation(): void {
	if (watching) return;
	watching = true;
	// Chromium has had the Navigation API since 102, and `navigation`, an attribute of the window itself, cannot be
	// shadowed by a page's named element: no check, and no Navigation interface built in this world for one.
	if (!__FIREFOX__) {
		(globalThis as unknown as {navigation: EventTarget}).navigation.addEventListener('currententrychange', schedule);
		return;
	}
	// Only the browser's own Navigation: a page's <img name="navigation"> is `navigation` where there is none,
	// and its <img name="Navigation"> is `Navigation` (not callable: `instanceof` would throw and stop the script).
	const {navigation, Navigation} = globalThis as {navigation?: unknown; Navigation?: unknown};
	if (typeof Navigation === 'function' && navigation instanceof Navigation) {
		// Fires for every same-document navigation: history.pushState/replaceState, traversals, and
		// navigations a router intercepts (unlike "navigate", which pushState does not fire).
		(navigation as EventTarget).addEventListener('currententrychange', schedule);
		return;
	}
	// Without the Navigation API (Firefox before 147): history and hash changes, the <title> that routers
	// update on every route change, and clicks (most route changes start with one); never the whole head.
	addEventListener('popstate', schedule);
	addEventListener('hashchange', schedule);
	addEventListener('click', () => setTimeout(scheduleIfMoved, 150), {capture: true, passive: true});
	let title: Element | null = null;
	const observer = new MutationObserver(() => {
		watchTitle();
		scheduleIfMoved();
	});
	function watchTitle() {
		const next = document.querySelector('title');
		if (next && next !== title) {
			title = next;
			observer.observe(next, {childList: true, characterData: true, subtree: true});
		}
	}
	observer.observe(document.head ?? document.documentElement, {childList: true});
	watchTitle();
}

let retrying = false;
/**
 * After a visit the background did not answer: it is tried again at the next navigation, or when the tab comes
 * back into view. Listened for from the first failure on (every photo page pays for what the script does on it):
 * so on a whole-host service, a navigation made while that first visit was still failing does not retry it; the
 * next one, or the tab shown again, does.
 */
function retryLater(): void {
	if (retrying) return;
	retrying = true;
	watchNavigation();
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible' && current === null) schedule();
	});
}

function start(): void {
	// Where the address decides what the page is (a photos area within a larger site: Amazon, iCloud, Flickr,
	// OneDrive's `?view=8`), navigations are followed from the start. Where the host alone does (Google Photos; a
	// site the person added), a navigation within the page changes nothing, until a visit fails (retryLater).
	if (addressDecides(location.hostname, [...SERVICE_RULES, ...NEVER_FLAG_RULES])) watchNavigation();
	// Back/forward cache: the page comes back without reloading; the badge may have been reset.
	addEventListener('pageshow', (event) => {
		// Best effort: a background that cannot answer leaves the badge as the browser reset it, nothing worse.
		if (event.persisted && current) void send('pageVisit', {url: current.url}).catch(() => {});
	});
	runCheck();
}

if (!scope[LOADED]) {
	// Injected twice into one world (the catalogue's script and a custom site's): the first copy keeps the page.
	scope[LOADED] = true;
	// A prerendered page is not the person's yet: no badge, no banner, no journey day until it is shown.
	// From Document's own getter: Firefox has none, and there a page's <img name="prerendering"> showed through.
	if (Object.getOwnPropertyDescriptor(Document.prototype, 'prerendering')?.get?.call(document) === true)
		document.addEventListener('prerenderingchange', start, {once: true});
	else start();
}
