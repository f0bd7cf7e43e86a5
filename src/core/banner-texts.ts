/**
 * Every text the in-page banner shows, made by the background in the UI language and sent with the
 * banner model (core/message-map.ts). The content script calls no i18n API: in Chromium, a content
 * script's first i18n.getMessage fetches the extension's messages into the page's renderer, about
 * 5 ms of the page's main thread (measured with `npm run bench`); the background has them at hand.
 * It also means the banner's buttons can still answer after the extension is updated or reloaded
 * under the page, when this copy of the script can no longer reach its messages.
 */
import {t} from './i18n';

export type BannerTexts = {
	/** "Google Photos can see your photos", or "may be able to see" when that is not certain. */
	heading: string;
	/** "Private alternatives: Ente Photos, PhotoPrism". */
	alternatives: string;
	compare: string;
	notNow: string;
	/** The tooltip of "Not now": for how long, on which service. */
	notNowHint: string;
	hide: string;
	disable: string;
	close: string;
	/** The confirmations after each choice, and after a choice that could not be stored. */
	snoozed: string;
	hidden: string;
	disabled: string;
	failed: string;
	/** The button that replaces the banner's body after a choice. */
	openSettings: string;
};

function duration(days: number): string {
	return days === 1 ? t('durationDay') : t('durationDays', String(days));
}

export function bannerTexts({
	serviceName,
	certain,
	tools,
	snoozeDays,
}: {
	serviceName: string;
	/** The provider can see the photos for sure; else it may (end-to-end encryption unknown or opt-in). */
	certain: boolean;
	/** The tools' names, in the order the person's preference asks for. */
	tools: readonly string[];
	/** How long "Not now" snoozes the service, in days (a setting). */
	snoozeDays: number;
}): BannerTexts {
	const snoozeFor = duration(snoozeDays);
	return {
		heading: t(certain ? 'bannerHeading' : 'bannerHeadingMay', serviceName),
		alternatives: t('bannerAlternatives', tools.join(', ')),
		compare: t('bannerCompare'),
		notNow: t('bannerNotNow'),
		notNowHint: t('bannerNotNowHint', [serviceName, snoozeFor]),
		hide: t('bannerHide'),
		disable: t('bannerDisable'),
		close: t('bannerClose'),
		snoozed: t('bannerSnoozed', [serviceName, snoozeFor]),
		hidden: t('bannerHidden', serviceName),
		disabled: t('bannerDisabled'),
		failed: t('bannerActionFailed'),
		openSettings: t('bannerOpenSettings'),
	};
}
