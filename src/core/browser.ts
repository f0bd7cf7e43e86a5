/**
 * The one module that imports the browser API. Everything else imports `browser` from here, so
 * replacing webextension-polyfill later (MV3's own `chrome.*` already returns promises) touches one file.
 *
 * The content-script bundle aliases webextension-polyfill to ./native-browser.ts (see scripts/build.ts):
 * the polyfill's ~10 KB would break the content script's 12 KB budget, and the few calls the content
 * script makes (runtime.sendMessage, i18n.getMessage) return promises natively in both browsers' MV3.
 */
import polyfill from 'webextension-polyfill';

export type {Runtime, Scripting} from 'webextension-polyfill';
export const browser = polyfill;
