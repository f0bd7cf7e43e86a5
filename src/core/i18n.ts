/**
 * The interface's messages in the person's language: the extension's own catalogues (locales/<lang>/
 * messages.json, one module a language in src/core/catalogues/), not the browser's i18n API, so that the language
 * option (settings.language) can show French advice in an English browser, and every surface follows it at
 * once. The browser's _locales are only for the manifest's name and description.
 *
 * The language is the module's state: `setLanguage` (from the settings, core/languages.ts resolveLanguage)
 * parses that language's catalogue only, once. Until it is called, the browser's own language is used (the
 * "auto" setting's choice), so a first render needs no round trip.
 *
 * The catalogues are given to this module by the context it runs in (`addCatalogues`): every language in the
 * background (./every-catalogue.ts, imported first), its own language's only in an extension page
 * (src/ui/catalogue.ts), which must not wait for the other nine to open.
 *
 * A missing message returns the key itself, so the failure is loud on screen and in tests rather than an
 * empty string.
 */
import type en from '../../locales/en/messages.json';
import {browser} from './browser';
import {directionOf, languageFor, resolveLanguage, type Language} from './languages';

export type MessageKey = keyof typeof en;

let current: Language | undefined;
/** The catalogues given so far, as JSON texts by language. */
const texts: Partial<Record<Language, string>> = {};
const parsed = new Map<Language, Readonly<Record<string, string>>>();

/** Gives t() these languages' catalogues (JSON texts, as src/core/catalogues/<lang>.ts export them). */
export function addCatalogues(more: Partial<Record<Language, string>>): void {
	Object.assign(texts, more);
}

/** Whether t() has `lang`'s own catalogue. */
export function hasCatalogue(lang: Language): boolean {
	return texts[lang] !== undefined;
}

/**
 * The browser's own language, as the extension maps it ("auto"): the person's first preferred language
 * (navigator.language, which follows Chromium's --lang and Firefox's locale), else the browser's UI
 * language (headless Chromium reports en-US there whatever its --lang).
 */
function browserLanguage(): Language {
	let tag: string | undefined = globalThis.navigator?.language;
	if (!tag) {
		try {
			tag = browser.i18n.getUILanguage();
		} catch {
			tag = undefined;
		}
	}
	return languageFor(tag);
}

/**
 * The catalogue of a language (parsed the first time). While it has none (not loaded yet, or its file failed to
 * load): English's, else the browser's language's, which a page loads first; none before any is given.
 */
function catalogue(lang: Language): Readonly<Record<string, string>> {
	const cached = parsed.get(lang);
	if (cached) return cached;
	const text = texts[lang];
	if (text === undefined) {
		const fallback = (['en', browserLanguage()] as const).find((other) => other !== lang && texts[other] !== undefined);
		return fallback === undefined ? {} : catalogue(fallback);
	}
	const messages = JSON.parse(text) as Record<string, string>;
	parsed.set(lang, messages);
	return messages;
}

/** Sets the language every t() speaks from now on. Returns it. */
export function setLanguage(lang: Language): Language {
	current = lang;
	return lang;
}

/** Back to the browser's language (tests start each case from there). */
export function resetLanguage(): void {
	current = undefined;
}

/** The language a settings document chooses ("auto": the browser's). */
export function languageOf(settings: {language?: string}): Language {
	return resolveLanguage(settings.language, browserLanguage());
}

/** Sets the language a settings document chooses ("auto": the browser's). Returns it. */
export function speakLanguageOf(settings: {language?: string}): Language {
	return setLanguage(languageOf(settings));
}

/** The language in use: the one set, else the browser's. */
export function uiLanguage(): Language {
	return current ?? browserLanguage();
}

/** The dataset language to show: the interface's (every language of the interface has its dataset). */
export function dataLanguage(): Language {
	return uiLanguage();
}

/** Writing direction of the language in use (he: right to left). */
export function uiDirection(): 'ltr' | 'rtl' {
	return directionOf(uiLanguage());
}

export function t(key: MessageKey, substitutions?: string | readonly string[]): string {
	const message = catalogue(uiLanguage())[key];
	if (message === undefined) return key;
	const given = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
	// Right to left, each substitution is a unit of its own direction: a Latin name, a host or a number keeps its
	// order inside a Hebrew sentence ("Google Photos (beta)", "3 / 6"), and the sentence's own order is kept.
	const subs = uiDirection() === 'rtl' ? given.map(isolate) : given;
	// As the browser's getMessage: $1…$9 are the substitutions, $$ is a dollar sign.
	return message.replace(/\$(\d|\$)/g, (_whole, which: string) =>
		which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
	);
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

/** Sets lang and dir on an extension page's root element. */
export function localizeDocument(doc: Document): void {
	doc.documentElement.lang = uiLanguage();
	doc.documentElement.dir = uiDirection();
}
