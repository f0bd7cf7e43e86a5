/** The one handler map: what the background does for each message (see core/messages.ts). */
import {browser, type Runtime} from '../core/browser';
import type {BannerModel} from '../core/messages';
import {dataLanguage, uiDirection, uiLanguage} from '../core/i18n';
import {findService, parseHttpsUrl} from '../core/url-match';
import type {Settings} from '../core/settings';
import {dataset, localize, serviceById} from '../data';
import {NEVER_FLAG_RULES, SERVICE_RULES} from '../data/rules';
import {markTab} from './badge';
import {readSettings, readTabState, updateSettings, writeTabState} from './store';

const DAY = 24 * 60 * 60 * 1000;

/** The comparison page's URL, focused on a service when one is given. */
export function comparisonUrl(serviceId: string | null): string {
	const page = browser.runtime.getURL('compare/index.html');
	return serviceId ? `${page}?service=${encodeURIComponent(serviceId)}` : page;
}

/** The service the background detected in the sender's tab (never one the page names). */
async function detectedService(sender: Runtime.MessageSender): Promise<string> {
	const {serviceId} = await readTabState(tabOf(sender));
	if (!serviceId) throw new Error('No photo service is detected in this tab');
	return serviceId;
}
import type {Handlers} from './router';

/** The payload's URL must be on the sender's own origin: a content script speaks for its page only. */
function senderPageUrl(url: string, sender: Runtime.MessageSender): URL | undefined {
	const claimed = parseHttpsUrl(url);
	const actual = parseHttpsUrl(sender.url);
	if (!claimed || (actual && actual.origin !== claimed.origin)) return undefined;
	return claimed;
}

function tabOf(sender: Runtime.MessageSender): number {
	const id = sender.tab?.id;
	if (id === undefined) throw new Error('This message must come from a tab');
	return id;
}

export function bannerAllowed(settings: Settings, serviceId: string, now: number): boolean {
	if (!settings.bannerEnabled) return false;
	if (settings.hiddenServices.includes(serviceId)) return false;
	return (settings.snoozedUntil[serviceId] ?? 0) <= now;
}

/** Tools in the order the person's preference asks for. */
export function toolsFor(settings: Settings) {
	const tools = dataset.tools;
	if (settings.preference === 'both') return tools;
	return tools.filter((tool) => tool.kind === settings.preference);
}

export const handlers: Handlers = {
	async pageVisit({url}, sender) {
		const tabId = tabOf(sender);
		const page = senderPageUrl(url, sender);
		const serviceId = page ? findService(page.href, SERVICE_RULES, NEVER_FLAG_RULES) : undefined;
		const service = serviceId ? serviceById(serviceId) : undefined;
		const lang = dataLanguage();
		await writeTabState(tabId, {serviceId: service?.id ?? null});
		await markTab(tabId, service ? localize(service.name, lang) : null);
		if (!service) return null;
		const settings = await readSettings();
		if (!bannerAllowed(settings, service.id, Date.now())) return null;
		const model: BannerModel = {
			serviceId: service.id,
			serviceName: localize(service.name, lang),
			concern: localize(service.access.concern, lang),
			tools: toolsFor(settings).map((tool) => tool.name),
			snoozeDays: settings.snoozeDays,
			lang: uiLanguage(),
			dir: uiDirection(),
		};
		return model;
	},
	async pageLeave(_payload, sender) {
		const tabId = tabOf(sender);
		await writeTabState(tabId, {serviceId: null});
		await markTab(tabId, null);
		return null;
	},
	async bannerAction({action}, sender) {
		const serviceId = await detectedService(sender);
		let until: number | null = null;
		await updateSettings((current) => {
			switch (action) {
				case 'snooze':
					until = Date.now() + current.snoozeDays * DAY;
					return {snoozedUntil: {...current.snoozedUntil, [serviceId]: until}};
				case 'hide':
					return {hiddenServices: [...new Set([...current.hiddenServices, serviceId])].sort()};
				case 'disable':
					return {bannerEnabled: false};
			}
		});
		return {until};
	},
	async openComparison(_payload, sender) {
		const serviceId = sender.tab?.id === undefined ? null : (await readTabState(sender.tab.id)).serviceId;
		await browser.tabs.create({url: comparisonUrl(serviceId)});
		return null;
	},
	async openOptions() {
		await browser.runtime.openOptionsPage();
		return null;
	},
	getSettings: () => readSettings(),
	updateSettings: (patch) => updateSettings(patch),
	async getTabState({tabId}) {
		const state = await readTabState(tabId);
		// Both browsers reset a tab's own badge when it navigates to another document. So a detected tab
		// whose badge is gone has left the service for a page where the content script never ran.
		if (state.serviceId !== null && (await browser.action.getBadgeText({tabId})) === '') {
			await writeTabState(tabId, {serviceId: null});
			return {serviceId: null};
		}
		return state;
	},
};
