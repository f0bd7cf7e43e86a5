/**
 * Stand-in for webextension-polyfill in the content-script bundle only (esbuild alias in
 * scripts/build.ts; see ./browser.ts for why). Firefox exposes `browser`; Chromium's MV3 `chrome`
 * returns promises for every call the content script makes.
 *
 * The page can put names on the content script's global: an element with `id="browser"`, or a
 * `<form name="browser">` holding an `<input name="runtime">`, is `window.browser` in every world, the
 * content script's included, wherever the browser defines no `browser` of its own (Chromium). So the
 * API is taken only from an object that really is one: a runtime with a non-empty string id and a
 * sendMessage function, which no element or collection of the page's can have.
 */
import type {Browser} from 'webextension-polyfill';

type Candidate = {runtime?: {id?: unknown; sendMessage?: unknown}} | null | undefined;

function isExtensionApi(value: unknown): value is Browser {
	try {
		const runtime = (value as Candidate)?.runtime;
		return typeof runtime?.id === 'string' && runtime.id !== '' && typeof runtime.sendMessage === 'function';
	} catch {
		return false;
	}
}

const scope = globalThis as unknown as {browser?: unknown; chrome?: unknown};
const api = [scope.browser, scope.chrome].find(isExtensionApi) as Browser;
export default api;
