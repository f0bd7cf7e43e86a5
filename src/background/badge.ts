/** The toolbar mark for a tab on a detected service: a badge, and a title naming the service. */
import {browser} from '../core/browser';
import {t} from '../core/i18n';

const BADGE_COLOR = '#8a3ffc';

/**
 * `certain`: the provider can see the photos for sure; else the title says it may. A catalogued service
 * names its `provider` ("photos stored on Flickr can be seen by Flickr", true on anyone's photos); a site
 * the person added has none and keeps "may be able to see your photos" (they said it is theirs).
 */
export async function markTab(
	tabId: number,
	service: {name: string; provider?: string | undefined; certain: boolean} | null,
): Promise<void> {
	if (service === null) {
		await Promise.all([
			browser.action.setBadgeText({tabId, text: ''}),
			browser.action.setTitle({tabId, title: t('actionTitle')}),
		]);
		return;
	}
	await Promise.all([
		browser.action.setBadgeText({tabId, text: '!'}),
		browser.action.setBadgeBackgroundColor({tabId, color: BADGE_COLOR}),
		browser.action.setBadgeTextColor({tabId, color: '#ffffff'}),
		browser.action.setTitle({tabId, title: badgeTitle(service)}),
	]);
}

function badgeTitle(service: {name: string; provider?: string | undefined; certain: boolean}): string {
	if (service.provider === undefined) return t('badgeTitleMay', service.name);
	return t(service.certain ? 'badgeTitle' : 'badgeTitleUnknown', [service.name, service.provider]);
}
