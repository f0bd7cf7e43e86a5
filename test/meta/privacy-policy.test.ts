/**
 * PRIVACY.md against the code: every key the code keeps in storage.local and storage.session (with the fields
 * of what it writes there), the settings' fields (src/core/settings.ts), the journey database's name,
 * version, object stores and record fields (src/background/journey-db.ts, as it really opens), the
 * permissions (test/meta/permissions.ts) and the manifest's "no data collected" declarations. So storing
 * something new without documenting it fails here.
 */
import type * as z from 'zod/mini';
import 'fake-indexeddb/auto';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {IDBFactory} from 'fake-indexeddb';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import manifest from '../../manifest.json';
import {journeySchema} from '../../src/core/backup';
import {settingsSchema} from '../../src/core/settings';
import {closeJourneyDb, DB_NAME, DB_VERSION, journeyDb, startMove} from '../../src/background/journey-db';
import {expectedPermissions, PERMISSION_KEYS} from './permissions';
import {repositoryCompilerOptions, scanStorage, sourceFiles, type StorageScan} from './storage-scan';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PRIVACY = readFileSync(path.join(ROOT, 'PRIVACY.md'), 'utf8');

// ——— what PRIVACY.md says ———

type Policy = {
	stored: Array<{area: string; key: string; fields: string[]}>;
	databases: Array<{name: string; version: number; stores: Map<string, string[]>}>;
	permissions: string[];
	text: string;
};

/** Table rows whose first cell is a `code` name: [name, second cell]. */
function rows(body: string): Array<[string, string]> {
	return [...body.matchAll(/^\|\s*`([^`]+)`[^|]*\|\s*([^|]*?)\s*\|/gm)].map((match) => [match[1]!, match[2]!]);
}

/**
 * The policy's sections: "### …: `storage.<area>`, key `<key>`" followed by a table of the value's fields;
 * "### …: IndexedDB database `<name>`, version <n>" followed by a table of stores, each with its record's
 * fields in code before the first colon; "## Permissions…" with a table of permissions.
 */
function readPolicy(text: string): Policy {
	const policy: Policy = {stored: [], databases: [], permissions: [], text};
	for (const section of text.split(/^(?=#{2,3} )/m)) {
		const heading = section.slice(0, section.indexOf('\n'));
		const storage = /`storage\.(\w+)`, key `([^`]+)`/.exec(heading);
		const database = /IndexedDB database `([^`]+)`, version (\d+)/.exec(heading);
		if (storage) policy.stored.push({area: storage[1]!, key: storage[2]!, fields: rows(section).map(([name]) => name)});
		else if (database)
			policy.databases.push({
				name: database[1]!,
				version: Number(database[2]),
				stores: new Map(
					rows(section).map(([store, cell]) => [
						store,
						[...(cell.split(':')[0] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
					]),
				),
			});
		else if (/^## Permissions/.test(heading)) policy.permissions = rows(section).map(([name]) => name);
	}
	return policy;
}

// ——— what the code does ———

type Facts = {
	scan: StorageScan;
	settingsFields: string[];
	database: {name: string; version: number; stores: Map<string, string[]>};
	permissions: string[];
	dataCollection: unknown;
	csp: string;
};

/** Keys with a placeholder compare by shape: `tab:<id>` in the policy is `tab:<tabId>` in the code. */
const shape = (key: string) => key.replace(/<[^>]*>/g, '<>');
const sameSet = (a: string[], b: string[]) => [...new Set(a)].sort().join('\n') === [...new Set(b)].sort().join('\n');

function problems(policy: Policy, facts: Facts): string[] {
	const found: string[] = [...facts.scan.problems];
	for (const area of ['local', 'session']) {
		const inCode = facts.scan.keys.filter((entry) => entry.area === area);
		const inPolicy = policy.stored.filter((entry) => entry.area === area);
		for (const entry of inCode)
			if (!inPolicy.some((documented) => shape(documented.key) === shape(entry.key)))
				found.push(`PRIVACY.md does not list the storage.${area} key "${entry.key}" (${entry.where})`);
		for (const documented of inPolicy) {
			const uses = inCode.filter((entry) => shape(entry.key) === shape(documented.key));
			if (uses.length === 0) {
				found.push(`PRIVACY.md lists the storage.${area} key "${documented.key}", which the code never uses`);
				continue;
			}
			const written = [...new Set(uses.flatMap((entry) => entry.fields))];
			for (const field of written)
				if (!documented.fields.includes(field))
					found.push(`PRIVACY.md, storage.${area} "${documented.key}": no row for the field \`${field}\``);
			for (const field of documented.fields)
				if (!written.includes(field))
					found.push(`PRIVACY.md, storage.${area} "${documented.key}": the field \`${field}\` is never written`);
		}
	}
	const settings = policy.stored.find((entry) => entry.area === 'local' && entry.key === 'settings');
	if (!settings) found.push('PRIVACY.md has no section for storage.local "settings"');
	else if (!sameSet(settings.fields, facts.settingsFields))
		found.push(
			`PRIVACY.md's settings fields (${settings.fields.join(', ')}) are not the schema's (${facts.settingsFields.join(', ')})`,
		);

	for (const database of facts.scan.databases)
		if (!policy.databases.some((documented) => documented.name === database.name))
			found.push(`PRIVACY.md does not list the IndexedDB database "${database.name}" (${database.where})`);
	const documented = policy.databases.find((database) => database.name === facts.database.name);
	if (!documented) found.push(`PRIVACY.md does not describe the IndexedDB database "${facts.database.name}"`);
	else {
		if (documented.version !== facts.database.version)
			found.push(
				`PRIVACY.md gives the journey database version ${documented.version}, the code ${facts.database.version}`,
			);
		for (const [store, fields] of facts.database.stores) {
			const listed = documented.stores.get(store);
			if (!listed) found.push(`PRIVACY.md does not list the object store "${store}"`);
			else if (!sameSet(listed, fields))
				found.push(`PRIVACY.md, store "${store}": a record holds ${fields.join(', ')}, not ${listed.join(', ')}`);
		}
		for (const store of documented.stores.keys())
			if (!facts.database.stores.has(store))
				found.push(`PRIVACY.md lists the object store "${store}", which does not exist`);
	}
	for (const database of policy.databases)
		if (!facts.scan.databases.some((opened) => opened.name === database.name))
			found.push(`PRIVACY.md lists the IndexedDB database "${database.name}", which the code never opens`);

	for (const name of facts.permissions)
		if (!policy.permissions.includes(name)) found.push(`PRIVACY.md's permissions table has no row for \`${name}\``);
	for (const name of policy.permissions)
		if (!facts.permissions.includes(name))
			found.push(`PRIVACY.md's permissions table lists \`${name}\`, which the extension does not ask for`);

	if (JSON.stringify(facts.dataCollection) !== JSON.stringify({required: ['none']}))
		found.push(`manifest.json's data_collection_permissions is ${JSON.stringify(facts.dataCollection)}, not none`);
	if (!policy.text.includes('`data_collection_permissions: {required: ["none"]}`'))
		found.push('PRIVACY.md does not quote the manifest\'s data_collection_permissions: {required: ["none"]}');
	if (!/(^|;)\s*connect-src 'none'\s*(;|$)/.test(facts.csp)) found.push(`The CSP allows connections: ${facts.csp}`);
	if (!policy.text.includes("`connect-src 'none'`"))
		found.push("PRIVACY.md does not say the CSP has connect-src 'none'");
	return found;
}

// ——— the tests ———

let facts: Facts;
const temps: string[] = [];

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	const db = await journeyDb();
	const stores = [...db.objectStoreNames];
	const version = db.version;
	// A move the code writes has exactly the fields of the export file's moves (core/backup.ts).
	await startMove('google-photos', 'ente-photos', Date.UTC(2026, 10, 3));
	const [move] = await db.getAll('moves');
	await closeJourneyDb();
	const recordFields = (store: string) => {
		const schema = journeySchema.shape[store as keyof typeof journeySchema.shape];
		if (!schema) throw new Error(`core/backup.ts has no schema for the store "${store}"`);
		const array = (schema.def.type === 'optional' ? schema.def.innerType : schema) as z.ZodMiniArray<
			z.ZodMiniObject<z.core.$ZodLooseShape>
		>;
		return Object.keys(array.def.element.shape);
	};
	expect(Object.keys(move ?? {})).toEqual(recordFields('moves'));
	facts = {
		scan: scanStorage(sourceFiles(ROOT), repositoryCompilerOptions(ROOT)),
		settingsFields: Object.keys(settingsSchema.shape),
		database: {name: DB_NAME, version, stores: new Map(stores.map((store) => [store, recordFields(store)]))},
		permissions: PERMISSION_KEYS.flatMap((key) => expectedPermissions(key)),
		dataCollection: manifest.browser_specific_settings.gecko.data_collection_permissions,
		csp: manifest.content_security_policy.extension_pages,
	};
	expect(version).toBe(DB_VERSION);
}, 60_000);

afterAll(() => {
	for (const dir of temps) rmSync(dir, {recursive: true, force: true});
});

describe('PRIVACY.md', () => {
	it('finds what the code stores (so the comparison below compares something)', () => {
		const keys = facts.scan.keys.map(({area, key}) => `${area} ${key}`);
		expect(new Set(keys)).toEqual(new Set(['local settings', 'session private', 'session tab:<tabId>']));
		const fields = (key: string) =>
			[
				...new Set(
					facts.scan.keys.filter((entry) => entry.area === 'session' && entry.key === key).flatMap((e) => e.fields),
				),
			].sort();
		expect(fields('tab:<tabId>')).toEqual(['serviceId']);
		expect(fields('private')).toEqual(['bannerEnabled', 'hiddenServices', 'snoozedUntil']);
		expect(facts.scan.databases.map((database) => database.name)).toEqual([DB_NAME]);
		expect([...facts.database.stores.keys()].sort()).toEqual(['checklist', 'moves', 'visits']);
		expect(facts.database.stores.get('moves')).toEqual(['service', 'tool', 'started', 'done']);
		expect(facts.settingsFields).toContain('journeyEnabled');
	});

	it('lists exactly what the code stores, the permissions, and the no-collection declarations', () => {
		expect(problems(readPolicy(PRIVACY), facts)).toEqual([]);
	});

	it.each(Object.keys(settingsSchema.shape))('fails when the settings field %s is left out', (field) => {
		const without = PRIVACY.replace(new RegExp(`^\\| \`${field}\` \\|.*\\n`, 'm'), '');
		expect(without).not.toBe(PRIVACY);
		expect(problems(readPolicy(without), facts).join('\n')).toContain(`\`${field}\``);
	});

	it('fails when a storage area, a store, the database version or a permission is left out or wrong', () => {
		const check = (text: string, expected: string) => {
			expect(text).not.toBe(PRIVACY);
			expect(problems(readPolicy(text), facts).join('\n')).toContain(expected);
		};
		check(
			PRIVACY.replace(/`storage\.session`, key `tab:<id>`/, 'storage.session'),
			'storage.session key "tab:<tabId>"',
		);
		check(PRIVACY.replace(/^\| `serviceId` \|.*\n/m, ''), 'no row for the field `serviceId`');
		check(PRIVACY.replace(/^\| `checklist` \|.*\n/m, ''), 'the object store "checklist"');
		check(PRIVACY.replace(/`service`, `day`:/, '`service`:'), 'store "visits": a record holds service, day');
		check(PRIVACY.replace(/(IndexedDB database `[^`]+`), version \d+/, '$1, version 1'), 'journey database version 1');
		check(PRIVACY.replace(/^\| `scripting` \|.*\n/m, ''), 'no row for `scripting`');
		check(PRIVACY.replaceAll('{required: ["none"]}', '{}'), 'data_collection_permissions');
	});

	it('fails when the code stores a new key, stores out of sight, or uses web storage', {timeout: 60_000}, () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'ppa-privacy-'));
		temps.push(dir);
		const file = path.join(dir, 'store.ts');
		writeFileSync(
			file,
			[
				'declare const browser: any;',
				"const CACHE_KEY = 'journeyCache';",
				'export async function keep(count: number) {',
				'\tawait browser.storage.local.set({[CACHE_KEY]: {count, at: Date.now()}});',
				"\tawait browser.storage.session.get(['lastTab']);",
				'\tconst area = browser.storage.local;',
				'\tawait area.set({hidden: true});',
				"\tlocalStorage.setItem('seen', '1');",
				'\tawait browser.storage.sync.set({x: 1});',
				'}',
			].join('\n'),
		);
		const scan = scanStorage([file], {strict: true});
		expect(scan.keys.map(({area, key, fields}) => [area, key, fields])).toEqual([
			['local', 'journeyCache', ['at', 'count']],
			['session', 'lastTab', []],
		]);
		expect(scan.problems.join('\n')).toMatch(/storage\.local is used other than as storage\.local\.<method>/);
		expect(scan.problems.join('\n')).toMatch(/localStorage is used/);
		expect(scan.problems.join('\n')).toMatch(/storage\.sync is used/);
		const found = problems(readPolicy(PRIVACY), {
			...facts,
			scan: {...facts.scan, keys: [...facts.scan.keys, ...scan.keys]},
		});
		expect(found.join('\n')).toContain('does not list the storage.local key "journeyCache"');
		expect(found.join('\n')).toContain('does not list the storage.session key "lastTab"');
	});
});
