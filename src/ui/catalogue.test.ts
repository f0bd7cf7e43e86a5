/**
 * A page's messages: its language's catalogue only, loaded when it first speaks it (./catalogue.ts), where the
 * background is given all ten (core/every-catalogue.ts, as the test setup does).
 */
import {beforeEach, describe, expect, it, vi} from 'vitest';

/** A fresh i18n with no catalogue given, as a page starts, and the page's loader bound to it. */
async function freshPage() {
	vi.resetModules();
	const i18n = await import('../core/i18n');
	const catalogue = await import('./catalogue');
	return {...i18n, ...catalogue};
}

beforeEach(() => {
	vi.unstubAllGlobals();
});

describe('a page’s catalogue', () => {
	it('speaks no language before its catalogue is loaded, then that language', async () => {
		const {t, hasCatalogue, loadCatalogue, setLanguage} = await freshPage();
		setLanguage('fr');
		expect(hasCatalogue('fr')).toBe(false);
		expect(t('popupLoading')).toBe('popupLoading'); // loud: the key, not an empty string
		await loadCatalogue('fr');
		expect(hasCatalogue('fr')).toBe(true);
		expect(t('popupLoading')).toBe('Chargement…');
		expect(hasCatalogue('en')).toBe(false); // nothing else was loaded
	});

	it('loads each language once, and falls back to English for one not loaded', async () => {
		const {t, loadCatalogue, setLanguage} = await freshPage();
		const first = loadCatalogue('en');
		expect(loadCatalogue('en')).toBe(first);
		await first;
		setLanguage('de');
		expect(t('popupLoading')).toBe('Loading…');
		await loadCatalogue('de');
		expect(t('popupLoading')).toBe('Wird geladen…');
	});

	it('shows settings once the language they choose is there: the browser’s for "auto", at once when loaded', async () => {
		vi.stubGlobal('navigator', {language: 'he-IL'});
		const {hasCatalogue, whenSpoken} = await freshPage();
		const shown: string[] = [];
		whenSpoken({language: 'auto'}, () => shown.push('auto'));
		expect(shown).toEqual([]);
		await vi.waitFor(() => expect(shown).toEqual(['auto']));
		expect(hasCatalogue('he')).toBe(true);
		whenSpoken({language: 'he'}, () => shown.push('he')); // loaded already: at once
		expect(shown).toEqual(['auto', 'he']);
		whenSpoken({language: 'nl'}, () => shown.push('nl'));
		whenSpoken({language: 'he'}, () => shown.push('he again')); // a later call: the pending one is dropped
		await vi.waitFor(() => expect(hasCatalogue('nl')).toBe(true));
		expect(shown).toEqual(['auto', 'he', 'he again']);
		whenSpoken({language: 'fr'}, () => shown.push('fr'));
		whenSpoken(null, () => shown.push('none')); // settings that could not be loaded: at once, and last
		await vi.waitFor(() => expect(hasCatalogue('fr')).toBe(true));
		expect(shown).toEqual(['auto', 'he', 'he again', 'none']);
		expect(hasCatalogue('en')).toBe(false);
	});
});
