/**
 * The one module that reaches the browser API. Everything else imports `browser` from here.
 *
 * It is the browser's own API, no polyfill, in every context (background, pages, content script):
 * Firefox has `browser`; Chromium's MV3 `chrome` returns promises for every call this extension makes
 * (runtime, storage local and session, action, scripting, permissions, tabs, windows), from Chromium
 * 123, the oldest the manifest allows. The one difference the polyfill used to hide is the reply to a
 * runtime message: Chromium's `onMessage` ignores a listener's returned promise, so the background answers
 * with `sendResponse` and `return true`, which both browsers understand (see background/index.ts).
 * webextension-polyfill's types remain (@types/webextension-polyfill): they describe the promise API.
 *
 * The page can put names on the content script's global: an element with `id="browser"`, or a
 * `<form name="browser">` holding an `<input name="runtime">`, is `window.browser` in every world, the
 * content script's included, wherever the browser defines no `browser` of its own (Chromium). So the
 * API is taken only from an object that really is one: a runtime with a non-empty string id and a
 * sendMessage function, which no element or collection of the page's can have.
 */
import type {Browser} from 'webextension-polyfill';

export type {Runtime, Scripting} from 'webextension-polyfill';

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
export const browser = [scope.browser, scope.chrome].find(isExtensionApi) as Browser;
