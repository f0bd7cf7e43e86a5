/** Where things are: the repository, the built extensions, the fixtures and the scratch folder (.tmp/, gitignored). */
import {mkdirSync, mkdtempSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_CHROME = path.join(REPO, 'dist/chrome');
export const DIST_FIREFOX = path.join(REPO, 'dist/firefox');
/** The tests' fixture pages (served by sites.ts) and network-log excerpts. */
export const FIXTURES = path.join(REPO, 'test/e2e/fixtures');

/** A fresh scratch folder under .tmp/e2e/ (one browser's HOME and profile; its TMPDIR is elsewhere, see browsers.ts). */
export function scratchDir(prefix: string): string {
	const base = path.join(REPO, '.tmp/e2e');
	mkdirSync(base, {recursive: true});
	return mkdtempSync(path.join(base, `${prefix}-`));
}
