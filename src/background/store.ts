/**
 * The background's state, all of it in the browser's storage so that it survives the service worker
 * (or Firefox's event page) being stopped and restarted:
 * - settings: storage.local, key "settings", one versioned document (see core/settings.ts);
 * - per-tab detection: storage.session, key "tab:<id>" (cleared when the browser closes).
 */
import {browser} from '../core/browser';
import {logged} from './log';
import {serialQueue} from '../core/serial';
import {speakLanguageOf} from '../core/i18n';
import {popupSpeaks} from './popup-page';
import {
	applyPatch,
	repairSettings,
	runningSnoozes,
	SETTINGS_KEY,
	SETTINGS_VERSION,
	type Settings,
	type SettingsChange,
} from '../core/settings';
import type {TabState} from '../core/message-map';

/** Reads and repairs the stored settings; `write` says whether storage should get the repaired form. */
async function loadSettings(): Promise<{settings: Settings; write: boolean}> {
	const stored = await browser.storage.local.get(SETTINGS_KEY);
	const {settings, repaired, newer} = repairSettings(stored[SETTINGS_KEY]);
	// The texts the background makes (banner, toolbar titles, errors) speak the language the settings choose, and
	// so does the toolbar's popup.
	popupSpeaks(speakLanguageOf(settings));
	// Write back a repaired or migrated document, but never downgrade one from a newer version.
	const raw = stored[SETTINGS_KEY] as {version?: unknown} | undefined;
	const migrated = typeof raw === 'object' && raw !== null && raw.version !== SETTINGS_VERSION;
	return {settings, write: (repaired.length > 0 || raw === undefined || migrated) && !newer};
}

/**
 * Every write of the settings goes through this queue, one after another, so that two quick changes
 * (or a change and a repair) never overwrite each other.
 */
const serially = serialQueue();

export async function readSettings(): Promise<Settings> {
	const {settings, write} = await loadSettings();
	if (!write) return settings;
	// The write-back waits its turn and reads again first, so it never lands over a change made meanwhile.
	// A write-back that fails (disk full, a damaged database) costs nothing now: the repaired settings are
	// used, and the next read tries the write again.
	return serially(async () => {
		const again = await loadSettings();
		if (again.write)
			await browser.storage.local
				.set({
					[SETTINGS_KEY]: {...again.settings, snoozedUntil: runningSnoozes(again.settings.snoozedUntil, Date.now())},
				})
				.catch(logged('repaired settings not written back'));
		return again.settings;
	});
}

/** Applies a change in turn. A change may be computed from the current settings (one entry of a list or map). */
export function updateSettings(patch: SettingsChange | ((current: Settings) => SettingsChange)): Promise<Settings> {
	return serially(async () => {
		const {settings: current} = await loadSettings();
		const patched = applyPatch(current, typeof patch === 'function' ? patch(current) : patch);
		// Ended snoozes go whenever the settings are written: kept, they would tell when a service was visited.
		const settings = {...patched, snoozedUntil: runningSnoozes(patched.snoozedUntil, Date.now())};
		const lang = speakLanguageOf(settings);
		await browser.storage.local.set({[SETTINGS_KEY]: settings});
		// Once stored: a read made meanwhile (not in this queue) got the settings before this change, and set their page.
		popupSpeaks(lang);
		return settings;
	});
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
