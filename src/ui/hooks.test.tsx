// @vitest-environment happy-dom
/**
 * useSettings on a page that has only some languages' messages (ui/catalogue.ts): the settings, and the language
 * they choose, apply only once that language's catalogue is there, and changes made on another page apply in the
 * order they were made, whichever language loads first.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import de from '../core/catalogues/de';
import en from '../core/catalogues/en';
import fr from '../core/catalogues/fr';
import nl from '../core/catalogues/nl';
import {DEFAULTS, SETTINGS_KEY, type Settings} from '../core/settings-defaults';
import {fake} from '../../test/fake-browser';

const TEXTS: Record<string, string> = {en, fr, de, nl};

/** A catalogue file that loads, or fails, when the test says. */
type File = {promise: Promise<{default: string}>; arrive: () => void; fail: () => void};
let files: Map<string, File>;
function file(lang: string): File {
	let found = files.get(lang);
	if (!found) {
		let arrive!: () => void;
		let fail!: () => void;
		const promise = new Promise<{default: string}>((resolve, reject) => {
			arrive = () => resolve({default: TEXTS[lang]!});
			fail = () => reject(new Error(`no file for ${lang}`));
		});
		files.set(lang, (found = {promise, arrive, fail}));
	}
	return found;
}

/** A fresh page: i18n with no catalogue, catalogue files that load when told, and a probe showing useSettings. */
async function freshPage() {
	vi.resetModules();
	files = new Map();
	vi.doMock('../core/language-files', () => ({
		CATALOGUE_FILES: new Proxy({}, {get: (_target, lang: string) => () => file(lang).promise}),
		PAGE_DATA_FILES: {},
	}));
	const {render} = await import('preact');
	const {act} = await import('preact/test-utils');
	const i18n = await import('../core/i18n');
	const {useSettings} = await import('./hooks');
	const {settle} = await import('../../test/pages');
	const shown: {settings: Settings | null} = {settings: null};
	function Probe({asked}: {asked: Promise<Settings>}) {
		[shown.settings] = useSettings(asked);
		return null;
	}
	const mount = (asked: Promise<Settings>) => act(() => render(<Probe asked={asked} />, scratch));
	return {...i18n, mount, settle, shown, unmount: () => render(null, scratch)};
}

/** Another page changes the settings: storage.onChanged, as the browser delivers it. */
function changedElsewhere(settings: Settings) {
	for (const listener of fake.current.storage.onChanged.list) listener({[SETTINGS_KEY]: {newValue: settings}}, 'local');
}

let scratch: HTMLElement;
beforeEach(() => {
	scratch = document.createElement('main');
	document.body.append(scratch);
});
afterEach(() => {
	scratch.remove();
	vi.doUnmock('../core/language-files');
});

describe('useSettings on a page with its own language only', () => {
	it('applies the settings and their language only once that catalogue has loaded', async () => {
		const page = await freshPage();
		await page.mount(Promise.resolve({...DEFAULTS, language: 'fr'}));
		await page.settle();
		expect([...files.keys()]).toEqual(['fr']);
		expect(page.shown.settings).toBeNull();
		expect(page.uiLanguage()).toBe('en');
		file('fr').arrive();
		await page.settle();
		expect(page.shown.settings?.language).toBe('fr');
		expect(page.uiLanguage()).toBe('fr');
		expect(page.t('popupLoading')).toBe('Chargement…');
		page.unmount();
	});

	it('applies changes from another page in their order, the last one last, even when an earlier one loads later', async () => {
		const page = await freshPage();
		page.addCatalogues({en});
		await page.mount(Promise.resolve({...DEFAULTS}));
		await page.settle();
		expect(page.shown.settings?.language).toBe('auto'); // the browser's English, already there: no load
		expect([...files.keys()]).toEqual([]);
		changedElsewhere({...DEFAULTS, language: 'de'});
		changedElsewhere({...DEFAULTS, language: 'nl'});
		file('nl').arrive();
		await page.settle();
		expect(page.shown.settings?.language).toBe('nl');
		expect(page.uiLanguage()).toBe('nl');
		file('de').arrive(); // loaded after the later change: not applied over it
		await page.settle();
		expect(page.shown.settings?.language).toBe('nl');
		expect(page.t('popupLoading')).toBe('Laden…');
		page.unmount();
	});

	it('still applies settings whose catalogue failed to load: t() then falls back to English', async () => {
		const page = await freshPage();
		page.addCatalogues({en});
		await page.mount(Promise.resolve({...DEFAULTS, language: 'de'}));
		await page.settle();
		expect(page.shown.settings).toBeNull();
		file('de').fail();
		await page.settle();
		expect(page.shown.settings?.language).toBe('de');
		expect(page.uiLanguage()).toBe('de');
		expect(page.t('popupLoading')).toBe('Loading…');
		page.unmount();
	});
});
