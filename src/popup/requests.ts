/**
 * What the popup asks for before it can show anything: the service of the tab it describes, the moves in
 * progress, the settings, and its language's messages and page data. They are asked for by `early.js` (./early.ts), a classic
 * script of a few hundred bytes first in the popup's <head>, while the popup's own module loads: measured, the
 * answers took about 15 ms after being asked, so asked for by the popup's own code they were its critical path
 * (docs/performance.md).
 *
 * early.js leaves the promises on the page's global, under a symbol; the popup takes them once (`takeRequests`),
 * or asks itself where early.js did not run (the unit tests).
 */
import {isLanguage, languageFor, type Language} from '../core/languages';
import type {MovesState} from '../core/message-map';
import {browser} from '../core/browser';
import {send} from '../core/send';
import {DEFAULTS, SETTINGS_KEY, type Settings} from '../core/settings-defaults';
import {CATALOGUE_FILES, PAGE_DATA_FILES} from '../core/language-files';
import {tabInAddress} from './current-tab';

export type PopupRequests = {
	service: Promise<string | null>;
	moves: Promise<MovesState>;
	settings: Promise<Settings>;
	/** The settings another page stored since they were asked for (the newest), if any: newer than `settings`. */
	changed: () => Settings | undefined;
	/** early.js's import of the popup's language's catalogue and page data (none when the popup asks itself). */
	catalogue?: Promise<{default: string}>;
	pageData?: Promise<{default: unknown}>;
};

const KEY = Symbol.for('photo-privacy-advisor/popup-requests');
type Scope = typeof globalThis & {[KEY]?: PopupRequests};

/**
 * Asks for everything the popup waits for, now, in one message (getPopupView); never rejects (each answer has its
 * fallback). `tabId`: the tab the popup describes when its address names one; else (null) the background answers for
 * the active tab of the window last focused, the toolbar popup's: one message, not a query of the tabs and then a
 * message (measured, the popup's critical path: docs/performance.md).
 */
export function startRequests(tabId: number | null): PopupRequests {
	// Watched from now: a change stored after the background answered would otherwise be lost until the popup's own
	// listener (ui/hooks.ts useSettings) is there, after its first render.
	let changed: Settings | undefined;
	browser.storage.onChanged.addListener((changes, area) => {
		const next: unknown = changes[SETTINGS_KEY]?.newValue;
		if (area === 'local' && typeof next === 'object' && next !== null) changed = next as Settings;
	});
	// One message for all three (getPopupView: Firefox runs the popup and the background on one thread); each answer
	// that cannot be had falls back on its own, and all three when the background cannot answer at all.
	const view = send('getPopupView', {tabId});
	// Settings that cannot be had: the defaults, in the language the popup's page was set for.
	const defaults = (): Settings => ({...DEFAULTS, language: popupLanguage()});
	return {
		service: view.then((answer) => answer.serviceId).catch(() => null),
		moves: view.then((answer) => answer.moves).catch((): MovesState => ({available: false})),
		settings: view.then((answer) => answer.settings ?? defaults()).catch(defaults),
		changed: () => changed,
	};
}

/**
 * early.js: the requests started, and the two files the popup's first render waits for imported: the catalogue and
 * the page data of the popup's language (popupLanguage), each at its fixed path in the build (core/shared-modules.ts).
 * All are left for the popup, which takes the imports from here (./first-view.ts) rather than asking for the files
 * again: an import() of its own answers a task later, measured 2 to 3 ms on its critical path. An `import()` each:
 * each file is a string and imports nothing, so running it costs nothing, and measured, Firefox had them about 11 ms
 * sooner than with a <link rel="modulepreload"> alone (it ran them only when the popup's slower module asked). In
 * Chromium the popup's page in each language also preloads them (scripts/build/preload.ts popupInLanguage).
 */
export function startEarly(): void {
	const lang = popupLanguage();
	const requests: PopupRequests = startRequests(tabInAddress(location.search));
	requests.catalogue = CATALOGUE_FILES[lang]();
	requests.pageData = PAGE_DATA_FILES[lang]();
	for (const load of [requests.catalogue, requests.pageData]) load.catch(() => {});
	(globalThis as Scope)[KEY] = requests;
}

/**
 * The language this popup page was built for: the page the background set for the settings' language
 * (popup/<lang>.html, whose root names it: scripts/build/preload.ts popupInLanguage); else, on the manifest's
 * popup/index.html (before the background has set one), the browser's.
 */
export function popupLanguage(): Language {
	const named = document.documentElement.dataset.language;
	return isLanguage(named) ? named : languageFor(navigator.language);
}

/** The requests early.js started, taken once; else asked for now. */
export function takeRequests(): PopupRequests {
	const scope = globalThis as Scope;
	const early = scope[KEY];
	delete scope[KEY];
	return early ?? startRequests(tabInAddress(location.search));
}
