/**
 * Typed access to the embedded dataset, for the background and the extension pages (never the
 * content script: it gets a small BannerModel from the background instead).
 *
 * The JSON is validated against ./schema.ts when it is generated, at build time and in the tests, so
 * it is not parsed again at run time.
 */
import json from './dataset.json';
import type {Dataset, Language, LocalizedUrl, Service, Text} from './schema';

export const dataset = json as Dataset;

/** The text in `lang`, falling back to English. */
export function localize(text: Text, lang: Language): string {
	return (lang === 'en' ? undefined : text[lang]) ?? text.en;
}

export function localizeUrl(url: LocalizedUrl, lang: Language): string {
	return (lang === 'en' ? undefined : url[lang]) ?? url.en;
}

const servicesById = new Map(dataset.services.map((service) => [service.id, service]));

export function serviceById(id: string): Service | undefined {
	return servicesById.get(id);
}
