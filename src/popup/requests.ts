/**
 * What the popup asks for before it can show anything: the tab it describes, that tab's service, the moves in
 * progress, the settings, and its language's page data. They are asked for by `early.js` (./early.ts), a classic
 * script of a few hundred bytes first in the popup's <head>, while the popup's module graph (Preact and the shared
 * code, nine files) is still loading: measured, the answers took about 15 ms after being asked and the graph
 * 26 ms to load, so asked for by the graph's own code they were the popup's critical path (docs/performance.md).
 *
 * early.js leaves the promises on the page's global, under a symbol; the popup takes them once (`takeRequests`),
 * or asks itself where early.js did not run (the unit tests).
 */
import {languageFor} from '../core/languages';
import type {MovesState} from '../core/message-map';
import {send} from '../core/send';
import {DEFAULTS, type Settings} from '../core/settings-defaults';
import {currentTabId} from './current-tab';

export type PopupRequests = {
	tabId: Promise<number | null>;
	service: Promise<string | null>;
	moves: Promise<MovesState>;
	settings: Promise<Settings>;
};

const KEY = Symbol.for('photo-privacy-advisor/popup-requests');
type Scope = typeof globalThis & {[KEY]?: PopupRequests};

/** Asks for everything the popup waits for, now; never rejects (each answer has its fallback). */
export function startRequests(tab: Promise<number | null>): PopupRequests {
	const tabId = tab.catch(() => null);
	return {
		tabId,
		service: tabId
			.then((id) => (id === null ? null : send('getTabState', {tabId: id}).then((state) => state.serviceId)))
			.catch(() => null),
		moves: send('getMoves', null).catch((): MovesState => ({available: false})),
		settings: send('getSettings', null).catch((): Settings => ({...DEFAULTS})),
	};
}

/**
 * early.js: the requests started and left for the popup, and the page data of the browser's language preloaded (the
 * build names each language's chunk in the page's <meta name="page-data">: "en=../chunks/en-….js fr=…"). The
 * popup's own `import()` of the same chunk then finds it in the browser's module map. A <link rel="modulepreload">,
 * not an `import()` of a URL read from the page, which Firefox's add-on linter rightly refuses.
 */
export function startEarly(): void {
	(globalThis as Scope)[KEY] = startRequests(currentTabId(location.search));
	const chunks = document.querySelector<HTMLMetaElement>('meta[name="page-data"]')?.content ?? '';
	const lang = languageFor(navigator.language);
	const href = chunks
		.split(' ')
		.find((pair) => pair.startsWith(`${lang}=`))
		?.slice(lang.length + 1);
	// Only one of the build's page-data chunks, beside the page; preloaded (fetched and compiled, not run), a head
	// start only: the popup imports its page data itself all the same (data/pages.ts), from the module map.
	if (!href || !/^\.\.\/chunks\/[\w-]+\.js$/.test(href)) return;
	const link = document.createElement('link');
	link.rel = 'modulepreload';
	link.href = href;
	document.head.append(link);
}

/** The requests early.js started, taken once; else asked for now. */
export function takeRequests(): PopupRequests {
	const scope = globalThis as Scope;
	const early = scope[KEY];
	delete scope[KEY];
	return early ?? startRequests(currentTabId(location.search));
}
