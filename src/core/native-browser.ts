/**
 * Stand-in for webextension-polyfill in the content-script bundle only (esbuild alias in
 * scripts/build.ts; see ./browser.ts for why). Firefox exposes `browser`; Chromium's MV3 `chrome`
 * returns promises for every call the content script makes.
 */
import type {Browser} from 'webextension-polyfill';

const scope = globalThis as unknown as {browser?: Browser; chrome?: Browser};
const api = (scope.browser ?? scope.chrome) as Browser;
export default api;
