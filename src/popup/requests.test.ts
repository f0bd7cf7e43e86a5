// @vitest-environment happy-dom
/** The popup's requests, asked for once: by early.js before the popup's code loads, taken by the popup. */
import {afterEach, describe, expect, it, vi} from 'vitest';

const send = vi.fn((type: string) => Promise.resolve(type === 'getTabState' ? {serviceId: 'google-photos'} : {type}));
vi.mock('../core/send', () => ({send: (type: string) => send(type)}));

afterEach(() => {
	send.mockClear();
	vi.unstubAllGlobals();
});

describe('popup requests', () => {
	it('are asked for once: the popup takes what early.js asked for, and asks itself only when nothing is left', async () => {
		vi.stubGlobal('location', new URL('chrome-extension://x/popup/index.html?tab=7'));
		const {startEarly, takeRequests} = await import('./requests');
		startEarly();
		expect(send.mock.calls.map(([type]) => type).sort()).toEqual(['getMoves', 'getSettings']);
		const early = takeRequests();
		expect(await early.service).toBe('google-photos'); // the tab's state, asked once the tab id is known
		expect(send).toHaveBeenCalledTimes(3);
		takeRequests(); // nothing left: the popup asks again
		expect(send).toHaveBeenCalledTimes(5);
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

	it('fall back instead of rejecting when the background cannot answer', async () => {
		send.mockImplementation(() => Promise.reject(new Error('No answer')));
		const {startRequests} = await import('./requests');
		const requests = startRequests(Promise.resolve(3));
		expect(await requests.service).toBeNull();
		expect(await requests.moves).toEqual({available: false});
		expect((await requests.settings).version).toBeGreaterThan(0);
	});
});
