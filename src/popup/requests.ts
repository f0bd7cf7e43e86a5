/**
 * What the popup asks for before it can show anything: the tab it describes, that tab's service, the moves in
 * progress, the settings, and its language's page data. They are asked for by `early.js` (./early.ts), a classic
 * script of a few hundred bytes first in the popup's <head>, while the popup's own module loads: measured, the
 * answers took about 15 ms after being asked, so asked for by the popup's own code they were its critical path
 * (docs/performance.md).
 *
 * early.js leaves the promises on the page's global, under a symbol; the popup takes them once (`takeRequests`),
 * or asks itself where early.js did not run (the unit tests).
 */
import {languageFor} from '../core/languages';
import type {MovesState} from '../core/message-map';
import {send} from '../core/send';
import {DEFAULTS, type Settings} from '../core/settings-defaults';
import {catalogueFile, pageDataFile} from '../core/shared-modules';
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
 * early.js: the requests started and left for the popup, and the two files its first render waits for preloaded
 * (fetched and compiled, not run): the catalogue and the page data of the browser's language, each at its fixed
 * path in the build (core/shared-modules.ts). The popup's own imports of them then find them in the browser's
 * module map. A <link rel="modulepreload"> each, not an `import()`, which would run them.
 */
export function startEarly(): void {
	(globalThis as Scope)[KEY] = startRequests(currentTabId(location.search));
	const lang = languageFor(navigator.language);
	for (const href of [catalogueFile(lang), pageDataFile(lang)]) {
		const link = document.createElement('link');
		link.rel = 'modulepreload';
		link.href = href;
		document.head.append(link);
	}
}

/** The requests early.js started, taken once; else asked for now. */
export function takeRequests(): PopupRequests {
	const scope = globalThis as Scope;
	const early = scope[KEY];
	delete scope[KEY];
	return early ?? startRequests(currentTabId(location.search));
}
