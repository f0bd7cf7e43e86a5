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
 * for lang in en, fr, he, zh-TW (Chromium --lang) and scheme in light, dark (emulated prefers-color-scheme); and, on a phone
 * (Firefox ESR at 360×740 with a phone's pointer, as test/e2e/mobile-firefox.e2e.test.ts runs it: Firefox for
 * Android's layout), in English and light:
 *
 *   phone-banner-en-light.png           the banner on the photo-library page
 *   phone-popup-en-light.png            the popup over Google Photos (on Android, a page of its own)
 * Pages are cropped to a sensible viewport; PNGs are recompressed with ImageMagick when it is installed.
 *
 * And the store images, in every language (light), to docs/store/images/<lang>/ (named in docs/store/listing.<lang>.json;
 * test/meta/store-images.test.ts checks their pixel dimensions):
 *
 *   screenshot-1-popup.png       1280×800: the real popup, as the browser opens it under the toolbar, over the
 *                                photo-library page on photos.google.com (both rendered here, then laid one over
 *                                the other in a page of their own; no browser frame is drawn)
 *   screenshot-2-comparison.png  1280×800: the comparison page
 *   screenshot-3-move.png        1280×800: the guided move (Google Photos → Ente Photos)
 *   promo-tile.png               440×280: the extension's own icon (icons/icon-128.png), name (extName) and the
 *                                listing's promoTagline, rendered by Chromium (scripts/store/promo-tile.ts)
 *
 *   npm run build && npm run screenshots
 *   npm run screenshots -- --only=banner,popup-detected     some of them (store: the store images)
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {launchChromium, launchFirefox, type ChromiumSession} from './browser/browsers';
import {REPO} from './browser/paths';
import {LIBRARY_PHOTO_URL, photoLibraryHosts} from './browser/photo-library';
import {LocalSites, NEUTRAL_URL, PHOTOS_URL} from './browser/sites';
import {sleep} from './browser/wait';
import {loadListings} from './store-listing';
import {promoTileHtml} from './store/promo-tile';
import {LANGUAGES, type Language} from '../src/core/languages';

const OUT = path.join(REPO, 'docs/screenshots');
/** The README's pictures: English, French, Hebrew (right to left) and Chinese (Taiwan); the store's: every language. */
const README_LANGS: readonly Language[] = ['en', 'fr', 'he', 'zh-TW'];
/** Chromium has no zh-Hant locale: Hong Kong's Chinese maps to it (src/core/languages.ts). */
const CHROMIUM_LANG: Partial<Record<Language, string>> = {'zh-Hant': 'zh-HK'};
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
	file = path.join(OUT, `${name}.png`),
): Promise<void> {
	mkdirSync(path.dirname(file), {recursive: true});
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

/** The store's screenshot size and the small promo tile's (Chrome Web Store). */
const STORE = {width: 1280, height: 800};
const TILE = {width: 440, height: 280};
const storeFile = (file: string) => path.join(REPO, file);
const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

/**
 * The popup over Google Photos at 1280×800: the photo-library page and the real popup opened on its tab, each
 * rendered by Chromium, then placed as the browser places a toolbar popup (top right, under the toolbar).
 */
async function storePopup(s: ChromiumSession, file: string) {
	const library = photoLibraryHosts();
	for (const [host, content] of Object.entries(library)) s.sites.serve(host, content);
	const site = await s.openSite(LIBRARY_PHOTO_URL);
	await s.waitForBadge(site.tabId, '!');
	await site.page.setViewport(STORE);
	await site.page.waitForFunction(() => document.body.children.length > 2, {timeout: 10_000});
	await site.page.evaluate(() => document.fonts.ready);
	await sleep(600); // the banner's entrance
	// The banner closed (Escape, as a person would), so that the popup is not drawn over it.
	await site.page.keyboard.press('Escape');
	await sleep(400);
	const background = await site.page.screenshot();
	const popupPage = await s.openPopup(site);
	try {
		await popupPage.waitForSelector('body[data-ready="1"]', {timeout: 10_000});
		await popupPage.setViewport({width: 400, height: 600});
		await sleep(200);
		// As the browser sizes a popup: its content, at most 600 px tall.
		const height = await popupPage.evaluate(() => Math.min(600, document.documentElement.scrollHeight));
		const popupPng = await popupPage.screenshot({clip: {x: 0, y: 0, width: 400, height}});
		const page = await s.browser.newPage();
		try {
			await page.setViewport(STORE);
			await page.setContent(
				`<!doctype html><html><body style="margin:0;width:${STORE.width}px;height:${STORE.height}px;overflow:hidden">` +
					`<img alt="" src="${dataUrl(background)}" style="position:absolute;inset:0;width:${STORE.width}px;height:${STORE.height}px">` +
					`<img alt="" src="${dataUrl(popupPng)}" style="position:absolute;top:8px;right:16px;width:400px;border:1px solid #9aa0a6;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35)">` +
					'</body></html>',
				{waitUntil: 'load'},
			);
			await save(page, 'store-popup', undefined, file);
		} finally {
			await page.close();
		}
	} finally {
		await popupPage.close().catch(() => {});
		await site.page.close().catch(() => {});
	}
}

async function storePage(s: ChromiumSession, pagePath: string, file: string) {
	const page = await s.openExtensionPage(pagePath, 'body[data-ready="1"]');
	try {
		await page.setViewport(STORE);
		await scheme(page, 'light');
		await page.evaluate(() => document.fonts.ready);
		await page.evaluate(() => window.scrollTo(0, 0));
		await sleep(200);
		await save(page, pagePath, undefined, file);
	} finally {
		await page.close();
	}
}

async function promoTile(s: ChromiumSession, lang: string, tagline: string, file: string) {
	const messages = JSON.parse(readFileSync(path.join(REPO, `locales/${lang}/messages.json`), 'utf8')) as Record<
		string,
		{message: string}
	>;
	const icon = readFileSync(path.join(REPO, 'icons/icon-128.png'));
	const page = await s.browser.newPage();
	try {
		await page.setViewport(TILE);
		await page.setContent(promoTileHtml({lang, name: messages['extName']!.message, tagline, icon: dataUrl(icon)}), {
			waitUntil: 'load',
		});
		await page.evaluate(() => document.fonts.ready);
		await save(page, 'promo-tile', undefined, file);
	} finally {
		await page.close();
	}
}

async function storeImages(s: ChromiumSession, lang: string) {
	const listing = loadListings(REPO).find((candidate) => candidate.language === lang);
	if (!listing) throw new Error(`No docs/store/listing.${lang}.json`);
	const [popupFile, compareFile, moveFile] = listing.images.screenshots.map(storeFile);
	if (!popupFile || !compareFile || !moveFile) throw new Error(`listing.${lang}.json: three screenshots expected`);
	await storePopup(s, popupFile);
	await storePage(s, 'compare/index.html?service=google-photos', compareFile);
	await storePage(s, 'move/index.html?service=google-photos&tool=ente-photos', moveFile);
	await promoTile(s, lang, listing.images.promoTagline, storeFile(listing.images.promoTile));
}

async function main() {
	mkdirSync(OUT, {recursive: true});
	if (want('phone')) await phone();
	for (const lang of LANGUAGES) {
		const surfaces = README_LANGS.includes(lang);
		if (!surfaces && !want('store')) continue;
		const s = await launchChromium(lang === 'en' ? {} : {lang: CHROMIUM_LANG[lang] ?? lang});
		try {
			for (const value of surfaces ? SCHEMES : []) {
				if (want('banner')) await banner(s, lang, value);
				if (want('popup-detected')) await popup(s, lang, value, 'detected');
				if (want('popup-neutral')) await popup(s, lang, value, 'neutral');
				if (want('compare')) await extensionPage(s, lang, value, 'compare', 'compare/index.html?service=google-photos');
				if (want('options')) await extensionPage(s, lang, value, 'options', 'options/index.html');
				if (want('move'))
					await extensionPage(s, lang, value, 'move', 'move/index.html?service=google-photos&tool=ente-photos');
			}
			if (want('store')) await storeImages(s, lang);
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
