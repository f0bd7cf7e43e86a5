/**
 * The language of an extension page: the settings' choice (settings.language, "auto" for the browser's),
 * applied as soon as the settings the page asks for arrive, and again whenever they change on another page
 * (the options), so that every open surface follows at once. Until then the page speaks the browser's
 * language (core/i18n.ts), which is the right one for the default choice: no round trip before a render; the
 * popup, whose page is built for the settings' language, speaks that one (popup/requests.ts popupLanguage).
 *
 * Each page names its document title once (`titled`); applyLanguage sets lang, dir and the title.
 */
import {speakLanguageOf, localizeDocument, t, uiLanguage, type MessageKey} from '../core/i18n';

let titleKey: MessageKey | undefined;

/** The message key of this page's document title, set now and on every change of language. */
export function titled(key: MessageKey): void {
	titleKey = key;
	document.title = t(key);
}

/** Applies the language a settings document chooses to the page; says whether it changed. */
export function applyLanguage(settings: {language?: string}): boolean {
	const before = uiLanguage();
	speakLanguageOf(settings);
	localizeDocument(document);
	if (titleKey) document.title = t(titleKey);
	return uiLanguage() !== before;
}
