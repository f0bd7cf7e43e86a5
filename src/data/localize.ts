/**
 * The one fallback rule for the dataset's texts: the text in `lang`, else English. Used by the
 * background and the options on the whole dataset (./index.ts), and by `npm run data` to write the
 * pages' per-language files (./pages.ts), which are already in one language.
 */
import type {Language, LocalizedUrl, Text} from './schema';

export function localize(text: Text, lang: Language): string {
	return (lang === 'en' ? undefined : text[lang]) ?? text.en;
}

export function localizeUrl(url: LocalizedUrl, lang: Language): string {
	return (lang === 'en' ? undefined : url[lang]) ?? url.en;
}
