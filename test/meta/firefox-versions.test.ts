/**
 * The Firefox minimum versions in manifest.json (gecko for desktop, gecko_android for Firefox for Android) against
 * what the shipped code calls. Every `browser.<namespace>.<member>` in src/ is looked up in MDN's browser-compat-data
 * (the copy web-ext lint itself checks the manifest keys with: @mdn/browser-compat-data, a dependency of
 * addons-linter, read here as data): each must exist in that version, or be listed below as an API the code uses
 * only where it exists, with where and why. web-ext lint (npm run lint:firefox) checks the manifest's own keys the
 * same way (data_collection_permissions needs Firefox for Android 142, optional_host_permissions 128).
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import manifest from '../../manifest.json';

const REPO = path.resolve(import.meta.dirname, '../..');
type Support = {version_added: string | boolean | null; version_removed?: string; flags?: unknown[]};
type Compat = {__compat?: {support: Record<string, Support | Support[]>}; [key: string]: unknown};
const BCD = JSON.parse(readFileSync(path.join(REPO, 'node_modules/@mdn/browser-compat-data/data.json'), 'utf8')) as {
	webextensions: {api: Record<string, Compat>};
};

/** APIs a Firefox lacks, which the code calls only where they exist: where, and how it does without them. */
const ONLY_WHERE_PRESENT: Record<string, {browsers: string[]; why: string}> = {
	'windows.onRemoved': {
		browsers: ['firefox_android'],
		why: 'background/index.ts listens only when `windows` exists; on Android the last private tab ends the private session (private-session.ts)',
	},
	'windows.getAll': {
		browsers: ['firefox_android'],
		why: 'called only from the windows.onRemoved listener (private-session.ts)',
	},
	'storage.local.setAccessLevel': {
		browsers: ['firefox', 'firefox_android'],
		why: 'Chromium only, called as setAccessLevel?.() (background/access-level.ts)',
	},
	'storage.session.setAccessLevel': {
		browsers: ['firefox', 'firefox_android'],
		why: 'Chromium only, called as setAccessLevel?.() (background/access-level.ts)',
	},
};

const AREAS = new Set(['local', 'session', 'sync', 'managed']);

/** Every `browser.namespace.member` (and `browser.storage.area.method`) the shipped code names. */
function apisUsed(): string[] {
	const files = readdirSync(path.join(REPO, 'src'), {withFileTypes: true, recursive: true})
		.filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name));
	const used = new Set<string>();
	for (const file of files)
		for (const [, namespace, member, method] of readFileSync(file, 'utf8').matchAll(
			/\bbrowser\.([a-z]+)\.([a-zA-Z]+)(?:\.([a-zA-Z]+))?/g,
		))
			used.add(
				namespace === 'storage' && method && AREAS.has(member!)
					? `storage.${member}.${method}`
					: `${namespace}.${member}`,
			);
	return [...used].sort();
}

/** The browser-compat-data entry of an API (storage.<area>.<method>: the StorageArea method). */
function compatOf(api: string): Compat | undefined {
	const [namespace = '', member = '', method] = api.split('.');
	const space = BCD.webextensions.api[namespace];
	if (method) return (space?.['StorageArea'] as Compat | undefined)?.[method] as Compat | undefined;
	return space?.[member] as Compat | undefined;
}

/** The first version of `browser` that has the API (unflagged, not removed), or null. */
function firstVersion(compat: Compat, browser: string): number | null {
	const raw = compat.__compat?.support[browser];
	const entries = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((s) => !s.flags && !s.version_removed);
	const versions = entries.map((s) => s.version_added).filter((v): v is string => typeof v === 'string');
	if (entries.some((s) => s.version_added === true)) return 0;
	if (versions.length === 0) return null;
	return Math.min(...versions.map((v) => Number.parseFloat(v.replace('≤', ''))));
}

const MINIMUM = {
	firefox: Number.parseFloat(manifest.browser_specific_settings.gecko.strict_min_version),
	firefox_android: Number.parseFloat(manifest.browser_specific_settings.gecko_android.strict_min_version),
};

describe('the Firefox minimum versions cover every API the code calls', () => {
	const used = apisUsed();

	it('finds the APIs the background, the pages and the content script call', () => {
		expect(used).toEqual(
			expect.arrayContaining(['action.setBadgeText', 'scripting.registerContentScripts', 'storage.session.get']),
		);
		expect(used.length).toBeGreaterThan(20);
	});

	it('declares Firefox for Android, at least as recent as its desktop minimum', () => {
		expect(MINIMUM.firefox_android).toBeGreaterThanOrEqual(MINIMUM.firefox);
	});

	it.each(Object.entries(MINIMUM))('every API exists in %s %s, or is used only where present', (browser, minimum) => {
		const missing: string[] = [];
		for (const api of used) {
			const compat = compatOf(api);
			if (!compat) {
				missing.push(`${api}: not in browser-compat-data`);
				continue;
			}
			const first = firstVersion(compat, browser);
			const excused = ONLY_WHERE_PRESENT[api]?.browsers.includes(browser);
			if (excused) {
				// The excuse is real: this Firefox indeed lacks it (else drop it from the list).
				expect(first === null || first > minimum, `${api} is listed as absent from ${browser}`).toBe(true);
				continue;
			}
			if (first === null || first > minimum) missing.push(`${api}: ${browser} ${first ?? 'never'}`);
		}
		expect(missing).toEqual([]);
	});
});
