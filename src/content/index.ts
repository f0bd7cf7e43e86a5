/**
 * The content script. Runs at document_idle on the catalogued services' hosts (match patterns come from
 * the catalogue at build time). It decides from the whole URL whether this page is a photo service,
 * asks the background for a small banner model and mounts the banner.
 *
 * Services that share a host with other products and navigate client-side (iCloud, Amazon, OneDrive)
 * get the script on their whole host; it follows the page into and out of the photos area by listening
 * for navigations (the Navigation API's currententrychange where there is one; else history, hash and <title> changes, which
 * single-page apps make on every route change), batched on a timer, with no polling.
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
/** Banners the person closed on this page: not shown again until the next full page load. */
const closedHere = new Set<string>();

/** On a host no catalogued service uses, this script was registered for a custom site: the host is the service. */
function customSite(): string | undefined {
	const host = location.hostname;
	if (location.protocol !== 'https:' || SERVICE_RULES.some((service) => service.rules.some((rule) => rule.hosts.some((pattern) => hostMatches(host, pattern))))) return undefined;
	return host;
}

async function check(): Promise<void> {
	const url = location.href;
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
	if (!model || current !== entry || closedHere.has(serviceId)) return; // navigated on meanwhile
	entry.banner = mountBanner(model, {
		onAction: (action) => send('bannerAction', {action}),
		onCompare: () => void send('openComparison', null),
		onOpenSettings: () => void send('openOptions', null),
		onClose: () => {
			closedHere.add(serviceId);
			entry.banner = undefined;
		},
	});
}

let timer: ReturnType<typeof setTimeout> | undefined;
function schedule(): void {
	clearTimeout(timer);
	timer = setTimeout(() => void check().catch(() => {}), 50);
}

function watchNavigation(): void {
	const navigation = (globalThis as {navigation?: EventTarget}).navigation;
	if (navigation) {
		// Fires for every same-document navigation: history.pushState/replaceState, traversals, and
		// navigations a router intercepts (unlike "navigate", which pushState does not fire).
		navigation.addEventListener('currententrychange', schedule);
		return;
	}
	addEventListener('popstate', schedule);
	addEventListener('hashchange', schedule);
	const observer = new MutationObserver(schedule);
	const watchTitle = () => observer.observe(document.head ?? document.documentElement, {subtree: true, childList: true, characterData: true});
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
	check().catch(() => {
		// The background could not answer (extension updated or reloaded under this page): show nothing.
	});
}
