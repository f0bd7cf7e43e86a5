/**
 * Every text the in-page banner shows, made by the background in the UI language and sent with the
 * banner model (core/message-map.ts). The content script calls no i18n API: in Chromium, a content
 * script's first i18n.getMessage fetches the extension's messages into the page's renderer, about
 * 5 ms of the page's main thread (measured with `npm run bench`); the background has them at hand.
 * It also means the banner's buttons can still answer after the extension is updated or reloaded
 * under the page, when this copy of the script can no longer reach its messages.
 */
import {durationText, t} from './i18n';

export type BannerTexts = {
	/**
	 * "Photos stored on Google Photos can be seen by Google" (true on someone else's photos too), or its
	 * "may be" forms when that is not certain or, for a site the person added, the provider is not known.
	 */
	heading: string;
	/** "Private alternatives: Ente Photos, PhotoPrism". */
	alternatives: string;
	compare: string;
	/** "Start moving": opens the guided move (src/move/). */
	move: string;
	notNow: string;
	/** The tooltip of "Not now": for how long, on which service. */
	notNowHint: string;
	hide: string;
	/** "Turn off everywhere…": opens the options at the banner's switch (the person confirms there). */
	turnOff: string;
	turnOffHint: string;
	close: string;
	/** The confirmations after each choice, and after a choice that could not be stored. */
	snoozed: string;
	hidden: string;
	failed: string;
	/** The button that replaces the banner's body after a choice. */
	openSettings: string;
	/** In a private window only: added to a choice's confirmation (it lasts for the private session, nothing is saved). */
	privateOnly?: string;
};

export function bannerTexts({
	serviceName,
	provider,
	certain,
	tools,
	snoozeDays,
	privateSession = false,
}: {
	serviceName: string;
	/** Who runs the service ("Google"); absent for a site the person added. */
	provider?: string | undefined;
	/** The provider can see the photos for sure; else it may (end-to-end encryption unknown or opt-in). */
	certain: boolean;
	/** The tools' names, in the order the person's preference asks for. */
	tools: readonly string[];
	/** How long "Not now" snoozes the service, in days (a setting). */
	snoozeDays: number;
	/** The banner is in a private window. */
	privateSession?: boolean;
}): BannerTexts {
	const snoozeFor = durationText(snoozeDays);
	return {
		heading:
			provider === undefined
				? t('bannerHeadingMay', serviceName)
				: t(certain ? 'bannerHeading' : 'bannerHeadingUnknown', [serviceName, provider]),
		alternatives: t('bannerAlternatives', tools.join(', ')),
		compare: t('bannerCompare'),
		move: t('bannerMove'),
		notNow: t('bannerNotNow'),
		notNowHint: t('bannerNotNowHint', [serviceName, snoozeFor]),
		hide: t('bannerHide'),
		turnOff: t('bannerTurnOff'),
		turnOffHint: t('bannerTurnOffHint'),
		close: t('bannerClose'),
		snoozed: t('bannerSnoozed', [serviceName, snoozeFor]),
		hidden: t('bannerHidden', serviceName),
		failed: t('bannerActionFailed'),
		openSettings: t('bannerOpenSettings'),
		...(privateSession ? {privateOnly: t('bannerPrivateSessionOnly')} : {}),
	};
}
