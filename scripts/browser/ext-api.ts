/**
 * Code that runs inside the extension (its service worker in Chromium, an extension page in Firefox or
 * Chromium), typed. The function is serialized by puppeteer and run there, so it can use nothing from
 * here but its arguments: the extension API comes in as its first argument, `api` (`browser` in Firefox,
 * `chrome` in Chromium, whose MV3 methods return promises as webextension-polyfill's types say).
 *
 *   await evalWithApi(page, (api, key: string) => api.storage.local.get(key), 'settings');
 */
import type {JSHandle, Page, WebWorker} from 'puppeteer-core';
import type {Browser} from 'webextension-polyfill';

export type ExtensionApi = Browser;
export type ExtensionFunction<A extends unknown[], R> = (api: ExtensionApi, ...args: A) => R | Promise<R>;

/** The extension API object of the context that `target` runs, as a handle to pass to evaluate(). */
function apiHandle(target: Page | WebWorker): Promise<JSHandle<ExtensionApi>> {
	return target.evaluateHandle(() => {
		const scope = globalThis as unknown as {browser?: ExtensionApi; chrome?: ExtensionApi};
		const api = scope.browser ?? scope.chrome;
		if (!api) throw new Error('No extension API in this context');
		return api;
	});
}

/** Runs `fn(api, ...args)` in the extension context of `target` (an extension page or the service worker). */
export async function evalWithApi<A extends unknown[], R>(
	target: Page | WebWorker,
	fn: ExtensionFunction<A, R>,
	...args: A
): Promise<R> {
	const api = await apiHandle(target);
	try {
		// puppeteer types evaluate() per call site; here the function is generic, so its type is restated once.
		const evaluate = target.evaluate.bind(target) as (
			fn: ExtensionFunction<A, R>,
			api: JSHandle<ExtensionApi>,
			...args: A
		) => Promise<R>;
		return await evaluate(fn, api, ...args);
	} finally {
		await api.dispose().catch(() => {});
	}
}
