/** The toolbar mark for a tab on a detected service: a badge, and a title naming the service. */
import {browser} from '../core/browser';
import {t} from '../core/i18n';

const BADGE_COLOR = '#8a3ffc';

export async function markTab(tabId: number, serviceName: string | null): Promise<void> {
	if (serviceName === null) {
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
		browser.action.setTitle({tabId, title: t('badgeTitle', serviceName)}),
	]);
}
