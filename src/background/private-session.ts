/**
 * Banner choices made in a private window: they last for that private session only, and nothing of
 * them reaches persistent storage (a snooze's end minus its length would give the exact time of a
 * private visit).
 *
 * Where they live, and why: storage.session, key "private". It is held in memory by both browsers
 * (never written to disk), survives the service worker (or Firefox's event page) being stopped and
 * restarted, which a variable in the background would not, is not readable by content scripts (its
 * default access level, trusted contexts only), and is emptied when the browser closes. It is also
 * emptied here when the last private window closes (`forgetWhenPrivateWindowsClose`), so a choice never
 * outlives the private session it was made in.
 *
 * The overlay is applied on top of the stored settings for private tabs only: a private "Not now" or
 * "Don't show on this site" never changes what a normal window shows.
 */
import {browser} from '../core/browser';
import type {Settings} from '../core/settings';
import {serialQueue} from '../core/serial';
import {withEntry} from './service-lists';

export const PRIVATE_SESSION_KEY = 'private';

/** What the private session changed: services hidden, snoozes (end time, ms) and the banner switched off. */
export type PrivateChoices = {hiddenServices: string[]; snoozedUntil: Record<string, number>; bannerEnabled?: false};

const EMPTY: PrivateChoices = {hiddenServices: [], snoozedUntil: {}};

function isChoices(value: unknown): value is PrivateChoices {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		Array.isArray(v['hiddenServices']) &&
		v['hiddenServices'].every((entry) => typeof entry === 'string') &&
		typeof v['snoozedUntil'] === 'object' &&
		v['snoozedUntil'] !== null &&
		Object.values(v['snoozedUntil']).every((until) => typeof until === 'number') &&
		(v['bannerEnabled'] === undefined || v['bannerEnabled'] === false)
	);
}

export async function readPrivateChoices(): Promise<PrivateChoices> {
	const stored = (await browser.storage.session.get(PRIVATE_SESSION_KEY))[PRIVATE_SESSION_KEY];
	return isChoices(stored) ? stored : structuredClone(EMPTY);
}

const serially = serialQueue();

/** Changes the private session's choices in turn (two quick clicks never overwrite each other). */
export function updatePrivateChoices(change: (current: PrivateChoices) => PrivateChoices): Promise<PrivateChoices> {
	return serially(async () => {
		const next = change(await readPrivateChoices());
		await browser.storage.session.set({[PRIVATE_SESSION_KEY]: next});
		return next;
	});
}

/** The settings a private tab sees: the stored ones, with the private session's choices on top. */
export function withPrivateChoices(settings: Settings, choices: PrivateChoices): Settings {
	let hiddenServices = settings.hiddenServices;
	for (const service of choices.hiddenServices) hiddenServices = withEntry(hiddenServices, service);
	return {
		...settings,
		bannerEnabled: settings.bannerEnabled && choices.bannerEnabled !== false,
		hiddenServices,
		snoozedUntil: {...settings.snoozedUntil, ...choices.snoozedUntil},
	};
}

export function forgetPrivateChoices(): Promise<void> {
	return serially(() => browser.storage.session.remove(PRIVATE_SESSION_KEY));
}

/**
 * Firefox for Android has no windows API (MDN browser-compat-data: `windows`, firefox_android: false): its private
 * tabs are tabs. When the tab `closed` was the last private one, the private session is over and its choices go.
 * (tabs.query on Android may miss tabs not yet restored: then the choices go early, the side a private session
 * can afford.)
 */
export async function forgetWhenPrivateTabsClose(closed: number): Promise<void> {
	const tabs = await browser.tabs.query({});
	if (!tabs.some((tab) => tab.incognito && tab.id !== closed)) await forgetPrivateChoices();
}

/** A window closed: when no private window is left, the private session is over, and its choices go. */
export async function forgetWhenPrivateWindowsClose(): Promise<void> {
	const windows = await browser.windows.getAll();
	if (!windows.some((window) => window.incognito)) await forgetPrivateChoices();
}
