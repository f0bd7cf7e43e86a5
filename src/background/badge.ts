/** The toolbar mark for a tab on a detected service: a badge, and a title naming the service. */
import {browser} from '../core/browser';
import {t} from '../core/i18n';

const BADGE_COLOR = '#8a3ffc';

/** `certain`: the service can see the photos for sure; else the title says it may. */
export async function markTab(tabId: number, service: {name: string; certain: boolean} | null): Promise<void> {
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
		browser.action.setTitle({tabId, title: t(service.certain ? 'badgeTitle' : 'badgeTitleMay', service.name)}),
	]);
}
