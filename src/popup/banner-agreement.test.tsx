// @vitest-environment happy-dom
/**
 * The banner (built by the background) and the popup name the same alternatives in the same order, for
 * every preference, even in a catalogue that lists a self-hosted tool before a cloud one.
 */
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {handlers} from '../background/handlers';
import {PREFERENCES, SETTINGS_KEY, DEFAULTS} from '../core/settings';
import type * as Data from '../data';
import type * as Pages from '../data/pages';
import {fake} from '../../test/fake-browser';
import {routeMessagesFrom, settle} from '../../test/pages';
import {Popup} from './Popup';
import {firstView} from './first-view';
import {startRequests} from './requests';

// The catalogue lists Ente Photos (cloud) first; this one lists PhotoPrism (self-hosted) first, in the
// background's whole dataset and in the popup's page data alike.
vi.mock('../data', async (importOriginal) => {
	const original = await importOriginal<typeof Data>();
	return {...original, dataset: {...original.dataset, tools: [...original.dataset.tools].reverse()}};
});
vi.mock('../data/pages', async (importOriginal) => {
	const original = await importOriginal<typeof Pages>();
	const reversed = new Map<string, Promise<Pages.PageData>>();
	return {
		...original,
		loadPageData: (lang: Parameters<typeof original.loadPageData>[0]) => {
			if (!reversed.has(lang))
				reversed.set(
					lang,
					original.loadPageData(lang).then((data) => ({...data, tools: [...data.tools].reverse()})),
				);
			return reversed.get(lang)!;
		},
	};
});

let scratch: HTMLElement;
const url = 'https://photos.google.com/';
const tab = {id: 'test-extension-id', url, tab: {id: 3} as never, frameId: 0};

beforeEach(() => {
	routeMessagesFrom('popup');
	scratch = document.createElement('main');
	document.body.append(scratch);
});
afterEach(() => {
	render(null, scratch);
	scratch.remove();
	delete document.body.dataset['ready'];
});

describe('the banner and the popup', () => {
	it.each(PREFERENCES)('show the same alternatives in the same order (preference "%s")', async (preference) => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS, preference}});
		const banner = await handlers.pageVisit({url}, tab);
		const first = await firstView(startRequests(3), 'en');
		await act(() => render(<Popup first={first} />, scratch));
		await vi.waitFor(async () => {
			await settle();
			expect(document.body.dataset['ready']).toBe('1');
		});
		const popup = [...scratch.querySelectorAll('article.tool h3')].map((heading) => heading.firstChild?.textContent);
		expect(popup.length).toBeGreaterThan(0);
		expect(banner?.texts.alternatives).toBe(`Private alternatives: ${popup.map((name) => name?.trim()).join(', ')}`);
		if (preference === 'both') expect(banner?.texts.alternatives).toBe('Private alternatives: Ente Photos, PhotoPrism');
	});
});
