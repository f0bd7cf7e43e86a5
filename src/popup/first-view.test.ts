// @vitest-environment happy-dom
/** The popup's first render waits for all it shows, in its settings' language, from the files early.js imported. */
import {afterEach, describe, expect, it, vi} from 'vitest';
import de from '../core/catalogues/de';
import fr from '../core/catalogues/fr';
import {DEFAULTS, type Settings} from '../core/settings-defaults';
import type {PopupRequests} from './requests';

const TEXTS: Record<string, string> = {fr, de};
const asked: string[] = [];

/** Fresh modules, with language files that record being asked for (the popup's own imports, not early.js's). */
async function fresh(failing: {catalogue?: boolean; data?: boolean} = {}) {
	vi.resetModules();
	asked.length = 0;
	vi.doMock('../core/language-files', () => ({
		CATALOGUE_FILES: new Proxy(
			{},
			{
				get: (_target, lang: string) => () => {
					asked.push(`catalogue ${lang}`);
					return Promise.resolve({default: TEXTS[lang]});
				},
			},
		),
		PAGE_DATA_FILES: new Proxy(
			{},
			{
				get: (_target, lang: string) => () => {
					asked.push(`data ${lang}`);
					return Promise.resolve({default: JSON.stringify({lang})});
				},
			},
		),
	}));
	const i18n = await import('../core/i18n');
	const {firstView} = await import('./first-view');
	const requests = (settings: Partial<Settings>, changed?: Partial<Settings>): PopupRequests => {
		const newer = changed && {...DEFAULTS, ...changed};
		return {
			service: Promise.resolve('google-photos'),
			moves: Promise.resolve({available: false}),
			settings: Promise.resolve({...DEFAULTS, ...settings}),
			changed: () => newer,
			// What early.js imported, for the page's language (fr).
			catalogue: failing.catalogue ? Promise.reject(new Error('no file')) : Promise.resolve({default: fr}),
			pageData: failing.data ? Promise.reject(new Error('no file')) : Promise.resolve({default: '{"lang":"fr"}'}),
		};
	};
	i18n.setLanguage('fr');
	return {...i18n, firstView, requests};
}

afterEach(() => {
	vi.doUnmock('../core/language-files');
});

describe('the popup’s first view', () => {
	it('has everything, from early.js’s imports of its language’s files: nothing asked for again', async () => {
		const {firstView, requests, t, uiLanguage} = await fresh();
		const first = await firstView(requests({language: 'fr'}), 'fr');
		expect(first).toMatchObject({serviceId: 'google-photos', moves: {available: false}, data: {lang: 'fr'}});
		expect(first.settings.language).toBe('fr');
		expect(asked).toEqual([]);
		expect(uiLanguage()).toBe('fr');
		expect(t('popupLoading')).toBe((JSON.parse(fr) as Record<string, string>)['popupLoading']);
	});

	it('settings in another language than the page’s: that language’s messages and data', async () => {
		const {firstView, requests, t, uiLanguage} = await fresh();
		const first = await firstView(requests({language: 'de'}), 'fr');
		expect(asked.sort()).toEqual(['catalogue de', 'data de']);
		expect(uiLanguage()).toBe('de');
		expect(first.data).toMatchObject({lang: 'de'});
		expect(t('popupLoading')).toBe((JSON.parse(de) as Record<string, string>)['popupLoading']);
	});

	it('settings another page stored since they were asked for are newer: those, in their language', async () => {
		const {firstView, requests, uiLanguage} = await fresh();
		const first = await firstView(
			requests({language: 'fr', preference: 'cloud'}, {language: 'de', preference: 'self-hosted'}),
			'fr',
		);
		expect(first.settings).toMatchObject({language: 'de', preference: 'self-hosted'});
		expect(uiLanguage()).toBe('de');
		expect(first.data).toMatchObject({lang: 'de'});
	});

	it('files that did not load: messages show their keys, and no page data (the popup says it is loading)', async () => {
		const {firstView, requests, t} = await fresh({catalogue: true, data: true});
		const first = await firstView(requests({language: 'fr'}), 'fr');
		expect(first.serviceId).toBe('google-photos');
		expect(first.data).toBeUndefined();
		expect(t('popupLoading')).toBe('popupLoading');
	});
});
