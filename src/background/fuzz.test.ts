/**
 * Message fuzzing: random and malformed messages to the background from a content-script sender (the
 * one that runs next to an untrusted page). No crash, no change to stored state, every answer a clean
 * error. FUZZ_RUNS sets the count (10,000 by default; `npm run fuzz` runs 100,000).
 */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {fake} from '../../test/fake-browser';
import {handlers} from './handlers';
import {route} from './router';
import {requestSchemas} from '../core/message-map';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const self = {extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id/'};
const contentSender = {id: 'test-extension-id', url: 'https://example.org/page', tab: {id: 5} as never, frameId: 0};
const types = Object.keys(requestSchemas);

const payload = fc.oneof(
	fc.anything({
		withBigInt: true,
		withDate: true,
		withMap: true,
		withSet: true,
		withTypedArray: true,
		withSparseArray: true,
		withNullPrototype: true,
	}),
	fc.record(
		{url: fc.oneof(fc.webUrl({withQueryParameters: true, withFragments: true}), fc.string(), fc.integer())},
		{requiredKeys: []},
	),
	fc.record(
		{action: fc.oneof(fc.constantFrom('snooze', 'hide', 'disable', 'enable', '__proto__'), fc.string())},
		{requiredKeys: []},
	),
	fc.record(
		{
			bannerEnabled: fc.anything(),
			snoozeDays: fc.anything(),
			hiddenServices: fc.anything(),
			preference: fc.anything(),
			version: fc.anything(),
		},
		{requiredKeys: []},
	),
	fc.record({tabId: fc.oneof(fc.integer(), fc.double(), fc.string())}, {requiredKeys: []}),
);
const message = fc.oneof(
	fc.record({type: fc.constantFrom(...types), payload}),
	fc.record({
		type: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')),
		payload,
	}),
	fc.record({type: fc.constantFrom(...types), payload, extra: fc.anything()}),
	fc.anything({withBigInt: true, withNullPrototype: true}),
);

describe('the background under random messages from a content script', () => {
	it(`answers ${RUNS} random messages with clean errors and changes nothing`, async () => {
		await fake.current.storage.local.set({settings: {version: 1, bannerEnabled: true}});
		const local = fake.current.storage.local.dump();
		await fc.assert(
			fc.asyncProperty(message, async (input) => {
				const reply = await route(input, contentSender, handlers, self);
				expect(typeof reply).toBe('object');
				if (reply.ok) {
					// Only the read-only or own-tab messages can succeed from a content script, and on this
					// non-photo page they find nothing.
					expect(['pageVisit', 'pageLeave', 'openComparison', 'openOptions', 'openTurnOff', 'helperVisit']).toContain(
						(input as {type: string}).type,
					);
					expect(reply.value ?? null).toBeNull();
				} else {
					expect(typeof reply.error).toBe('string');
					expect(reply.error.length).toBeGreaterThan(0);
					expect(reply.error.length).toBeLessThan(500);
				}
				expect(fake.current.storage.local.dump()).toEqual(local);
				expect(fake.current.storage.session.dump()).toEqual({});
			}),
			{numRuns: RUNS},
		);
	}, 120_000);
});
