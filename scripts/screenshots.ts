/**
 * `npm run screenshots`: pictures of the extension for the README, from the built dist/chrome in real
 * Chromium (scripts/browser), written to docs/screenshots/ as PNG:
 *
 *   banner-<lang>-<scheme>.png          the banner on a photo-library page (scripts/browser/photo-library.ts)
 *   popup-detected-<lang>-<scheme>.png  the real toolbar popup over a photo service
 *   popup-neutral-<lang>-<scheme>.png   the real toolbar popup over any other site
 *   compare-<lang>-<scheme>.png         the comparison page (compare/index.html?service=google-photos)
 *   options-<lang>-<scheme>.png         the options page
 *   move-<lang>-<scheme>.png            the guided move page (Google Photos → Ente Photos, before it starts)
 *
 * for lang in en, fr (Chromium --lang=fr) and scheme in light, dark (emulated prefers-color-scheme); and, on a phone
 * (Firefox ESR at 360×740 with a phone's pointer, as test/e2e/mobile-firefox.e2e.test.ts runs it: Firefox for
 * Android's layout), in English and light:
 *
 *   phone-banner-en-light.png           the banner on the photo-library page
 *   phone-popup-en-light.png            the popup over Google Photos (on Android, a page of its own)
 * Pages are cropped to a sensible viewport; PNGs are recompressed with ImageMagick when it is installed.
 *
 *   npm run build && npm run screenshots
 *   npm run screenshots -- --only=banner,popup-detected     some of them
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {launchChromium, launchFirefox, type ChromiumSession} from './browser/browsers';
import {REPO} from './browser/paths';
import {LIBRARY_PHOTO_URL, photoLibraryHosts} from './browser/photo-library';
import {LocalSites, NEUTRAL_URL, PHOTOS_URL} from './browser/sites';
import {sleep} from './browser/wait';

const OUT = path.join(REPO, 'docs/screenshots');
const LANGS = ['en', 'fr'] as const;
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const ONLY = process.argv
	.find((arg) => arg.startsWith('--only='))
	?.slice('--only='.length)
	.split(',');
const want = (name: string) => !ONLY || ONLY.includes(name);

function hasConvert(): boolean {
	try {
		execFileSync('convert', ['-version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}
const CONVERT = hasConvert();

async function save(
	page: Page,
	name: string,
	clip?: {x: number; y: number; width: number; height: number},
): Promise<void> {
	const file = path.join(OUT, `${name}.png`);
	await page.screenshot({path: file, ...(clip ? {clip} : {})});
	// Lossless recompression (strip metadata, best zlib level); skipped when ImageMagick is absent.
	if (CONVERT)
		execFileSync('convert', [
			file,
			'-strip',
			'-define',
			'png:compression-level=9',
			'-define',
			'png:compression-filter=5',
			file,
		]);
	console.log(`${path.relative(REPO, file)}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
}

const scheme = (page: Page, value: Scheme) => page.emulateMediaFeatures([{name: 'prefers-color-scheme', value}]);

async function banner(s: ChromiumSession, lang: string, value: Scheme) {
	const page = await s.browser.newPage();
	try {
		await page.setViewport({width: 1100, height: 680});
		await scheme(page, value);
		const sites = new LocalSites(photoLibraryHosts());
		await sites.attach(page);
		await page.goto(LIBRARY_PHOTO_URL, {waitUntil: 'load'});
		await page.waitForFunction(() => document.body.children.length > 2, {timeout: 10_000});
		await page.evaluate(() => document.fonts.ready);
		await sleep(600); // the banner's entrance animation
		await save(page, `banner-${lang}-${value}`);
	} finally {
		await page.close();
	}
}

async function popup(s: ChromiumSession, lang: string, value: Scheme, kind: 'detected' | 'neutral') {
	const site = await s.openSite(kind === 'detected' ? PHOTOS_URL : NEUTRAL_URL);
	if (kind === 'detected') await s.waitForBadge(site.tabId, '!');
	const page = await s.openPopup(site);
	try {
		await scheme(page, value);
		await sleep(200);
		// The popup window as a person sees it, cropped to the body's width (plus its margin on the right).
		const clip = await page.evaluate(() => {
			const body = document.body.getBoundingClientRect();
			const margin = parseFloat(getComputedStyle(document.body).marginLeft) || 0;
			return {
				x: 0,
				y: 0,
				width: Math.ceil(Math.min(body.right + margin, window.innerWidth)),
				height: window.innerHeight,
			};
		});
		await save(page, `popup-${kind}-${lang}-${value}`, clip);
	} finally {
		await page.close().catch(() => {});
		await site.page.close().catch(() => {});
	}
}

async function extensionPage(
	s: ChromiumSession,
	lang: string,
	value: Scheme,
	name: 'compare' | 'options' | 'move',
	pagePath: string,
) {
	const page = await s.openExtensionPage(pagePath, 'body[data-ready="1"]');
	try {
		await page.setViewport({width: 1000, height: 860});
		await scheme(page, value);
		await page.evaluate(() => document.fonts.ready);
		await page.evaluate(() => window.scrollTo(0, 0)); // the comparison scrolls to its service: show the page's top
		await sleep(200);
		await save(page, `${name}-${lang}-${value}`);
	} finally {
		await page.close();
	}
}

/** Firefox for Android's layout: Firefox ESR at a phone's size, with a phone's pointer (coarse, no hover). */
async function phone() {
	const s = await launchFirefox({prefs: {'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1}});
	try {
		const sites = new LocalSites(photoLibraryHosts());
		const page = await s.browser.newPage();
		await page.setViewport({width: 360, height: 740});
		await sites.attach(page);
		await page.goto(LIBRARY_PHOTO_URL, {waitUntil: 'load'});
		await page.waitForFunction(() => document.body.children.length > 2, {timeout: 10_000});
		await sleep(600); // the banner's entrance animation
		await save(page, 'phone-banner-en-light');
		await page.close();

		const site = await s.openSite(PHOTOS_URL);
		await s.waitForBadge(site.tabId, '!');
		const popup = await s.openPopup(site);
		await popup.setViewport({width: 360, height: 740});
		await sleep(200);
		await save(popup, 'phone-popup-en-light');
		if (s.sites.unexpected.length > 0) throw new Error(`Requests left the fixtures: ${s.sites.unexpected.join(', ')}`);
	} finally {
		await s.close();
	}
}

async function main() {
	mkdirSync(OUT, {recursive: true});
	if (want('phone')) await phone();
	for (const lang of LANGS) {
		const s = await launchChromium(lang === 'en' ? {} : {lang});
		try {
			for (const value of SCHEMES) {
				if (want('banner')) await banner(s, lang, value);
				if (want('popup-detected')) await popup(s, lang, value, 'detected');
				if (want('popup-neutral')) await popup(s, lang, value, 'neutral');
				if (want('compare')) await extensionPage(s, lang, value, 'compare', 'compare/index.html?service=google-photos');
				if (want('options')) await extensionPage(s, lang, value, 'options', 'options/index.html');
				if (want('move'))
					await extensionPage(s, lang, value, 'move', 'move/index.html?service=google-photos&tool=ente-photos');
			}
			if (s.sites.unexpected.length > 0)
				throw new Error(`Requests left the fixtures: ${s.sites.unexpected.join(', ')}`);
		} finally {
			await s.close();
		}
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
