/**
 * Custom sites in the background: each host the person added gets a content script registered
 * (scripting.registerContentScripts) while its host permission is granted, and none otherwise.
 *
 * `syncCustomSites` brings the registrations in line with the settings and the permissions. It runs on
 * browser start and on install/update (registrations of a revoked permission are dropped, missing ones
 * are made again), whenever a permission is added or removed (the person can revoke one in the
 * browser's own UI), and after every change from the options page. Calls are queued so two syncs never
 * register the same id at once.
 *
 * The registered script is the same content.js the catalogue uses. It treats any host the catalogue does
 * not know as a custom site and asks the background, which answers only for hosts in the settings.
 */
import {browser, type Scripting} from '../core/browser';
import {catalogueHosts, customSiteErrorText, customSitePattern, parseCustomSite} from '../core/custom-sites';
import {serialQueue} from '../core/serial';
import type {CustomSiteStatus} from '../core/message-map';
import {withEntry, withoutEntry, withoutService} from './service-lists';
import {readSettings, updateSettings} from './store';

const SCRIPT_FILES = ['content.js'];

/** Every registration whose id starts with this is a custom site's, ours to keep in line with the settings. */
const CUSTOM_SCRIPT_PREFIX = 'custom-site:';

/** The content-script registration id of a custom host. */
export function customScriptId(host: string): string {
	return `${CUSTOM_SCRIPT_PREFIX}${host}`;
}

function registration(host: string): Scripting.RegisteredContentScript {
	return {
		id: customScriptId(host),
		matches: [customSitePattern(host)],
		js: SCRIPT_FILES,
		runAt: 'document_idle',
		persistAcrossSessions: true,
	};
}

const granted = (host: string) => browser.permissions.contains({origins: [customSitePattern(host)]});

/** Syncs and changes, one at a time (a queue of its own: a change here waits on the settings' queue inside). */
const queued = serialQueue();

async function sync(): Promise<CustomSiteStatus[]> {
	const {customSites} = await readSettings();
	const registered = (await browser.scripting.getRegisteredContentScripts()).filter((script) =>
		script.id.startsWith(CUSTOM_SCRIPT_PREFIX),
	);
	const byId = new Map(registered.map((script) => [script.id, script]));
	const statuses: CustomSiteStatus[] = [];
	const register: Scripting.RegisteredContentScript[] = [];
	const unregister: string[] = [];
	for (const host of customSites) {
		const wanted = registration(host);
		const existing = byId.get(wanted.id);
		const allowed = await granted(host);
		statuses.push({host, granted: allowed});
		const current =
			existing &&
			JSON.stringify(existing.js) === JSON.stringify(wanted.js) &&
			JSON.stringify(existing.matches) === JSON.stringify(wanted.matches);
		if (existing && (!allowed || !current)) unregister.push(wanted.id);
		if (allowed && !current) register.push(wanted);
	}
	const kept = new Set(customSites.map(customScriptId));
	for (const script of registered) if (!kept.has(script.id)) unregister.push(script.id);
	if (unregister.length > 0) await browser.scripting.unregisterContentScripts({ids: unregister});
	if (register.length > 0) await browser.scripting.registerContentScripts(register);
	return statuses;
}

export const syncCustomSites = () => queued(sync);

export function addCustomSite(site: string): Promise<CustomSiteStatus[]> {
	return changeCustomSites(async () => {
		const settings = await readSettings();
		const result = parseCustomSite(site, catalogueHosts(), settings.customSites);
		if (!result.ok) throw new Error(customSiteErrorText(result.error));
		await updateSettings((current) => ({customSites: withEntry(current.customSites, result.host)}));
	});
}

/** Forgets a custom site: its hide and snooze entries, its registration, then its permission. */
export function removeCustomSite(host: string): Promise<CustomSiteStatus[]> {
	return changeCustomSites(async () => {
		await updateSettings((current) => ({
			customSites: withoutEntry(current.customSites, host),
			...withoutService(current, 'hidden', host),
			...withoutService(current, 'snoozed', host),
		}));
	});
}

/**
 * Runs `change` (which may add, remove or replace custom sites in the settings), then brings the
 * registrations in line and gives back the permission of every site that is no longer in the list.
 */
export function changeCustomSites(change: () => Promise<unknown>): Promise<CustomSiteStatus[]> {
	return queued(async () => {
		const before = (await readSettings()).customSites;
		await change();
		const statuses = await sync();
		const after = new Set(statuses.map((status) => status.host));
		const dropped = before.filter((host) => !after.has(host)).map(customSitePattern);
		// One at a time: Chromium rejects the removal of an origin the manifest requires ("You cannot remove
		// required permissions"), and in one batch that refusal would keep every other origin too. That one
		// stays, as the browser wants; the others are given back.
		for (const origin of dropped) await browser.permissions.remove({origins: [origin]}).catch(() => false);
		return statuses;
	});
}
