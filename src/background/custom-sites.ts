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
import {
	CUSTOM_SCRIPT_PREFIX,
	customScriptId,
	customSiteErrorText,
	customSitePattern,
	knownHosts,
	parseCustomSite,
} from '../core/custom-sites';
import {dataLanguage} from '../core/i18n';
import type {CustomSiteStatus} from '../core/message-map';
import {dataset, localize} from '../data';
import {readSettings, updateSettings} from './store';

const SCRIPT_FILES = ['content.js'];

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

let queue: Promise<unknown> = Promise.resolve();
/** Runs `work` after every change queued before it (custom sites and export-page helpers share the queue). */
export function queued<T>(work: () => Promise<T>): Promise<T> {
	const next = queue.then(work);
	queue = next.catch(() => undefined);
	return next;
}

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
		const lang = dataLanguage();
		const result = parseCustomSite(
			site,
			knownHosts(dataset, (service) => localize(service.name, lang)),
			settings.customSites,
		);
		if (!result.ok) throw new Error(customSiteErrorText(result.error));
		await updateSettings((current) => ({customSites: [...new Set([...current.customSites, result.host])].sort()}));
	});
}

/** Forgets a custom site: its hide and snooze entries, its registration, then its permission. */
export function removeCustomSite(host: string): Promise<CustomSiteStatus[]> {
	return changeCustomSites(async () => {
		await updateSettings((current) => ({
			customSites: current.customSites.filter((site) => site !== host),
			hiddenServices: current.hiddenServices.filter((id) => id !== host),
			snoozedUntil: Object.fromEntries(Object.entries(current.snoozedUntil).filter(([id]) => id !== host)),
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
		if (dropped.length > 0) await browser.permissions.remove({origins: dropped});
		return statuses;
	});
}
