// @vitest-environment happy-dom
/**
 * useSettings with `prepare` (the popup: the catalogue of the settings' language, popup/catalogue.ts): the
 * settings, and the language they choose, apply only once what they need is there, and changes made on another
 * page apply in the order they were made, whichever language is ready first.
 */
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {resetLanguage, uiLanguage} from '../core/i18n';
import {DEFAULTS, SETTINGS_KEY, type Settings} from '../core/settings-defaults';
import {fake} from '../../test/fake-browser';
import {settle} from '../../test/pages';
import {useSettings} from './hooks';

/** A promise and its resolver, for a `prepare` that finishes when the test says. */
function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((done) => (resolve = done));
	return {promise, resolve};
}

let scratch: HTMLElement;
let shown: Settings | null = null;
function Probe({asked, prepare}: {asked: Promise<Settings>; prepare: (settings: Settings) => Promise<unknown>}) {
	[shown] = useSettings(asked, prepare);
	return null;
}

/** Another page changes the settings: storage.onChanged, as the browser delivers it. */
function changedElsewhere(settings: Settings) {
	for (const listener of fake.current.storage.onChanged.list) listener({[SETTINGS_KEY]: {newValue: settings}}, 'local');
}

beforeEach(() => {
	resetLanguage();
	shown = null;
	scratch = document.createElement('main');
	document.body.append(scratch);
});
afterEach(() => {
	render(null, scratch);
	scratch.remove();
	resetLanguage();
});

describe('useSettings with what a language needs first', () => {
	it('applies the settings and their language only once prepared', async () => {
		const ready = deferred();
		const prepared: string[] = [];
		const prepare = (settings: Settings) => {
			prepared.push(settings.language);
			return ready.promise;
		};
		await act(() =>
			render(<Probe asked={Promise.resolve({...DEFAULTS, language: 'fr'})} prepare={prepare} />, scratch),
		);
		await settle();
		expect(prepared).toEqual(['fr']);
		expect(shown).toBeNull();
		expect(uiLanguage()).toBe('en');
		ready.resolve();
		await settle();
		expect(shown?.language).toBe('fr');
		expect(uiLanguage()).toBe('fr');
	});

	it('applies changes from another page in their order, the last one last, even when an earlier one is ready later', async () => {
		const waits = new Map<string, ReturnType<typeof deferred>>();
		const prepare = (settings: Settings) => {
			const wait = deferred();
			waits.set(settings.language, wait);
			return settings.language === 'auto' ? Promise.resolve() : wait.promise;
		};
		await act(() => render(<Probe asked={Promise.resolve({...DEFAULTS})} prepare={prepare} />, scratch));
		await settle();
		expect(shown?.language).toBe('auto');
		changedElsewhere({...DEFAULTS, language: 'de'});
		changedElsewhere({...DEFAULTS, language: 'nl'});
		waits.get('nl')!.resolve();
		await settle();
		expect(shown?.language).toBe('nl');
		expect(uiLanguage()).toBe('nl');
		waits.get('de')!.resolve(); // ready after the later change: it is not applied over it
		await settle();
		expect(shown?.language).toBe('nl');
		expect(uiLanguage()).toBe('nl');
	});

	it('still applies the settings when what they need failed (t() falls back)', async () => {
		const prepare = () => Promise.reject(new Error('no such file'));
		await act(() =>
			render(<Probe asked={Promise.resolve({...DEFAULTS, language: 'it'})} prepare={prepare} />, scratch),
		);
		await settle();
		expect(shown?.language).toBe('it');
		expect(uiLanguage()).toBe('it');
		changedElsewhere({...DEFAULTS, language: 'es'});
		await settle();
		expect(uiLanguage()).toBe('es');
	});
});
