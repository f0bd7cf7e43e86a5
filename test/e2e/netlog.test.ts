/**
 * The network-log readers (harness/netlog.ts) on excerpts of real logs from a scratch build that leaks
 * on purpose: a fetch() in background.js and options.js, an image in options.js and a fetch() in
 * content.js, with the CSP's connect-src and img-src loosened (and one run with the CSP as shipped,
 * which blocks the fetch). This is what makes the "no network request" test able to fail.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {chromiumRequests, firefoxRequests} from '../../scripts/browser/netlog';
import {FIXTURES} from '../../scripts/browser/paths';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'netlog', name), 'utf8');
const byExtension = (requests: Array<{url: string; byExtension: boolean}>) =>
	requests.filter((r) => r.byExtension).map((r) => r.url);

describe('Chromium net log', () => {
	test("finds the extension's requests (background, extension page) and tells the browser's own apart", () => {
		const requests = chromiumRequests(fixture('chromium-leak.netlog.json'));
		expect(byExtension(requests)).toEqual(['https://leak.invalid/bg-leak', 'https://leak.invalid/options-leak']);
		const own = requests.filter((r) => !r.byExtension);
		expect(own.length).toBe(5);
		expect(own.every((r) => r.initiator === 'not an origin')).toBe(true);
	});

	test('reads a log cut short (the browser was killed before writing its end)', () => {
		const text = fixture('chromium-leak.netlog.json')
			.trimEnd()
			.replace(/\]\s*\}$/, ',');
		expect(byExtension(chromiumRequests(text))).toHaveLength(2);
	});

	test('refuses something that is not a net log, rather than finding nothing in it', () => {
		expect(() => chromiumRequests('{"constants": {"logEventTypes": {}}, "events": []}')).toThrow(
			/Not a Chromium net log/,
		);
	});
});

describe('Firefox MOZ_LOG (nsHttp:3, CSMLog:5)', () => {
	test("finds the extension's requests by principal and by Origin header, whatever their type", () => {
		const requests = firefoxRequests(fixture('firefox-leak.moz_log'));
		expect([...new Set(byExtension(requests))].sort()).toEqual([
			'https://leak.invalid/bg-leak', // fetch() in the background page
			'https://leak.invalid/img-leak', // an <img> from an extension page: no Origin header, found by its principal
			'https://leak.invalid/options-leak', // fetch() in the options page
		]);
		// The content script's fetch carries the page's principal: the page interception is what catches it.
		expect(requests.find((r) => r.url === 'https://leak.invalid/content-leak')).toMatchObject({
			byExtension: false,
			initiator: 'https://photos.google.com/',
		});
		expect(requests.find((r) => r.url === 'https://firefox.settings.services.mozilla.com/v1/')).toMatchObject({
			byExtension: false,
			initiator: 'SystemPrincipal',
		});
	});

	test('finds an attempt that the CSP blocked in the extension process (it never reached the network)', () => {
		expect(byExtension(firefoxRequests(fixture('firefox-csp-blocked.child-2.moz_log')))).toEqual([
			'https://leak.invalid/csp-blocked-fetch',
		]);
	});

	test('finds nothing in a log without network loads', () => {
		expect(
			firefoxRequests('2026-11-27 09:43:24.102894 UTC - [Parent 1: Main Thread]: V/CSMLog doContentSecurityCheck:\n'),
		).toEqual([]);
	});
});
