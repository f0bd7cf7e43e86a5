// @vitest-environment happy-dom
/**
 * The popup against the real background handlers (the fake browser's sendMessage goes through the
 * router as if from the popup), for the states the real-browser tests do not reach cheaply.
 */
import {render} from 'preact';
import {act} from 'preact/test-utils';
import 'fake-indexeddb/auto';
import {IDBFactory} from 'fake-indexeddb';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {closeJourneyDb} from '../background/journey-db';
import {handlers} from '../background/handlers';
import {DEFAULTS, SETTINGS_KEY} from '../core/settings';
import {fake, resetFakeBrowser} from '../../test/fake-browser';
import {routeMessagesFrom, settle} from '../../test/pages';
import {Popup} from './Popup';
import {firstView} from './first-view';
import {startRequests} from './requests';

let scratch: HTMLElement;
const popupSender = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup/index.html'};
const tab = (url: string, id: number) => ({id: 'test-extension-id', url, tab: {id} as never, frameId: 0});

/** Renders the popup and waits until it says it is ready (its page data is a dynamic import, loaded once per language). */
async function show(tabId: number | null) {
	const first = await firstView(startRequests(tabId), 'en');
	await act(() => render(<Popup first={first} />, scratch));
	await vi.waitFor(async () => {
		await settle();
		expect(document.body.dataset['ready']).toBe('1');
	});
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	routeMessagesFrom('popup');
	scratch = document.createElement('main');
	document.body.append(scratch);
});
afterEach(async () => {
	render(null, scratch);
	scratch.remove();
	delete document.body.dataset['ready'];
	await closeJourneyDb();
});

describe('the popup', () => {
	it('names a site the person added by its host, with the generic concern and generic steps', async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS, customSites: ['photos.example.net']}});
		await handlers.pageVisit({url: 'https://photos.example.net/album'}, tab('https://photos.example.net/album', 4));
		await show(4);
		expect(scratch.querySelector('h1')?.textContent).toBe('photos.example.net may be able to see your photos');
		expect(scratch.querySelector('.concern')?.textContent).toBe(
			'You marked this site as a cloud photo service. Unless it encrypts your photos end to end, it can see them.',
		);
		expect(
			[...scratch.querySelectorAll('ol.move[data-custom] li')].map((li) => li.querySelector('h3')?.textContent),
		).toEqual(['1. Export from photos.example.net', '2. Import into Ente Photos', '2. Import into PhotoPrism']);
	});

	it('says "may be visible" for a service whose end-to-end encryption is opt-in, and who says so', async () => {
		await handlers.pageVisit({url: 'https://www.icloud.com/photos/'}, tab('https://www.icloud.com/photos/', 5));
		await show(5);
		expect(scratch.querySelector('h1')?.textContent).toBe('Photos stored on iCloud Photos may be visible to Apple');
		const concern = scratch.querySelector('.concern')!;
		expect(concern.textContent).toContain('Advanced Data Protection');
		expect(concern.querySelector('.byline')?.textContent).toBe('Source: Apple');
		expect(concern.querySelector('a')?.getAttribute('href')).toBe('https://support.apple.com/HT212520');
	});

	it('names the provider as the author of what it can see (Facebook: Meta’s own privacy policy)', async () => {
		const url = 'https://www.facebook.com/someone/photos';
		await handlers.pageVisit({url}, tab(url, 11));
		await show(11);
		expect(scratch.querySelector('h1')?.textContent).toBe('Photos stored on Facebook photos can be seen by Meta');
		const concern = scratch.querySelector('.concern')!;
		expect(concern.textContent).toMatch(/^Meta’s privacy policy says it collects .*your posts and photos/);
		expect(concern.querySelector('a')?.getAttribute('href')).toBe('https://www.facebook.com/privacy/policy/');
	});

	it('labels a claim of ours as ours, with the pages we checked and the month', async () => {
		const url = 'https://www.smugmug.com/app/organize';
		await handlers.pageVisit({url}, tab(url, 12));
		await show(12);
		const byline = scratch.querySelector('.concern .byline')!;
		expect(byline.getAttribute('data-by')).toBe('project');
		expect(byline.textContent).toBe(
			'Our assessment, November 2026 (pages checked: help.smugmug.com/customer/portal/articles/93328-privacy-options)',
		);
	});

	it('marks a migration route it could not verify, and says why', async () => {
		await handlers.pageVisit({url: 'https://onedrive.live.com/?view=8'}, tab('https://onedrive.live.com/?view=8', 6));
		await show(6);
		const exportStep = scratch.querySelector('ol.move li')!;
		expect(exportStep.querySelector('.unverified')?.textContent).toBe('Not verified');
		expect(exportStep.textContent).toContain('check OneDrive Photos’s own help');
	});

	it.each(['en', 'fr'])(
		'%s: every text as a reader sees it is typeset (curly apostrophes; in French, a no-break space before : ; ? ! and inside « »)',
		async (lang) => {
			resetFakeBrowser(lang);
			routeMessagesFrom('popup');
			await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 9));
			await show(9);
			const text = scratch.textContent ?? '';
			expect(text).toContain('Cure53'); // the audits, the criteria, the threats and the guides are all there
			expect(scratch.querySelectorAll('ol.move li').length).toBeGreaterThan(1);
			// French: a breakable space before : ; ? ! », or none at all before : ; ? ! used as punctuation.
			const wrong = lang === 'fr' ? / [:;?!»]|« |[^\u00a0\u202f ][:;?!](?=\s|$)|'/g : /'/g;
			expect([...text.matchAll(new RegExp(`.{0,25}(?:${wrong.source}).{0,25}`, 'g'))].map((m) => m[0])).toEqual([]);
		},
	);

	it('is calm and neutral without a tab', async () => {
		await show(null);
		expect(scratch.querySelector('h1[data-neutral]')?.textContent).toBe('No cloud photo service on this page');
		expect(scratch.querySelector('ol.move')).toBeNull();
		expect(document.body.dataset['ready']).toBe('1');
	});

	it('answers at a glance: the alternative for the preference, why, its criteria in one line, and the move', async () => {
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 9));
		await show(9);
		expect(scratch.querySelector('.pick')?.getAttribute('data-pick')).toBe('ente-photos');
		expect(scratch.querySelector('.pick-criteria')?.textContent).toBe('Meets 7 of 7 Privacy Guides criteria');
		const action = scratch.querySelector('.pick a.button.primary');
		expect(action?.textContent).toBe('Move to Ente Photos');
		expect(action?.getAttribute('href')).toBe(
			'chrome-extension://test-extension-id/move/index.html?service=google-photos&tool=ente-photos',
		);
		// The details are one click away, closed.
		expect((scratch.querySelector('details.more') as HTMLDetailsElement).open).toBe(false);
		expect(scratch.querySelector('details.more article[data-tool="ente-photos"]')).not.toBeNull();
	});

	it('marks itself rendered before the closed details are built, and is ready once they are', async () => {
		const atMark: Array<boolean> = [];
		const mark = performance.mark.bind(performance);
		vi.spyOn(performance, 'mark').mockImplementation((name, options) => {
			if (name === 'popup-rendered') atMark.push(scratch.querySelector('details.more section') !== null);
			return mark(name, options);
		});
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 9));
		await show(9);
		expect(atMark).toEqual([false]);
		expect(scratch.querySelector('.pick')).not.toBeNull();
		expect(scratch.querySelector('details.more section[aria-labelledby="tools-heading"]')).not.toBeNull();
	});

	it('self-hosted preference: PhotoPrism, its criteria labelled as our reading', async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS, preference: 'self-hosted'}});
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 9));
		await show(9);
		expect(scratch.querySelector('.pick')?.getAttribute('data-pick')).toBe('photoprism');
		expect(scratch.querySelector('.pick-criteria')?.textContent).toMatch(
			/^Meets \d of 7 criteria \(our reading of Privacy Guides’ criteria\)$/,
		);
	});

	it('a move in progress: "step 3 of 6" here, and the other moves listed on any page', async () => {
		await handlers.startMove({service: 'google-photos', tool: 'ente-photos'}, popupSender);
		await handlers.setMoveStep({service: 'google-photos', step: 'request', done: true}, popupSender);
		await handlers.setMoveStep({service: 'google-photos', step: 'download', done: true}, popupSender);
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 9));
		await show(9);
		expect(scratch.querySelector('.pick a.button.primary')?.textContent).toBe('Continue your move');
		expect(scratch.querySelector('.pick .progress')?.textContent).toBe('Step 3 of 6');
		render(null, scratch);
		await show(null);
		expect(scratch.querySelector('.pick a.button.primary')).toBeNull();
		expect(scratch.querySelector('li[data-move="google-photos"]')?.textContent).toBe('Google Photos: Step 3 of 6');
	});
});
