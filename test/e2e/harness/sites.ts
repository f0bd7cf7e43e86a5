/**
 * Serves the photo sites (and a neutral site) from local fixture files through request interception,
 * and records every other request so that a test fails instead of touching the network.
 * Works the same over CDP (Chromium) and WebDriver BiDi (Firefox): only public puppeteer API.
 *
 * Interception is per page: it sees the page's own requests, not the extension's (background or
 * extension pages). The extension's content-security policy (connect-src 'none') covers those.
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

/** host → fixture file (the same page for every path). Every other http(s)/ws(s) host is "not served locally". */
const SITES: Readonly<Record<string, string>> = {
	'photos.google.com': 'photos-google.html',
	'www.flickr.com': 'flickr.html',
	'www.example.com': 'example.html',
	'example.org': 'example.html',
};

export function fixtureHtml(host: string): string {
	const file = SITES[host];
	if (!file) throw new Error(`No fixture for ${host}`);
	return readFileSync(path.join(FIXTURES, file), 'utf8');
}

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

export class LocalSites {
	/** Requests to hosts that are not served locally (each one aborted). A test asserts this stays empty. */
	readonly unexpected: string[] = [];
	/** Every request answered from a fixture, for debugging. */
	readonly served: string[] = [];
	/** More hosts to answer, each with its own HTML (see `serve`). */
	readonly #extra = new Map<string, string>();

	/** Answers every https request to `host` with `html` (for the catalogue-wide detection tests). */
	serve(host: string, html: string): void {
		this.#extra.set(host, html);
	}

	async attach(page: Page): Promise<void> {
		await page.setRequestInterception(true);
		page.on('request', (request) => void this.#handle(request));
	}

	async #handle(request: HTTPRequest): Promise<void> {
		// Another handler (none in this harness) may already have answered.
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
		const extra = this.#extra.get(url.hostname);
		if (extra !== undefined && url.protocol === 'https:') {
			this.served.push(request.url());
			await request.respond({status: 200, contentType: 'text/html; charset=utf-8', body: extra}).catch(() => {});
			return;
		}
		const file = SITES[url.hostname];
		if (!file || url.protocol !== 'https:') {
			this.unexpected.push(request.url());
			await request.abort('blockedbyclient').catch(() => {});
			return;
		}
		this.served.push(request.url());
		if (url.pathname !== '/favicon.ico' && request.method() === 'GET') {
			await request
				.respond({status: 200, contentType: 'text/html; charset=utf-8', body: fixtureHtml(url.hostname)})
				.catch(() => {});
		} else {
			// favicon.ico: answered locally, with nothing.
			await request.respond({status: 404, contentType: 'text/plain', body: 'not found'}).catch(() => {});
		}
	}
}
