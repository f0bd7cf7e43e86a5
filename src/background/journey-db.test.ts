import 'fake-indexeddb/auto';
import {IDBFactory} from 'fake-indexeddb';
import {openDB} from 'idb';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {
	DB_NAME,
	DB_VERSION,
	closeJourneyDb,
	eraseJourney,
	journeyDb,
	journeySummary,
	readJourney,
	recordVisit,
	replaceJourney,
	retentionStart,
	setChecklistStep,
	setMoveStep,
	startMove,
	endMove,
	readMoves,
} from './journey-db';
import {localDay} from '../core/journey';
import {currentStep} from '../core/moves';

const at = (iso: string) => new Date(iso).getTime();

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory(); // a fresh, empty IndexedDB for each test
});
afterEach(async () => {
	await closeJourneyDb();
});

/** The schema exactly as version 1 created it (frozen here: never change this to match the current code). */
async function createVersion1(visits: Array<{service: string; day: string}>) {
	const db = await openDB(DB_NAME, 1, {
		upgrade(database) {
			database.createObjectStore('visits', {keyPath: ['service', 'day']});
		},
	});
	const tx = db.transaction('visits', 'readwrite');
	for (const visit of visits) await tx.store.put(visit);
	await tx.done;
	db.close();
}

describe('schema upgrades', () => {
	it('creates the current schema in an empty browser (from version 0)', async () => {
		const db = await journeyDb();
		expect(db.version).toBe(DB_VERSION);
		expect([...db.objectStoreNames].sort()).toEqual(['checklist', 'moves', 'visits']);
		expect([...db.transaction('visits').store.indexNames]).toEqual(['byDay']);
	});

	it('upgrades a version 1 database, keeping every visit', async () => {
		await createVersion1([
			{service: 'google-photos', day: '2026-11-02'},
			{service: 'flickr', day: '2026-11-03'},
		]);
		const db = await journeyDb();
		expect(db.version).toBe(DB_VERSION);
		expect(await db.getAll('visits')).toEqual([
			{service: 'flickr', day: '2026-11-03'},
			{service: 'google-photos', day: '2026-11-02'},
		]);
		expect(await db.getAllFromIndex('visits', 'byDay', '2026-11-02')).toEqual([
			{service: 'google-photos', day: '2026-11-02'},
		]);
		expect(await db.getAll('checklist')).toEqual([]);
	});

	it('has an upgrade step for every older version', async () => {
		for (let from = 0; from < DB_VERSION; from++) {
			globalThis.indexedDB = new IDBFactory();
			if (from === 1) await createVersion1([]);
			const db = await journeyDb();
			expect(db.version, `from ${from}`).toBe(DB_VERSION);
			await closeJourneyDb();
		}
	});

	it('rejects when IndexedDB cannot be used, and works again once it can', async () => {
		const saved = globalThis.indexedDB;
		(globalThis as {indexedDB?: unknown}).indexedDB = {
			open() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		};
		await expect(recordVisit('flickr', Date.now())).rejects.toThrow();
		await expect(journeySummary(Date.now())).rejects.toThrow();
		globalThis.indexedDB = saved;
		await recordVisit('flickr', at('2026-11-05T10:00:00'));
		expect((await readJourney()).visits).toEqual([{service: 'flickr', day: '2026-11-05'}]);
	});
});

describe('the journey', () => {
	it('keeps one flag per service per day, and counts the days of this month', async () => {
		await recordVisit('google-photos', at('2026-11-02T08:00:00'));
		await recordVisit('google-photos', at('2026-11-02T21:00:00'));
		await recordVisit('google-photos', at('2026-11-09T12:00:00'));
		await recordVisit('flickr', at('2026-11-09T12:00:00'));
		await recordVisit('flickr', at('2026-10-30T12:00:00'));
		const summary = await journeySummary(at('2026-11-20T12:00:00'));
		expect(summary.month).toBe('2026-11');
		expect(summary.visits).toEqual([
			{service: 'google-photos', days: 2},
			{service: 'flickr', days: 1},
		]);
		expect(summary.checklist.map((entry) => entry.service)).toEqual(['flickr', 'google-photos']);
	});

	it('stores nothing but the service and the day', async () => {
		await recordVisit('photos.example.net', at('2026-11-02T08:15:00'));
		expect(await readJourney()).toEqual({visits: [{service: 'photos.example.net', day: '2026-11-02'}], checklist: []});
	});

	it('forgets days before the start of the previous month', async () => {
		expect(retentionStart(at('2026-01-15T12:00:00'))).toBe('2025-12-01');
		await recordVisit('flickr', at('2026-09-30T12:00:00'));
		await recordVisit('flickr', at('2026-10-01T12:00:00'));
		await recordVisit('flickr', at('2026-11-03T12:00:00'));
		expect((await readJourney()).visits.map((visit) => visit.day)).toEqual(['2026-10-01', '2026-11-03']);
	});

	it('ticks and unticks checklist steps per service', async () => {
		await setChecklistStep('google-photos', 'exported', true);
		await setChecklistStep('google-photos', 'deleted', true);
		await setChecklistStep('google-photos', 'deleted', false);
		expect((await journeySummary(Date.now())).checklist).toEqual([
			{service: 'google-photos', exported: true, imported: false, deleted: false},
		]);
	});

	it('replaces and erases it all', async () => {
		await recordVisit('flickr', Date.now());
		await replaceJourney({
			visits: [{service: 'google-photos', day: localDay(Date.now())}],
			checklist: [{service: 'google-photos', exported: true, imported: true, deleted: false}],
		});
		expect(await readJourney()).toEqual({
			visits: [{service: 'google-photos', day: localDay(Date.now())}],
			checklist: [{service: 'google-photos', exported: true, imported: true, deleted: false}],
		});
		await eraseJourney();
		expect(await readJourney()).toEqual({visits: [], checklist: []});
	});

	it('writes a replacement whole or not at all', async () => {
		await recordVisit('flickr', at('2026-11-03T12:00:00'));
		const bad = {
			visits: [
				{service: 'google-photos', day: '2026-11-04'},
				{service: undefined as unknown as string, day: '2026-11-05'},
			],
			checklist: [],
		};
		await expect(replaceJourney(bad)).rejects.toThrow();
		expect((await readJourney()).visits).toEqual([{service: 'flickr', day: '2026-11-03'}]);
	});
});

/** The schema exactly as version 2 created it (frozen here: never change this to match the current code). */
async function createVersion2(checklist: Array<Record<string, unknown>>) {
	const db = await openDB(DB_NAME, 2, {
		upgrade(database) {
			database.createObjectStore('visits', {keyPath: ['service', 'day']}).createIndex('byDay', 'day');
			database.createObjectStore('checklist', {keyPath: 'service'});
		},
	});
	const tx = db.transaction('checklist', 'readwrite');
	for (const entry of checklist) await tx.store.put(entry);
	await tx.done;
	db.close();
}

describe('moves (version 3)', () => {
	it('upgrades a version 2 database: checklist kept, an empty moves store added', async () => {
		await createVersion2([{service: 'flickr', exported: true, imported: false, deleted: false}]);
		const db = await journeyDb();
		expect(DB_VERSION).toBe(3);
		expect([...db.objectStoreNames].sort()).toEqual(['checklist', 'moves', 'visits']);
		expect(await db.getAll('checklist')).toEqual([
			{service: 'flickr', exported: true, imported: false, deleted: false},
		]);
		expect(await readMoves()).toEqual([]);
	});

	it('starting a move counts the steps already ticked in the checklist', async () => {
		await setChecklistStep('google-photos', 'exported', true);
		const move = await startMove('google-photos', 'ente-photos', 1000);
		expect(move).toEqual({service: 'google-photos', tool: 'ente-photos', started: 1000, done: ['download']});
		expect(currentStep(move)).toBe(1);
	});

	it('a move step with a checklist tick sets both, and a checklist tick sets the move step', async () => {
		await startMove('google-photos', 'ente-photos', 1000);
		await setMoveStep('google-photos', 'request', true);
		await setMoveStep('google-photos', 'download', true);
		expect((await readJourney()).checklist).toEqual([
			{service: 'google-photos', exported: true, imported: false, deleted: false},
		]);
		await setChecklistStep('google-photos', 'imported', true);
		await setChecklistStep('google-photos', 'exported', false);
		const [move] = await readMoves();
		expect(move?.done).toEqual(['request', 'import']);
		expect(currentStep(move!)).toBe(2);
	});

	it('a step of a move not started is refused, and changes nothing', async () => {
		await expect(setMoveStep('flickr', 'download', true)).rejects.toThrow('No move from this service is in progress');
		expect((await readJourney()).checklist).toEqual([]);
	});

	it('restarting for another alternative keeps the progress; ending forgets the move, not the checklist', async () => {
		await startMove('flickr', 'ente-photos', 1000);
		await setMoveStep('flickr', 'request', true);
		expect(await startMove('flickr', 'photoprism', 2000)).toEqual({
			service: 'flickr',
			tool: 'photoprism',
			started: 1000,
			done: ['request'],
		});
		await setMoveStep('flickr', 'download', true);
		await endMove('flickr');
		expect(await readMoves()).toEqual([]);
		expect((await readJourney()).checklist).toEqual([
			{service: 'flickr', exported: true, imported: false, deleted: false},
		]);
	});

	it('damaged move records are left out; erase clears the moves too', async () => {
		await startMove('flickr', 'ente-photos', 1000);
		const db = await journeyDb();
		await db.put('moves', {service: 'broken', tool: 'x', started: 'soon', done: []} as never);
		await db.put('moves', {service: 'odd', tool: 'x', started: 5, done: ['fly']} as never);
		expect((await readMoves()).map((m) => m.service)).toEqual(['flickr']);
		await eraseJourney();
		expect(await db.getAll('moves')).toEqual([]);
	});
});
