/**
 * Who says a claim, for the reader: the page a "Source" link opens, in the reader's language, and the
 * Privacy Guides pages (each with its own revision) that the advice comes from. Pure functions over the
 * dataset, shared by the popup, the comparison page and the tests.
 */
import type {Attribution, Dataset, Language, SourcePage} from '../data/schema';

type Sources = Pick<Dataset, 'sources'>;

/** The Privacy Guides page a claim cites in `lang`, else its English page. */
export function privacyGuidesPage(by: Attribution, lang: Language, data: Sources): SourcePage | undefined {
	if (by.by !== 'privacyguides') return undefined;
	const pages = by.pages.flatMap((id) => data.sources.filter((page) => page.id === id));
	return pages.find((page) => page.lang === lang) ?? pages.find((page) => page.lang === 'en') ?? pages[0];
}

/**
 * Where the claim's "Source" link goes: the Privacy Guides page in the reader's language, the
 * provider's own page, or (a claim of ours, which no page makes) the first page we searched.
 */
export function sourceHref(by: Attribution, lang: Language, data: Sources): string | undefined {
	if (by.by === 'privacyguides') return privacyGuidesPage(by, lang, data)?.url;
	if (by.by === 'provider') return by.url;
	return by.searched[0];
}

/**
 * The Privacy Guides pages the advice is adapted from, one per page path, each in the reader's
 * language where Privacy Guides has it (else English), with that page's own revision date.
 */
export function pagesForReader(lang: Language, data: Sources): SourcePage[] {
	const paths = [...new Set(data.sources.map((page) => page.pagePath))];
	return paths.flatMap((path) => {
		const pages = data.sources.filter((page) => page.pagePath === path);
		const page = pages.find((p) => p.lang === lang) ?? pages.find((p) => p.lang === 'en');
		return page ? [page] : [];
	});
}

/** "500px.com/terms": a searched page as a short label (host and path, no scheme or query). */
export function shortUrl(url: string): string {
	const parsed = new URL(url);
	return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '')}`;
}

/** The oldest and newest revision dates ("YYYY-MM-DD") of the pages the reader's advice comes from. */
export function pageDates(lang: Language, data: Sources): {oldest: string; newest: string; live: string} | null {
	const pages = pagesForReader(lang, data);
	const dates = pages.map((page) => page.date).sort();
	const main = pages.find((page) => page.pagePath === 'photo-management') ?? pages[0];
	if (!main || dates.length === 0) return null;
	return {oldest: dates[0]!, newest: dates[dates.length - 1]!, live: main.url};
}
