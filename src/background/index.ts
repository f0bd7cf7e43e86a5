/**
 * The background: owns all state (settings, per-tab detection, the badge). Every listener is
 * registered synchronously at the top level, as MV3 requires for a service worker that may be stopped
 * and restarted at any time; all state lives in storage (see ./store.ts), none in variables (a variable may cache
 * what the browser keeps, such as which popup page is set: ./popup-page.ts).
 */
// First: every language's messages (banner texts and badge titles in the language the settings choose). The bundle may
// run shared chunks before this import's code, so no module may call t() when it loads, only in its functions.
import '../core/every-catalogue';
import {browser, type Runtime} from '../core/browser';
import {errorMessage} from '../core/errors';
import type {Reply} from '../core/message-map';
import {handlers} from './handlers';
import {route} from './router';
import {syncCustomSites} from './custom-sites';
import {logged} from './log';
import {syncHelpers} from './moves';
import {readSettings, writeTabState} from './store';
import {forgetWhenPrivateTabsClose, forgetWhenPrivateWindowsClose} from './private-session';
import {restrictStorageAccess} from './access-level';

// Storage for trusted contexts only (Chromium; see ./access-level.ts), every time the background starts.
void restrictStorageAccess().catch(logged('storage access level not set'));

const self = {extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('')};

// The reply goes by sendResponse, the listener returning true to keep the channel open: the one way both browsers
// take (Chromium ignores a promise a listener returns). route() never throws and answers a Reply, {ok, value} or
// {ok: false, error}, never a rejection; the catch is for a bug in it, which then still answers.
browser.runtime.onMessage.addListener(
	(message: unknown, sender: Runtime.MessageSender, sendResponse: (reply: Reply<unknown>) => void): true => {
		route(message, sender, handlers, self)
			.catch((error: unknown): Reply<unknown> => ({ok: false, error: errorMessage(error)}))
			.then(sendResponse)
			.catch(logged('message not answered'));
		return true;
	},
);

// Firefox for Android has no windows API (a listener on it would throw here, and no listener after it would be
// registered): there the private session ends with its last private tab.
const windows = (browser as {windows?: typeof browser.windows}).windows;

browser.tabs.onRemoved.addListener((tabId) => {
	void writeTabState(tabId, {serviceId: null});
	if (!windows) void forgetWhenPrivateTabsClose(tabId).catch(logged('private session choices not forgotten'));
});

// The last private window closed: the private session's banner choices end with it (./private-session.ts).
windows?.onRemoved.addListener(() => {
	void forgetWhenPrivateWindowsClose().catch(logged('private session choices not forgotten'));
});

// On install and update: migrate or repair the stored settings once, so every reader sees the current
// format; then bring the custom sites' content scripts in line with their permissions.
browser.runtime.onInstalled.addListener(() => {
	void readSettings()
		.then(() => syncCustomSites())
		.then(() => syncHelpers())
		.catch(logged('settings repair, custom-site or move-helper sync after install or update'));
});

// On browser start, and whenever the person grants or revokes a site in the browser's own UI: register
// the scripts of custom sites whose permission is granted, drop those whose permission was revoked.
browser.runtime.onStartup.addListener(() => {
	// Read once at start: the toolbar's popup is set for the settings' language before it is first opened.
	void readSettings().catch(logged('settings read at startup'));
	void syncCustomSites().catch(logged('custom-site sync at startup'));
	void syncHelpers().catch(logged('move-helper sync at startup'));
});
browser.permissions.onAdded.addListener(() => {
	void syncCustomSites().catch(logged('custom-site sync after a permission was granted'));
	void syncHelpers().catch(logged('move-helper sync after a permission was granted'));
});
browser.permissions.onRemoved.addListener(() => {
	void syncCustomSites().catch(logged('custom-site sync after a permission was revoked'));
	void syncHelpers().catch(logged('move-helper sync after a permission was revoked'));
});
