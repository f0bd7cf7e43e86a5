/**
 * A page's messages: its language's catalogue only, loaded when it first speaks it (./catalogue.ts), where the
 * background is given all ten (core/every-catalogue.ts, as the test setup does).
 */
import {beforeEach, describe, expect, it, vi} from 'vitest';

/** A fresh i18n with no catalogue given, as a page starts, and the page's loader bound to it. */
async function freshPage() {
	vi.resetModules();
	const i18n = await import('../core/i18n');
	const {loadCatalogue, takeTurn, whenSpoken} = await import('./catalogue');
	return {...i18n, loadCatalogue, takeTurn, whenSpoken};
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
		void whenSpoken({language: 'auto'}, () => shown.push('auto'));
		expect(shown).toEqual([]);
		await vi.waitFor(() => expect(shown).toEqual(['auto']));
		expect(hasCatalogue('he')).toBe(true);
		void whenSpoken({language: 'he'}, () => shown.push('he')); // loaded already: at once
		expect(shown).toEqual(['auto', 'he']);
		void whenSpoken({language: 'nl'}, () => shown.push('nl'));
		void whenSpoken({language: 'he'}, () => shown.push('he again')); // a later call: the pending one is dropped
		await vi.waitFor(() => expect(hasCatalogue('nl')).toBe(true));
		expect(shown).toEqual(['auto', 'he', 'he again']);
		void whenSpoken({language: 'fr'}, () => shown.push('fr'));
		void whenSpoken(null, () => shown.push('none')); // settings that could not be loaded: at once, and last
		await vi.waitFor(() => expect(hasCatalogue('fr')).toBe(true));
		expect(shown).toEqual(['auto', 'he', 'he again', 'none']);
		expect(hasCatalogue('en')).toBe(false);
	});

	it('falls back to the browser’s language where English was never loaded (a French browser, German failing)', async () => {
		vi.stubGlobal('navigator', {language: 'fr-FR'});
		const {t, loadCatalogue, setLanguage} = await freshPage();
		await loadCatalogue('fr'); // what the page loads first
		setLanguage('de'); // the settings' language, whose file did not load
		expect(t('popupLoading')).toBe('Chargement…');
	});

	it('resolves whenSpoken whether it applied its settings or a later call took its turn', async () => {
		const {takeTurn, whenSpoken} = await freshPage();
		const shown: string[] = [];
		const reserved = takeTurn();
		const later = whenSpoken({language: 'it'}, () => shown.push('later'));
		await whenSpoken({language: 'es'}, () => shown.push('older'), reserved); // its turn passed: dropped, resolved
		await later;
		expect(shown).toEqual(['later']);
	});
});
