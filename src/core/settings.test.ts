import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {DEFAULTS, MIGRATIONS, SETTINGS_VERSION, repairSettings, settingsSchema} from './settings';

describe('repairSettings', () => {
	it('gives the defaults for a new install', () => {
		expect(repairSettings(undefined)).toEqual({settings: DEFAULTS, repaired: [], newer: false});
	});

	it('keeps a valid document as it is', () => {
		const stored = {...DEFAULTS, bannerEnabled: false, snoozeDays: 30, hiddenServices: ['flickr'], snoozedUntil: {'google-photos': 5}};
		expect(repairSettings(stored)).toEqual({settings: stored, repaired: [], newer: false});
	});

	it('keeps every valid field of a corrupted document and repairs the rest', () => {
		const {settings, repaired} = repairSettings({version: 1, bannerEnabled: 'yes', snoozeDays: 14, hiddenServices: ['flickr', 7], theme: 'dark', extra: 1});
		expect(settings).toEqual({...DEFAULTS, snoozeDays: 14, theme: 'dark'});
		expect(repaired.sort()).toEqual(['bannerEnabled', 'hiddenServices']);
	});

	it.each([null, 42, 'settings', [], [DEFAULTS]])('replaces a value that is not a document (%j) by the defaults', (value) => {
		expect(repairSettings(value)).toEqual({settings: DEFAULTS, repaired: ['document'], newer: false});
	});

	it('migrates an unversioned (version 0) document, keeping its fields', () => {
		const {settings, repaired} = repairSettings({bannerEnabled: false, preference: 'self-hosted'});
		expect(settings).toEqual({...DEFAULTS, bannerEnabled: false, preference: 'self-hosted'});
		expect(repaired).toEqual([]);
	});

	it('keeps the known fields of a document from a newer version and says so', () => {
		const {settings, newer} = repairSettings({version: SETTINGS_VERSION + 1, bannerEnabled: false, futureField: true});
		expect(newer).toBe(true);
		expect(settings.bannerEnabled).toBe(false);
	});

	it('rejects out-of-range snooze lengths', () => {
		expect(repairSettings({version: 1, snoozeDays: 0}).settings.snoozeDays).toBe(DEFAULTS.snoozeDays);
		expect(repairSettings({version: 1, snoozeDays: 366}).settings.snoozeDays).toBe(DEFAULTS.snoozeDays);
		expect(repairSettings({version: 1, snoozeDays: 2.5}).settings.snoozeDays).toBe(DEFAULTS.snoozeDays);
	});

	it('has one migration per version', () => {
		expect(MIGRATIONS).toHaveLength(SETTINGS_VERSION);
	});

	it('always returns valid settings and never throws, whatever is stored (property)', () => {
		const field = fc.oneof(fc.anything(), fc.boolean(), fc.integer(), fc.constantFrom('both', 'cloud', 'dark', 'auto'));
		const doc = fc.record(
			{version: fc.oneof(fc.integer({min: -2, max: 3}), fc.anything()), bannerEnabled: field, snoozeDays: field, hiddenServices: field, snoozedUntil: field, preference: field, theme: field},
			{requiredKeys: []},
		);
		fc.assert(
			fc.property(fc.oneof(doc, fc.anything()), (stored) => {
				const {settings} = repairSettings(stored);
				expect(settingsSchema.safeParse(settings).success).toBe(true);
			}),
			{numRuns: 3000},
		);
	});
});
