/**
 * Message fuzzing by sender (fuzz.test.ts covers a content script in a top frame): random messages,
 * well-formed ones included, from every sender the background can hear from. Senders that are not the
 * extension's own pages never get an extension-tier message through, whatever it holds; senders that are
 * not even the extension's content script in a top frame (a subframe, another extension, no tab, no id, a
 * spoofed URL) get nothing through at all. And from the extension's own pages, random and malformed
 * payloads for every message leave a stored settings document that is still valid.
 * FUZZ_RUNS sets the count (10,000 by default; `npm run fuzz` runs 100,000).
 */
import 'fake-indexeddb/auto';
import {IDBFactory} from 'fake-indexeddb';
import fc from 'fast-check';
import {afterEach, describe, expect, it} from 'vitest';
import {fake, resetFakeBrowser} from '../../test/fake-browser';
import {closeJourneyDb} from './journey-db';
import {requestSchemas, senderTiers, type MessageType} from '../core/message-map';
import {DEFAULTS, PREFERENCES, SETTINGS_KEY, THEMES, settingsSchema} from '../core/settings';
import {handlers} from './handlers';
import {route} from './router';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const self = {extensionId: ID, extensionOrigin: ORIGIN};
const types = Object.keys(requestSchemas) as MessageType[];
const extensionTier = types.filter((type) => senderTiers[type] === 'extension');

/** Senders that are not the extension's own pages. `content` is the only one allowed the content tier. */
const strangers = fc.oneof(
	fc.record({
		kind: fc.constant('content'),
		id: fc.constant(ID),
		url: fc.webUrl(),
		tab: fc.record({id: fc.nat()}),
		frameId: fc.constant(0),
	}),
	fc.record({
		kind: fc.constant('subframe'),
		id: fc.constant(ID),
		url: fc.webUrl(),
		tab: fc.record({id: fc.nat()}),
		frameId: fc.integer({min: 1}),
	}),
	fc.record({
		kind: fc.constant('other extension'),
		id: fc.oneof(fc.string(), fc.constant('other-extension-id')),
		url: fc.constantFrom(`${ORIGIN}options/index.html`, 'chrome-extension://other-extension-id/page.html'),
		tab: fc.option(fc.record({id: fc.nat()}), {nil: undefined}),
		frameId: fc.option(fc.nat(), {nil: undefined}),
	}),
	fc.record({kind: fc.constant('no tab'), id: fc.constant(ID), url: fc.webUrl(), frameId: fc.constant(0)}),
	fc.record({
		kind: fc.constant('no id'),
		url: fc.constantFrom(`${ORIGIN}options/index.html`, 'https://photos.google.com/'),
		tab: fc.record({id: fc.nat()}),
		frameId: fc.constant(0),
	}),
	fc.record({
		kind: fc.constant('spoofed url'),
		id: fc.constant(ID),
		url: fc.constantFrom(
			`chrome-extension://${ID}.evil.example/options/index.html`,
			`https://${ID}/options/index.html`,
			`CHROME-EXTENSION://${ID}/`,
			`chrome-extension:/${ID}/`,
			`moz-extension://${ID}/`,
			'',
		),
		tab: fc.record({id: fc.nat()}),
		frameId: fc.integer({min: 1}),
	}),
	fc.record({
		kind: fc.constant('no url'),
		id: fc.constant(ID),
		tab: fc.record({id: fc.nat()}),
		frameId: fc.integer({min: 1}),
	}),
);

/** Payloads that pass the schemas (so only the sender check stands in the way), and malformed ones. */
const settingsPatch = fc.record(
	{
		bannerEnabled: fc.boolean(),
		snoozeDays: fc.integer({min: 1, max: 365}),
		hiddenServices: fc.array(fc.constantFrom('flickr', 'google-photos')),
		preference: fc.constantFrom(...PREFERENCES),
		theme: fc.constantFrom(...THEMES),
		journeyEnabled: fc.boolean(),
	},
	{requiredKeys: []},
);
const wellFormed: Record<MessageType, fc.Arbitrary<unknown>> = {
	pageVisit: fc.record({url: fc.webUrl()}),
	pageLeave: fc.record({url: fc.webUrl()}),
	bannerAction: fc.record({action: fc.constantFrom('snooze', 'hide')}),
	openComparison: fc.constant(null),
	openOptions: fc.constant(null),
	openTurnOff: fc.constant(null),
	getSettings: fc.constant(null),
	updateSettings: settingsPatch,
	showAgain: fc.record({
		list: fc.constantFrom('hidden', 'snoozed'),
		service: fc.constantFrom('flickr', 'google-photos'),
	}),
	getPopupView: fc.record({tabId: fc.option(fc.nat(), {nil: null})}),
	resetAll: fc.constant(null),
	getCustomSites: fc.constant(null),
	addCustomSite: fc.record({site: fc.domain()}),
	removeCustomSite: fc.record({host: fc.domain()}),
	getJourney: fc.constant(null),
	setChecklistStep: fc.record({
		service: fc.constantFrom('flickr', 'google-photos'),
		step: fc.constantFrom('exported', 'imported', 'deleted'),
		done: fc.boolean(),
	}),
	eraseJourney: fc.constant(null),
	exportData: fc.constant(null),
	importData: fc.record({
		format: fc.constant('photo-privacy-advisor'),
		version: fc.constant(1),
		exportedAt: fc.constant('2026-11-27T10:00:00.000Z'),
		settings: fc.constant({...DEFAULTS, bannerEnabled: false}),
		journey: fc.constant(null),
	}),
	getMoves: fc.constant(null),
	startMove: fc.record({
		service: fc.constantFrom('flickr', 'google-photos'),
		tool: fc.constantFrom('ente-photos', 'photoprism'),
	}),
	setMoveStep: fc.record({
		service: fc.constantFrom('flickr', 'google-photos'),
		step: fc.constantFrom('request', 'download', 'prepare', 'import', 'check', 'delete'),
		done: fc.boolean(),
	}),
	endMove: fc.record({service: fc.constantFrom('flickr', 'google-photos')}),
	openMove: fc.constant(null),
	helperVisit: fc.record({url: fc.webUrl()}),
	helperRequested: fc.record({url: fc.webUrl()}),
};
const message = (only: readonly MessageType[]) =>
	fc.constantFrom(...only).chain((type) =>
		fc.record({
			type: fc.constant(type),
			payload: fc.oneof({weight: 3, arbitrary: wellFormed[type]}, {weight: 1, arbitrary: fc.anything()}),
		}),
	);

afterEach(async () => {
	await closeJourneyDb();
});

describe('the background under messages from every kind of sender', () => {
	it(`refuses ${RUNS} extension-tier messages from senders that are not its pages, changing nothing`, async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS}});
		const before = fake.current.storage.local.dump();
		await fc.assert(
			fc.asyncProperty(strangers, message(extensionTier), async ({kind: _kind, ...sender}, input) => {
				const reply = await route(input, sender as never, handlers, self);
				expect(reply).toEqual({ok: false, error: `"${input.type}" is not accepted from this sender`});
				expect(fake.current.storage.local.dump()).toEqual(before);
				expect(fake.current.tabs.created).toEqual([]);
			}),
			{numRuns: RUNS},
		);
	}, 120_000);

	it(`refuses ${RUNS} messages of any type from a subframe, another extension, no tab, no id or a spoofed URL`, async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS}});
		const before = fake.current.storage.local.dump();
		const notContentScripts = strangers.filter((sender) => sender.kind !== 'content');
		await fc.assert(
			fc.asyncProperty(notContentScripts, message(types), async ({kind: _kind, ...sender}, input) => {
				const reply = await route(input, sender as never, handlers, self);
				expect(reply).toEqual({ok: false, error: `"${input.type}" is not accepted from this sender`});
				expect(fake.current.storage.local.dump()).toEqual(before);
				expect(fake.current.storage.session.dump()).toEqual({});
				expect(fake.current.tabs.created).toEqual([]);
			}),
			{numRuns: RUNS},
		);
	}, 120_000);

	const PAGE_RUNS = Math.max(200, Math.round(RUNS / 5));
	it(`answers ${PAGE_RUNS} random and malformed messages from its own pages with a Reply, and the stored settings stay valid`, async () => {
		const page = {id: ID, url: `${ORIGIN}options/index.html`};
		await fc.assert(
			fc.asyncProperty(fc.array(message(types), {minLength: 1, maxLength: 4}), async (inputs) => {
				resetFakeBrowser();
				await closeJourneyDb();
				globalThis.indexedDB = new IDBFactory();
				for (const input of inputs) {
					const reply = await route(input, page, handlers, self);
					expect(reply.ok === true || (typeof reply.error === 'string' && reply.error.length > 0)).toBe(true);
					const stored = fake.current.storage.local.dump()[SETTINGS_KEY];
					if (stored !== undefined) expect(settingsSchema.safeParse(stored).success, JSON.stringify(stored)).toBe(true);
				}
			}),
			{numRuns: PAGE_RUNS},
		);
	}, 120_000);
});
