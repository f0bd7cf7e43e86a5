/**
 * The content script. Runs at document_idle on the catalogued services' hosts (match patterns come from
 * the catalogue at build time). It decides from the whole URL whether this page is a photo service,
 * asks the background for a small banner model and mounts the banner.
 *
 * Services that share a host with other products and navigate client-side (iCloud, Amazon, OneDrive)
 * get the script on their whole host; it follows the page into and out of the photos area by listening
 * for navigations (the Navigation API's currententrychange where there is one; else history, hash and <title> changes, which
 * single-page apps make on every route change), batched on a timer and run one at a time, with no polling.
 *
 * Custom sites: the background registers this same script on each site the person added in the options
 * (background/custom-sites.ts). A host that no catalogued service lives on can only be such a site, so
 * there the whole host counts as the service, named by its host; the background answers only for hosts
 * that really are in the person's list.
 *
 * It never touches the page's storage (its IndexedDB, web storage and cookies belong to the website): all
 * state lives in the background. On a page of no service it does nothing but listen.
 */
import {findService, hostMatches} from '../core/url-match';
import {send} from '../core/messaging';
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
	const host = location.hostname;
	if (location.protocol !== 'https:' || SERVICE_RULES.some((service) => service.rules.some((rule) => rule.hosts.some((pattern) => hostMatches(host, pattern))))) return undefined;
	return host;
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
		await send('pageLeave', {url: left});
	}
	if (!serviceId) return;
	const entry: Visit = {serviceId, url};
	current = entry;
	const model = await send('pageVisit', {url});
	if (!model || current !== entry || shownHere.has(serviceId)) return; // navigated on meanwhile, or shown already
	shownHere.add(serviceId);
	entry.banner = mountBanner(model, {
		onAction: (action) => send('bannerAction', {action}),
		onCompare: () => void send('openComparison', null),
		onOpenSettings: () => void send('openOptions', null),
		onClose: () => {
			entry.banner = undefined;
		},
	});
}

/**
 * Checks run one after another: a leave and a visit reach the background in the order they happened,
 * so a quick in-and-out never leaves a stale badge behind.
 */
let chain: Promise<void> = Promise.resolve();
let timer: ReturnType<typeof setTimeout> | undefined;
let lastUrl = '';
function runCheck(): void {
	chain = chain.then(check).catch(() => {
		// The background could not answer (extension updated or reloaded under this page): show nothing.
	});
}
function schedule(): void {
	clearTimeout(timer);
	timer = setTimeout(runCheck, 50);
}
/** For signals that fire without navigating (DOM changes, clicks): only when the address changed. */
function scheduleIfMoved(): void {
	if (location.href !== lastUrl) schedule();
}

function watchNavigation(): void {
	const navigation = (globalThis as {navigation?: EventTarget}).navigation;
	if (navigation) {
		// Fires for every same-document navigation: history.pushState/replaceState, traversals, and
		// navigations a router intercepts (unlike "navigate", which pushState does not fire).
		navigation.addEventListener('currententrychange', schedule);
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

if (!scope[LOADED]) {
	// Injected twice (extension reloaded under the page): the first copy keeps the page.
	scope[LOADED] = true;
	watchNavigation();
	// Back/forward cache: the page comes back without reloading; the badge may have been reset.
	addEventListener('pageshow', (event) => {
		if (event.persisted && current) void send('pageVisit', {url: current.url}).catch(() => {});
	});
	runCheck();
}
