// @vitest-environment happy-dom
import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {seeClosedRoots} from '../../test/closed-roots';
import {bannerTexts} from '../core/banner-texts';
import type {BannerModel} from '../core/message-map';
import {ANNOUNCE_DELAY_MS, CONFIRMATION_MS} from './banner-timing';
import {mountBanner, type BannerCallbacks} from './banner';

/** A model as the background makes it (handlers.ts), its texts from the English messages. */
function modelFor({
	serviceName = 'Google Photos <img src=x onerror=alert(1)>',
	provider = 'Google',
	certain = true,
	snoozeDays = 7,
}: {
	serviceName?: string;
	/** null: a site the person added, whose provider is not known. */
	provider?: string | null;
	certain?: boolean;
	snoozeDays?: number;
} = {}): BannerModel {
	const tools = ['Ente Photos', 'PhotoPrism'];
	return {
		serviceId: 'google-photos',
		concern: 'Google can see your photos. <b>bold</b>',
		texts: bannerTexts({serviceName, provider: provider ?? undefined, certain, tools, snoozeDays}),
		theme: 'auto',
		lang: 'en',
		dir: 'ltr',
	};
}
const model = modelFor();

function callbacks(overrides: Partial<BannerCallbacks> = {}): BannerCallbacks {
	return {
		onAction: vi.fn(async () => undefined),
		onCompare: vi.fn(),
		onMove: vi.fn(),
		onOpenSettings: vi.fn(),
		onTurnOff: vi.fn(),
		onClose: vi.fn(),
		...overrides,
	};
}

// The shadow root is closed: tests reach it the way the browser does, by spying on attachShadow
// (the spy calls the real method and keeps what it returned).
function mountAndCapture(cb = callbacks(), m = model) {
	const attachShadow = vi.spyOn(HTMLElement.prototype, 'attachShadow');
	const banner = mountBanner(m, cb);
	const attached = attachShadow.mock.results[0];
	if (attached?.type !== 'return') throw new Error('the banner attached no shadow root');
	return {banner, root: attached.value, cb, attachShadow};
}

/** The confirmation stays however long the pointer is on the banner, and goes once it has left. */
function expectHeldUntilThePointerLeaves(root: ShadowRoot) {
	vi.advanceTimersByTime(CONFIRMATION_MS * 3);
	expect(document.body.children).toHaveLength(1);
	root.querySelector('section')!.dispatchEvent(new Event('pointerleave'));
	vi.advanceTimersByTime(CONFIRMATION_MS + 1);
	expect(document.body.children).toHaveLength(0);
}

/**
 * happy-dom's click() is trusted for our purposes only through dispatchEvent with isTrusted unset; emulate a person.
 * `pointerType`: what a browser's click (a PointerEvent) says of the pointer that made it ("" for a key).
 */
function press(button: Element | null, pointerType?: string) {
	const event = new MouseEvent('click', {bubbles: true});
	Object.defineProperty(event, 'isTrusted', {value: true});
	if (pointerType !== undefined) Object.defineProperty(event, 'pointerType', {value: pointerType});
	button!.dispatchEvent(event);
}
function key(name: string, trusted = true) {
	const event = new KeyboardEvent('keydown', {key: name, bubbles: true});
	if (trusted) Object.defineProperty(event, 'isTrusted', {value: true});
	document.dispatchEvent(event);
}
const buttons = (root: ShadowRoot) =>
	Object.fromEntries([...root.querySelectorAll('button')].map((b) => [b.textContent, b]));

afterEach(() => {
	document.body.replaceChildren();
	vi.useRealTimers();
});

describe('mountBanner', () => {
	it('adds exactly one host node, with a closed shadow root', () => {
		const {banner, attachShadow} = mountAndCapture();
		expect(document.body.children).toHaveLength(1);
		expect(banner.host.shadowRoot).toBeNull();
		expect(attachShadow).toHaveBeenCalledWith({mode: 'closed'});
	});

	it('puts nothing of ours on the host for the page to read: no attribute, no style; language and direction inside', () => {
		const {banner, root} = mountAndCapture(callbacks(), {...modelFor(), lang: 'ar', dir: 'rtl'});
		expect(banner.host.localName).toBe('div');
		expect(banner.host.getAttributeNames()).toEqual([]);
		const section = root.querySelector('section')!;
		expect([section.lang, section.dir]).toEqual(['ar', 'rtl']);
		// Its place above the page comes from the shadow stylesheet, important.
		expect(readFileSync('src/content/banner.css', 'utf8')).toMatch(/:host\s*\{[^}]*position:\s*fixed\s*!important/);
	});

	it('a second mount replaces a banner an earlier copy left, found inside its closed shadow root (as Firefox lets an extension see it)', () => {
		const unsee = seeClosedRoots();
		try {
			// A page's own closed shadow host next to ours: it stays.
			const pages = document.createElement('div');
			pages.attachShadow({mode: 'closed'}).append(document.createElement('section'));
			document.body.append(pages);
			const first = mountBanner(model, callbacks());
			const second = mountBanner(model, callbacks());
			expect(first.host.isConnected).toBe(false);
			expect([...document.body.children]).toEqual([pages, second.host]);
		} finally {
			unsee();
		}
	});

	it('looks for an earlier banner only inside bare <div>s (what its hosts are), never inside the page’s other elements', () => {
		const unsee = seeClosedRoots();
		const see = Object.getOwnPropertyDescriptor(Element.prototype, 'openOrClosedShadowRoot')!;
		const lookedIn: Element[] = [];
		Object.defineProperty(Element.prototype, 'openOrClosedShadowRoot', {
			configurable: true,
			get(this: Element) {
				lookedIn.push(this);
				return see.get!.call(this) as ShadowRoot | null;
			},
		});
		try {
			const app = document.createElement('div');
			app.className = 'app';
			app.attachShadow({mode: 'closed'});
			const header = document.createElement('header');
			document.body.append(app, header);
			const first = mountBanner(model, callbacks());
			lookedIn.length = 0;
			const second = mountBanner(model, callbacks());
			expect(lookedIn).toEqual([first.host]);
			expect([...document.body.children]).toEqual([app, header, second.host]);
		} finally {
			unsee();
		}
	});

	it("shows the data's text as text, never as HTML", () => {
		const {root} = mountAndCapture();
		expect(root.querySelector('h2')?.textContent).toBe(
			'Photos stored on Google Photos <img src=x onerror=alert(1)> can be seen by Google',
		);
		expect(root.querySelector('img, b')).toBeNull();
		expect(root.querySelector('.body p')?.textContent).toBe('Google can see your photos. <b>bold</b>');
		expect(root.querySelector('.tools')?.textContent).toBe('Private alternatives: Ente Photos, PhotoPrism');
	});

	it('is a labelled region with a polite status, and does not take focus', () => {
		const {root} = mountAndCapture();
		const region = root.querySelector('[role="region"]')!;
		expect(root.getElementById(region.getAttribute('aria-labelledby')!)?.tagName).toBe('H2');
		expect(root.querySelector('[role="status"]')).not.toBeNull();
		expect(document.activeElement).toBe(document.body);
	});

	it('announces itself politely once in the page, without showing the announcement', async () => {
		vi.useFakeTimers();
		const {root} = mountAndCapture();
		const status = root.querySelector('[role="status"]')!;
		expect(status.textContent).toBe('');
		vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
		expect(status.textContent).toBe(
			`Photos stored on Google Photos <img src=x onerror=alert(1)> can be seen by Google. ${model.concern}`,
		);
		expect(status.classList.contains('announce')).toBe(true);
	});

	it('says "may be visible" when the provider\'s access is not certain', () => {
		const {root} = mountAndCapture(
			callbacks(),
			modelFor({serviceName: 'iCloud Photos', provider: 'Apple', certain: false}),
		);
		expect(root.querySelector('h2')?.textContent).toBe('Photos stored on iCloud Photos may be visible to Apple');
	});

	it('keeps "your photos" only on a site the person added (no provider: they said it is theirs)', () => {
		const {root} = mountAndCapture(
			callbacks(),
			modelFor({serviceName: 'photos.example.net', provider: null, certain: false}),
		);
		expect(root.querySelector('h2')?.textContent).toBe('photos.example.net may be able to see your photos');
	});

	it('offers the comparison, the move, the two choices and the way to the switch, with the snooze length in the tooltip', () => {
		const {root} = mountAndCapture();
		expect(Object.keys(buttons(root))).toEqual([
			'Compare alternatives',
			'Start moving',
			'Not now',
			'Don’t show on this site',
			'Turn off everywhere…',
			'×',
		]);
		expect(buttons(root)['Not now']!.title).toBe('Hide on Google Photos <img src=x onerror=alert(1)> for 7 days');
		expect(buttons(root)['×']!.getAttribute('aria-label')).toBe('Close');
	});

	it('says "1 day" for a one-day snooze', () => {
		const {root} = mountAndCapture(callbacks(), modelFor({snoozeDays: 1}));
		expect(buttons(root)['Not now']!.title).toMatch(/for 1 day$/);
	});

	it('closes with its button and with Escape, then stops listening', () => {
		const first = mountAndCapture();
		press(first.root.querySelector('button.close'));
		expect(document.body.children).toHaveLength(0);
		expect(first.cb.onClose).toHaveBeenCalledTimes(1);

		const second = mountAndCapture();
		key('Escape');
		expect(document.body.children).toHaveLength(0);
		expect(second.cb.onClose).toHaveBeenCalledTimes(1);
		key('Escape');
		expect(second.cb.onClose).toHaveBeenCalledTimes(1);
	});

	it('ignores synthetic events from the page', () => {
		const {root, cb} = mountAndCapture();
		key('Escape', false);
		(root.querySelector('button.primary') as HTMLButtonElement).click();
		expect(document.body.children).toHaveLength(1);
		expect(cb.onCompare).not.toHaveBeenCalled();
	});

	it('opens the comparison', () => {
		const {root, cb} = mountAndCapture();
		press(buttons(root)['Compare alternatives']!);
		expect(cb.onCompare).toHaveBeenCalledTimes(1);
	});

	it('"Turn off everywhere…" changes nothing from the page: it opens the settings at the switch, and the banner stays as it was', () => {
		const {root, cb} = mountAndCapture();
		const turnOff = buttons(root)['Turn off everywhere…']!;
		expect(turnOff.title).toBe('Opens the settings, where you can turn the banner off on every site');
		press(turnOff);
		expect(cb.onTurnOff).toHaveBeenCalledTimes(1);
		expect(cb.onAction).not.toHaveBeenCalled();
		expect(root.querySelector('.body')).not.toBeNull();
		expect([...root.querySelectorAll('button')].some((b) => b.disabled)).toBe(false);
	});

	it('opens the move page on "Start moving"', () => {
		const {root, cb} = mountAndCapture();
		press(buttons(root)['Start moving']!);
		expect(cb.onMove).toHaveBeenCalledTimes(1);
		expect(cb.onCompare).not.toHaveBeenCalled();
	});

	it.each([
		['Not now', 'snooze', 'Hidden on Google Photos <img src=x onerror=alert(1)> for 7 days.'],
		[
			'Don’t show on this site',
			'hide',
			'You won’t see this on Google Photos <img src=x onerror=alert(1)> again. You can undo this in the settings.',
		],
	])('"%s" asks for %s, confirms, offers the settings, then goes', async (label, action, message) => {
		vi.useFakeTimers();
		const {root, cb} = mountAndCapture();
		press(buttons(root)[label]!);
		expect(cb.onAction).toHaveBeenCalledWith(action);
		await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe(message));
		press(buttons(root)['Open settings']!);
		expect(cb.onOpenSettings).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(CONFIRMATION_MS + 1);
		expect(document.body.children).toHaveLength(0);
		expect(cb.onClose).toHaveBeenCalledTimes(1);
	});

	it("in a private window, a choice's confirmation says it lasts for this private session only", async () => {
		const m = {...modelFor(), privateSession: true};
		m.texts = bannerTexts({
			serviceName: 'Flickr',
			provider: 'SmugMug',
			certain: true,
			tools: [],
			snoozeDays: 7,
			privateSession: true,
		});
		const {root} = mountAndCapture(callbacks(), m);
		press(buttons(root)['Not now']!);
		await vi.waitFor(() =>
			expect(root.querySelector('[role="status"]')?.textContent).toBe(
				'Hidden on Flickr for 7 days. In this private window, your choice lasts until you close your private windows: nothing is saved.',
			),
		);
	});

	it('keeps a keyboard user\'s place: focus moves to "Open settings" when the chosen button goes', async () => {
		const {root} = mountAndCapture();
		buttons(root)['Not now']!.focus();
		expect(root.activeElement?.textContent).toBe('Not now');
		press(buttons(root)['Not now']!);
		await vi.waitFor(() => expect(root.activeElement?.textContent).toBe('Open settings'));
	});

	it('does not take the focus after a choice made with the mouse elsewhere', async () => {
		const {root} = mountAndCapture();
		press(buttons(root)['Not now']!);
		await vi.waitFor(() => expect(buttons(root)['Open settings']).toBeDefined());
		expect(root.activeElement).toBeNull();
	});

	it('keeps the confirmation when the person chose with the mouse, which is on the banner, until it leaves', async () => {
		vi.useFakeTimers();
		const {root} = mountAndCapture();
		press(buttons(root)['Not now']!, 'mouse');
		await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).not.toBe(''));
		expectHeldUntilThePointerLeaves(root);
	});

	it.each(['touch', 'pen'])(
		"lets the confirmation go after a %s's tap, even where the tap's :hover sticks",
		async (pointerType) => {
			vi.useFakeTimers();
			const {root} = mountAndCapture();
			const matches = vi.spyOn(Element.prototype, 'matches').mockImplementation((selector) => selector === ':hover');
			press(buttons(root)['Not now']!, pointerType);
			matches.mockRestore();
			await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).not.toBe(''));
			vi.advanceTimersByTime(CONFIRMATION_MS + 1);
			expect(document.body.children).toHaveLength(0);
		},
	);

	it.each([
		[true, 1],
		[false, 0],
	])('after a choice made with a key, holds the confirmation as `:hover` says (%s)', async (hover, left) => {
		vi.useFakeTimers();
		const {root} = mountAndCapture();
		const matches = vi
			.spyOn(Element.prototype, 'matches')
			.mockImplementation((selector) => hover && selector === ':hover');
		press(buttons(root)['Not now']!, '');
		matches.mockRestore();
		await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).not.toBe(''));
		vi.advanceTimersByTime(CONFIRMATION_MS * 2);
		expect(document.body.children).toHaveLength(left);
	});

	it('listens for no pointer event until a choice, then for the pointer coming and going', async () => {
		// happy-dom's own EventTarget, which its nodes inherit from (the global one may be Node's).
		const added = vi.spyOn(Object.getPrototypeOf(Node.prototype) as EventTarget, 'addEventListener');
		const pointerTypes = () => added.mock.calls.map(([type]) => type).filter((type) => type.startsWith('pointer'));
		const {root} = mountAndCapture();
		expect(pointerTypes()).toEqual([]);
		press(buttons(root)['Not now']!, 'mouse');
		expect(pointerTypes()).toEqual(['pointerenter', 'pointerleave']);
		added.mockRestore();
	});

	it('leaves an Escape the page handled itself to the page', () => {
		const {cb} = mountAndCapture();
		const event = new KeyboardEvent('keydown', {key: 'Escape', bubbles: true, cancelable: true});
		Object.defineProperty(event, 'isTrusted', {value: true});
		document.body.addEventListener('keydown', (e) => e.preventDefault(), {once: true});
		document.body.dispatchEvent(event);
		expect(document.body.children).toHaveLength(1);
		expect(cb.onClose).not.toHaveBeenCalled();
	});

	it.each([
		['auto', 'theme-auto'],
		['dark', 'theme-dark'],
		['light', 'theme-light'],
	] as const)("follows the options' theme %s", (theme, className) => {
		const {root} = mountAndCapture(callbacks(), {...model, theme});
		expect(root.querySelector('section')!.classList.contains(className)).toBe(true);
	});

	it('keeps the confirmation while the person is on it', async () => {
		vi.useFakeTimers();
		const {root} = mountAndCapture();
		press(buttons(root)['Not now']!);
		await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).not.toBe(''));
		root.querySelector('section')!.dispatchEvent(new Event('pointerenter'));
		expectHeldUntilThePointerLeaves(root);
	});

	it('says so when a choice could not be saved', async () => {
		const {root} = mountAndCapture(callbacks({onAction: async () => Promise.reject(new Error('no'))}));
		press(buttons(root)['Not now']!);
		await vi.waitFor(() =>
			expect(root.querySelector('[role="status"]')?.textContent).toBe(
				'Your choice could not be saved. You can make it in the settings.',
			),
		);
	});
});
