/**
 * Stored-data fuzzing: random corruptions of what the extension keeps (the settings document in
 * storage.local, the per-tab state in storage.session, the journey database in IndexedDB). The extension
 * starts, keeps every valid part, repairs or sets aside the rest, and goes on working.
 * FUZZ_RUNS scales the counts (10,000 by default; `npm run fuzz` runs 100,000).
 */
import 'fake-indexeddb/auto';
import {IDBFactory} from 'fake-indexeddb';
import fc from 'fast-check';
import {openDB} from 'idb';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {fake, resetFakeBrowser} from '../../test/fake-browser';
import {parseBackup} from '../core/backup';
import {closeJourneyDb, DB_NAME, DB_VERSION} from './journey-db';
import {
	DEFAULTS,
	fieldSchemas,
	MAX_SNOOZE_DAYS,
	PREFERENCES,
	repairSettings,
	SETTINGS_KEY,
	SETTINGS_VERSION,
	settingsSchema,
	LANGUAGE_SETTINGS,
	THEMES,
	type Settings,
} from '../core/settings';
import {handlers} from './handlers';
import {route} from './router';

/** The failures the background handled and logged (a no-op in tests otherwise): a fallback is not a clean answer. */
const failures = vi.hoisted(() => [] as string[]);
vi.mock('./log', () => ({
	logFailure: (what: string) => void failures.push(what),
	logged: (what: string) => () => void failures.push(what),
}));

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const ID = 'test-extension-id';
const self = {extensionId: ID, extensionOrigin: `chrome-extension://${ID}/`};
const page = {id: ID, url: `chrome-extension://${ID}/options/index.html`};
const photosTab = {id: ID, url: 'https://photos.google.com/', tab: {id: 4} as never, frameId: 0};
const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/settings');
const fixture = (name: string) =>
	JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
type Field = keyof typeof fieldSchemas;
const FIELDS = Object.keys(fieldSchemas) as Field[];

const future = fc.integer({min: Date.now() + 86_400_000, max: 4_102_444_800_000});
const serviceKey = fc.constantFrom('flickr', 'google-photos', 'icloud-photos', 'photos.example.net');
/** Any valid current document. */
const validSettings: fc.Arbitrary<Settings> = fc.record({
	version: fc.constant(SETTINGS_VERSION),
	bannerEnabled: fc.boolean(),
	snoozeDays: fc.integer({min: 1, max: MAX_SNOOZE_DAYS}),
	hiddenServices: fc.uniqueArray(serviceKey),
	snoozedUntil: fc.dictionary(serviceKey, future),
	preference: fc.constantFrom(...PREFERENCES),
	theme: fc.constantFrom(...THEMES),
	language: fc.constantFrom(...LANGUAGE_SETTINGS),
	journeyEnabled: fc.boolean(),
	badgeOnly: fc.boolean(),
	customSites: fc
		.uniqueArray(fc.constantFrom('photos.example.net', 'a.example.org', 'pics.example.com'))
		.map((hosts) => hosts.sort()),
});
/** What can happen to one stored field: kept, lost, or replaced by something of the wrong shape. */
const damage = fc.oneof(
	{weight: 3, arbitrary: fc.constant({kind: 'keep' as const})},
	{weight: 1, arbitrary: fc.constant({kind: 'delete' as const})},
	{
		weight: 2,
		arbitrary: fc
			.anything({withBigInt: false, withNullPrototype: true, withDate: true, withSparseArray: true})
			.map((value) => ({kind: 'replace' as const, value})),
	},
	{
		weight: 1,
		arbitrary: fc
			.constantFrom<unknown>(
				null,
				'',
				'true',
				'7',
				0,
				-1,
				1.5,
				366,
				Number.NaN,
				[],
				{},
				['flickr', 42],
				{'BAD KEY': 1},
				{flickr: -5},
				['UPPER.example.com'],
				['a.example.org', 'a.example.org'],
			)
			.map((value) => ({kind: 'replace' as const, value})),
	},
);
const damageVersion = fc.oneof(
	{weight: 3, arbitrary: fc.constant({kind: 'keep' as const})},
	// (null is not here: a null version reads as no version, an unversioned document; see the test below.)
	{
		weight: 1,
		arbitrary: fc
			.constantFrom<unknown>('2', -1, 1.5, Number.NaN, true, {}, [2])
			.map((value) => ({kind: 'replace' as const, value})),
	},
);
const corrupted = fc.record({
	doc: validSettings,
	fields: fc.record(Object.fromEntries(FIELDS.map((field) => [field, damage])) as Record<Field, typeof damage>),
	version: damageVersion,
	extra: fc.dictionary(
		fc.string().filter((key) => !FIELDS.includes(key as Field) && key !== 'version' && key !== '__proto__'),
		fc.anything(),
	),
});
function apply({
	doc,
	fields,
	version,
	extra,
}: {
	doc: Settings;
	fields: Record<Field, {kind: string; value?: unknown}>;
	version: {kind: string; value?: unknown};
	extra: Record<string, unknown>;
}) {
	const stored: Record<string, unknown> = {...extra, ...structuredClone(doc)};
	for (const field of FIELDS) {
		const change = fields[field];
		if (change.kind === 'delete') delete stored[field];
		else if (change.kind === 'replace') stored[field] = change.value;
	}
	if (version.kind === 'replace') stored['version'] = version.value;
	return stored;
}

/**
 * The expectation's own parse, as the code under test parses: zod's safeParse can throw on values no JSON
 * produces (an object whose `length` cannot become a number), and such a value is invalid (see
 * safeParseNeverThrowing in core/settings.ts). Without this, a rare random value failed the test itself.
 */
function safeParseOrInvalid(
	schema: {safeParse: (value: unknown) => {success: boolean; data?: unknown}},
	value: unknown,
): {success: boolean; data?: unknown} {
	try {
		return schema.safeParse(value);
	} catch {
		return {success: false};
	}
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
	await closeJourneyDb();
});

describe('a corrupted settings document', () => {
	it(`keeps every intact field and repairs exactly the damaged ones (${RUNS} corruptions)`, () => {
		fc.assert(
			fc.property(corrupted, (input) => {
				const stored = apply(input);
				const {settings, repaired, newer} = repairSettings(stored);
				expect(newer).toBe(false);
				expect(settingsSchema.safeParse(settings).success).toBe(true);
				const expectedRepairs: string[] = input.version.kind === 'replace' ? ['version'] : [];
				for (const field of FIELDS) {
					const change = input.fields[field];
					if (change.kind === 'keep') {
						expect(settings[field], field).toEqual(input.doc[field]); // nothing valid is ever lost
						continue;
					}
					if (change.kind === 'delete') {
						expect(settings[field], field).toEqual(DEFAULTS[field]);
						continue;
					}
					const parsed = safeParseOrInvalid(fieldSchemas[field], change.value);
					if (parsed.success) {
						expect(settings[field], field).toEqual(parsed.data); // a damaged value that happens to be valid is a value
					} else {
						expect(settings[field], field).toEqual(DEFAULTS[field]);
						expectedRepairs.push(field);
					}
				}
				expect(repaired.sort()).toEqual(expectedRepairs.sort());
				// Repairing is stable: the repaired document reads back as it is.
				expect(repairSettings(structuredClone(settings))).toEqual({settings, repaired: [], newer: false});
			}),
			{numRuns: RUNS, seed: -1628451545},
		);
	}, 120_000);

	it('reads a null version as no version (an unversioned document), keeping its fields', () => {
		expect(repairSettings({...fixture('v1.json'), version: null}).settings).toEqual({
			...DEFAULTS,
			...fixture('v1.json'),
			version: SETTINGS_VERSION,
		});
	});

	const BACKGROUND_RUNS = Math.max(200, Math.round(RUNS / 5));
	it(`the background answers getSettings and the photo page with any stored value, and what is stored reads back as its answer (${BACKGROUND_RUNS} runs)`, async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(corrupted.map(apply), fc.anything({withNullPrototype: true, withDate: true})),
				async (stored) => {
					resetFakeBrowser();
					await fake.current.storage.local.set({[SETTINGS_KEY]: stored});
					const reply = await route({type: 'getSettings', payload: null}, page, handlers, self);
					expect(reply.ok).toBe(true);
					const settings = (reply as {value: Settings}).value;
					expect(settingsSchema.safeParse(settings).success).toBe(true);
					// Whatever is stored now (written back repaired, or left as it was when only missing fields were
					// filled in) reads back as these settings.
					expect(repairSettings(fake.current.storage.local.dump()[SETTINGS_KEY]).settings).toEqual(settings);
					const visit = await route(
						{type: 'pageVisit', payload: {url: 'https://photos.google.com/'}},
						photosTab,
						handlers,
						self,
					);
					expect(visit.ok).toBe(true);
					expect(await fake.current.action.getBadgeText({tabId: 4})).toBe('!');
				},
			),
			{numRuns: BACKGROUND_RUNS},
		);
	}, 120_000);
});

describe('the background module starts on a corrupted document', {timeout: 30_000}, () => {
	beforeEach(() => {
		vi.resetModules();
	});

	/** Loads src/background/index.ts afresh (it registers its listeners at the top level), then installs it. */
	async function start() {
		await import('./index');
		for (const listener of fake.current.runtime.onInstalled.list) listener({reason: 'update'});
		const {onMessage} = fake.current.runtime;
		if (onMessage.list.length !== 1) throw new Error('The background registered no message listener, or several');
		return (message: unknown, sender: unknown) => onMessage.deliver(message, sender);
	}

	it('loads, repairs the document on install, and answers getSettings with what was valid kept', async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: fixture('corrupted.json')});
		const send = await start();
		expect(await send({type: 'getSettings', payload: null}, page)).toEqual({
			ok: true,
			value: fixture('corrupted.repaired.json'),
		});
		expect(fake.current.storage.local.dump()[SETTINGS_KEY]).toEqual(fixture('corrupted.repaired.json'));
	});

	it.each([
		['a string', 'settings'],
		['a number', 42],
		['null', null],
		['an array', [DEFAULTS]],
		['a bad version', {version: 'two', theme: 'dark'}],
	])('loads and answers getSettings with the defaults when the stored document is %s', async (_what, value) => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: value});
		const send = await start();
		const expected = _what === 'a bad version' ? {...DEFAULTS, theme: 'dark'} : DEFAULTS;
		expect(await send({type: 'getSettings', payload: null}, page)).toEqual({ok: true, value: expected});
	});
});

describe('a corrupted per-tab state (storage.session)', () => {
	it(`the popup's getPopupView and the content script's messages answer cleanly whatever the stored tab state (${Math.round(RUNS / 10)} runs)`, async () => {
		await fc.assert(
			fc.asyncProperty(fc.anything({withNullPrototype: true}), async (value) => {
				resetFakeBrowser();
				await fake.current.storage.session.set({'tab:4': value});
				await fake.current.action.setBadgeText({tabId: 4, text: '!'});
				failures.length = 0;
				const state = await route({type: 'getPopupView', payload: {tabId: 4}}, page, handlers, self);
				expect(state.ok).toBe(true);
				expect(failures).toEqual([]); // answered, not fallen back
				const serviceId = (state as {value: {serviceId: unknown}}).value.serviceId;
				expect(serviceId === null || typeof serviceId === 'string').toBe(true);
				const action = await route({type: 'bannerAction', payload: {action: 'snooze'}}, photosTab, handlers, self);
				expect(typeof action.ok).toBe('boolean');
				const stored = fake.current.storage.local.dump()[SETTINGS_KEY];
				if (stored !== undefined) expect(settingsSchema.safeParse(stored).success).toBe(true);
			}),
			{numRuns: Math.round(RUNS / 10)},
		);
	}, 120_000);
});

describe('a corrupted journey database (IndexedDB)', () => {
	const day = fc.oneof(
		fc
			.date({min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true})
			.map((d) => d.toISOString().slice(0, 10)),
		fc.constantFrom('', '2026-13-01', 'yesterday', '2026-11-02T10:00'),
	);
	const badRecordField = fc.oneof(
		fc.constant(undefined),
		fc.integer(),
		fc.boolean(),
		fc.constant(null),
		fc.string(),
		fc.array(fc.integer(), {maxLength: 2}),
	);
	/** Records as the stores accept them (their keys must be valid IndexedDB keys), shapes not checked. */
	const visit = fc.record(
		{
			service: fc.oneof(serviceKey, fc.string({minLength: 1}), fc.integer()),
			day: fc.oneof(day, fc.integer()),
			extra: badRecordField,
		},
		{requiredKeys: ['service', 'day']},
	);
	const tick = fc.record(
		{
			service: fc.oneof(serviceKey, fc.string({minLength: 1})),
			exported: badRecordField,
			imported: badRecordField,
			deleted: badRecordField,
			note: badRecordField,
		},
		{requiredKeys: ['service']},
	);
	const JOURNEY_RUNS = Math.max(100, Math.round(RUNS / 20));

	async function seed(visits: unknown[], ticks: unknown[]) {
		const db = await openDB(DB_NAME, DB_VERSION, {
			upgrade(database) {
				database.createObjectStore('visits', {keyPath: ['service', 'day']}).createIndex('byDay', 'day');
				database.createObjectStore('checklist', {keyPath: 'service'});
			},
		});
		const tx = db.transaction(['visits', 'checklist'], 'readwrite');
		for (const record of visits) await tx.objectStore('visits').put(record);
		for (const record of ticks) await tx.objectStore('checklist').put(record);
		await tx.done;
		db.close();
	}

	it(`with damaged records: the banner, the options' journey and the export still work, and an export always imports again (${JOURNEY_RUNS} runs)`, async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(visit, {maxLength: 8}), fc.array(tick, {maxLength: 4}), async (visits, ticks) => {
				resetFakeBrowser();
				await closeJourneyDb();
				globalThis.indexedDB = new IDBFactory();
				await seed(visits, ticks);
				const banner = await route(
					{type: 'pageVisit', payload: {url: 'https://photos.google.com/'}},
					photosTab,
					handlers,
					self,
				);
				expect(banner).toMatchObject({ok: true, value: {serviceId: 'google-photos'}});
				const journey = await route({type: 'getJourney', payload: null}, page, handlers, self);
				expect(journey.ok).toBe(true);
				const exported = await route({type: 'exportData', payload: null}, page, handlers, self);
				expect(exported.ok).toBe(true);
				// The person's own export must be a file the extension accepts again.
				const parsed = parseBackup(JSON.stringify((exported as {value: unknown}).value));
				expect(parsed, JSON.stringify(parsed)).toMatchObject({ok: true});
			}),
			{numRuns: JOURNEY_RUNS},
		);
	}, 120_000);

	it.each([
		['from a newer version of the extension', async () => void (await openDB(DB_NAME, DB_VERSION + 3)).close()],
		[
			'at the current version but without its stores',
			async () =>
				void (await openDB(DB_NAME, DB_VERSION, {upgrade: (db) => void db.createObjectStore('junk')})).close(),
		],
	])(
		'a database %s: the banner and the settings still work, the journey says it is unavailable',
		async (_what, make) => {
			await make();
			expect(
				await route({type: 'pageVisit', payload: {url: 'https://photos.google.com/'}}, photosTab, handlers, self),
			).toMatchObject({ok: true, value: {serviceId: 'google-photos'}});
			expect(await route({type: 'getJourney', payload: null}, page, handlers, self)).toEqual({
				ok: true,
				value: {available: false},
			});
			expect(await route({type: 'getSettings', payload: null}, page, handlers, self)).toEqual({
				ok: true,
				value: DEFAULTS,
			});
			const exported = await route({type: 'exportData', payload: null}, page, handlers, self);
			expect(exported).toMatchObject({ok: true, value: {journey: null}});
			expect(parseBackup(JSON.stringify((exported as {value: unknown}).value))).toMatchObject({ok: true});
		},
	);
});
