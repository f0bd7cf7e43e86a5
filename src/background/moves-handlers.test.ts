/** The messages behind guided moves: start, tick, end; the export-page helper's registration and permission. */
import 'fake-indexeddb/auto';
import {IDBFactory} from 'fake-indexeddb';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Runtime} from '../core/browser';
import {makeBackup, parseBackup} from '../core/backup';
import {fake} from '../../test/fake-browser';
import {DEFAULTS, SETTINGS_KEY} from '../core/settings';
import {localDay} from '../core/journey';
import {closeJourneyDb} from './journey-db';
import {handlers} from './handlers';
import {matchesExportPage, syncHelpers} from './moves';

const page: Runtime.MessageSender = {
	id: 'test-extension-id',
	url: 'chrome-extension://test-extension-id/move/index.html',
};
const tab = (url: string, id = 7): Runtime.MessageSender => ({
	id: 'test-extension-id',
	url,
	tab: {id} as never,
	frameId: 0,
});
const TAKEOUT = 'https://takeout.google.com/*';
const registrations = () => [...fake.current.scripting.registered.values()];

/** What the move page does on "Start": the permission in the click, then the message. */
async function start(service = 'google-photos', tool = 'ente-photos', grant = true) {
	fake.current.permissions.grantOnRequest = grant;
	await fake.current.permissions.request({origins: [TAKEOUT]});
	return handlers.startMove({service, tool}, page);
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
	await closeJourneyDb();
});

describe('moves', () => {
	it('starting a move with the permission registers the helper on the export page only', async () => {
		const moves = await start();
		expect(moves).toEqual([
			{
				service: 'google-photos',
				tool: 'ente-photos',
				started: expect.any(Number) as number,
				done: [],
				step: 1,
				helper: true,
			},
		]);
		expect(registrations()).toEqual([
			{
				id: 'export-helper:google-photos',
				matches: [TAKEOUT],
				js: ['export-helper.js'],
				runAt: 'document_idle',
				persistAcrossSessions: true,
			},
		]);
	});

	it("the popup's one message brings the moves in progress, as the move page's own message does", async () => {
		await start();
		const moves = await handlers.getMoves(null, page);
		expect(moves).toMatchObject({available: true, moves: [{service: 'google-photos', tool: 'ente-photos', step: 1}]});
		expect((await handlers.getPopupView({tabId: 7}, page)).moves).toEqual(moves);
	});

	it('without the permission: the move starts, no helper is registered', async () => {
		const moves = await start('google-photos', 'ente-photos', false);
		expect(moves[0]).toMatchObject({step: 1, helper: false});
		expect(registrations()).toEqual([]);
	});

	it('a move from a service with no export page has no helper; a custom site gets one only once added', async () => {
		expect(await handlers.startMove({service: 'dropbox-photos', tool: 'photoprism'}, page)).toEqual([
			expect.objectContaining({service: 'dropbox-photos', helper: null}),
		]);
		await expect(handlers.startMove({service: 'photos.example.net', tool: 'ente-photos'}, page)).rejects.toThrow(
			'This service is not one the extension knows.',
		);
		await expect(handlers.startMove({service: 'flickr', tool: 'nope'}, page)).rejects.toThrow(
			'This alternative is not one the extension knows.',
		);
	});

	it('ticking steps: the checklist follows, getMoves and getJourney agree', async () => {
		await start();
		await handlers.setMoveStep({service: 'google-photos', step: 'request', done: true}, page);
		await handlers.setMoveStep({service: 'google-photos', step: 'download', done: true}, page);
		const state = await handlers.getMoves(null, page);
		expect(state).toEqual({
			available: true,
			moves: [expect.objectContaining({done: ['request', 'download'], step: 3})],
		});
		const journey = await handlers.getJourney(null, page);
		expect(journey.available && journey.summary.checklist).toEqual([
			{service: 'google-photos', exported: true, imported: false, deleted: false},
		]);
		await handlers.setChecklistStep({service: 'google-photos', step: 'imported', done: true}, page);
		expect(await handlers.getMoves(null, page)).toEqual({
			available: true,
			moves: [expect.objectContaining({done: ['request', 'download', 'import'], step: 3})],
		});
	});

	it('ending a move unregisters its helper and gives the permission back', async () => {
		await start();
		expect(await handlers.endMove({service: 'google-photos'}, page)).toEqual([]);
		expect(registrations()).toEqual([]);
		expect([...fake.current.permissions.origins]).toEqual([]);
	});

	it("a required origin the browser will not give back (Chromium's refusal) stays; the move ends, the others go", async () => {
		const {permissions} = fake.current;
		const remove = permissions.remove.bind(permissions);
		// Chromium, for an origin in the manifest's host_permissions (as seen in move.e2e.test.ts).
		permissions.remove = async (request) => {
			if (request.origins?.includes(TAKEOUT)) throw new Error('You cannot remove required permissions.');
			return remove(request);
		};
		await start();
		// Another export page's permission that no move needs: given back in the same release.
		await permissions.request({origins: ['https://privacy.apple.com/*']});
		expect(await handlers.endMove({service: 'google-photos'}, page)).toEqual([]);
		expect(registrations()).toEqual([]);
		expect([...permissions.origins]).toEqual([TAKEOUT]);
	});

	it('a revoked permission drops the helper at the next sync; a lost registration comes back', async () => {
		await start();
		fake.current.scripting.registered.clear();
		await syncHelpers();
		expect(registrations().map((r) => r.id)).toEqual(['export-helper:google-photos']);
		fake.current.permissions.origins.delete(TAKEOUT);
		await syncHelpers();
		expect(registrations()).toEqual([]);
	});
});

describe('the export-page helper', () => {
	const url = 'https://takeout.google.com/settings/takeout';

	it('answers nothing before a move is started, and on a page no move is about', async () => {
		expect(await handlers.helperVisit({url}, tab(url))).toBeNull();
		await start();
		expect(
			await handlers.helperVisit({url: 'https://www.flickr.com/account'}, tab('https://www.flickr.com/account')),
		).toBeNull();
	});

	it('on Takeout during a Google Photos move: what to pick, who says it, the step', async () => {
		await start();
		expect(await handlers.helperVisit({url}, tab(url))).toEqual({
			service: 'google-photos',
			title: 'Moving from Google Photos to Ente Photos',
			text: expect.stringMatching(/^Choose Deselect all, tick only Google Photos/) as string,
			author: 'Our advice',
			source: 'https://support.google.com/accounts/answer/3024190',
			requested: false,
			step: 1,
			total: 6,
			theme: 'auto',
			lang: 'en',
			dir: 'ltr',
			labels: {
				close: 'Close',
				source: 'Source',
				requested: 'I have requested my export',
				requestedDone: 'Export requested: next, download it when it is ready.',
				failed: 'Your choice could not be saved. You can make it in the settings.',
				steps: ['', ...[1, 2, 3, 4, 5, 6].map((n) => `Step ${n} of 6`)],
			},
		});
	});

	it('badge only: no helper on the export page either, even during a move', async () => {
		await start();
		const settings =
			((await fake.current.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as object | undefined) ?? DEFAULTS;
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...settings, badgeOnly: true}});
		expect(await handlers.helperVisit({url}, tab(url))).toBeNull();
	});

	it('"I have requested my export" ticks the request step of the move this page belongs to', async () => {
		await start();
		expect(await handlers.helperRequested({url}, tab(url))).toEqual({step: 2});
		expect(await handlers.getMoves(null, page)).toEqual({
			available: true,
			moves: [expect.objectContaining({done: ['request'], step: 2})],
		});
	});

	it('a private tab: no helper, and "I have requested my export" from one writes nothing', async () => {
		await start();
		const incognito = {...tab(url), tab: {id: 7, incognito: true} as never};
		expect(await handlers.helperVisit({url}, incognito)).toBeNull();
		await expect(handlers.helperRequested({url}, incognito)).rejects.toThrow('No move in progress is about this page');
		expect(await handlers.getMoves(null, page)).toEqual({
			available: true,
			moves: [expect.objectContaining({done: [], step: 1})],
		});
	});

	it('believes the sender, not the page: a claimed URL on another origin gets nothing', async () => {
		await start();
		expect(await handlers.helperVisit({url}, tab('https://evil.example/'))).toBeNull();
		await expect(handlers.helperRequested({url}, tab('https://evil.example/'))).rejects.toThrow(
			'No move in progress is about this page',
		);
	});

	it('matches export pages by origin and path prefix', () => {
		expect(matchesExportPage(new URL('https://www.amazon.com/photos/all'), 'https://www.amazon.com/photos*')).toBe(
			true,
		);
		expect(matchesExportPage(new URL('https://www.amazon.com/gp/cart'), 'https://www.amazon.com/photos*')).toBe(false);
		expect(matchesExportPage(new URL('https://takeout.google.com.evil.example/'), TAKEOUT)).toBe(false);
	});
});

describe('the banner\'s "Start moving"', () => {
	it('opens the move page for the detected service and the preferred alternative', async () => {
		const sender = tab('https://photos.google.com/');
		await handlers.pageVisit({url: 'https://photos.google.com/'}, sender);
		await handlers.openMove(null, sender);
		expect(fake.current.tabs.created).toEqual([
			'chrome-extension://test-extension-id/move/index.html?service=google-photos&tool=ente-photos',
		]);
	});

	it('refuses a tab where no service is detected', async () => {
		await expect(handlers.openMove(null, tab('https://example.org/'))).rejects.toThrow(
			'No photo service is detected in this tab',
		);
	});
});

describe('erasing the journey or resetting everything ends the moves', () => {
	it.each(['eraseJourney', 'resetAll'] as const)(
		'%s: helpers unregistered, export permissions given back',
		async (type) => {
			await start();
			await handlers.startMove({service: 'flickr', tool: 'photoprism'}, page);
			await fake.current.permissions.request({origins: ['https://www.flickr.com/*']});
			await syncHelpers();
			expect(
				registrations()
					.map((r) => r.id)
					.sort(),
			).toEqual(['export-helper:flickr', 'export-helper:google-photos']);
			await handlers[type](null, page);
			expect(await handlers.getMoves(null, page)).toEqual({available: true, moves: []});
			expect(registrations()).toEqual([]);
			// Takeout's permission goes back; Flickr's host is the banner's own (Firefox grants it at install).
			expect([...fake.current.permissions.origins]).toEqual(['https://www.flickr.com/*']);
		},
	);

	it("ending a move on the banner's own host (Flickr) keeps that host: the banner still needs it", async () => {
		await fake.current.permissions.request({origins: ['https://www.flickr.com/*', TAKEOUT]});
		await handlers.startMove({service: 'flickr', tool: 'photoprism'}, page);
		expect(registrations().map((r) => r.id)).toEqual(['export-helper:flickr']);
		await handlers.endMove({service: 'flickr'}, page);
		expect(registrations()).toEqual([]);
		expect([...fake.current.permissions.origins]).toEqual(['https://www.flickr.com/*']);
	});
});

describe('moves in the export file', () => {
	const fresh = async () => {
		const {resetFakeBrowser} = await import('../../test/fake-browser');
		resetFakeBrowser();
		await closeJourneyDb();
		globalThis.indexedDB = new IDBFactory();
	};

	it('exports the moves in progress; an import elsewhere brings them back, without the helper until allowed', async () => {
		await start();
		await handlers.setMoveStep({service: 'google-photos', step: 'download', done: true}, page);
		const exported = await handlers.exportData(null, page);
		expect(exported.journey?.moves).toEqual([
			{service: 'google-photos', tool: 'ente-photos', started: expect.any(Number) as number, done: ['download']},
		]);
		const file = JSON.stringify(exported);
		const before = await handlers.getMoves(null, page);

		await fresh();
		const parsed = parseBackup(file);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
		await handlers.importData(parsed.backup, page);
		const after = await handlers.getMoves(null, page);
		// The same move, its ticks and its checklist; the browser's permission did not travel in the file.
		expect(after).toEqual(
			before.available ? {available: true, moves: before.moves.map((m) => ({...m, helper: false}))} : before,
		);
		expect(await handlers.getJourney(null, page)).toMatchObject({
			summary: {checklist: [{service: 'google-photos', exported: true, imported: false, deleted: false}]},
		});
		expect(registrations()).toEqual([]);
		// "Allow the helper" on the move page: the permission in the click, then the move started again.
		await start();
		expect((await handlers.getMoves(null, page)).available && registrations()).toHaveLength(1);
		expect(await handlers.getMoves(null, page)).toMatchObject({available: true, moves: [{done: ['download']}]});
	});

	it('a file older than moves leaves the moves in progress as they are', async () => {
		await start();
		const old = makeBackup({...DEFAULTS}, {visits: [], checklist: []}, Date.now());
		await handlers.importData(old, page);
		expect(await handlers.getMoves(null, page)).toMatchObject({available: true, moves: [{service: 'google-photos'}]});
		expect(registrations()).toHaveLength(1);
	});

	it("a file older than moves: the moves kept and the file's checklist agree (a kept move's tick stays ticked)", async () => {
		await start();
		await handlers.setMoveStep({service: 'google-photos', step: 'download', done: true}, page);
		const old = makeBackup(
			{...DEFAULTS},
			{visits: [{service: 'flickr', day: localDay(Date.now())}], checklist: []},
			Date.now(),
		);
		await handlers.importData(old, page);
		expect(await handlers.getMoves(null, page)).toMatchObject({
			available: true,
			moves: [{service: 'google-photos', done: ['download']}],
		});
		const journey = await handlers.getJourney(null, page);
		expect(journey.available && journey.summary.checklist).toContainEqual({
			service: 'google-photos',
			exported: true,
			imported: false,
			deleted: false,
		});
	});

	it('a file with moves replaces them: a move it does not have ends, and its permission goes back', async () => {
		await start();
		const file = makeBackup(
			{...DEFAULTS},
			{
				visits: [],
				checklist: [{service: 'flickr', exported: true, imported: false, deleted: false}],
				moves: [{service: 'flickr', tool: 'photoprism', started: 5, done: ['request']}],
			},
			Date.now(),
		);
		await handlers.importData(file, page);
		expect(await handlers.getMoves(null, page)).toEqual({
			available: true,
			// The checklist's "exported" tick is the move's download step: both agree after the import.
			moves: [
				{service: 'flickr', tool: 'photoprism', started: 5, done: ['request', 'download'], step: 3, helper: false},
			],
		});
		expect(registrations()).toEqual([]);
		expect([...fake.current.permissions.origins]).toEqual([]);
	});

	it('the background refuses a move on a file\'s site that the rules of "Add site" leave out, and nothing changes', async () => {
		await start();
		const before = await handlers.getMoves(null, page);
		const file = makeBackup(
			{...DEFAULTS, customSites: ['nas.local']},
			{visits: [], checklist: [], moves: [{service: 'nas.local', tool: 'ente-photos', started: 1, done: []}]},
			Date.now(),
		);
		await expect(handlers.importData(file, page)).rejects.toThrow(
			'A guided move in the file names a service or an alternative this extension does not know.',
		);
		expect(await handlers.getMoves(null, page)).toEqual(before);
	});

	it('the background refuses a move naming an unknown service or alternative, and nothing changes', async () => {
		await start();
		await handlers.updateSettings({snoozeDays: 3}, page);
		const before = await handlers.getMoves(null, page);
		for (const move of [
			{service: 'myspace', tool: 'ente-photos', started: 1, done: []},
			{service: 'flickr', tool: 'picasa', started: 1, done: []},
		]) {
			const file = makeBackup({...DEFAULTS, snoozeDays: 9}, {visits: [], checklist: [], moves: [move]}, Date.now());
			await expect(handlers.importData(file, page)).rejects.toThrow(
				'A guided move in the file names a service or an alternative this extension does not know.',
			);
		}
		expect(await handlers.getMoves(null, page)).toEqual(before);
		expect((await handlers.getSettings(null, page)).snoozeDays).toBe(3);
	});
});
