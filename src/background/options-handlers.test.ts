/** The messages behind the options page: custom sites, the journey, export/import and reset. */
import 'fake-indexeddb/auto';
import {IDBFactory} from 'fake-indexeddb';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Runtime} from '../core/browser';
import {makeBackup, parseBackup} from '../core/backup';
import {closeJourneyDb, readJourney} from './journey-db';
import {localDay} from '../core/journey';
import {DEFAULTS, SETTINGS_KEY, type Settings} from '../core/settings';
import {fake} from '../../test/fake-browser';
import {syncCustomSites} from './custom-sites';
import {handlers} from './handlers';

const page: Runtime.MessageSender = {
	id: 'test-extension-id',
	url: 'chrome-extension://test-extension-id/options/index.html',
};
const tab = (url: string, id = 7): Runtime.MessageSender => ({
	id: 'test-extension-id',
	url,
	tab: {id} as never,
	frameId: 0,
});
const stored = () => fake.current.storage.local.dump()[SETTINGS_KEY] as Settings;
const registrations = () => [...fake.current.scripting.registered.values()];
const HOST = 'photos.example.net';
const ORIGIN = 'https://photos.example.net/*';

/** What the options page does on "Add site": the permission in the click, then the message. */
async function addSite(site = HOST, typed = site) {
	await fake.current.permissions.request({origins: [`https://${site}/*`]});
	return handlers.addCustomSite({site: typed}, page);
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
	await closeJourneyDb();
});

describe('custom sites', () => {
	it('adds a site: stored, registered on that one host, reported as granted', async () => {
		expect(await addSite(HOST, 'https://Photos.Example.NET/u/0')).toEqual([{host: HOST, granted: true}]);
		expect(stored().customSites).toEqual([HOST]);
		expect(registrations()).toEqual([
			{
				id: `custom-site:${HOST}`,
				matches: [ORIGIN],
				js: ['content.js'],
				runAt: 'document_idle',
				persistAcrossSessions: true,
			},
		]);
	});

	it('refuses what the options page would refuse, changing nothing', async () => {
		await expect(handlers.addCustomSite({site: 'photos.google.com'}, page)).rejects.toThrow(
			'This site is already recognised: it is Google Photos.',
		);
		await expect(handlers.addCustomSite({site: '192.168.0.3'}, page)).rejects.toThrow(/IP addresses cannot be added/);
		expect((fake.current.storage.local.dump()[SETTINGS_KEY] as Settings | undefined)?.customSites ?? []).toEqual([]);
		expect(registrations()).toEqual([]);
	});

	it('keeps a site whose permission is missing listed but unregistered', async () => {
		fake.current.permissions.grantOnRequest = false;
		expect(await addSite()).toEqual([{host: HOST, granted: false}]);
		expect(registrations()).toEqual([]);
	});

	it('removes a site: unregistered, permission given back, its hide and snooze forgotten', async () => {
		await addSite();
		await addSite('a.example.org');
		await handlers.updateSettings({hiddenServices: [HOST, 'flickr'], snoozedUntil: {[HOST]: Date.now() + 1000}}, page);
		expect(await handlers.removeCustomSite({host: HOST}, page)).toEqual([{host: 'a.example.org', granted: true}]);
		expect(stored()).toMatchObject({customSites: ['a.example.org'], hiddenServices: ['flickr'], snoozedUntil: {}});
		expect(registrations().map((script) => script.id)).toEqual(['custom-site:a.example.org']);
		expect([...fake.current.permissions.origins]).toEqual(['https://a.example.org/*']);
	});

	it("an origin the browser will not give back (Chromium's refusal of a required one) stays; the others go", async () => {
		await addSite();
		await addSite('a.example.org');
		const {permissions} = fake.current;
		const remove = permissions.remove.bind(permissions);
		permissions.remove = async (request) => {
			if (request.origins?.includes(ORIGIN)) throw new Error('You cannot remove required permissions.');
			return remove(request);
		};
		await handlers.resetAll(null, page);
		expect(stored().customSites).toEqual([]);
		expect(registrations()).toEqual([]);
		expect([...permissions.origins]).toEqual([ORIGIN]);
	});

	it('on start, drops the registration of a revoked permission and makes missing ones again', async () => {
		await addSite();
		await addSite('a.example.org');
		fake.current.permissions.origins.delete(ORIGIN); // revoked in the browser's UI while stopped
		fake.current.scripting.registered.delete('custom-site:a.example.org'); // lost (e.g. not persisted)
		fake.current.scripting.registered.set('custom-site:gone.example.net', {
			id: 'custom-site:gone.example.net',
			matches: ['https://gone.example.net/*'],
			js: ['content.js'],
		});
		expect(await syncCustomSites()).toEqual([
			{host: 'a.example.org', granted: true},
			{host: HOST, granted: false},
		]);
		expect(registrations().map((script) => script.id)).toEqual(['custom-site:a.example.org']);
	});

	it('re-registers a registration made by an older version with other files', async () => {
		await addSite();
		fake.current.scripting.registered.set(`custom-site:${HOST}`, {
			id: `custom-site:${HOST}`,
			matches: [ORIGIN],
			js: ['old-content.js'],
		});
		await syncCustomSites();
		expect(registrations()[0]?.js).toEqual(['content.js']);
	});

	it('treats a custom site like a catalogued service on pageVisit, named by its host', async () => {
		await addSite();
		const model = await handlers.pageVisit({url: `https://${HOST}/albums`}, tab(`https://${HOST}/albums`));
		expect(model).toMatchObject({
			serviceId: HOST,
			texts: {heading: `${HOST} may be able to see your photos`},
			concern:
				'You marked this site as a cloud photo service. Unless it encrypts your photos end to end, it can see them.',
		});
		expect(await fake.current.action.getBadgeText({tabId: 7})).toBe('!');
		// Hiding it works like for any service.
		await handlers.bannerAction({action: 'hide'}, tab(`https://${HOST}/albums`));
		expect(stored().hiddenServices).toEqual([HOST]);
		expect(await handlers.pageVisit({url: `https://${HOST}/`}, tab(`https://${HOST}/`))).toBeNull();
	});

	it('answers nothing for a host that is not in the list', async () => {
		expect(await handlers.pageVisit({url: 'https://other.example.net/'}, tab('https://other.example.net/'))).toBeNull();
		expect(await fake.current.action.getBadgeText({tabId: 7})).toBe('');
	});
});

describe('the journey through messages', () => {
	it('records a day per detected service (catalogued or custom), never the URL', async () => {
		await addSite();
		await handlers.pageVisit(
			{url: 'https://photos.google.com/photo/AF1Qxyz'},
			tab('https://photos.google.com/photo/AF1Qxyz'),
		);
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/'));
		await handlers.pageVisit({url: `https://${HOST}/`}, tab(`https://${HOST}/`));
		await handlers.pageVisit({url: 'https://www.example.com/'}, tab('https://www.example.com/'));
		const today = localDay(Date.now());
		expect((await readJourney()).visits).toEqual([
			{service: 'google-photos', day: today},
			{service: HOST, day: today},
		]);
		const state = await handlers.getJourney(null, page);
		expect(state.available && state.summary.visits).toEqual([
			{service: 'google-photos', days: 1},
			{service: HOST, days: 1},
		]);
	});

	it('records nothing from a private window', async () => {
		const sender = {...tab('https://photos.google.com/'), tab: {id: 7, incognito: true} as never};
		expect(await handlers.pageVisit({url: 'https://photos.google.com/'}, sender)).toMatchObject({
			serviceId: 'google-photos',
		});
		expect((await readJourney()).visits).toEqual([]);
	});

	it('records nothing when the switch is off', async () => {
		await handlers.updateSettings({journeyEnabled: false}, page);
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/'));
		expect((await readJourney()).visits).toEqual([]);
	});

	it('ticks the checklist and erases everything', async () => {
		const ticked = await handlers.setChecklistStep({service: 'google-photos', step: 'exported', done: true}, page);
		expect(ticked.available && ticked.summary.checklist).toEqual([
			{service: 'google-photos', exported: true, imported: false, deleted: false},
		]);
		expect(await handlers.eraseJourney(null, page)).toMatchObject({
			available: true,
			summary: {visits: [], checklist: []},
		});
	});

	it('shows the journey as unavailable when IndexedDB cannot open, and the banner still works', async () => {
		(globalThis as {indexedDB?: unknown}).indexedDB = undefined;
		expect(await handlers.getJourney(null, page)).toEqual({available: false});
		expect(
			await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/')),
		).toMatchObject({serviceId: 'google-photos'});
		expect((await handlers.exportData(null, page)).journey).toBeNull();
	});
});

describe('export, import and reset', () => {
	async function someState() {
		await addSite();
		await handlers.updateSettings(
			{snoozeDays: 12, theme: 'dark', hiddenServices: ['flickr'], journeyEnabled: true},
			page,
		);
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/'));
		await handlers.setChecklistStep({service: 'google-photos', step: 'imported', done: true}, page);
	}

	it('exports settings and journey, and an import elsewhere gives the same state', async () => {
		await someState();
		const file = JSON.stringify(await handlers.exportData(null, page));
		const before = {settings: stored(), journey: await readJourney()};

		// A fresh profile: empty storage, empty IndexedDB, no permissions.
		const {resetFakeBrowser} = await import('../../test/fake-browser');
		resetFakeBrowser();
		await closeJourneyDb();
		globalThis.indexedDB = new IDBFactory();

		const parsed = parseBackup(file);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
		await handlers.importData(parsed.backup, page);
		expect(stored()).toEqual(before.settings);
		expect(await readJourney()).toEqual(before.journey);
		// The custom site came back without its permission: listed, not registered, until the person allows it.
		expect(await handlers.getCustomSites(null, page)).toEqual([{host: HOST, granted: false}]);
		expect(registrations()).toEqual([]);
		await fake.current.permissions.request({origins: [ORIGIN]});
		expect(await handlers.getCustomSites(null, page)).toEqual([{host: HOST, granted: true}]);
		expect(registrations()).toHaveLength(1);
	});

	it('an import gives back the permissions of custom sites it drops', async () => {
		await someState();
		await handlers.importData(makeBackup({...DEFAULTS}, {visits: [], checklist: []}, Date.now()), page);
		expect(stored().customSites).toEqual([]);
		expect([...fake.current.permissions.origins]).toEqual([]);
		expect(registrations()).toEqual([]);
		expect(await readJourney()).toEqual({visits: [], checklist: []});
	});

	it('an import that cannot write the journey changes nothing', async () => {
		await someState();
		const settingsBefore = stored();
		await closeJourneyDb();
		(globalThis as {indexedDB?: unknown}).indexedDB = undefined;
		const backup = makeBackup(
			{...DEFAULTS, snoozeDays: 99},
			{visits: [{service: 'flickr', day: '2026-11-01'}], checklist: []},
			Date.now(),
		);
		await expect(handlers.importData(backup, page)).rejects.toThrow('your journey cannot be stored in this browser.');
		expect(stored()).toEqual(settingsBefore);
		expect(registrations()).toHaveLength(1);
	});

	it('resets everything: defaults, no custom site nor permission, an empty journey', async () => {
		await someState();
		expect(await handlers.resetAll(null, page)).toEqual(DEFAULTS);
		expect(stored()).toEqual(DEFAULTS);
		expect([...fake.current.permissions.origins]).toEqual([]);
		expect(registrations()).toEqual([]);
		expect(await readJourney()).toEqual({visits: [], checklist: []});
	});
});

describe('leaving no trace in the journey', () => {
	const day = 86_400_000;
	const old = localDay(Date.now() - 120 * day);
	const today = localDay(Date.now());
	const file = () =>
		makeBackup(
			{...DEFAULTS},
			{
				visits: [
					{service: 'google-photos', day: old},
					{service: 'google-photos', day: today},
				],
				checklist: [],
			},
			Date.now(),
		);

	it('prunes days older than the retention on import', async () => {
		await handlers.importData(file(), page);
		expect((await readJourney()).visits).toEqual([{service: 'google-photos', day: today}]);
	});

	it('prunes on read (journey shown, exported), not only when a visit is recorded', async () => {
		const {replaceJourney} = await import('./journey-db');
		await replaceJourney(file().journey!);
		await handlers.getJourney(null, page);
		expect((await readJourney()).visits).toEqual([{service: 'google-photos', day: today}]);
		await replaceJourney(file().journey!);
		const exported = await handlers.exportData(null, page);
		expect(exported.journey?.visits).toEqual([{service: 'google-photos', day: today}]);
	});

	it('removing a custom site erases its days and checklist, and nothing else', async () => {
		await addSite();
		const {replaceJourney} = await import('./journey-db');
		await replaceJourney({
			visits: [
				{service: HOST, day: today},
				{service: 'google-photos', day: today},
			],
			checklist: [{service: HOST, exported: true, imported: false, deleted: false}],
		});
		await handlers.removeCustomSite({host: HOST}, page);
		expect(await readJourney()).toEqual({visits: [{service: 'google-photos', day: today}], checklist: []});
	});

	it('an import runs its custom sites through the rules of "Add site" again, in the background too', async () => {
		const backup = makeBackup(
			{...DEFAULTS, customSites: ['mail.google.com', 'nas.local', 'photos.google.com', HOST]},
			null,
			Date.now(),
		);
		await handlers.importData(backup, page);
		expect(stored().customSites).toEqual([HOST]);
	});
});
