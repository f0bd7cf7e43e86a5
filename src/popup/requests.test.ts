// @vitest-environment happy-dom
/** The popup's requests, asked for once: by early.js before the popup's code loads, taken by the popup. */
import {afterEach, describe, expect, it, vi} from 'vitest';

const send = vi.fn((type: string, _payload?: unknown): Promise<unknown> =>
	Promise.resolve(
		type === 'getPopupView'
			? {serviceId: 'google-photos', moves: {available: false}, settings: {theme: 'dark'}}
			: {type},
	),
);
vi.mock('../core/send', () => ({send: (type: string, payload: unknown) => send(type, payload)}));

afterEach(() => {
	send.mockClear();
	vi.unstubAllGlobals();
});

describe('popup requests', () => {
	it('are asked for once: the popup takes what early.js asked for, and asks itself only when nothing is left', async () => {
		vi.stubGlobal('location', new URL('chrome-extension://x/popup/index.html?tab=7'));
		const {startEarly, takeRequests} = await import('./requests');
		startEarly();
		// All three in one message: the tab's state too, for the tab the address names.
		expect(send.mock.calls).toEqual([['getPopupView', {tabId: 7}]]);
		const early = takeRequests();
		expect(await early.service).toBe('google-photos');
		expect(await early.moves).toEqual({available: false});
		expect(await early.settings).toEqual({theme: 'dark'});
		expect(send).toHaveBeenCalledTimes(1);
		takeRequests(); // nothing left: the popup asks again
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('ask the background for the toolbar’s tab (the active one) when the address names none, in the same message', async () => {
		vi.stubGlobal('location', new URL('chrome-extension://x/popup/en.html'));
		const {startEarly, takeRequests} = await import('./requests');
		startEarly();
		expect(send).toHaveBeenCalledWith('getPopupView', {tabId: null});
		expect(await takeRequests().service).toBe('google-photos');
	});

	it("speak the language their page was built for (popup/<lang>.html), else the browser's", async () => {
		const {popupLanguage} = await import('./requests');
		const root = document.documentElement;
		vi.stubGlobal('navigator', {language: 'nl-BE'});
		try {
			root.dataset.language = 'he';
			expect(popupLanguage()).toBe('he');
			root.dataset.language = 'xx'; // not a language of the extension: the browser's
			expect(popupLanguage()).toBe('nl');
			delete root.dataset.language; // popup/index.html
			expect(popupLanguage()).toBe('nl');
		} finally {
			delete root.dataset.language;
		}
	});

	it('watch the settings from the start: the newest another page stored is the popup’s', async () => {
		const {startRequests} = await import('./requests');
		const {fake} = await import('../../test/fake-browser');
		const {DEFAULTS, SETTINGS_KEY} = await import('../core/settings-defaults');
		const requests = startRequests(3);
		expect(requests.changed()).toBeUndefined();
		const emit = (value: unknown, area: string) => {
			for (const listener of fake.current.storage.onChanged.list) listener({[SETTINGS_KEY]: {newValue: value}}, area);
		};
		emit({...DEFAULTS, language: 'fr'}, 'local');
		emit({...DEFAULTS, language: 'he'}, 'local');
		emit({...DEFAULTS, language: 'ru'}, 'sync'); // not the extension's settings
		emit(undefined, 'local'); // removed: nothing newer to show
		expect(requests.changed()?.language).toBe('he');
	});

	it('fall back on their own: settings the background could not read leave the service and the moves', async () => {
		send.mockImplementationOnce(async () => ({serviceId: 'flickr', moves: {available: false}, settings: null}));
		const {startRequests} = await import('./requests');
		document.documentElement.dataset.language = 'he';
		try {
			const requests = startRequests(3);
			expect(await requests.service).toBe('flickr');
			expect(await requests.settings).toMatchObject({version: expect.any(Number) as number, language: 'he'});
		} finally {
			delete document.documentElement.dataset.language;
		}
	});

	it('fall back instead of rejecting when the background cannot answer', async () => {
		send.mockImplementation(() => Promise.reject(new Error('No answer')));
		const {startRequests} = await import('./requests');
		const requests = startRequests(3);
		expect(await requests.service).toBeNull();
		expect(await requests.moves).toEqual({available: false});
		expect((await requests.settings).version).toBeGreaterThan(0);
		// In the language the popup's page was set for.
		document.documentElement.dataset.language = 'he';
		try {
			expect((await startRequests(3).settings).language).toBe('he');
		} finally {
			delete document.documentElement.dataset.language;
		}
	});
});
