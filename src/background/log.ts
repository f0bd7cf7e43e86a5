/**
 * Failures the background survives but a developer should hear of: a journey that could not be written, a
 * settings write-back or a content-script sync that failed. In a development build (`npm run watch`, or
 * `npm run dev`) they go to the background's console (the service worker's in Chromium, the
 * background page's in Firefox); in a release build `__DEV__` is false, esbuild drops the call, and nothing
 * is written anywhere: the extension keeps no log and sends none.
 */

/** Writes a handled failure to the background's console, in development builds only. */
export function logFailure(what: string, error: unknown): void {
	if (__DEV__) console.warn(`Photo Privacy Advisor: ${what}:`, error);
}

/** A rejection handler that logs (in development) and handles: `promise.catch(logged('what failed'))`. */
export function logged(what: string): (error: unknown) => void {
	return (error) => logFailure(what, error);
}
