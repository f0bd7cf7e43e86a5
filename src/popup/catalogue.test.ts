/**
 * The popup's messages: its language's catalogue only, loaded when it first speaks it (./catalogue.ts), where the
 * background and the other pages are given all ten (core/every-catalogue.ts, as the test setup does).
 */
import {beforeEach, describe, expect, it, vi} from 'vitest';

/** A fresh i18n with no catalogue given, as the popup starts, and the popup's loader bound to it. */
async function freshPopup() {
	vi.resetModules();
	const i18n = await import('../core/i18n');
	const catalogue = await import('./catalogue');
	return {...i18n, ...catalogue};
}

beforeEach(() => {
	vi.unstubAllGlobals();
});

describe('popup catalogue', () => {
	it('speaks no language before its catalogue is loaded, then that language', async () => {
		const {t, hasCatalogue, loadCatalogue, setLanguage} = await freshPopup();
		setLanguage('fr');
		expect(hasCatalogue('fr')).toBe(false);
		expect(t('popupLoading')).toBe('popupLoading'); // loud: the key, not an empty string
		await loadCatalogue('fr');
		expect(hasCatalogue('fr')).toBe(true);
		expect(t('popupLoading')).toBe('Chargement…');
		expect(hasCatalogue('en')).toBe(false); // nothing else was loaded
	});

	it('loads each language once, and falls back to English for one not loaded', async () => {
		const {t, loadCatalogue, setLanguage} = await freshPopup();
		const first = loadCatalogue('en');
		expect(loadCatalogue('en')).toBe(first);
		await first;
		setLanguage('de');
		expect(t('popupLoading')).toBe('Loading…');
		await loadCatalogue('de');
		expect(t('popupLoading')).toBe('Wird geladen…');
	});

	it('loads the language a settings document chooses, the browser’s for "auto"', async () => {
		vi.stubGlobal('navigator', {language: 'he-IL'});
		const {hasCatalogue, loadCatalogueOf} = await freshPopup();
		await loadCatalogueOf({language: 'auto'});
		expect(hasCatalogue('he')).toBe(true);
		await loadCatalogueOf({language: 'nl'});
		expect(hasCatalogue('nl')).toBe(true);
		expect(hasCatalogue('en')).toBe(false);
	});
});
