/**
 * The background: owns all state (settings, per-tab detection, the badge). Every listener is
 * registered synchronously at the top level, as MV3 requires for a service worker that may be stopped
 * and restarted at any time; all state lives in storage (see ./store.ts), none in variables.
 */
import {browser, type Runtime} from '../core/browser';
import {handlers} from './handlers';
import {route} from './router';
import {readSettings, writeTabState} from './store';

const self = {extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('')};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender, handlers, self));

browser.tabs.onRemoved.addListener((tabId) => {
	void writeTabState(tabId, {serviceId: null});
});

// On install and update: migrate or repair the stored settings once, so every reader sees the current format.
browser.runtime.onInstalled.addListener(() => {
	void readSettings();
});
