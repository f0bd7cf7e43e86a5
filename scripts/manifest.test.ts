import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import base from '../manifest.json';
import {deriveManifest} from './manifest';
import {expectedPermissions, PERMISSION_KEYS} from '../test/meta/permissions';

const contentScripts = [
	{matches: ['https://photos.google.com/*'], js: ['content.js'], run_at: 'document_idle' as const},
];

describe('deriveManifest', () => {
	it('gives Chrome a service worker and a minimum version, and nothing Firefox-only', () => {
		const m = deriveManifest(base, 'chrome', {version: '1.2.3', contentScripts});
		expect(m.background).toEqual({service_worker: 'background.js', type: 'module'});
		expect(m['minimum_chrome_version']).toBe('123');
		expect(m['browser_specific_settings']).toBeUndefined();
		expect(m['version']).toBe('1.2.3');
		expect(m['content_scripts']).toEqual(contentScripts);
	});

	it('gives Firefox background scripts and its gecko settings, and nothing Chrome-only', () => {
		const m = deriveManifest(base, 'firefox', {version: '1.2.3', contentScripts});
		expect(m.background).toEqual({scripts: ['background.js'], type: 'module'});
		expect(m['minimum_chrome_version']).toBeUndefined();
		const gecko = (
			m['browser_specific_settings'] as {
				gecko: {id: string; strict_min_version: string; data_collection_permissions: unknown};
			}
		).gecko;
		expect(gecko.id).toMatch(/@/);
		expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
		expect(gecko.data_collection_permissions).toEqual({required: ['none']});
		// Firefox for Android: offered there, from the version the manifest's keys and the code's APIs need
		// (test/meta/firefox-versions.test.ts, docs/firefox-android.md).
		const android = (m['browser_specific_settings'] as {gecko_android?: {strict_min_version?: string}}).gecko_android;
		expect(Number.parseFloat(android?.strict_min_version ?? '')).toBeGreaterThanOrEqual(142);
	});

	it('does not change its input', () => {
		const before = structuredClone(base);
		deriveManifest(base, 'chrome', {version: '9', contentScripts});
		expect(base).toEqual(before);
	});
});

describe('the source manifest', () => {
	it('asks only for storage and scripting, exposes nothing and has a strict CSP', () => {
		// scripting: registering the content script on sites the person adds (background/custom-sites.ts).
		expect(base.permissions).toEqual(['storage', 'scripting']);
		for (const key of PERMISSION_KEYS)
			expect((base as Record<string, unknown>)[key] ?? [], key).toEqual(expectedPermissions(key)); // the one list: test/meta/permissions.ts
		// Host access beyond the catalogue only ever comes from the person, one https site at a time.
		expect((base as Record<string, unknown>)['optional_host_permissions']).toEqual(['https://*/*']);
		expect((base as Record<string, unknown>)['host_permissions']).toBeUndefined();
		const text = JSON.stringify(base);
		for (const banned of [
			'<all_urls>',
			'"tabs"',
			'"history"',
			'webRequest',
			'webNavigation',
			'"cookies"',
			'web_accessible_resources',
		]) {
			expect(text).not.toContain(banned);
		}
		expect(base.content_security_policy.extension_pages).toContain("script-src 'self'");
		expect(base.content_security_policy.extension_pages).toContain("connect-src 'none'");
		// Trusted Types: no string can reach a script sink (innerHTML and the like) in an extension page.
		expect(base.content_security_policy.extension_pages).toContain("require-trusted-types-for 'script'");
	});

	it('lets no web page and no other extension message it', () => {
		// No externally_connectable: Chromium then lets no web page connect. Declared empty, Chromium reports a
		// manifest warning on chrome://extensions (test/e2e/chromium.e2e.test.ts would fail), so it is left out.
		expect(base).not.toHaveProperty('externally_connectable');
		// Other extensions can only reach onMessageExternal / onConnectExternal, which nothing listens to.
		const listening = readdirSync('src', {recursive: true, encoding: 'utf8'})
			.filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
			.filter((file) => /on(Message|Connect)External/.test(readFileSync(`src/${file}`, 'utf8')));
		expect(listening).toEqual([]);
	});
});
