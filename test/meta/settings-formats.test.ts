/**
 * Updates lose nothing: a settings document of every format the extension has ever stored
 * (test/fixtures/settings/vN.json, frozen) is upgraded to the current format with every value kept, by
 * the same code the background runs on install and on every read, and by the import of a backup file.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {fake} from '../fake-browser';
import {readSettings} from '../../src/background/store';
import {handlers} from '../../src/background/handlers';
import {
	DEFAULTS,
	fieldSchemas,
	readSettingsStrict,
	repairSettings,
	SETTINGS_KEY,
	SETTINGS_VERSION,
	settingsSchema,
} from '../../src/core/settings';

const DIR = path.resolve(import.meta.dirname, '../fixtures/settings');
const read = (name: string) => JSON.parse(readFileSync(path.join(DIR, name), 'utf8')) as Record<string, unknown>;
const VERSIONS = Array.from({length: SETTINGS_VERSION + 1}, (_, version) => version);
const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options/index.html'};

/** What a document of an older format must become: its own values, and the defaults of the fields it did not have. */
const upgraded = (old: Record<string, unknown>) => ({...DEFAULTS, ...old, version: SETTINGS_VERSION});

describe('the settings fixtures', () => {
	it('there is one per format, v0 to the current version, and nothing else of that name', () => {
		const files = readdirSync(DIR)
			.filter((file) => /^v\d+\.json$/.test(file))
			.sort();
		expect(files).toEqual(VERSIONS.map((version) => `v${version}.json`).sort());
	});

	it('the current format fixture is valid and sets every field to something other than its default', () => {
		const current = read(`v${SETTINGS_VERSION}.json`);
		expect(settingsSchema.safeParse(current).success).toBe(true);
		for (const field of Object.keys(fieldSchemas) as Array<keyof typeof fieldSchemas>)
			expect(current[field], field).not.toEqual(DEFAULTS[field]);
	});

	it('defaults.json is what a new install stores, and corrupted.repaired.json is what corrupted.json repairs to', () => {
		expect(read('defaults.json')).toEqual(DEFAULTS);
		expect(repairSettings(undefined).settings).toEqual(read('defaults.json'));
		expect(repairSettings(read('corrupted.json')).settings).toEqual(read('corrupted.repaired.json'));
	});
});

describe.each(VERSIONS)('a version %i document', (version) => {
	const old = read(`v${version}.json`);
	const {version: _v, ...values} = old;

	beforeEach(async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: structuredClone(old)});
	});

	it('is upgraded with every value kept, nothing reported as repaired', () => {
		expect(repairSettings(structuredClone(old))).toEqual({settings: upgraded(values), repaired: [], newer: false});
	});

	it('is rewritten in the current format by the background, once, and reads the same afterwards', async () => {
		expect(await readSettings()).toEqual(upgraded(values));
		expect(fake.current.storage.local.dump()[SETTINGS_KEY]).toEqual(upgraded(values));
		expect(await handlers.getSettings(null, page)).toEqual(upgraded(values));
	});

	it('keeps its values through a change made after the upgrade', async () => {
		expect(await handlers.updateSettings({theme: 'light'}, page)).toEqual({...upgraded(values), theme: 'light'});
	});

	it(
		version === 0
			? 'is refused inside a backup file (backups were versioned from the start)'
			: 'is accepted inside a backup file, upgraded the same way',
		() => {
			const result = readSettingsStrict(structuredClone(old));
			if (version === 0) expect(result).toEqual({ok: false, newer: false, fields: ['version']});
			else expect(result).toEqual({ok: true, settings: upgraded(values)});
		},
	);
});

describe('upgrade from version 1 to 2', () => {
	it('drops the snoozes that have already ended (and only those)', () => {
		const {settings} = repairSettings({
			...read('v1.json'),
			snoozedUntil: {'google-photos': 4102444800000, flickr: 1000},
		});
		expect(settings.snoozedUntil).toEqual({'google-photos': 4102444800000});
	});
});
