/** The permission list (permissions.ts) against the source manifest and the README's permissions table. */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import manifest from '../../manifest.json';
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
});
