import {beforeEach, describe, expect, it, vi} from 'vitest';
import {fake, resetFakeBrowser} from '../../test/fake-browser';
import {SETTINGS_KEY, SETTINGS_VERSION} from '../core/settings';
import type * as Store from './store';

/** The store with fresh module state (the popup set by "this run of the background"), as after a restart. */
async function freshStore(): Promise<typeof Store> {
	vi.resetModules();
	await import('../core/every-catalogue');
	return import('./store');
}

const popup = () => fake.current.action.getPopup({});

describe('the toolbar popup follows the settings language', () => {
	beforeEach(() => {
		resetFakeBrowser('en');
	});

	it('reading the settings sets the popup page of their language, once', async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: {version: SETTINGS_VERSION, language: 'fr'}});
		const {readSettings} = await freshStore();
		expect(await popup()).toBe('chrome-extension://test-extension-id/popup/index.html');
		const setPopup = vi.spyOn(fake.current.action, 'setPopup');
		await readSettings();
		await readSettings();
		expect(await popup()).toBe('chrome-extension://test-extension-id/popup/fr.html');
		expect(setPopup).toHaveBeenCalledTimes(1);
	});

	it('a change of language sets its page; "auto" is the browser language', async () => {
		const {readSettings, updateSettings} = await freshStore();
		await readSettings();
		expect(await popup()).toBe('chrome-extension://test-extension-id/popup/en.html');
		await updateSettings({language: 'he'});
		expect(await popup()).toBe('chrome-extension://test-extension-id/popup/he.html');
		await updateSettings({language: 'auto'});
		expect(await popup()).toBe('chrome-extension://test-extension-id/popup/en.html');
	});

	it('a browser in German with the default settings gets the German popup', async () => {
		resetFakeBrowser('de');
		vi.stubGlobal('navigator', {language: 'de-DE'});
		try {
			const {readSettings} = await freshStore();
			await readSettings();
			expect(await popup()).toBe('chrome-extension://test-extension-id/popup/de.html');
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('a browser whose call throws instead of rejecting still reads and changes the settings', async () => {
		const {readSettings, updateSettings} = await freshStore();
		const setPopup = fake.current.action.setPopup;
		fake.current.action.setPopup = () => {
			throw new TypeError('action.setPopup is not a function');
		};
		expect((await readSettings()).language).toBe('auto');
		expect((await updateSettings({language: 'fr'})).language).toBe('fr');
		fake.current.action.setPopup = setPopup;
		await readSettings();
		expect(await popup()).toBe('chrome-extension://test-extension-id/popup/fr.html');
	});

	it('a change that could not be stored leaves the popup as it was', async () => {
		const {readSettings, updateSettings} = await freshStore();
		await readSettings();
		fake.current.storage.local.set = () => Promise.reject(new Error('QuotaExceededError'));
		await expect(updateSettings({language: 'he'})).rejects.toThrow('QuotaExceededError');
		expect(await popup()).toBe('chrome-extension://test-extension-id/popup/en.html');
	});

	it('a popup that could not be set is set again at the next read', async () => {
		const {readSettings} = await freshStore();
		const setPopup = fake.current.action.setPopup;
		fake.current.action.setPopup = () => Promise.reject(new Error('No popup for you'));
		await readSettings();
		await Promise.resolve();
		expect(await popup()).toBe('chrome-extension://test-extension-id/popup/index.html');
		fake.current.action.setPopup = setPopup;
		await readSettings();
		expect(await popup()).toBe('chrome-extension://test-extension-id/popup/en.html');
	});
});
