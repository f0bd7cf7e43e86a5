/**
 * The in-page banner: a host <div> with a CLOSED shadow root, fixed at the bottom right of the viewport.
 *
 * What a test can know about it, and how:
 * - Presence, from the page itself: hit-testing. The host has no size of its own (its child is
 *   position: fixed), but document.elementFromPoint() at the bottom right returns the host, since a
 *   closed shadow root retargets hits to it.
 * - Absence: the document has exactly the fixture's elements (no host was added at all).
 * - Text, exact, in both browsers: the drivers can enter a closed shadow root where the page cannot
 *   (ExtensionSession.inClosedShadowRoot: CDP DOM.describeNode pierce in Chromium, WebDriver BiDi
 *   includeShadowTree "all" in Firefox).
 * - Text, page-level and driver-independent: window.find() searches rendered text, closed shadow
 *   trees included, in both browsers (used as a second, independent check).
 * - Closing: a real mouse click at the Close button's centre (found through the shadow root, and
 *   checked by hit-testing first), and the Escape key. Both work in both browsers; so does a tap.
 */
import type {ElementHandle, Page} from 'puppeteer-core';
import type {ExtensionSession} from './browsers';
import {fixtureHtml} from './sites';
import {poll, sleep} from './wait';

/** Where the banner sits: 16px from the bottom right corner, so 40/24px in from the corner is inside it. */
const HOST_AT_BANNER_POINT = `(() => {
	const root = document.documentElement;
	const el = document.elementFromPoint(root.clientWidth - 40, root.clientHeight - 24);
	return el && el !== document.body && el !== root && !el.closest('[data-fixture]') ? el : null;
})()`;

/** How long to watch a page for a banner that must NOT appear (an absence has no event to wait for). */
const NO_BANNER_SETTLE_MS = 1000;

export async function waitForBannerHost(page: Page, timeout = 10_000): Promise<ElementHandle<Element>> {
	const handle = await page.waitForFunction(HOST_AT_BANNER_POINT, {timeout, polling: 'raf'});
	const host = handle.asElement() as ElementHandle<Element> | null;
	if (!host) throw new Error('The banner hit-test returned no element');
	return host;
}

/** The element at the banner's place, or null (no waiting). */
export async function bannerHostNow(page: Page): Promise<ElementHandle<Element> | null> {
	const handle = await page.evaluateHandle(HOST_AT_BANNER_POINT);
	const host = handle.asElement() as ElementHandle<Element> | null;
	if (!host) await handle.dispose();
	return host;
}

/** The page's elements that are not the fixture's own: each extra element's name, attributes and text start. */
async function extraElements(page: Page): Promise<string[]> {
	const host = new URL(page.url()).hostname;
	return page.evaluate((html: string) => {
		const parsed = new DOMParser().parseFromString(html, 'text/html');
		const signature = (el: Element) =>
			`${el.localName}|${[...el.attributes].map((a) => `${a.name}=${a.value}`).join(',')}`;
		const expected = new Map<string, number>();
		for (const el of parsed.querySelectorAll('*')) expected.set(signature(el), (expected.get(signature(el)) ?? 0) + 1);
		const extra: string[] = [];
		for (const el of document.querySelectorAll('*')) {
			const count = expected.get(signature(el)) ?? 0;
			if (count > 0) expected.set(signature(el), count - 1);
			else extra.push(`<${signature(el)}> ${(el.textContent ?? '').slice(0, 80)}`);
		}
		return extra;
	}, fixtureHtml(host));
}

/** Asserts, after a settle window, that nothing was added to the page (no banner host at all). */
export async function expectNoBanner(page: Page, settleMs = NO_BANNER_SETTLE_MS): Promise<void> {
	await sleep(settleMs);
	const extra = await extraElements(page);
	if (extra.length > 0) throw new Error(`Expected no banner, but the page has extra elements: ${extra.join(' | ')}`);
	if (await bannerHostNow(page))
		throw new Error('Expected no banner, but something non-fixture is at the banner position');
}

/** Waits until the banner host is gone from the document. */
export async function waitForBannerGone(page: Page, timeout = 5000): Promise<void> {
	await page.waitForFunction(
		() =>
			[...document.body.children].every((el) => el.matches('[data-fixture]')) &&
			document.documentElement.children.length === 2,
		{timeout},
	);
}

export type BannerContent = {
	lang: string;
	dir: string;
	/** role=region, and its accessible name's source (aria-labelledby target text). */
	regionLabel: string | null;
	heading: string | null;
	headingLevel: string | null;
	paragraphs: string[];
	buttons: Array<{label: string | null; text: string; x: number; y: number; width: number; height: number}>;
};

/** Reads the banner's content from inside its closed shadow root (see ExtensionSession.inClosedShadowRoot). */
export async function readBanner(
	session: ExtensionSession,
	page: Page,
	host: ElementHandle<Element>,
): Promise<BannerContent> {
	const fn = `(root) => {
		const text = (el) => (el ? el.textContent.trim() : null);
		const region = root.querySelector('[role="region"]');
		const labelledBy = region && region.getAttribute('aria-labelledby');
		const heading = root.querySelector('h1, h2, h3, h4, h5, h6');
		return JSON.stringify({
			lang: region && region.lang, dir: region && region.dir,
			regionLabel: labelledBy ? text(root.getElementById(labelledBy)) : (region && region.getAttribute('aria-label')),
			heading: text(heading),
			headingLevel: heading ? heading.localName : null,
			paragraphs: [...root.querySelectorAll('p')].map((p) => p.textContent.trim()),
			buttons: [...root.querySelectorAll('button')].map((b) => {
				const r = b.getBoundingClientRect();
				return {label: b.getAttribute('aria-label'), text: b.textContent.trim(), x: r.x, y: r.y, width: r.width, height: r.height};
			}),
		});
	}`;
	return session.inClosedShadowRoot<BannerContent>(page, host, fn);
}

/** Page-level text check that needs no privileged access: window.find() sees rendered closed-shadow text. */
export async function pageFindsText(page: Page, text: string): Promise<boolean> {
	return page.evaluate((wanted: string) => {
		const found = (
			window as unknown as {find(s: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean}
		).find(wanted, true, false, true);
		window.getSelection()?.removeAllRanges();
		return found;
	}, text);
}

/**
 * Clicks the banner's button labelled `label` (its aria-label, else its text) at its centre, after checking the hit
 * lands on the banner: with the mouse (which stays there), or with a finger's tap.
 */
export async function clickBannerButton(
	session: ExtensionSession,
	page: Page,
	host: ElementHandle<Element>,
	label: string,
	pointer: 'mouse' | 'touch' = 'mouse',
): Promise<void> {
	const content = await readBanner(session, page, host);
	const button =
		content.buttons.find((b) => b.label === label) ?? content.buttons.find((b) => b.label === null && b.text === label);
	if (!button) throw new Error(`No banner button labelled "${label}" (buttons: ${JSON.stringify(content.buttons)})`);
	const x = button.x + button.width / 2;
	const y = button.y + button.height / 2;
	const hit = await page.evaluate((el, px, py) => document.elementFromPoint(px, py) === el, host, x, y);
	if (!hit) throw new Error(`The point (${x}, ${y}) of the "${label}" button is covered by something else`);
	if (pointer === 'touch') await page.touchscreen.tap(x, y);
	else await page.mouse.click(x, y);
}

/** Waits until the banner shows a confirmation (its body gone, its status holding text). */
export async function waitForConfirmation(session: ExtensionSession, page: Page): Promise<string> {
	const host = await waitForBannerHost(page);
	return poll(
		() =>
			session.inClosedShadowRoot<string | null>(
				page,
				host,
				`(root) => JSON.stringify(root.querySelector('.body') ? null : root.querySelector('[role=status]').textContent)`,
			),
		(text) => Boolean(text),
		{timeout: 10_000, what: 'the confirmation'},
	) as Promise<string>;
}

/**
 * The banner host found by what it is rather than by hit-testing a corner: for the layouts where the banner is not
 * at the bottom right (right to left, at the bottom left; on a phone, above the page's bottom navigation). The host
 * carries nothing of ours (its mark is inside the closed shadow root): it is the bare element added to <body> or
 * <html> beside the fixture's own (`[data-fixture]`), with no attribute and no child the page can see.
 */
export async function waitForBannerByMark(page: Page, timeout = 10_000): Promise<ElementHandle<Element>> {
	const handle = await page.waitForFunction(
		() =>
			[...document.querySelectorAll('body > *, html > *')].find(
				(el) =>
					el !== document.head &&
					el !== document.body &&
					!el.matches('[data-fixture]') &&
					el.attributes.length === 0 &&
					el.childElementCount === 0 &&
					el.shadowRoot === null, // closed: the page sees no shadowRoot
			) ?? null,
		{timeout, polling: 'raf'},
	);
	const host = handle.asElement() as ElementHandle<Element> | null;
	if (!host) throw new Error('No banner host');
	return host;
}

export type Box = {left: number; top: number; right: number; bottom: number; width: number; height: number};

/** Where the banner's box and its Close button are, in the viewport, read inside the closed shadow root. */
export async function bannerBoxes(
	session: ExtensionSession,
	page: Page,
	host: ElementHandle<Element>,
): Promise<{banner: Box; close: Box; heading: Box; scrollHeight: number}> {
	const fn = `(root) => {
		const box = (el) => {
			const r = el.getBoundingClientRect();
			return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height};
		};
		const banner = root.querySelector('[role="region"]');
		return JSON.stringify({
			banner: box(banner),
			close: box(root.querySelector('button.close')),
			heading: box(root.querySelector('h2')),
			scrollHeight: banner.scrollHeight,
		});
	}`;
	return session.inClosedShadowRoot(page, host, fn);
}
