/**
 * Typed translation helper over the browser's i18n API (locales/<lang>/messages.json, copied to
 * _locales at build). A missing message returns the key itself, so the failure is loud on screen and
 * in tests rather than an empty string.
 */
import type en from '../../locales/en/messages.json';
import {browser} from './browser';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, substitutions?: string | readonly string[]): string {
	const given = typeof substitutions === 'string' ? [substitutions] : substitutions ? [...substitutions] : undefined;
	// Right to left, each substitution is a unit of its own direction: a Latin name, a host or a number keeps its
	// order inside a Hebrew sentence ("Google Photos (beta)", "3 / 6"), and the sentence's own order is kept.
	const subs = given && uiDirection() === 'rtl' ? given.map(isolate) : given;
	return browser.i18n.getMessage(key, subs) || key;
}

/**
 * `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (Unicode bidi, UAX #9): inside, the direction
 * of its first letter; outside, one neutral character. The plain-text <bdi>, for strings (messages, titles, labels).
 */
function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}

/** A number of days as the person reads it: "1 day", "7 days" (the banner's snooze, the journey's visits). */
export function durationText(days: number): string {
	return days === 1 ? t('durationDay') : t('durationDays', String(days));
}

/**
 * The language of the translation the browser actually uses (each locale says its own code in
 * `localeCode`), so a German browser that falls back to English gets lang="en", not "de".
 */
export function uiLanguage(): string {
	const code = browser.i18n.getMessage('localeCode');
	return code || 'en';
}

/** The dataset language to show: French where the UI is in French, else English. */
export function dataLanguage(): 'en' | 'fr' {
	return uiLanguage() === 'fr' ? 'fr' : 'en';
}

const RTL = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'yi', 'ckb', 'dv', 'ug']);
/** Writing direction of the translation in use (so every surface is right-to-left ready). */
export function uiDirection(): 'ltr' | 'rtl' {
	return RTL.has(uiLanguage().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

/** Sets lang and dir on an extension page's root element. */
export function localizeDocument(doc: Document): void {
	doc.documentElement.lang = uiLanguage();
	doc.documentElement.dir = uiDirection();
}
