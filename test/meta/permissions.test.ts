/**
 * The permission list (permissions.ts) against the source manifest, the README's permissions table and the
 * store listings' justifications (docs/store/listing.<language>.json).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import manifest from '../../manifest.json';
import {HOST_GROUPS, loadListings} from '../../scripts/store-listing';
import {expectedPermissions, NEVER, PERMISSION_KEYS, PERMISSIONS} from './permissions';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
/** The rows of the README's "## Permissions" table whose first cell is a `code` name: name → reason. */
function readmeRows(): Map<string, string> {
	const section = README.split(/^## /m).find((part) => part.startsWith('Permissions'));
	if (!section) throw new Error('README.md has no "## Permissions" section');
	const rows = new Map<string, string>();
	for (const match of section.matchAll(/^\|\s*`([^`]+)`[^|]*\|\s*(.*?)\s*\|\s*$/gm)) rows.set(match[1]!, match[2]!);
	return rows;
}

describe('the permission list', () => {
	it('gives a reason for every entry', () => {
		for (const key of PERMISSION_KEYS)
			for (const [name, reason] of Object.entries(PERMISSIONS[key]))
				expect(reason.length, `${key}: ${name}`).toBeGreaterThan(20);
	});

	it.each(PERMISSION_KEYS)("the source manifest's %s are exactly the list", (key) => {
		expect((manifest as Record<string, unknown>)[key] ?? []).toEqual(expectedPermissions(key));
	});

	it('asks for none of the permissions that are never needed', () => {
		for (const key of PERMISSION_KEYS)
			for (const name of NEVER) expect(expectedPermissions(key), key).not.toContain(name);
	});

	it("the README's permissions table explains every entry, and nothing that is not asked for", () => {
		const rows = readmeRows();
		const listed = PERMISSION_KEYS.flatMap((key) => expectedPermissions(key));
		for (const name of listed) expect(rows.has(name), `README.md: a row for \`${name}\``).toBe(true);
		for (const name of rows.keys())
			expect(listed, `README.md lists \`${name}\`, which the extension does not ask for`).toContain(name);
	});

	it.each(
		loadListings(path.resolve(import.meta.dirname, '../..')).map((listing) => [listing.language, listing] as const),
	)(
		'the %s store listing justifies every entry and every host group, and nothing that is not asked for',
		(_language, listing) => {
			const listed = [...PERMISSION_KEYS.flatMap((key) => expectedPermissions(key)), ...HOST_GROUPS];
			for (const name of listed)
				expect(listing.permissions[name]?.trim().length ?? 0, `a justification for \`${name}\``).toBeGreaterThan(40);
			expect(Object.keys(listing.permissions).sort()).toEqual([...listed].sort());
		},
	);
});
