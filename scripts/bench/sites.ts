/**
 * Serves the benchmark's fixture site (./fixture.ts) by request interception, the way the end-to-end
 * harness serves its fixtures (test/e2e/harness/sites.ts), but with sub-resources (script, stylesheet,
 * images) and their content types. Works over CDP (Chromium) and WebDriver BiDi (Firefox).
 * Every request to another host is aborted and recorded: the benchmark fails if one was made.
 */
import type {HTTPRequest, Page} from 'puppeteer-core';
import {fixtureSite, type Resource} from './fixture';

/** The photo service (the content script runs there) and a site that is not one (nothing may run there). */
export const BENCH_PHOTO_URL = 'https://photos.google.com/';
export const BENCH_PLAIN_URL = 'https://www.example.com/';
const HOSTS = new Set([new URL(BENCH_PHOTO_URL).hostname, new URL(BENCH_PLAIN_URL).hostname]);

export class BenchSites {
	readonly unexpected: string[] = [];
	readonly #site: Map<string, Resource>;

	constructor(site = fixtureSite()) {
		this.#site = site;
	}

	async attach(page: Page): Promise<void> {
		await page.setRequestInterception(true);
		page.on('request', (request) => void this.#handle(request));
	}

	async #handle(request: HTTPRequest): Promise<void> {
		if (request.isInterceptResolutionHandled()) return;
		let url: URL;
		try {
			url = new URL(request.url());
		} catch {
			this.unexpected.push(request.url());
			await request.abort().catch(() => {});
			return;
		}
		if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(url.protocol)) {
			await request.continue().catch(() => {}); // data:, blob:, about:
			return;
		}
		if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) {
			this.unexpected.push(request.url());
			await request.abort('blockedbyclient').catch(() => {});
			return;
		}
		const resource = this.#site.get(url.pathname);
		if (resource)
			await request.respond({status: 200, contentType: resource.contentType, body: resource.body}).catch(() => {});
		else await request.respond({status: 404, contentType: 'text/plain', body: 'not found'}).catch(() => {});
	}
}
