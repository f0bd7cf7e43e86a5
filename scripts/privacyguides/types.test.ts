// The output schema (types.ts): what an imported page may contain, checked once more after parsing.
import {describe, expect, it} from 'vitest';
import {ICON_PATTERN, importedPageSchema, LANG_PATTERN, PAGE_PATH_PATTERN, type ImportedPage} from './types';

const PG = 'https://www.privacyguides.org';
const page: ImportedPage = {
	title: 'Photo Management',
	description: '',
	lang: 'en',
	pagePath: 'photo-management',
	url: `${PG}/en/photo-management/`,
	threats: [{label: 'Service Providers', url: `${PG}/en/basics/common-threats/#privacy-from-service-providers`}],
	intro: '',
	tools: [
		{
			name: 'Tool',
			summary: 'Tool does things.',
			summaryLinks: [{label: '', url: 'mailto:a@example.com'}],
			links: {homepage: 'https://tool.example', simpleTorbrowser: 'http://tool.onion'},
			downloads: [{label: 'Web', icon: 'octicons-browser-16', url: 'https://app.tool.example'}],
			notes: [{kind: 'danger', title: 'Danger', text: 'x', links: []}],
			line: 5,
		},
	],
	criteria: {minimum: [], bestCase: [], groups: []},
};

const problem = (value: unknown) => {
	const result = importedPageSchema.safeParse(value);
	return result.success ? null : `${result.error.issues[0]?.path.join('.')}: ${result.error.issues[0]?.message}`;
};

describe('importedPageSchema', () => {
	it('accepts a page with absolute http(s)/mailto links and unknown card-link keys', () => {
		expect(problem(page)).toBeNull();
	});

	it.each([
		[
			'a javascript: link',
			{...page, tools: [{...page.tools[0]!, summaryLinks: [{label: 'x', url: 'javascript:x'}]}]},
			'tools.0.summaryLinks.0.url',
		],
		['a relative link', {...page, tools: [{...page.tools[0]!, links: {homepage: '/x'}}]}, 'tools.0.links.homepage'],
		['a threat off the site', {...page, threats: [{label: 'x', url: 'https://example.com/'}]}, 'threats.0.url'],
		[
			'an icon that is no shortcode name',
			{...page, tools: [{...page.tools[0]!, downloads: [{label: 'W', icon: 'Web', url: 'https://w'}]}]},
			'tools.0.downloads.0.icon',
		],
		['an unknown key', {...page, extra: 1}, ''],
		[
			'a note kind that is no class name',
			{...page, tools: [{...page.tools[0]!, notes: [{kind: '1x', text: '', links: []}]}]},
			'tools.0.notes.0.kind',
		],
		['an empty heading list', {...page, tools: [{...page.tools[0]!, heading: []}]}, 'tools.0.heading'],
	])('refuses %s', (_name, value, path) => {
		expect(problem(value)).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}: `));
	});

	it('patterns: languages, page paths and icon names', () => {
		expect(['en', 'pt-BR', 'zh-Hant', 'fil'].every((lang) => LANG_PATTERN.test(lang))).toBe(true);
		expect(['EN', 'english', 'pt_BR', ''].some((lang) => LANG_PATTERN.test(lang))).toBe(false);
		expect(['', 'cloud', 'os/windows/hardening'].every((path) => PAGE_PATH_PATTERN.test(path))).toBe(true);
		expect(['/cloud', 'cloud/', 'a//b', 'Cloud', 'a/../b'].some((path) => PAGE_PATH_PATTERN.test(path))).toBe(false);
		expect(ICON_PATTERN.test('octicons-eye-16')).toBe(true);
		expect(['eye', ':eye-16:', 'Eye-16'].some((icon) => ICON_PATTERN.test(icon))).toBe(false);
	});
});
