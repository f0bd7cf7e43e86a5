// @vitest-environment happy-dom
/**
 * The content script's life on a page, with the background faked at the message level: a prerendered
 * page, a background that fails to answer once, a banner left by a cut-off copy, and a copy that loses
 * its extension. Each test loads a fresh copy of the module on a fresh page. The last two also run in
 * real browsers: test/e2e/update-firefox.e2e.test.ts and update-chromium.e2e.test.ts.
 */
import {afterEach, beforeEach, describe, expect, it, vi, type MockInstance} from 'vitest';
import {fake} from '../../test/fake-browser';
import {bannerTexts} from '../core/banner-texts';
import type {BannerModel} from '../core/message-map';

const MODEL: BannerModel = {
	serviceId: 'google-photos',
	concern: 'Google can see your photos.',
	texts: bannerTexts({
		serviceName: 'Google Photos',
		certain: true,
		tools: ['Ente Photos', 'PhotoPrism'],
		snoozeDays: 7,
	}),
	theme: 'auto',
	lang: 'en',
	dir: 'ltr',
};
type Message = {type: string; payload: unknown};

let sent: Message[];
/** What the fake background answers; a test may replace it. */
let answer: (message: Message) => Promise<unknown>;
let prerendering = false;
/** The listeners the script adds to the window and the document (each call goes through to the real method). */
let onWindow: MockInstance<typeof window.addEventListener>;
let onDocument: MockInstance<typeof document.addEventListener>;
const typesAdded = (spy: MockInstance<typeof window.addEventListener>) => spy.mock.calls.map(([type]) => type);
/** Spies on the real attachShadow: the banner's shadow root is closed, the spy keeps what it returned. */
let attachShadow: MockInstance<(init: ShadowRootInit) => ShadowRoot>;

const wait = (ms = 120) => new Promise((resolve) => setTimeout(resolve, ms));
const visits = () => sent.filter((message) => message.type === 'pageVisit').length;
/** The elements added to the page's <body> (the tests start from an empty one). */
const hosts = () => document.body.children;

/** A person's click on the banner's "Not now" (the banner ignores untrusted events), through the captured closed root. */
function pressNotNow(): void {
	const attached = attachShadow.mock.results[0];
	if (attached?.type !== 'return') throw new Error('no banner was attached');
	const button = [...attached.value.querySelectorAll('button')].find(
		(candidate) => candidate.textContent === 'Not now',
	)!;
	const click = new MouseEvent('click', {bubbles: true});
	Object.defineProperty(click, 'isTrusted', {value: true});
	button.dispatchEvent(click);
}

/** The background fails to answer the next visit (its worker is not there), then answers as before. */
function failFirstVisit(): void {
	let failures = 1;
	answer = async (message) => {
		if (message.type === 'pageVisit' && failures-- > 0)
			throw new Error('Could not establish connection. Receiving end does not exist.');
		return {ok: true, value: message.type === 'pageVisit' ? MODEL : null};
	};
}

/** After one failed visit, no banner: `signal` (a navigation, the tab back in view) tries the visit again, and it comes. */
async function expectRetriedAfter(signal: () => void): Promise<void> {
	expect(visits()).toBe(1);
	expect(hosts()).toHaveLength(0);
	signal();
	await wait();
	expect(visits()).toBe(2);
	expect(hosts()).toHaveLength(1);
}

async function load(): Promise<void> {
	vi.resetModules();
	delete (globalThis as Record<symbol, unknown>)[Symbol.for('photo-privacy-advisor')];
	await import('./index');
	await wait();
}

beforeEach(() => {
	(window as unknown as {happyDOM: {setURL(url: string): void}}).happyDOM.setURL('https://photos.google.com/');
	document.body.replaceChildren();
	sent = [];
	prerendering = false;
	answer = async (message) => ({ok: true, value: message.type === 'pageVisit' ? MODEL : null});
	fake.current.runtime.sendMessage = (async (message: Message) => {
		sent.push(message);
		return answer(message);
	}) as never;
	// Chromium's getter is on Document.prototype (happy-dom has none).
	Object.defineProperty(Document.prototype, 'prerendering', {configurable: true, get: () => prerendering});
	attachShadow = vi.spyOn(HTMLElement.prototype, 'attachShadow');
	onWindow = vi.spyOn(window, 'addEventListener');
	onDocument = vi.spyOn(document, 'addEventListener');
});
afterEach(() => {
	// Each test loads a fresh copy of the script: an earlier copy must not hear a later test's events.
	for (const [target, spy] of [
		[window, onWindow],
		[document, onDocument],
	] as const) {
		for (const [type, listener, options] of spy.mock.calls) target.removeEventListener(type, listener, options);
		spy.mockRestore();
	}
	delete (Document.prototype as unknown as {prerendering?: boolean}).prerendering;
	delete (document as unknown as {prerendering?: unknown}).prerendering;
	document.body.replaceChildren();
});

describe('the content script', () => {
	it('waits while the page is prerendered, then detects it once it is shown', async () => {
		prerendering = true;
		await load();
		expect(sent).toEqual([]);
		expect(hosts()).toHaveLength(0);
		prerendering = false;
		document.dispatchEvent(new Event('prerenderingchange'));
		await wait();
		expect(sent).toEqual([{type: 'pageVisit', payload: {url: 'https://photos.google.com/'}}]);
		expect(hosts()).toHaveLength(1);
	});

	it('is not held back by a page element named "prerendering" (Firefox shows such names through its Xrays)', async () => {
		const image = document.createElement('img');
		image.setAttribute('name', 'prerendering');
		document.head.append(image);
		// What the page's named element makes of `document.prerendering` where the browser defines none.
		Object.defineProperty(document, 'prerendering', {configurable: true, value: image});
		await load();
		image.remove();
		expect(sent).toEqual([{type: 'pageVisit', payload: {url: 'https://photos.google.com/'}}]);
		expect(hosts()).toHaveLength(1);
	});

	it('is not held back by page elements named "Navigation" and "navigation" where the browser has no Navigation API', async () => {
		// Firefox before 147 (ESR): no Navigation interface, so a page's named elements are what these globals are.
		// On a host where the address decides, so that the script looks for the API at load.
		(window as unknown as {happyDOM: {setURL(url: string): void}}).happyDOM.setURL('https://www.amazon.com/photos');
		const named = (name: string) => {
			const image = document.createElement('img');
			image.setAttribute('name', name);
			document.body.append(image);
			Object.defineProperty(globalThis, name, {configurable: true, value: image});
			return image;
		};
		const images = [named('Navigation'), named('navigation')];
		try {
			await load();
		} finally {
			for (const image of images) image.remove();
			delete (globalThis as {Navigation?: unknown}).Navigation;
			delete (globalThis as {navigation?: unknown}).navigation;
		}
		expect(sent).toEqual([{type: 'pageVisit', payload: {url: 'https://www.amazon.com/photos'}}]);
		expect(hosts()).toHaveLength(1);
	});

	it('tries a visit again when the tab comes back into view, after the background failed to answer', async () => {
		failFirstVisit();
		await load();
		await expectRetriedAfter(() => document.dispatchEvent(new Event('visibilitychange')));
	});

	it('on a host that is all one service, listens for navigations only once a visit failed, then tries again at the next one', async () => {
		// No Navigation API in happy-dom: the script takes the fallback's history events (Firefox before 147).
		const popstate = () => typesAdded(onWindow).filter((type) => type === 'popstate').length;
		await load();
		expect(visits()).toBe(1);
		expect(popstate()).toBe(0);
		// The same page load, once more, with a background that fails to answer the first time.
		failFirstVisit();
		document.body.replaceChildren();
		sent = [];
		await load();
		expect(popstate()).toBe(1);
		await expectRetriedAfter(() => window.dispatchEvent(new PopStateEvent('popstate')));
	});

	it.each([
		['https://www.amazon.com/photos', true], // a path of amazon.com
		['https://onedrive.live.com/?view=8', true], // a query
		['https://photos.google.com/', false], // the whole host
		['https://photos.onedrive.com/', false],
	])(
		'on %s, follows navigations from the start: %s; the tab coming back into view, only after a failure',
		async (url, follows) => {
			(window as unknown as {happyDOM: {setURL(url: string): void}}).happyDOM.setURL(url);
			await load();
			expect(typesAdded(onWindow).includes('popstate')).toBe(follows);
			expect(typesAdded(onDocument)).not.toContain('visibilitychange');
		},
	);

	it('replaces a banner left by a cut-off copy of version 0.1.0, which marked its host (an update under the page)', async () => {
		const stale = document.createElement('div');
		stale.setAttribute('data-photo-privacy-advisor', '');
		document.body.append(stale);
		await load();
		expect(hosts()).toHaveLength(1);
		expect(hosts()[0]).not.toBe(stale);
		expect(stale.isConnected).toBe(false);
	});

	it('takes its banner away when a button finds the extension gone, instead of offering dead buttons', async () => {
		await load();
		expect(hosts()).toHaveLength(1);
		// The extension was reloaded: Chromium leaves this copy running, without runtime.id, and every call
		// into the extension (messages, i18n) throws.
		(fake.current.runtime as {id?: string}).id = undefined;
		answer = async () => {
			throw new Error('Extension context invalidated.');
		};
		fake.current.i18n.getMessage = () => {
			throw new Error('Extension context invalidated.');
		};
		pressNotNow();
		await wait();
		expect(hosts()).toHaveLength(0);
	});

	it('keeps its banner when a button fails for another reason, and says so there', async () => {
		await load();
		answer = async () => ({ok: false, error: 'Storage is full.'});
		pressNotNow();
		await wait();
		expect(hosts()).toHaveLength(1);
	});
});
