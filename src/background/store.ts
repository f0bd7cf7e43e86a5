/**
 * The background's state, all of it in the browser's storage so that it survives the service worker
 * (or Firefox's event page) being stopped and restarted:
 * - settings: storage.local, key "settings", one versioned document (see core/settings.ts);
 * - per-tab detection: storage.session, key "tab:<id>" (cleared when the browser closes).
 */
import {browser} from '../core/browser';
import {applyPatch, repairSettings, SETTINGS_KEY, SETTINGS_VERSION, type Settings, type SettingsChange} from '../core/settings';
import type {TabState} from '../core/messages';

export async function readSettings(): Promise<Settings> {
	const stored = await browser.storage.local.get(SETTINGS_KEY);
	const {settings, repaired, newer} = repairSettings(stored[SETTINGS_KEY]);
	// Write back a repaired or migrated document, but never downgrade one from a newer version.
	const raw = stored[SETTINGS_KEY] as {version?: unknown} | undefined;
	const migrated = typeof raw === 'object' && raw !== null && raw.version !== SETTINGS_VERSION;
	if ((repaired.length > 0 || raw === undefined || migrated) && !newer) {
		await browser.storage.local.set({[SETTINGS_KEY]: settings});
	}
	return settings;
}

let queue: Promise<unknown> = Promise.resolve();
/**
 * Patches are applied one after another, so two quick changes never overwrite each other. A patch may
 * be computed from the current settings (for changes to one entry of a list or map).
 */
export function updateSettings(patch: SettingsChange | ((current: Settings) => SettingsChange)): Promise<Settings> {
	const next = queue.then(async () => {
		const current = await readSettings();
		const settings = applyPatch(current, typeof patch === 'function' ? patch(current) : patch);
		await browser.storage.local.set({[SETTINGS_KEY]: settings});
		return settings;
	});
	queue = next.catch(() => undefined);
	return next;
}

const tabKey = (tabId: number) => `tab:${tabId}`;

export async function readTabState(tabId: number): Promise<TabState> {
	const stored = await browser.storage.session.get(tabKey(tabId));
	const value = stored[tabKey(tabId)] as TabState | undefined;
	return {serviceId: typeof value?.serviceId === 'string' ? value.serviceId : null};
}

export async function writeTabState(tabId: number, state: TabState): Promise<void> {
	if (state.serviceId === null) await browser.storage.session.remove(tabKey(tabId));
	else await browser.storage.session.set({[tabKey(tabId)]: state});
}
