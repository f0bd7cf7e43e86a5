/**
 * The one request server of the end-to-end tests, the benchmark and the screenshots. It answers a tab's
 * requests by interception, from local content, and records every other request so that a run fails
 * instead of touching the network. Works the same over CDP (Chromium) and WebDriver BiDi (Firefox): only
 * public puppeteer API.
 *
 * A host is served either one HTML page for every path (the tests' fixture pages in test/e2e/fixtures,
 * or a page a test passes to `serve`), or a site: resources by path, each with its content type (the
 * benchmark's photo library with its script, stylesheet and images; see photo-library.ts). Only https.
 *
 * Interception is per page: it sees the page's own requests (the content script's included), not the
 * extension's (background or extension pages). The extension's content-security policy (connect-src
 * 'none') covers those, and the network logs prove it (netlog.ts).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {HTTPRequest, Page} from 'puppeteer-core';
import {FIXTURES} from './paths';

export const PHOTOS_URL = 'https://photos.google.com/';
/** Flickr's photo area (the content script runs on /photos and /cameraroll only) and its home page. */
export const FLICKR_PHOTOS_URL = 'https://www.flickr.com/photos/someone/';
export const FLICKR_HOME_URL = 'https://www.flickr.com/';
export const NEUTRAL_URL = 'https://www.example.com/';

export type Resource = {contentType: string; body: string};
/** A site: every resource by path ("/", "/static/app.js", ...); any other path is a 404. */
export type Site = ReadonlyMap<string, Resource>;
/** One HTML page for every path of a host, or a site of resources. */
export type HostContent = string | Site;

/** host → fixture file (the same page for every path): what a session serves unless told otherwise. */
const FIXTURE_PAGES: Readonly<Record<string, string>> = {
	'photos.google.com': 'photos-google.html',
	'www.flickr.com': 'flickr.html',
	'www.example.com': 'example.html',
	'example.org': 'example.html',
};

export function fixtureHtml(host: string): string {
	const file = FIXTURE_PAGES[host];
	if (!file) throw new Error(`No fixture for ${host}`);
	return readFileSync(path.join(FIXTURES, file), 'utf8');
}

/** The tests' fixture pages, by host. */
function fixturePages(): Record<string, HostContent> {
	return Object.fromEntries(Object.keys(FIXTURE_PAGES).map((host) => [host, fixtureHtml(host)]));
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);
const NOT_FOUND = {status: 404, contentType: 'text/plain', body: 'not found'};

export class LocalSites {
	/** Requests to hosts that are not served locally (each one aborted). A test asserts this stays empty. */
	readonly unexpected: string[] = [];
	/** Every request answered locally, for debugging. */
	readonly served: string[] = [];
	readonly #hosts: Map<string, HostContent>;

	/** Serves `hosts` (by default the tests' fixture pages); `serve` adds more. */
	constructor(hosts: Record<string, HostContent> = fixturePages()) {
		this.#hosts = new Map(Object.entries(hosts));
	}

	/** Answers every https request to `host` from `content` (e.g. the catalogue-wide detection tests' pages). */
	serve(host: string, content: HostContent): void {
		this.#hosts.set(host, content);
	}

	async attach(page: Page): Promise<void> {
		await page.setRequestInterception(true);
		page.on('request', (request) => void this.#handle(request));
	}

	async #handle(request: HTTPRequest): Promise<void> {
		// Another handler (none here) may already have answered.
		if (request.isInterceptResolutionHandled()) return;
		let url: URL;
		try {
			url = new URL(request.url());
		} catch {
			this.unexpected.push(request.url());
			await request.abort().catch(() => {});
			return;
		}
		if (!NETWORK_SCHEMES.has(url.protocol)) {
			await request.continue().catch(() => {}); // data:, blob:, about: ... never leave the machine
			return;
		}
		const content = this.#hosts.get(url.hostname);
		if (content === undefined || url.protocol !== 'https:') {
			this.unexpected.push(request.url());
			await request.abort('blockedbyclient').catch(() => {});
			return;
		}
		this.served.push(request.url());
		await request.respond(answer(content, url, request.method())).catch(() => {});
	}
}

function answer(content: HostContent, url: URL, method: string): {status: number; contentType: string; body: string} {
	if (typeof content !== 'string') {
		const resource = content.get(url.pathname);
		return resource && method === 'GET' ? {status: 200, ...resource} : NOT_FOUND;
	}
	// One page for every path; favicon.ico is answered locally, with nothing.
	if (url.pathname === '/favicon.ico' || method !== 'GET') return NOT_FOUND;
	return {status: 200, contentType: 'text/html; charset=utf-8', body: content};
}
