// @vitest-environment happy-dom
/**
 * The API pick (browser.ts), which matters most in the content script: a page's named elements are on the content
 * script's global too (Chromium defines no `browser`, so `<form name="browser">` is `window.browser` there).
 * Checked in real browsers by test/e2e/suites/promises.ts (fixtures/hostile-*.html).
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import type * as BrowserModule from './browser';

const scope = globalThis as unknown as Record<string, unknown>;
const real = {runtime: {id: 'abcdefghijklmnop', sendMessage: () => Promise.resolve()}};

async function pick(globals: {browser?: unknown; chrome?: unknown}): Promise<unknown> {
	vi.resetModules();
	scope['browser'] = globals.browser;
	scope['chrome'] = globals.chrome;
	return (await vi.importActual<typeof BrowserModule>('./browser')).browser;
}

afterEach(() => {
	delete scope['browser'];
	delete scope['chrome'];
	document.body.replaceChildren();
});

describe('core/browser takes only a real extension API', () => {
	it('takes browser when it is one (Firefox), chrome when browser is absent (Chromium)', async () => {
		const other = {runtime: {id: 'other', sendMessage: () => Promise.resolve()}};
		expect(await pick({browser: real, chrome: other})).toBe(real);
		expect(await pick({chrome: real})).toBe(real);
	});

	it('skips a browser the page clobbered with its elements, and takes chrome', async () => {
		const form = document.createElement('form');
		const input = document.createElement('input');
		input.name = 'runtime';
		input.id = 'clobbered-runtime'; // a string id, as the real runtime has
		form.append(input);
		const div = document.createElement('div');
		div.id = 'browser';
		document.body.append(form, div);
		const clobbered = {runtime: input}; // what `form.runtime` is: the input
		for (const browser of [div, form, clobbered, document.body.children, {runtime: {id: '', sendMessage() {}}}])
			expect(await pick({browser, chrome: real})).toBe(real);
	});

	it('takes nothing when neither is an API (the page gets no message from it)', async () => {
		const div = document.createElement('div');
		expect(await pick({browser: div, chrome: div})).toBeUndefined();
		const throwing = {
			get runtime() {
				throw new Error('dead');
			},
		};
		expect(await pick({browser: throwing})).toBeUndefined();
	});
});
