// Link destinations of a Privacy Guides page → absolute URLs, resolved the way mkdocs builds the
// site (https://www.privacyguides.org/<lang>/…, one directory per page):
//   - `https:`, `http:`, `mailto:` URLs are kept exactly as written; any other scheme (`javascript:`,
//     `data:`, `vbscript:`, also when hidden by tabs or control characters) is an error, as are
//     protocol-relative `//host/…` links and relative destinations containing whitespace
//   - `#anchor` and `?query` alone resolve against the page's own URL
//   - relative paths resolve from the page's directory in the docs tree (Context.sourceDir), `/…`
//     from the language root; `page.md` → `page/`, `dir/index.md` → `dir/`, other files
//     (`assets/x.svg`) keep their name; `..` above the site root is an error
// Also: the page's place on the site from ParseOptions (pageContext), checked against LANG_PATTERN
// and PAGE_PATH_PATTERN (types.ts), with a warning for a language the site does not publish
// (PUBLISHED_LANGS: German is translated on Crowdin but not published, so its URLs do not exist).
// Inferring lang and page path from a file name is location.ts.
import {ImportError, ImportWarnings, type Context} from './context';
import {LANG_PATTERN, PAGE_PATH_PATTERN, PRIVACY_GUIDES_ORIGIN, PUBLISHED_LANGS} from './types';

/** A URL scheme (`https:`, `javascript:`…) at the start of a destination. */
export const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Resolves a link destination mkdocs-style; throws on unsupported schemes. */
export function resolveUrl(rawDest: string, ctx: Context, line: number): string {
	// Browsers ignore tabs/newlines and leading control characters/spaces in URLs: so do we when
	// checking the scheme, so that `java\tscript:` is caught too.
	const dest = rawDest.trim();
	// eslint-disable-next-line no-control-regex -- dropping control characters is the point
	const probe = dest.replace(/[\u0000-\u0020]/g, '');
	const scheme = SCHEME.exec(probe);
	if (scheme) {
		const name = scheme[1]!.toLowerCase();
		if (name !== 'http' && name !== 'https' && name !== 'mailto') {
			throw new ImportError(ctx.file, line, `link with unsupported scheme "${name}:": ${truncate(dest)}`);
		}
		try {
			new URL(dest);
		} catch {
			throw new ImportError(ctx.file, line, `malformed URL: ${truncate(dest)}`);
		}
		return dest;
	}
	if (probe.startsWith('//') || probe.startsWith('\\\\') || probe.startsWith('/\\')) {
		throw new ImportError(ctx.file, line, `protocol-relative URL is not supported: ${truncate(dest)}`);
	}
	if (/\s/.test(dest)) throw new ImportError(ctx.file, line, `malformed URL (contains whitespace): ${truncate(dest)}`);

	const hashAt = dest.indexOf('#');
	const beforeHash = hashAt >= 0 ? dest.slice(0, hashAt) : dest;
	const anchor = hashAt >= 0 ? dest.slice(hashAt) : '';
	const queryAt = beforeHash.indexOf('?');
	const path = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
	const query = queryAt >= 0 ? beforeHash.slice(queryAt) : '';

	if (path === '') return ctx.pageUrl + query + anchor;

	const segments = path.startsWith('/') ? [] : [...ctx.sourceDir];
	const parts = path.replace(/^\/+/, '').split('/');
	for (const part of parts) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (segments.length === 0) {
				throw new ImportError(ctx.file, line, `relative link goes above the site root: ${truncate(dest)}`);
			}
			segments.pop();
			continue;
		}
		segments.push(part);
	}
	const base = `${PRIVACY_GUIDES_ORIGIN}/${ctx.lang}/`;
	const last = segments[segments.length - 1];
	let url: string;
	if (last !== undefined && /\.md$/i.test(last)) {
		const page = last.replace(/\.md$/i, '');
		if (page === 'index') segments.pop();
		else segments[segments.length - 1] = page;
		url = base + segments.map((seg) => `${seg}/`).join('');
	} else {
		url = base + segments.join('/') + (path.endsWith('/') && segments.length ? '/' : '');
	}
	const result = url + query + anchor;
	try {
		new URL(result);
	} catch {
		throw new ImportError(ctx.file, line, `malformed URL: ${truncate(dest)}`);
	}
	return result;
}

function truncate(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `os/index` → {pagePath: 'os', sourceDir: ['os']}; `self-hosting/file-management` → dir ['self-hosting']. */
export function normalisePagePath(raw: string): {pagePath: string; sourceDir: string[]} | null {
	const path = raw
		.trim()
		.replace(/\.md$/i, '')
		.replace(/^\/+|\/+$/g, '');
	const segments = path === '' ? [] : path.split('/');
	if (segments[segments.length - 1] === 'index') {
		segments.pop();
		const pagePath = segments.join('/');
		return PAGE_PATH_PATTERN.test(pagePath) ? {pagePath, sourceDir: segments} : null;
	}
	const pagePath = segments.join('/');
	if (!PAGE_PATH_PATTERN.test(pagePath)) return null;
	return {pagePath, sourceDir: segments.slice(0, -1)};
}

/**
 * The Context for a page at `pagePath` (as in ParseOptions: `os/index` for an index page) in `lang`,
 * with an empty warning list. Throws an ImportError at line 1 for an invalid language code or page
 * path; warns at line 1 when the site does not publish `lang`.
 */
export function pageContext(file: string, lang: string, pagePath: string): Context {
	if (!LANG_PATTERN.test(lang)) throw new ImportError(file, 1, `invalid language code "${lang}"`);
	const location = normalisePagePath(pagePath);
	if (location === null) throw new ImportError(file, 1, `invalid page path "${pagePath}"`);
	const pageUrl = `${PRIVACY_GUIDES_ORIGIN}/${lang}/${location.pagePath ? `${location.pagePath}/` : ''}`;
	const warnings = new ImportWarnings(file);
	if (!PUBLISHED_LANGS.includes(lang)) {
		warnings.add(
			1,
			'unpublished-language',
			`www.privacyguides.org does not publish "${lang}" (it publishes ${PUBLISHED_LANGS.join(', ')}): ` +
				`${pageUrl} does not exist; link readers to the English page ${PRIVACY_GUIDES_ORIGIN}/en/${location.pagePath ? `${location.pagePath}/` : ''}`,
		);
	}
	return {file, lang, pagePath: location.pagePath, sourceDir: location.sourceDir, pageUrl, warnings};
}
