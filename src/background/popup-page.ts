/**
 * The toolbar's popup in the language the settings choose: one page a language (popup/<lang>.html, built from the
 * popup's one page: core/shared-modules.ts popupPage), which names its language's messages and page data in its
 * HTML so the browser fetches them with the popup's first script, and which speaks that language from its first
 * render (without it, a language other than the browser's showed the browser's until the settings came, then
 * loaded its own files one after the other: docs/performance.md). Set whenever the background reads the settings,
 * and once a change is stored (store.ts), so at start, install and every change; until then the manifest's
 * popup/index.html, which speaks the browser's language, is shown. Kept in a variable: only which page this run of
 * the background has set, a cache of the browser's own state, which is set again after a restart.
 */
import {browser} from '../core/browser';
import type {Language} from '../core/languages';
import {popupPage} from '../core/shared-modules';
import {logFailure} from './log';

/** The language whose popup was set by this run of the background (set again after a restart: cheap, once). */
let shown: Language | undefined;

/** Makes `lang`'s popup the toolbar's, unless it is already. */
export function popupSpeaks(lang: Language): void {
	if (lang === shown) return;
	shown = lang;
	const failed = (error: unknown) => {
		// The popup stays as it was (it follows the settings once open: popup/first-view.ts); the next read tries again.
		if (shown === lang) shown = undefined;
		logFailure('toolbar popup not set to the settings language', error);
	};
	// Called on every read of the settings: a browser without the call (a throw, not a rejection) must not stop them.
	try {
		browser.action.setPopup({popup: popupPage(lang)}).catch(failed);
	} catch (error) {
		failed(error);
	}
}
