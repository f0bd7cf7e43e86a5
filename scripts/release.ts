/**
 * `npm run release [-- --allow-dirty]`: the files to upload to the stores, reproducibly.
 *
 * 1. Checks that manifest.json, package.json and package-lock.json give the same version, one the stores
 *    accept, and that CHANGELOG.md has a section for it (its text becomes the release notes).
 * 2. Refuses a working tree with changes that are not committed (everything is made from HEAD, so they
 *    would be in none of the files), unless `--allow-dirty` (a trial run of HEAD).
 * 3. Builds HEAD exactly as a store reviewer does from the source archive: HEAD's files (`git archive`) in a
 *    temporary folder, whose node_modules has the packages that can end up in a bundle (package-lock.json's
 *    non-dev packages) as real folders, as `npm ci` places them, and links to the installed build tools;
 *    then `npm run build` there, as a child process. So the packages do not depend on where this checkout's
 *    node_modules really is (esbuild hashes the real path of each bundled file into the chunk names), and a
 *    node_modules that is not what package-lock.json pins is refused.
 * 4. Writes to dist/release/<version>/:
 *    - photo-privacy-advisor-chrome-<version>.zip   the build's dist/chrome, for the Chrome Web Store (and Edge);
 *    - photo-privacy-advisor-firefox-<version>.zip  the build's dist/firefox, for addons.mozilla.org;
 *    - photo-privacy-advisor-<version>-source.zip   `git archive` of HEAD, with BUILD.md, for AMO's reviewers;
 *    - RELEASE-NOTES.md                             the version's CHANGELOG.md section;
 *    - SHA256SUMS                                   of the four files above, for `sha256sum -c`.
 *
 * The zips are reproducible: the same files give the same bytes on any machine, in any time zone, whatever
 * their dates, permissions or order on disk. Entries are sorted by path, files only (no directory entries),
 * each dated the commit's day at 12:00 (SOURCE_DATE_EPOCH when set, else HEAD's commit time), with mode 0644
 * (0755 for a file git records as executable), no extra fields and no comment; deflated by fflate, pure
 * JavaScript pinned in package-lock.json, so no system zlib or Node.js version changes the bytes.
 */
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {chmod, cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, symlink, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {zipSync, type Zippable} from 'fflate';
import {checkPackageBudget} from './sizes';

/** A release cannot be made: the message says what is wrong and what to do. */
export class ReleaseError extends Error {
	override name = 'ReleaseError';
}

export const NAME = 'photo-privacy-advisor';

/**
 * What both stores accept as a version: one to four dot-separated integers, each 0–65535 without leading
 * zeros (Chrome's rule; Firefox accepts the same and more).
 */
const STORE_VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;

export function isStoreVersion(version: string): boolean {
	return STORE_VERSION.test(version) && version.split('.').every((part) => Number(part) <= 65535);
}

/** The version all three files agree on, or an error naming each file's version. */
export function checkVersions(versions: {manifest: unknown; packageJson: unknown; packageLock?: unknown}): string {
	const {manifest, packageJson, packageLock} = versions;
	if (typeof packageJson !== 'string' || packageJson === '')
		throw new ReleaseError('package.json has no "version": set it to the version you are releasing.');
	if (manifest !== packageJson)
		throw new ReleaseError(
			`Version mismatch: manifest.json says ${JSON.stringify(manifest ?? null)} but package.json says ` +
				`${JSON.stringify(packageJson)}. Set both to the version you are releasing ` +
				'(`npm version <version> --no-git-tag-version` changes package.json and package-lock.json; edit manifest.json by hand).',
		);
	if (packageLock !== undefined && packageLock !== packageJson)
		throw new ReleaseError(
			`Version mismatch: package-lock.json says ${JSON.stringify(packageLock)} but package.json and manifest.json ` +
				`say ${JSON.stringify(packageJson)}. Run \`npm install --package-lock-only\` to bring the lock file in line.`,
		);
	if (!isStoreVersion(packageJson))
		throw new ReleaseError(
			`Version ${JSON.stringify(packageJson)} is not one the stores accept: one to four numbers from 0 to 65535 ` +
				'separated by dots, without leading zeros (e.g. 1.2.0). Pre-release tags such as -beta are refused.',
		);
	return packageJson;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text of CHANGELOG.md's section for `version` (a heading `## [1.2.0] - 2026-11-29`, `## [1.2.0]` or
 * `## 1.2.0`), up to the next `## ` heading; an error when there is none or it is empty.
 */
export function changelogSection(changelog: string | undefined, version: string): string {
	if (changelog === undefined)
		throw new ReleaseError(
			`CHANGELOG.md not found: create it with a section "## [${version}] - YYYY-MM-DD" saying what changed.`,
		);
	const heading = new RegExp(
		`^## +(?:\\[${escapeRegExp(version)}\\]|${escapeRegExp(version)})(?: +[-–—] +\\d{4}-\\d{2}-\\d{2})? *$`,
		'm',
	);
	const match = heading.exec(changelog);
	if (!match)
		throw new ReleaseError(
			`CHANGELOG.md has no section for ${version}: add a heading "## [${version}] - YYYY-MM-DD" ` +
				'(below "## [Unreleased]") and move what changed in this version under it.',
		);
	const rest = changelog.slice(match.index + match[0].length);
	const next = rest.search(/^## /m);
	const body = (next === -1 ? rest : rest.slice(0, next)).trim();
	if (body === '')
		throw new ReleaseError(`CHANGELOG.md's section for ${version} is empty: say what changed in this version.`);
	return body;
}

async function readIfExists(file: string): Promise<string | undefined> {
	return existsSync(file) ? readFile(file, 'utf8') : undefined;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
	const text = await readIfExists(file);
	if (text === undefined) throw new ReleaseError(`${path.basename(file)} not found in ${path.dirname(file)}.`);
	try {
		return JSON.parse(text) as Record<string, unknown>;
	} catch (error) {
		throw new ReleaseError(`${path.basename(file)} is not valid JSON: ${(error as Error).message}`);
	}
}

/** Step 1: the version and its release notes, from the files in `root`. Reads only; builds nothing. */
export async function readReleaseInfo(root: string): Promise<{version: string; notes: string}> {
	const manifest = await readJson(path.join(root, 'manifest.json'));
	const packageJson = await readJson(path.join(root, 'package.json'));
	const lockFile = path.join(root, 'package-lock.json');
	const lock = existsSync(lockFile) ? await readJson(lockFile) : undefined;
	const lockRoot = (lock?.['packages'] as Record<string, {version?: unknown}> | undefined)?.[''];
	const version = checkVersions({
		manifest: manifest['version'],
		packageJson: packageJson['version'],
		packageLock: lock === undefined ? undefined : (lockRoot?.version ?? lock['version']),
	});
	const notes = changelogSection(await readIfExists(path.join(root, 'CHANGELOG.md')), version);
	return {version, notes};
}

// ——— the zip writer ———

/** A file, or with `symlink` a symbolic link whose data is its target (as Info-ZIP stores one). */
export type ZipEntry = {path: string; data: Uint8Array; executable?: boolean; symlink?: boolean};

/**
 * DOS dates have no time zone and fflate writes a Date's local wall-clock fields, so the date is built
 * from the epoch's UTC calendar day, at 12:00 local time: the same fields in every time zone, and an
 * hour that no daylight-saving change skips. Clamped to the DOS range, 1980–2107.
 */
export function zipDate(epochSeconds: number): Date {
	const utc = new Date(epochSeconds * 1000);
	const year = Math.min(Math.max(utc.getUTCFullYear(), 1980), 2107);
	const sameYear = year === utc.getUTCFullYear();
	return new Date(year, sameYear ? utc.getUTCMonth() : 0, sameYear ? utc.getUTCDate() : 1, 12, 0, 0);
}

/** The zip of `entries`, sorted by path, every entry with the same date and fixed permissions. */
export function zipEntries(entries: readonly ZipEntry[], epochSeconds: number): Uint8Array {
	const mtime = zipDate(epochSeconds);
	const files: Zippable = {};
	const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (const entry of sorted) {
		if (entry.path === '' || entry.path.startsWith('/') || entry.path.endsWith('/') || entry.path.includes('\\'))
			throw new Error(`Not a relative file path for a zip entry: ${JSON.stringify(entry.path)}`);
		if (entry.path.split('/').some((part) => part === '' || part === '.' || part === '..'))
			throw new Error(`Not a normalized path for a zip entry: ${JSON.stringify(entry.path)}`);
		// An object keeps the order its keys were added in, except for integer-like keys, which come first.
		if (/^(0|[1-9]\d*)$/.test(entry.path))
			throw new Error(`A top-level file named like a number cannot keep its order in the zip: ${entry.path}`);
		if (entry.path in files) throw new Error(`Two zip entries with the same path: ${entry.path}`);
		const mode = entry.symlink ? 0o120777 : entry.executable ? 0o100755 : 0o100644;
		// os 3 (Unix): the external attributes carry the mode, not the DOS bits.
		files[entry.path] = [entry.data, {level: entry.symlink ? 0 : 9, mtime, os: 3, attrs: (mode << 16) >>> 0}];
	}
	return zipSync(files);
}

/** Every regular file under `dir`, with its path relative to `dir` (forward slashes). */
export async function readTree(dir: string): Promise<ZipEntry[]> {
	const entries: ZipEntry[] = [];
	for (const name of await readdir(dir, {recursive: true})) {
		const file = path.join(dir, name);
		const info = await stat(file);
		if (info.isDirectory()) continue;
		if (!info.isFile()) throw new Error(`${file}: not a regular file`);
		entries.push({path: name.split(path.sep).join('/'), data: await readFile(file)});
	}
	return entries;
}

/** The zip of a folder's files: its contents only (not the folder itself), as the stores want. */
export async function zipDirectory(dir: string, epochSeconds: number): Promise<Uint8Array> {
	return zipEntries(await readTree(dir), epochSeconds);
}

// ——— the source archive ———

function git(root: string, args: string[], options: {binary: true}): Buffer;
function git(root: string, args: string[]): string;
function git(root: string, args: string[], options?: {binary: true}): string | Buffer {
	const result = spawnSync('git', args, {cwd: root, maxBuffer: 512 * 1024 * 1024});
	if (result.error) throw new ReleaseError(`git ${args.join(' ')}: ${result.error.message}`);
	if (result.status !== 0)
		throw new ReleaseError(`git ${args.join(' ')} failed: ${result.stderr.toString('utf8').trim()}`);
	return options?.binary ? result.stdout : result.stdout.toString('utf8');
}

/**
 * The files of a tar archive as `git archive --format=tar` writes it: ustar headers, a pax global header
 * (the commit id, skipped), pax extended headers for long paths. Regular files and symbolic links are
 * kept; directories are implied by the paths.
 */
export function readTar(tar: Uint8Array): ZipEntry[] {
	const field = (header: Uint8Array, from: number, length: number) => {
		const bytes = header.subarray(from, from + length);
		const end = bytes.indexOf(0);
		return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString('utf8');
	};
	const octal = (header: Uint8Array, from: number, length: number) =>
		parseInt(field(header, from, length).trim() || '0', 8);
	const entries: ZipEntry[] = [];
	let pax: Record<string, string> = {};
	for (let offset = 0; offset + 512 <= tar.length;) {
		const header = tar.subarray(offset, offset + 512);
		if (header.every((byte) => byte === 0)) break; // the end-of-archive blocks
		// ustar: name 0–100, mode 100–108, size 124–136, type 156, link name 157–257, prefix 345–500.
		const size = octal(header, 124, 12);
		const type = String.fromCharCode(header[156]!);
		const prefix = field(header, 345, 155);
		const name = pax['path'] ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
		const link = pax['linkpath'] ?? field(header, 157, 100);
		const mode = octal(header, 100, 8);
		const data = tar.slice(offset + 512, offset + 512 + size);
		offset += 512 + Math.ceil(size / 512) * 512;
		if (type === 'x') {
			pax = parsePax(data);
			continue;
		}
		pax = {};
		if (type === 'g' || type === '5') continue;
		if (type === '0' || type === '\0') entries.push({path: name, data, executable: (mode & 0o111) !== 0});
		else if (type === '2') entries.push({path: name, data: Buffer.from(link), symlink: true});
		else throw new ReleaseError(`git archive: unexpected tar entry of type ${JSON.stringify(type)}: ${name}`);
	}
	return entries;
}

/** pax records: "<length in bytes> <key>=<value>\n", one after another. */
function parsePax(data: Uint8Array): Record<string, string> {
	const records: Record<string, string> = {};
	const bytes = Buffer.from(data);
	for (let at = 0; at < bytes.length;) {
		const space = bytes.indexOf(0x20, at);
		const length = Number(bytes.subarray(at, space).toString('latin1'));
		if (space === -1 || !Number.isInteger(length) || length <= 0) break;
		const record = bytes.subarray(space + 1, at + length - 1).toString('utf8'); // without the newline
		const equals = record.indexOf('=');
		records[record.slice(0, equals)] = record.slice(equals + 1);
		at += length;
	}
	return records;
}

/** HEAD's files, as `git archive` gives them. */
export function headEntries(root: string): ZipEntry[] {
	return readTar(git(root, ['archive', '--format=tar', 'HEAD'], {binary: true}));
}

/** HEAD's files as a zip, every path under `<prefix>/`. Refuses a HEAD without BUILD.md. */
export function sourceZip(entries: readonly ZipEntry[], prefix: string, epochSeconds: number): Uint8Array {
	if (!entries.some((entry) => entry.path === 'BUILD.md'))
		throw new ReleaseError('BUILD.md is not committed: the source archive must say how to build it.');
	return zipEntries(
		entries.map((entry) => ({...entry, path: `${prefix}/${entry.path}`})),
		epochSeconds,
	);
}

/** Writes `entries` under `dir`: files with their executable bit, links as links. */
export async function writeEntries(dir: string, entries: readonly ZipEntry[]): Promise<void> {
	for (const entry of entries) {
		const file = path.join(dir, ...entry.path.split('/'));
		await mkdir(path.dirname(file), {recursive: true});
		if (entry.symlink) await symlink(Buffer.from(entry.data).toString('utf8'), file);
		else {
			await writeFile(file, entry.data);
			if (entry.executable) await chmod(file, 0o755);
		}
	}
}

type LockPackage = {version?: string; dev?: boolean; devOptional?: boolean; optional?: boolean; link?: boolean};
export type LockPackages = Record<string, LockPackage>;

/** What is installed in `nodeModules` that is not what package-lock.json pins: one line each. */
export async function installedMismatches(packages: LockPackages, nodeModules: string): Promise<string[]> {
	const mismatches: string[] = [];
	for (const [key, entry] of Object.entries(packages)) {
		if (!key.startsWith('node_modules/') || entry.link || entry.version === undefined) continue;
		const name = key.slice('node_modules/'.length);
		const manifest = path.join(nodeModules, ...name.split('/'), 'package.json');
		if (!existsSync(manifest)) {
			if (!entry.optional && !entry.devOptional) mismatches.push(`${name}: not installed (${entry.version} locked)`);
			continue;
		}
		const {version} = JSON.parse(await readFile(manifest, 'utf8')) as {version?: string};
		if (version !== entry.version) mismatches.push(`${name}: ${version} installed, ${entry.version} locked`);
	}
	return mismatches;
}

/**
 * A node_modules in `project` made from the installed one (`installed`, its real path): the top-level
 * packages that can end up in a bundle (not dev-only in package-lock.json) copied as real folders, every
 * other entry (the build tools, .bin) linked.
 */
export async function linkNodeModules(installed: string, project: string, packages: LockPackages): Promise<void> {
	const shipped = new Set(
		Object.entries(packages)
			.filter(([key, entry]) => /^node_modules\/(@[^/]+\/)?[^/@][^/]*$/.test(key) && !entry.dev && !entry.devOptional)
			.map(([key]) => key.slice('node_modules/'.length)),
	);
	const target = path.join(project, 'node_modules');
	await mkdir(target);
	const place = async (name: string) => {
		const from = path.join(installed, name);
		const to = path.join(target, name);
		if (shipped.has(name)) await cp(from, to, {recursive: true, verbatimSymlinks: true});
		else await symlink(from, to);
	};
	for (const entry of await readdir(installed)) {
		if (!entry.startsWith('@')) await place(entry);
		else {
			await mkdir(path.join(target, entry));
			for (const member of await readdir(path.join(installed, entry))) await place(`${entry}/${member}`);
		}
	}
}

/**
 * Builds `entries` (HEAD) in a temporary folder with node_modules from `root`'s install, and gives the
 * two packages' zips. The folder is removed afterwards.
 */
export async function buildEntries(
	root: string,
	entries: readonly ZipEntry[],
	epochSeconds: number,
): Promise<{chrome: Uint8Array; firefox: Uint8Array}> {
	const lockEntry = entries.find((entry) => entry.path === 'package-lock.json');
	if (!lockEntry)
		throw new ReleaseError('package-lock.json is not committed: the build cannot be reproduced without it.');
	const packages =
		(JSON.parse(Buffer.from(lockEntry.data).toString('utf8')) as {packages?: LockPackages}).packages ?? {};
	if (!existsSync(path.join(root, 'node_modules')))
		throw new ReleaseError('node_modules is missing: run `npm ci` first.');
	const installed = await realpath(path.join(root, 'node_modules'));
	const mismatches = await installedMismatches(packages, installed);
	if (mismatches.length > 0)
		throw new ReleaseError(
			`node_modules is not what package-lock.json pins:\n${indentedList(mismatches)}\n` +
				'Run `npm ci`, so that the packages are built with the versions a reviewer gets.',
		);
	const dir = await mkdtemp(path.join(os.tmpdir(), `${NAME}-release-`));
	try {
		await writeEntries(dir, entries);
		await linkNodeModules(installed, dir, packages);
		const build = spawnSync('npm', ['run', 'build'], {cwd: dir, stdio: 'inherit'});
		if (build.error) throw new ReleaseError(`npm run build could not start: ${build.error.message}`);
		if (build.status !== 0) throw new ReleaseError(`npm run build failed (exit code ${build.status ?? build.signal}).`);
		return {
			chrome: await zipDirectory(path.join(dir, 'dist/chrome'), epochSeconds),
			firefox: await zipDirectory(path.join(dir, 'dist/firefox'), epochSeconds),
		};
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
}

/** The changes `git status` lists (untracked files too, ignored ones not); empty when the tree is clean. */
export function uncommittedChanges(root: string): string[] {
	return git(root, ['status', '--porcelain', '--untracked-files=all'])
		.split('\n')
		.filter((line) => line !== '');
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else HEAD's commit time. */
export function sourceDateEpoch(root: string, env: NodeJS.ProcessEnv = process.env): number {
	const fromEnv = env['SOURCE_DATE_EPOCH'];
	if (fromEnv !== undefined && fromEnv !== '') {
		if (!/^\d+$/.test(fromEnv))
			throw new ReleaseError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(fromEnv)}.`);
		return Number(fromEnv);
	}
	return Number(git(root, ['log', '-1', '--format=%ct', 'HEAD']).trim());
}

/** The first ten lines, indented, and how many more. */
function indentedList(lines: string[]): string {
	const shown = lines.slice(0, 10).map((line) => `  ${line}`);
	if (lines.length > 10) shown.push(`  …and ${lines.length - 10} more`);
	return shown.join('\n');
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export type ReleaseFiles = {dir: string; files: Array<{name: string; bytes: number; sha256: string}>};

export async function release(root: string, options: {allowDirty?: boolean} = {}): Promise<ReleaseFiles> {
	const {version, notes} = await readReleaseInfo(root);
	const changes = uncommittedChanges(root);
	if (changes.length > 0 && !options.allowDirty) {
		throw new ReleaseError(
			`The working tree has changes that are not committed:\n${indentedList(changes)}\n` +
				'Every file is made from HEAD, so they would be in none: commit or stash them, ' +
				'or pass --allow-dirty for a trial run of HEAD.',
		);
	}
	if (changes.length > 0)
		console.warn(`--allow-dirty: ${changes.length} uncommitted change(s), which are in none of the files.`);
	const epoch = sourceDateEpoch(root);
	const entries = headEntries(root);
	const source = sourceZip(entries, `${NAME}-${version}`, epoch);
	const {chrome, firefox} = await buildEntries(root, entries, epoch);
	const over = checkPackageBudget([
		{target: 'chrome', zip: `${NAME}-chrome-${version}.zip`, bytes: chrome.length},
		{target: 'firefox', zip: `${NAME}-firefox-${version}.zip`, bytes: firefox.length},
	]);
	if (over.length > 0) throw new ReleaseError(`Package budget exceeded:\n${over.join('\n')}`);

	const outputs: Array<[string, Uint8Array]> = [
		[`${NAME}-chrome-${version}.zip`, chrome],
		[`${NAME}-firefox-${version}.zip`, firefox],
		[`${NAME}-${version}-source.zip`, source],
		['RELEASE-NOTES.md', Buffer.from(`# Photo Privacy Advisor ${version}\n\n${notes}\n`)],
	];
	const sums = outputs.map(([name, data]) => `${sha256(data)}  ${name}\n`).join('');
	outputs.push(['SHA256SUMS', Buffer.from(sums)]);

	const dir = path.join(root, 'dist/release', version);
	await rm(dir, {recursive: true, force: true});
	await mkdir(dir, {recursive: true});
	for (const [name, data] of outputs) await writeFile(path.join(dir, name), data);
	return {dir, files: outputs.map(([name, data]) => ({name, bytes: data.length, sha256: sha256(data)}))};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
	const args = process.argv.slice(2);
	const unknown = args.filter((arg) => arg !== '--allow-dirty');
	if (unknown.length > 0) {
		console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run release [-- --allow-dirty]`);
		process.exit(2);
	}
	release(root, {allowDirty: args.includes('--allow-dirty')}).then(
		({dir, files}) => {
			console.log(`\nRelease files in ${path.relative(root, dir)}/:`);
			for (const file of files)
				console.log(`  ${file.name.padEnd(44)} ${String(file.bytes).padStart(9)} B  sha256 ${file.sha256}`);
		},
		(error: unknown) => {
			console.error(error instanceof ReleaseError ? `release: ${error.message}` : error);
			process.exit(1);
		},
	);
}
