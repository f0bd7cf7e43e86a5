import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {
	DEFAULTS,
	MIGRATIONS,
	SETTINGS_VERSION,
	readSettingsStrict,
	repairSettings,
	settingsPatchSchema,
	settingsSchema,
} from './settings';

describe('repairSettings', () => {
	it('gives the defaults for a new install', () => {
		expect(repairSettings(undefined)).toEqual({settings: DEFAULTS, repaired: [], newer: false});
	});

	it('keeps a valid document as it is', () => {
		const stored = {
			...DEFAULTS,
			bannerEnabled: false,
			snoozeDays: 30,
			hiddenServices: ['flickr'],
			snoozedUntil: {'google-photos': 5},
		};
		expect(repairSettings(stored)).toEqual({settings: stored, repaired: [], newer: false});
	});

	it('keeps every valid field of a corrupted document and repairs the rest', () => {
		const {settings, repaired} = repairSettings({
			version: 1,
			bannerEnabled: 'yes',
			snoozeDays: 14,
			hiddenServices: ['flickr', 7],
			theme: 'dark',
			extra: 1,
		});
		expect(settings).toEqual({...DEFAULTS, snoozeDays: 14, theme: 'dark'});
		expect(repaired.sort()).toEqual(['bannerEnabled', 'hiddenServices']);
	});

	it.each([null, 42, 'settings', [], [DEFAULTS]])(
		'replaces a value that is not a document (%j) by the defaults',
		(value) => {
			expect(repairSettings(value)).toEqual({settings: DEFAULTS, repaired: ['document'], newer: false});
		},
	);

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

	it('treats a value that makes the validator itself throw as invalid (found by the storage fuzzer)', () => {
		const {settings, repaired} = repairSettings({...DEFAULTS, customSites: {length: [Object.create(null)]}});
		expect(settings.customSites).toEqual([]);
		expect(repaired).toEqual(['customSites']);
	});

	it('has one migration per version', () => {
		expect(MIGRATIONS).toHaveLength(SETTINGS_VERSION);
	});

	it('always returns valid settings and never throws, whatever is stored (property)', () => {
		const field = fc.oneof(fc.anything(), fc.boolean(), fc.integer(), fc.constantFrom('both', 'cloud', 'dark', 'auto'));
		const doc = fc.record(
			{
				version: fc.oneof(fc.integer({min: -2, max: 3}), fc.anything()),
				bannerEnabled: field,
				snoozeDays: field,
				hiddenServices: field,
				snoozedUntil: field,
				preference: field,
				theme: field,
			},
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

	it('migrates a version 1 document to the current version: keeps every field, adds the journey switch, custom sites and the language (auto), drops expired snoozes', () => {
		const future = Date.now() + 86_400_000;
		const v1 = {
			version: 1,
			bannerEnabled: false,
			snoozeDays: 30,
			hiddenServices: ['flickr'],
			snoozedUntil: {'google-photos': future, 'icloud-photos': 5},
			preference: 'cloud',
			theme: 'dark',
		};
		const {settings, repaired} = repairSettings(v1);
		expect(repaired).toEqual([]);
		expect(settings).toEqual({
			...v1,
			version: 3,
			snoozedUntil: {'google-photos': future},
			journeyEnabled: true,
			customSites: [],
			badgeOnly: false,
			language: 'auto',
		});
	});

	it('migrates a version 2 document to version 3: keeps every field, the badge-only mode off', () => {
		const {version: _version, ...v2} = {...DEFAULTS, version: 2, bannerEnabled: false, theme: 'dark' as const};
		const {badgeOnly: _badgeOnly, ...old} = v2;
		const {settings, repaired} = repairSettings({...old, version: 2});
		expect(repaired).toEqual([]);
		expect(settings).toEqual({...DEFAULTS, bannerEnabled: false, theme: 'dark', badgeOnly: false});
	});

	it('keeps the valid version 2 fields of a corrupted document and repairs the rest', () => {
		const {settings, repaired} = repairSettings({
			...DEFAULTS,
			journeyEnabled: 'no',
			customSites: ['photos.example.net', '192.168.1.2'],
		});
		expect(settings).toEqual(DEFAULTS);
		expect(repaired.sort()).toEqual(['customSites', 'journeyEnabled']);
		expect(
			repairSettings({...DEFAULTS, journeyEnabled: false, customSites: ['a.example.net', 'photos.example.net']})
				.settings,
		).toMatchObject({
			journeyEnabled: false,
			customSites: ['a.example.net', 'photos.example.net'],
		});
		expect(repairSettings({...DEFAULTS, customSites: ['a.example.net', 'a.example.net']}).repaired).toEqual([
			'customSites',
		]);
	});

	it('never lets a plain patch change the custom sites (they carry permissions)', () => {
		expect(settingsPatchSchema.safeParse({customSites: ['photos.example.net']}).success).toBe(false);
		expect(settingsPatchSchema.safeParse({journeyEnabled: false}).success).toBe(true);
	});
});

describe('readSettingsStrict (imports)', () => {
	it('accepts a current document and migrates an older one', () => {
		expect(readSettingsStrict(DEFAULTS)).toEqual({ok: true, settings: DEFAULTS});
		const v1 = {
			version: 1,
			bannerEnabled: false,
			snoozeDays: 3,
			hiddenServices: [],
			snoozedUntil: {},
			preference: 'both',
			theme: 'auto',
		};
		expect(readSettingsStrict(v1)).toEqual({ok: true, settings: {...DEFAULTS, bannerEnabled: false, snoozeDays: 3}});
	});

	it('names each invalid or unknown field instead of repairing it', () => {
		expect(readSettingsStrict({...DEFAULTS, snoozeDays: 0, theme: 'pink'})).toEqual({
			ok: false,
			newer: false,
			fields: ['snoozeDays', 'theme'],
		});
		expect(readSettingsStrict({...DEFAULTS, extra: 1})).toEqual({ok: false, newer: false, fields: ['extra']});
		const {bannerEnabled: _missing, ...partial} = DEFAULTS;
		expect(readSettingsStrict(partial)).toEqual({ok: false, newer: false, fields: ['bannerEnabled']});
	});

	it('refuses a document from a newer version, or one without a version', () => {
		expect(readSettingsStrict({...DEFAULTS, version: SETTINGS_VERSION + 1})).toEqual({
			ok: false,
			newer: true,
			fields: [],
		});
		expect(readSettingsStrict({bannerEnabled: true})).toEqual({ok: false, newer: false, fields: ['version']});
		expect(readSettingsStrict('settings')).toEqual({ok: false, newer: false, fields: ['settings']});
	});
});
