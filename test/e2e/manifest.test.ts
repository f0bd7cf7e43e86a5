/** The built manifests (dist/chrome, dist/firefox): each browser's shape, and the least permissions. */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {DIST_CHROME, DIST_FIREFOX, REPO} from '../../scripts/browser/paths';
import {expectedPermissions, PERMISSION_KEYS} from '../meta/permissions';

/** The parts of a manifest these tests read (the rest stays unknown). */
type Manifest = {
	manifest_version?: number;
	background?: Record<string, unknown>;
	minimum_chrome_version?: string;
	browser_specific_settings?: {
		gecko?: {id?: string; strict_min_version?: string; data_collection_permissions?: unknown};
		gecko_android?: {strict_min_version?: string};
	};
	permissions?: string[];
	optional_permissions?: string[];
	host_permissions?: string[];
	optional_host_permissions?: string[];
	content_scripts?: Array<{matches: string[]}>;
	[key: string]: unknown;
};
const read = (dir: string): Manifest => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
const source = read(REPO);
const chrome = read(DIST_CHROME);
const firefox = read(DIST_FIREFOX);
const FORBIDDEN = ['<all_urls>', 'tabs', 'history', 'webRequest', 'webRequestBlocking', 'webNavigation', 'cookies'];

describe('dist/chrome/manifest.json', () => {
	test('a service worker background, no background scripts, a minimum Chrome version, no gecko settings', () => {
		expect(chrome['manifest_version']).toBe(3);
		expect(chrome['background']).toEqual({service_worker: 'background.js', type: 'module'});
		expect(chrome['background']).not.toHaveProperty('scripts');
		expect(chrome['minimum_chrome_version']).toMatch(/^\d+(\.\d+)*$/);
		expect(chrome).not.toHaveProperty('browser_specific_settings');
	});
});

describe('dist/firefox/manifest.json', () => {
	test('background scripts, the gecko id, strict_min_version >= 142 on desktop and Android, no data collected', () => {
		expect(firefox['manifest_version']).toBe(3);
		expect(firefox['background']).toEqual({scripts: ['background.js'], type: 'module'});
		expect(firefox['background']).not.toHaveProperty('service_worker');
		const gecko = firefox['browser_specific_settings']?.gecko;
		expect(gecko?.id).toBe(source['browser_specific_settings']?.gecko?.id);
		expect(gecko?.id).toBe('photo-privacy-advisor@photo-privacy-advisor.org');
		expect(Number.parseFloat(gecko?.strict_min_version ?? '')).toBeGreaterThanOrEqual(142);
		expect(gecko?.data_collection_permissions).toEqual({required: ['none']});
		// Offered on Firefox for Android (data_collection_permissions is there from 142).
		expect(
			Number.parseFloat(firefox['browser_specific_settings']?.gecko_android?.strict_min_version ?? ''),
		).toBeGreaterThanOrEqual(142);
		expect(firefox).not.toHaveProperty('minimum_chrome_version');
	});
});

describe.each([
	['chrome', chrome],
	['firefox', firefox],
])('dist/%s/manifest.json: least privilege', (_name, manifest) => {
	test('permissions are exactly ["storage", "scripting"]; host access beyond the catalogue is optional, asked one site at a time', () => {
		// scripting: registering the content script on the sites the person adds (src/background/custom-sites.ts).
		expect(manifest['permissions']).toEqual(['storage', 'scripting']);
		expect(manifest['optional_host_permissions']).toEqual(['https://*/*']);
		expect(manifest['host_permissions']).toBeUndefined();
	});

	test.each(PERMISSION_KEYS)('%s are exactly those of the one list (test/meta/permissions.ts)', (key) => {
		expect(manifest[key] ?? []).toEqual(expectedPermissions(key));
	});

	test('no <all_urls>, tabs, history, webRequest, webNavigation or cookies, anywhere', () => {
		const all = [
			...(manifest['permissions'] ?? []),
			...(manifest['optional_permissions'] ?? []),
			...(manifest['host_permissions'] ?? []),
			...(manifest['optional_host_permissions'] ?? []),
		];
		for (const name of FORBIDDEN) expect(all, name).not.toContain(name);
		expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
		for (const script of manifest['content_scripts'] ?? []) {
			for (const pattern of script.matches) expect(pattern).not.toMatch(/^(\*|https?):\/\/\*\//);
		}
	});

	test('no host permissions beyond the photo sites the content script runs on', () => {
		const matches = new Set<string>(
			(manifest['content_scripts'] ?? []).flatMap((script: {matches: string[]}) => script.matches),
		);
		expect(matches.has('https://photos.google.com/*')).toBe(true);
		for (const host of manifest['host_permissions'] ?? []) expect(matches.has(host), host).toBe(true);
		expect([...matches].every((pattern) => pattern.startsWith('https://'))).toBe(true);
	});

	test('no web_accessible_resources', () => {
		expect(manifest).not.toHaveProperty('web_accessible_resources');
	});
});
