// Where a Privacy Guides page file sits on the site (its language and page path), inferred from the
// file's path and the page's own relative links, for the CLI when no --lang / --page-path is given
// (LOCATION_RULES says how, and is the CLI's --help text; the dataset build names both in
// scripts/data/curated/sources.json instead). Read:
//   - file name segments `NAME.LANG.YYYY-MM-DD.md` (lang like `fr`, `pt-BR`, `he_IL`; date ignored)
//   - the tree the file is in: `docs/…` (English sources) or `i18n/<lang>/…` (translations; lang is
//     any `xx`, `xx-Yy` or `xx_YY` directory: `de`, `he`, `zh-Hant`, `zh-TW`), flattened names at its
//     root included (`i18n/fr/about-criteria.md` → `about/criteria`, as scripts/data/sources keeps them)
//   - the depth of the page's relative link destinations (`../`), outside code
//   - the Privacy Guides docs tree: KNOWN_SECTIONS and KNOWN_SECTION_PAGES, to place flattened
//     names such as `self-hosting-file-management` or `common-threats`
// Pure: the path is only looked at as a string. Seam for more languages: LANG_SEGMENT (file names
// and i18n/ directories) here, LANG_PATTERN in types.ts (what --lang and the output accept).
import {ImportError} from './context';
import {SCHEME} from './urls';

/** Directories of the Privacy Guides docs tree (nested ones as `a/b`). */
export const KNOWN_SECTIONS: readonly string[] = [
	'about',
	'about/handbook',
	'about/jobs',
	'advanced',
	'android',
	'basics',
	'ios',
	'meta',
	'os',
	'os/windows',
	'self-hosting',
];

/** Pages that live in a section directory, for flattened file names that do not carry it. */
export const KNOWN_SECTION_PAGES: Readonly<Record<string, readonly string[]>> = {
	about: [
		'bounty',
		'contributors',
		'criteria',
		'donate',
		'donation-acceptance-policy',
		'executive-policy',
		'jobs',
		'notices',
		'privacy-policy',
		'privacytools',
		'services',
		'statistics',
		'volunteer',
	],
	advanced: [
		'browser-fingerprinting',
		'communication-network-types',
		'dns-overview',
		'erasing-data',
		'integrating-metadata-removal',
		'payments',
		'signal-configuration-hardening',
		'tor-overview',
	],
	android: ['distributions', 'general-apps', 'obtaining-apps'],
	basics: [
		'account-creation',
		'account-deletion',
		'common-misconceptions',
		'common-threats',
		'email-security',
		'hardware',
		'multi-factor-authentication',
		'passwords-overview',
		'threat-modeling',
		'vpn-overview',
		'why-privacy-matters',
	],
	meta: [
		'accessibility',
		'admonitions',
		'brand',
		'commit-messages',
		'git-recommendations',
		'pr-comments',
		'translations',
		'uploading-images',
		'writing-style',
	],
	os: ['android-overview', 'ios-overview', 'linux-overview', 'macos-overview', 'qubes-overview'],
	'os/windows': ['group-policies', 'hardening', 'privacy', 'sandboxing'],
};

const DATE_SEGMENT = /^\d{4}-\d{2}-\d{2}$/;
const LANG_SEGMENT = /^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$/;

/** Relative link destinations of a page (links and images), ignoring code. */
function relativeDestinations(markdown: string): string[] {
	const out: string[] = [];
	const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
	for (const m of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)/g)) {
		const dest = m[1]!;
		if (SCHEME.test(dest) || dest.startsWith('#') || dest.startsWith('/')) continue;
		out.push(dest);
	}
	return out;
}

export interface PageLocation {
	lang: string;
	/** As accepted by ParseOptions.pagePath (an index page is `dir/index`). */
	pagePath: string;
}

export const LOCATION_RULES = `lang and page path, when --lang / --page-path are not given:
  lang:      a ".xx." or ".xx-YY." segment of the file name (photo-management.fr.2025-07-23.md → fr;
             "_" is read as "-"), else the <lang> of an i18n/<lang>/ directory in the path, else "en".
  page path: if the file sits in a docs/ or i18n/<lang>/ tree, its path there without ".md"
             (docs/self-hosting/file-management.md → self-hosting/file-management; os/index.md → os),
             provided the page's own relative links agree with that depth; a name at the tree's root
             that starts with a known section is that section's page, flattened
             (i18n/fr/basics-common-threats.md → basics/common-threats).
             Otherwise the file name without its lang and YYYY-MM-DD segments, placed by the depth of
             the page's own relative links (the most leading "../" in any link or image):
               depth 0 (or no relative links): a top-level page (photo-management);
               depth N: the name must start with a known section of that depth, flattened with "-"
                 (self-hosting-file-management → self-hosting/file-management; known sections:
                 ${KNOWN_SECTIONS.slice(0, 6).join(', ')},
                 ${KNOWN_SECTIONS.slice(6).join(', ')}),
                 or be a known page of such a section (common-threats → basics/common-threats,
                 criteria → about/criteria), or a sibling link (x.md) names a known page of one.
             A file name with other segments, or a name that cannot be placed, is an error.`;

/**
 * Infers lang and page path from a file path (any separators) and the page's text. Pure: the
 * path is only looked at as a string.
 */
export function inferPageLocation(filePath: string, markdown: string): PageLocation {
	const parts = filePath.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
	const base = parts[parts.length - 1] ?? '';
	if (!/\.md$/i.test(base)) throw new ImportError(filePath, 1, 'not a markdown file name (expected *.md)');
	const nameSegments = base.replace(/\.md$/i, '').split('.');
	const slug = nameSegments[0] ?? '';
	let nameLang: string | null = null;
	for (const segment of nameSegments.slice(1)) {
		if (DATE_SEGMENT.test(segment)) continue;
		if (LANG_SEGMENT.test(segment) && nameLang === null) {
			nameLang = segment.replace('_', '-');
			continue;
		}
		throw new ImportError(
			filePath,
			1,
			`cannot infer lang/page path: unexpected segment ".${segment}." in the file name (pass --lang and --page-path)`,
		);
	}

	const destinations = relativeDestinations(markdown);
	const depth = destinations.reduce((max, dest) => Math.max(max, (/^(?:\.\.\/)+/.exec(dest)?.[0].length ?? 0) / 3), 0);
	const hasRelative = destinations.length > 0;

	// A docs/ or i18n/<lang>/ tree (the last one in the path).
	let treeLang: string | null = null;
	let treePath: string[] | null = null;
	for (let k = parts.length - 2; k >= 0; k--) {
		if (parts[k] === 'docs') {
			treePath = parts.slice(k + 1);
			break;
		}
		if (parts[k] === 'i18n' && k + 1 < parts.length - 1 && LANG_SEGMENT.test(parts[k + 1]!)) {
			treeLang = parts[k + 1]!.replace('_', '-');
			treePath = parts.slice(k + 2);
			break;
		}
	}
	if (nameLang && treeLang && nameLang !== treeLang) {
		throw new ImportError(filePath, 1, `file name says lang "${nameLang}" but its i18n/ directory says "${treeLang}"`);
	}
	const lang = nameLang ?? treeLang ?? 'en';

	if (treePath) {
		const dirs = treePath.slice(0, -1);
		// A flattened name at the tree's root (i18n/fr/basics-common-threats.md, as the sources keep
		// them) is placed in its section whatever its links say (a page may have no "../" link).
		const flattened = dirs.length === 0 ? findSection(slug, null) : null;
		if (flattened && depth <= flattened.split('/').length - 1) return {lang, pagePath: flattened};
		// The links must not climb above the tree's root (else this is not really a docs tree).
		if (depth <= dirs.length) {
			return {lang, pagePath: [...dirs, slug].join('/')};
		}
	}

	if (depth === 0) {
		const sectionPrefix = !hasRelative ? findSection(slug, null) : null;
		if (sectionPrefix) return {lang, pagePath: sectionPrefix};
		if (!hasRelative) {
			const known = findKnownPage(slug, null);
			if (known) return {lang, pagePath: known};
		}
		return {lang, pagePath: slug};
	}
	const placed =
		findSection(slug, depth) ?? findKnownPage(slug, depth) ?? findBySiblingLinks(slug, depth, destinations);
	if (!placed) {
		throw new ImportError(
			filePath,
			1,
			`cannot infer the page path: the page's links are ${depth} director${depth === 1 ? 'y' : 'ies'} down ("${'../'.repeat(depth)}") ` +
				`but "${slug}" does not start with a known section (pass --page-path)`,
		);
	}
	return {lang, pagePath: placed};
}

function sectionsOfDepth(depth: number | null): string[] {
	return KNOWN_SECTIONS.filter((s) => depth === null || s.split('/').length === depth).sort(
		(a, b) => b.length - a.length,
	);
}

function findSection(slug: string, depth: number | null): string | null {
	for (const section of sectionsOfDepth(depth)) {
		const flat = `${section.replace(/\//g, '-')}-`;
		if (slug.startsWith(flat) && slug.length > flat.length) return `${section}/${slug.slice(flat.length)}`;
	}
	return null;
}

function findKnownPage(slug: string, depth: number | null): string | null {
	const matches = sectionsOfDepth(depth).filter((section) => KNOWN_SECTION_PAGES[section]?.includes(slug));
	return matches.length === 1 ? `${matches[0]}/${slug}` : null;
}

function findBySiblingLinks(slug: string, depth: number, destinations: string[]): string | null {
	const siblings = destinations
		.filter((dest) => !dest.includes('/') && /\.md(?:#|$)/.test(dest))
		.map((dest) => dest.replace(/\.md.*$/, ''));
	const sections = new Set(
		sectionsOfDepth(depth).filter((section) => siblings.some((s) => KNOWN_SECTION_PAGES[section]?.includes(s))),
	);
	return sections.size === 1 ? `${[...sections][0]}/${slug}` : null;
}
