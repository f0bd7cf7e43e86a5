/**
 * Which Privacy Guides pages `npm run data:update` refreshes, and where each lives upstream and here.
 *
 * Upstream: English pages are `docs/<pagePath>.md` in privacyguides/privacyguides.org; a translation is
 * `i18n/<lang>/<pagePath>.md` in privacyguides/i18n. Here (scripts/data/sources/privacyguides/): the pages
 * the dataset reads, listed in curated/sources.json (the current one per page and language is the newest
 * by date), and the `i18n/<lang>/<flat>.md` copies of every translation (i18n/provenance.json).
 */
import {LANGUAGES} from '../../../src/data/schema';

/** The pages kept up to date, by page path (flat: the file name in i18n/<lang>/ without `.md`). */
const UPDATED_PAGES = [
	{pagePath: 'photo-management', flat: 'photo-management'},
	{pagePath: 'self-hosting/file-management', flat: 'self-hosting-file-management'},
	{pagePath: 'basics/common-threats', flat: 'basics-common-threats'},
	{pagePath: 'about/criteria', flat: 'about-criteria'},
] as const;

type CheckoutKind = 'org' | 'i18n';

const REPOSITORIES: Readonly<Record<CheckoutKind, string>> = {
	org: 'privacyguides/privacyguides.org',
	i18n: 'privacyguides/i18n',
};

/** A page of one language, upstream. */
export interface UpstreamPage {
	pagePath: string;
	flat: string;
	lang: string;
	checkout: CheckoutKind;
	/** Path inside the checkout. */
	path: string;
	/** `privacyguides/privacyguides.org:docs/photo-management.md`, as sources.json records it. */
	repository: string;
}

/** The Privacy Guides language of an extension language (`zh_TW` or `zh-TW` → `zh-TW`). */
function privacyGuidesLang(lang: string): string {
	return lang.replace(/_/g, '-');
}

/** The languages the extension ships (src/data/schema.ts LANGUAGES), English first. */
export function shippedLangs(): string[] {
	return [...new Set(['en', ...LANGUAGES.map(privacyGuidesLang)])];
}

function upstreamPage(page: (typeof UPDATED_PAGES)[number], lang: string): UpstreamPage {
	const checkout: CheckoutKind = lang === 'en' ? 'org' : 'i18n';
	const path = lang === 'en' ? `docs/${page.pagePath}.md` : `i18n/${lang}/${page.pagePath}.md`;
	return {
		pagePath: page.pagePath,
		flat: page.flat,
		lang,
		checkout,
		path,
		repository: `${REPOSITORIES[checkout]}:${path}`,
	};
}

/** Every page to refresh for these languages, in a fixed order (language, then page). */
export function upstreamPages(langs: readonly string[]): UpstreamPage[] {
	return langs.flatMap((lang) => UPDATED_PAGES.map((page) => upstreamPage(page, lang)));
}
