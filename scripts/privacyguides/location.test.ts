// Page location (location.ts): lang and page path inferred from a file's path and the page's own links.
import {describe, expect, it} from 'vitest';
import {inferPageLocation, KNOWN_SECTION_PAGES, KNOWN_SECTIONS, LOCATION_RULES} from './location';

describe('inferPageLocation', () => {
	const flat = '---\ntitle: T\n---\n[a](basics/common-threats.md)\n';
	const down1 = '---\ntitle: T\n---\n[a](../basics/common-threats.md)\n';
	const down2 = '---\ntitle: T\n---\n[a](../../basics/common-threats.md)\n';
	it.each([
		['photo-management.md', flat, {lang: 'en', pagePath: 'photo-management'}],
		['/x/photo-management.pt-BR.2025-01-02.md', flat, {lang: 'pt-BR', pagePath: 'photo-management'}],
		['photo-management.he_IL.md', flat, {lang: 'he-IL', pagePath: 'photo-management'}],
		[
			'C:\\pages\\self-hosting-file-management.zh-Hant.md',
			down1,
			{lang: 'zh-Hant', pagePath: 'self-hosting/file-management'},
		],
		['os-windows-hardening.md', down2, {lang: 'en', pagePath: 'os/windows/hardening'}],
		['threat-modeling.fr.md', down1, {lang: 'fr', pagePath: 'basics/threat-modeling'}],
		['/repo/docs/self-hosting/file-management.md', down1, {lang: 'en', pagePath: 'self-hosting/file-management'}],
		['/repo/docs/os/index.md', down1, {lang: 'en', pagePath: 'os/index'}],
		['/i18n/repo/i18n/ar/photo-management.md', flat, {lang: 'ar', pagePath: 'photo-management'}],
		// A "docs" directory that is not a docs tree (links climb higher than it): fall back to the name.
		['/home/docs/self-hosting-file-management.md', down1, {lang: 'en', pagePath: 'self-hosting/file-management'}],
		// No relative links: a flattened section name is still recognised.
		['self-hosting-file-management.md', '---\ntitle: T\n---\n', {lang: 'en', pagePath: 'self-hosting/file-management'}],
		[
			'mystery.md',
			'---\ntitle: T\n---\n[a](../mystery/x.md) [b](threat-modeling.md)\n',
			{lang: 'en', pagePath: 'basics/mystery'},
		],
		// New edge cases of the split: links in code do not count, nor do absolute, root and anchor links.
		[
			'photo-management.md',
			'```\n[a](../../x.md)\n```\n`[b](../c.md)` [c](/x.md) [d](#y) [e](https://z)',
			{lang: 'en', pagePath: 'photo-management'},
		],
		// No relative links: a known page of a section is placed in it; a name that is none stays top-level.
		['criteria.md', '---\ntitle: T\n---\n', {lang: 'en', pagePath: 'about/criteria'}],
		['photo-management.md', '---\ntitle: T\n---\n', {lang: 'en', pagePath: 'photo-management'}],
		['i18n/zh-Hant/os/windows/hardening.md', down2, {lang: 'zh-Hant', pagePath: 'os/windows/hardening'}],
		// The flattened names of scripts/data/sources/privacyguides/i18n/<lang>/, whatever their links say.
		['sources/i18n/zh-TW/basics-common-threats.md', flat, {lang: 'zh-TW', pagePath: 'basics/common-threats'}],
		[
			'sources/i18n/he/basics-common-threats.md',
			'---\ntitle: T\n---\n',
			{lang: 'he', pagePath: 'basics/common-threats'},
		],
		['sources/i18n/de/about-criteria.md', down1, {lang: 'de', pagePath: 'about/criteria'}],
		[
			'sources/i18n/zh-Hant/self-hosting-file-management.md',
			down1,
			{lang: 'zh-Hant', pagePath: 'self-hosting/file-management'},
		],
		['sources/i18n/it/photo-management.md', flat, {lang: 'it', pagePath: 'photo-management'}],
		// In a sub-directory of the tree the path is the tree's; links two levels up are not a flattened page.
		['i18n/fr/basics/common-threats.md', down1, {lang: 'fr', pagePath: 'basics/common-threats'}],
		['i18n/fr/os-windows-hardening.md', down2, {lang: 'fr', pagePath: 'os/windows/hardening'}],
	])('%s', (file, markdown, expected) => {
		expect(inferPageLocation(file, markdown)).toEqual(expected);
	});

	it('refuses what it cannot place', () => {
		expect(() => inferPageLocation('mystery.md', down1)).toThrow(/mystery.md:1: cannot infer the page path/);
		expect(() => inferPageLocation('page.backup.md', flat)).toThrow(/unexpected segment "\.backup\."/);
		expect(() => inferPageLocation('/i18n/fr/page.de.md', flat)).toThrow(
			/lang "de" but its i18n\/ directory says "fr"/,
		);
	});

	it('refuses a file that is not markdown, and a name with two lang segments', () => {
		expect(() => inferPageLocation('notes/page.txt', flat)).toThrow(
			'notes/page.txt:1: not a markdown file name (expected *.md)',
		);
		expect(() => inferPageLocation('page.fr.de.md', flat)).toThrow(/unexpected segment "\.de\."/);
	});

	it('says how deep the links are when the name does not start with a section of that depth', () => {
		expect(() => inferPageLocation('self-hosting-x.md', down2)).toThrow(
			'self-hosting-x.md:1: cannot infer the page path: the page\'s links are 2 directories down ("../../") ' +
				'but "self-hosting-x" does not start with a known section (pass --page-path)',
		);
	});
});

describe('the docs tree it knows', () => {
	it('knows pages only of known sections, and LOCATION_RULES (the --help text) lists every section', () => {
		for (const section of Object.keys(KNOWN_SECTION_PAGES)) expect(KNOWN_SECTIONS).toContain(section);
		for (const section of KNOWN_SECTIONS) expect(LOCATION_RULES).toContain(section);
	});
});
