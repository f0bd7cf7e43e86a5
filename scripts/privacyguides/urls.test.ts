// Link resolution (urls.ts): destinations → absolute site URLs, and the page's Context.
import {describe, expect, it} from 'vitest';
import {ImportWarnings} from './context';
import {FILE, context, importError, PG} from './test-helpers';
import {PUBLISHED_LANGS} from './types';
import {normalisePagePath, pageContext, resolveUrl} from './urls';

const resolve = (dest: string, pagePath = 'photo-management', lang = 'en') =>
	resolveUrl(dest, context(pagePath, lang), 1);

describe('resolveUrl', () => {
	it('resolves relative links mkdocs-style and keeps absolute ones (from the former parse.test.ts)', () => {
		expect(
			[
				'basics/common-threats.md#security-and-privacy',
				'about/criteria.md',
				'index.md',
				'#criteria',
				'https://example.com/x_(y)?q=1#z',
				'mailto:someone@example.com',
				'cloud.md#proton-drive',
				'android/index.md',
			].map((dest) => resolve(dest)),
		).toEqual([
			`${PG}/en/basics/common-threats/#security-and-privacy`,
			`${PG}/en/about/criteria/`,
			`${PG}/en/`,
			`${PG}/en/photo-management/#criteria`,
			'https://example.com/x_(y)?q=1#z',
			'mailto:someone@example.com',
			`${PG}/en/cloud/#proton-drive`,
			`${PG}/en/android/`,
		]);
	});

	it('resolves from the page directory of a nested page and of an index page', () => {
		expect(resolve('../basics/common-threats.md#x', 'self-hosting/file-management', 'fr')).toBe(
			`${PG}/fr/basics/common-threats/#x`,
		);
		expect(resolve('threat-modeling.md', 'self-hosting/file-management', 'fr')).toBe(
			`${PG}/fr/self-hosting/threat-modeling/`,
		);
		expect(resolve('../basics/x.md', 'os/index')).toBe(`${PG}/en/basics/x/`);
		expect(resolve('y.md', 'os/index')).toBe(`${PG}/en/os/y/`);
	});

	it('keeps other files by name, a trailing slash, a query; resolves /… from the language root', () => {
		expect(resolve('./assets/x.svg?v=2', 'self-hosting/file-management')).toBe(
			`${PG}/en/self-hosting/assets/x.svg?v=2`,
		);
		expect(resolve('about/', 'photo-management')).toBe(`${PG}/en/about/`);
		expect(resolve('/basics/a.md', 'self-hosting/file-management')).toBe(`${PG}/en/basics/a/`);
		expect(resolve('?q=1#top')).toBe(`${PG}/en/photo-management/?q=1#top`);
		expect(resolve('  HTTPS://Example.com/A  ')).toBe('HTTPS://Example.com/A');
	});

	it.each([
		['javascript:alert(1)', 'link with unsupported scheme "javascript:": javascript:alert(1)'],
		['JaVaScRiPt:x', 'link with unsupported scheme "javascript:"'],
		['java\tscript:alert(1)', 'link with unsupported scheme "javascript:"'],
		['\u0001javascript:x', 'link with unsupported scheme "javascript:"'],
		['data:text/html,x', 'link with unsupported scheme "data:"'],
		['VBScript:msgbox(1)', 'link with unsupported scheme "vbscript:"'],
		['https://', 'malformed URL: https://'],
		['//evil.example/x', 'protocol-relative URL is not supported: //evil.example/x'],
		['\\\\evil.example/x', 'protocol-relative URL is not supported'],
		['/\\evil.example', 'protocol-relative URL is not supported'],
		['a b.md', 'malformed URL (contains whitespace): a b.md'],
		['../../x.md', 'relative link goes above the site root: ../../x.md'],
		[`javascript:${'x'.repeat(100)}`, `: javascript:${'x'.repeat(66)}...`],
	])('refuses %j', (dest, message) => {
		const error = importError(() => resolveUrl(dest, context('self-hosting/file-management'), 9));
		expect(error.startsWith(`${FILE}:9: `)).toBe(true);
		expect(error).toContain(message);
	});
});

describe('the page on the site', () => {
	it('normalisePagePath: an index page resolves from its directory and is named by it', () => {
		expect(normalisePagePath('os/index.md')).toEqual({pagePath: 'os', sourceDir: ['os']});
		expect(normalisePagePath('/self-hosting/file-management/')).toEqual({
			pagePath: 'self-hosting/file-management',
			sourceDir: ['self-hosting'],
		});
		expect(normalisePagePath('index')).toEqual({pagePath: '', sourceDir: []});
		expect(normalisePagePath('Photo Management')).toBeNull();
		expect(normalisePagePath('../x')).toBeNull();
	});

	it('pageContext builds the page URL, and refuses a bad language or page path at line 1', () => {
		const zh = pageContext('p.md', 'zh-Hant', 'os/index');
		expect(zh).toEqual({
			file: 'p.md',
			lang: 'zh-Hant',
			pagePath: 'os',
			sourceDir: ['os'],
			pageUrl: `${PG}/zh-Hant/os/`,
			warnings: expect.any(ImportWarnings) as unknown,
		});
		expect(zh.warnings.list).toEqual([]);
		expect(pageContext('p.md', 'en', 'index').pageUrl).toBe(`${PG}/en/`);
		expect(importError(() => pageContext('p.md', 'English', 'x'))).toBe('p.md:1: invalid language code "English"');
		expect(importError(() => pageContext('p.md', 'en', 'a/../b'))).toBe('p.md:1: invalid page path "a/../b"');
	});

	it('warns at line 1 for a language the site does not publish (German), and only then', () => {
		expect(pageContext('de.md', 'de', 'photo-management').warnings.list.map((w) => [w.kind, w.message])).toEqual([
			[
				'unpublished-language',
				'de.md:1: warning: www.privacyguides.org does not publish "de" (it publishes en, es, fr, he, it, nl, ru, zh-Hant, zh-TW): ' +
					`${PG}/de/photo-management/ does not exist; link readers to the English page ${PG}/en/photo-management/`,
			],
		]);
		for (const lang of PUBLISHED_LANGS) expect(pageContext('p.md', lang, 'photo-management').warnings.list).toEqual([]);
	});
});
