/**
 * npm run release (scripts/release.ts): its refusals, its zip writer, and, end to end, that two clean clones
 * give byte-identical packages and that the source archive rebuilds the packaged files exactly.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {
	chmodSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	rmSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {unzipSync} from 'fflate';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {
	changelogSection,
	checkVersions,
	headEntries,
	installedMismatches,
	isStoreVersion,
	readReleaseInfo,
	readTar,
	sourceDateEpoch,
	sha256,
	sourceZip,
	uncommittedChanges,
	zipDate,
	zipDirectory,
	zipEntries,
} from './release';

const ROOT = path.resolve(import.meta.dirname, '..');
const temps: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'ppa-release-'));
	temps.push(dir);
	return dir;
}
afterAll(() => {
	for (const dir of temps) rmSync(dir, {recursive: true, force: true});
}, 120_000); // the clones hold a few thousand files: seconds on a busy disk

function write(dir: string, files: Record<string, string | Uint8Array>): void {
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
		writeFileSync(path.join(dir, name), content);
	}
}

describe('the version check', () => {
	it('fails when manifest.json and package.json disagree, naming both versions', () => {
		expect(() => checkVersions({manifest: '0.0.0', packageJson: '0.1.0'})).toThrow(
			'Version mismatch: manifest.json says "0.0.0" but package.json says "0.1.0".',
		);
		expect(() => checkVersions({manifest: undefined, packageJson: '0.1.0'})).toThrow(
			'Version mismatch: manifest.json says null but package.json says "0.1.0".',
		);
	});

	it('fails when package-lock.json is behind', () => {
		expect(() => checkVersions({manifest: '1.0.0', packageJson: '1.0.0', packageLock: '0.9.0'})).toThrow(
			'Version mismatch: package-lock.json says "0.9.0" but package.json and manifest.json say "1.0.0".',
		);
	});

	it('refuses versions the stores do not accept', () => {
		for (const version of ['1.0.0-beta', '01.2', '1.2.3.4.5', '1.70000', '', 'v1.0'])
			expect(isStoreVersion(version), version).toBe(false);
		for (const version of ['0.1.0', '1', '1.2.3.4', '65535.0']) expect(isStoreVersion(version), version).toBe(true);
		expect(() => checkVersions({manifest: '1.0.0-beta', packageJson: '1.0.0-beta'})).toThrow(
			'Version "1.0.0-beta" is not one the stores accept',
		);
	});

	it('gives the version when all agree', () => {
		expect(checkVersions({manifest: '0.1.0', packageJson: '0.1.0', packageLock: '0.1.0'})).toBe('0.1.0');
	});
});

describe('the CHANGELOG check', () => {
	const changelog = [
		'# Changelog',
		'',
		'## [Unreleased]',
		'',
		'- Not yet.',
		'',
		'## [0.2.0] - 2027-01-15',
		'',
		'- Second.',
		'',
		'## [0.1.0.1] - 2026-12-01',
		'',
		'- A fix.',
		'',
		'## 0.1.0',
		'',
		'- First.',
		'',
	].join('\n');

	it('fails when the version has no section, saying what to add', () => {
		expect(() => changelogSection(changelog, '0.3.0')).toThrow(
			'CHANGELOG.md has no section for 0.3.0: add a heading "## [0.3.0] - YYYY-MM-DD"',
		);
		expect(() => changelogSection(changelog, '0.1')).toThrow('CHANGELOG.md has no section for 0.1:');
	});

	it('fails when there is no CHANGELOG.md, or the section is empty', () => {
		expect(() => changelogSection(undefined, '0.1.0')).toThrow('CHANGELOG.md not found');
		expect(() => changelogSection('## [0.1.0] - 2026-11-29\n\n## [0.0.9]\n- Old.\n', '0.1.0')).toThrow(
			"CHANGELOG.md's section for 0.1.0 is empty",
		);
	});

	it("gives the section's text, up to the next version", () => {
		expect(changelogSection(changelog, '0.2.0')).toBe('- Second.');
		expect(changelogSection(changelog, '0.1.0.1')).toBe('- A fix.');
		expect(changelogSection(changelog, '0.1.0')).toBe('- First.');
	});
});

describe('readReleaseInfo', () => {
	const files = (manifest: string, pkg: string, changelog?: string) => {
		const dir = tempDir();
		write(dir, {
			'manifest.json': JSON.stringify({manifest_version: 3, version: manifest}),
			'package.json': JSON.stringify({name: 'x', version: pkg}),
			...(changelog === undefined ? {} : {'CHANGELOG.md': changelog}),
		});
		return dir;
	};

	it('fails on a version mismatch and on a missing CHANGELOG section, with their messages', async () => {
		await expect(readReleaseInfo(files('0.0.0', '0.1.0', '## [0.1.0]\n- x\n'))).rejects.toThrow(
			'Version mismatch: manifest.json says "0.0.0" but package.json says "0.1.0"',
		);
		await expect(readReleaseInfo(files('0.2.0', '0.2.0', '## [0.1.0]\n- x\n'))).rejects.toThrow(
			'CHANGELOG.md has no section for 0.2.0',
		);
		await expect(readReleaseInfo(files('0.2.0', '0.2.0'))).rejects.toThrow('CHANGELOG.md not found');
		await expect(readReleaseInfo(files('0.2.0', '0.2.0', '## [0.2.0]\n- Notes.\n'))).resolves.toEqual({
			version: '0.2.0',
			notes: '- Notes.',
		});
	});

	it('the repository itself is releasable: its versions agree and CHANGELOG.md has their section', async () => {
		const {version, notes} = await readReleaseInfo(ROOT);
		const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {version: string};
		expect(version).toBe(pkg.version);
		expect(notes.length).toBeGreaterThan(50);
	});
});

/** Every central-directory entry, and the local header it points to, as the bytes say. */
function zipRecords(zip: Uint8Array) {
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	const end = zip.length - 22;
	expect(view.getUint32(end, true)).toBe(0x06054b50);
	expect(view.getUint16(end + 20, true), 'no archive comment').toBe(0);
	const count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	const records = [];
	for (let i = 0; i < count; i++) {
		expect(view.getUint32(at, true)).toBe(0x02014b50);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		const local = view.getUint32(at + 42, true);
		records.push({
			name: Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
			madeBy: view.getUint16(at + 4, true) >> 8,
			flags: view.getUint16(at + 8, true),
			time: view.getUint16(at + 12, true),
			date: view.getUint16(at + 14, true),
			extraLength,
			commentLength,
			mode: view.getUint32(at + 38, true) >>> 16,
			localExtraLength: view.getUint16(local + 28, true),
			localTime: view.getUint16(local + 10, true),
			localDate: view.getUint16(local + 12, true),
		});
		at += 46 + nameLength + extraLength + commentLength;
	}
	return records;
}

describe('the zip writer', () => {
	const FILES: Record<string, string | Uint8Array> = {
		'manifest.json': '{"manifest_version": 3}\n',
		'background.js': 'console.log(1);\n'.repeat(200),
		'_locales/fr/messages.json': '{"a": {"message": "Vos photos à l’abri"}}\n',
		'_locales/en/messages.json': '{"a": {"message": "Your photos"}}\n',
		'icons/icon-16.png': new Uint8Array(Array.from({length: 300}, (_, i) => (i * 7919) % 256)),
		'popup/index.html': '<!doctype html>\n',
		'chunks/chunk-ABC.js': 'export{};\n',
	};
	const EPOCH = 1795941199; // 2026-11-29T08:33:19Z

	function folder(order: string[], setUp?: (dir: string, file: string, index: number) => void): string {
		const dir = tempDir();
		for (const [index, name] of order.entries()) {
			write(dir, {[name]: FILES[name]!});
			setUp?.(dir, name, index);
		}
		return dir;
	}

	afterEach(() => {
		delete process.env['TZ'];
	});

	it('gives the same bytes for the same folder, whatever the dates, permissions and order on disk', async () => {
		const names = Object.keys(FILES);
		const first = await zipDirectory(folder(names), EPOCH);
		expect(await zipDirectory(folder(names), EPOCH)).toEqual(first);
		const touched = folder([...names].reverse(), (dir, file, index) => {
			utimesSync(path.join(dir, file), new Date(2001, 1, 3 + index), new Date(2011, 4, 5, index, 17, 31));
			chmodSync(path.join(dir, file), index % 2 ? 0o600 : 0o755);
		});
		expect(Buffer.from(await zipDirectory(touched, EPOCH)).equals(Buffer.from(first))).toBe(true);
	});

	it('gives the same bytes in every time zone', async () => {
		const dir = folder(Object.keys(FILES));
		const zips = [];
		for (const zone of ['UTC', 'America/Santiago', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu']) {
			process.env['TZ'] = zone;
			zips.push(Buffer.from(await zipDirectory(dir, EPOCH)).toString('hex'));
		}
		expect(new Set(zips).size).toBe(1);
	});

	it('changes with the content and with the date it is given (so the comparisons above can fail)', async () => {
		const dir = folder(Object.keys(FILES));
		const zip = Buffer.from(await zipDirectory(dir, EPOCH));
		writeFileSync(path.join(dir, 'popup/index.html'), '<!DOCTYPE html>\n');
		expect(Buffer.from(await zipDirectory(dir, EPOCH)).equals(zip)).toBe(false);
		expect(Buffer.from(await zipDirectory(folder(Object.keys(FILES)), EPOCH + 86400)).equals(zip)).toBe(false);
	});

	it('sorts the entries, dates each the given day at 12:00, mode 0644, no extra field, and round-trips', async () => {
		const zip = await zipDirectory(folder(Object.keys(FILES)), EPOCH);
		const records = zipRecords(zip);
		expect(records.map((record) => record.name)).toEqual(Object.keys(FILES).sort());
		const dosDate = ((2026 - 1980) << 9) | (11 << 5) | 29;
		const dosTime = 12 << 11;
		for (const record of records) {
			expect(record).toMatchObject({madeBy: 3, mode: 0o100644, extraLength: 0, commentLength: 0, localExtraLength: 0});
			expect(record.flags & 0b1000, 'no data descriptor').toBe(0);
			expect([record.date, record.time, record.localDate, record.localTime]).toEqual([
				dosDate,
				dosTime,
				dosDate,
				dosTime,
			]);
		}
		const unzipped = unzipSync(zip);
		for (const [name, content] of Object.entries(FILES))
			expect(Buffer.from(unzipped[name]!).equals(Buffer.from(content))).toBe(true);
	});

	it('keeps a file executable, and refuses paths a zip must not hold', () => {
		const records = zipRecords(
			zipEntries(
				[
					{path: 'run', data: new Uint8Array([1]), executable: true},
					{path: 'a', data: new Uint8Array([2])},
				],
				EPOCH,
			),
		);
		expect(records.map(({name, mode}) => [name, mode])).toEqual([
			['a', 0o100644],
			['run', 0o100755],
		]);
		for (const bad of ['/etc/passwd', '../up', 'a//b', 'dir/', 'a\\b', '42'])
			expect(() => zipEntries([{path: bad, data: new Uint8Array()}], EPOCH), bad).toThrow();
		expect(() =>
			zipEntries(
				[
					{path: 'x', data: new Uint8Array()},
					{path: 'x', data: new Uint8Array()},
				],
				EPOCH,
			),
		).toThrow('Two zip entries with the same path: x');
	});

	it('dates before 1980 are clamped to 1980-01-01', () => {
		const date = zipDate(0);
		expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours()]).toEqual([1980, 0, 1, 12]);
	});
});

const GIT_ENV = {
	...process.env,
	GIT_AUTHOR_NAME: 'Test',
	GIT_AUTHOR_EMAIL: 'test@example.org',
	GIT_COMMITTER_NAME: 'Test',
	GIT_COMMITTER_EMAIL: 'test@example.org',
	GIT_AUTHOR_DATE: '2026-11-29T08:00:00Z',
	GIT_COMMITTER_DATE: '2026-11-29T08:00:00Z',
};
const git = (cwd: string, ...args: string[]) =>
	execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
		cwd,
		env: GIT_ENV,
		encoding: 'utf8',
	});

describe('the source archive', () => {
	it('holds HEAD exactly: long and non-ASCII paths, executables, links; nothing uncommitted', () => {
		const repo = tempDir();
		const long = `${'deep/'.repeat(25)}file-with-a-long-name.txt`;
		write(repo, {
			'BUILD.md': '# Build\n',
			'run.sh': '#!/bin/sh\n',
			[long]: 'long\n',
			'données/été.txt': 'été\n',
		});
		chmodSync(path.join(repo, 'run.sh'), 0o755);
		symlinkSync('BUILD.md', path.join(repo, 'link.md'));
		git(repo, 'init', '-q');
		git(repo, 'add', '-A');
		git(repo, 'commit', '-qm', 'first');
		write(repo, {'untracked.txt': 'not in HEAD\n', 'BUILD.md': '# Changed\n'});

		expect(uncommittedChanges(repo).sort()).toEqual([' M BUILD.md', '?? untracked.txt']);
		expect(sourceDateEpoch(repo, {})).toBe(Date.parse('2026-11-29T08:00:00Z') / 1000);
		expect(sourceDateEpoch(repo, {SOURCE_DATE_EPOCH: '1700000000'})).toBe(1700000000);
		expect(() => sourceDateEpoch(repo, {SOURCE_DATE_EPOCH: 'yesterday'})).toThrow('SOURCE_DATE_EPOCH');

		const zip = sourceZip(headEntries(repo), 'app-1.0', 1795941199);
		const files = unzipSync(zip);
		expect(Object.keys(files).sort()).toEqual(
			['BUILD.md', 'données/été.txt', 'link.md', long, 'run.sh'].map((name) => `app-1.0/${name}`).sort(),
		);
		expect(Buffer.from(files['app-1.0/BUILD.md']!).toString()).toBe('# Build\n');
		expect(Buffer.from(files[`app-1.0/${long}`]!).toString()).toBe('long\n');
		const modes = Object.fromEntries(zipRecords(zip).map(({name, mode}) => [name, mode]));
		expect(modes['app-1.0/run.sh']).toBe(0o100755);
		expect(modes['app-1.0/link.md']).toBe(0o120777);
		expect(modes['app-1.0/BUILD.md']).toBe(0o100644);
		expect(Buffer.from(files['app-1.0/link.md']!).toString()).toBe('BUILD.md');
	});

	it('refuses a HEAD without BUILD.md', () => {
		const repo = tempDir();
		write(repo, {'README.md': '# x\n'});
		git(repo, 'init', '-q');
		git(repo, 'add', '-A');
		git(repo, 'commit', '-qm', 'first');
		expect(() => sourceZip(headEntries(repo), 'x', 0)).toThrow('BUILD.md is not committed');
	});

	it('reads pax headers for paths over 100 bytes', () => {
		const repo = tempDir();
		const name = `${'é'.repeat(60)}.txt`; // 124 bytes in UTF-8
		write(repo, {[name]: 'x'});
		git(repo, 'init', '-q');
		git(repo, 'add', '-A');
		git(repo, 'commit', '-qm', 'first');
		const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD'], {cwd: repo});
		expect(readTar(tar).map((entry) => entry.path)).toEqual([name]);
	});
});

describe('the build of HEAD', () => {
	it('refuses a node_modules that is not what package-lock.json pins', async () => {
		const nodeModules = tempDir();
		write(nodeModules, {
			'preact/package.json': '{"version": "10.29.8"}',
			'esbuild/package.json': '{"version": "0.27.0"}',
			'@types/node/package.json': '{"version": "20.19.43"}',
		});
		const packages = {
			'': {version: '0.1.0'},
			'node_modules/preact': {version: '10.29.8'},
			'node_modules/esbuild': {version: '0.28.2', dev: true},
			'node_modules/@types/node': {version: '20.19.43', dev: true},
			'node_modules/zod': {version: '4.6.7'},
			'node_modules/@esbuild/darwin-arm64': {version: '0.28.2', dev: true, optional: true},
		};
		expect(await installedMismatches(packages, nodeModules)).toEqual([
			'esbuild: 0.27.0 installed, 0.28.2 locked',
			'zod: not installed (4.6.7 locked)',
		]);
		expect(await installedMismatches(packages, path.join(ROOT, 'node_modules'))).toEqual([]);
	});
});

async function tree(dir: string): Promise<Map<string, string>> {
	const files = new Map<string, string>();
	for (const name of (await readdir(dir, {recursive: true, withFileTypes: true})).filter((e) => e.isFile())) {
		const full = path.join(name.parentPath, name.name);
		files.set(path.relative(dir, full).split(path.sep).join('/'), (await readFile(full)).toString('base64'));
	}
	return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A node_modules for `project` without installing: what the bundles contain (package.json's
 * dependencies) copied, as `npm ci` would place it, and every other package (the build tools) linked to
 * the repository's install. A link alone would not do: esbuild follows it and hashes the real path,
 * relative to the project, into the chunk names, which then depend on where the project sits.
 */
function installFrom(repo: string, project: string): void {
	const from = realpathSync(path.join(repo, 'node_modules'));
	const bundled = Object.keys(
		(JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as {dependencies: Record<string, string>})
			.dependencies,
	);
	const to = path.join(project, 'node_modules');
	mkdirSync(to);
	for (const entry of readdirSync(from)) {
		if (entry.startsWith('@')) {
			mkdirSync(path.join(to, entry));
			for (const scoped of readdirSync(path.join(from, entry)))
				place(path.join(from, entry, scoped), path.join(to, entry, scoped), bundled.includes(`${entry}/${scoped}`));
		} else place(path.join(from, entry), path.join(to, entry), bundled.includes(entry));
	}
	function place(source: string, target: string, copy: boolean) {
		if (copy) cpSync(source, target, {recursive: true});
		else symlinkSync(source, target);
	}
}

/** npm run release in `cwd`, as a person runs it (no test-runner variables, no SOURCE_DATE_EPOCH). */
function runRelease(cwd: string, ...args: string[]) {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|SOURCE_DATE_EPOCH$|TZ$)/.test(key)),
	);
	return spawnSync('npm', ['run', '--silent', 'release', ...(args.length ? ['--', ...args] : [])], {
		cwd,
		env,
		encoding: 'utf8',
	});
}

describe('npm run release, end to end', () => {
	it(
		'two clean clones give byte-identical files, and the source archive rebuilds the packaged extension exactly',
		{timeout: 180_000},
		async () => {
			const work = tempDir();
			const head = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: ROOT, encoding: 'utf8'}).trim();
			const {version} = await readReleaseInfo(ROOT);
			const outputs: Array<Map<string, string>> = [];
			for (const name of ['a', 'b']) {
				const clone = path.join(work, name);
				execFileSync('git', ['clone', '--quiet', '--no-checkout', ROOT, clone]);
				execFileSync('git', ['checkout', '--quiet', '--detach', head], {cwd: clone});
				if (name === 'a') {
					// As in a worktree that shares one install: node_modules is a link to a folder elsewhere.
					symlinkSync(realpathSync(path.join(ROOT, 'node_modules')), path.join(clone, 'node_modules'));
					writeFileSync(path.join(clone, '.git/info/exclude'), '/node_modules\n'); // .gitignore has node_modules/, a folder
				} else installFrom(ROOT, clone); // as npm ci lays it out
				const result = runRelease(clone);
				expect(result.status, `${name}: ${result.stdout}\n${result.stderr}`).toBe(0);
				outputs.push(await tree(path.join(clone, 'dist/release', version)));
			}
			const [a, b] = outputs as [Map<string, string>, Map<string, string>];
			const release = path.join(work, 'a/dist/release', version);
			expect([...a.keys()]).toEqual(
				[
					'RELEASE-NOTES.md',
					'SHA256SUMS',
					`photo-privacy-advisor-${version}-source.zip`,
					`photo-privacy-advisor-chrome-${version}.zip`,
					`photo-privacy-advisor-firefox-${version}.zip`,
				].sort(),
			);
			for (const [file, content] of a) expect(b.get(file) === content, `${file} differs between the clones`).toBe(true);
			const sums = readFileSync(path.join(release, 'SHA256SUMS'), 'utf8');
			expect(
				sums
					.trimEnd()
					.split('\n')
					.map((line) => line.slice(66))
					.sort(),
			).toEqual([...a.keys()].filter((file) => file !== 'SHA256SUMS'));
			for (const line of sums.trimEnd().split('\n'))
				expect(line, 'SHA256SUMS').toBe(
					`${sha256(readFileSync(path.join(release, line.slice(66))))}  ${line.slice(66)}`,
				);

			// The source archive, unpacked elsewhere and built as BUILD.md says, gives exactly the packaged files.
			const source = unzipSync(readFileSync(path.join(release, `photo-privacy-advisor-${version}-source.zip`)));
			const unpacked = path.join(work, 'source');
			for (const [name, data] of Object.entries(source)) write(unpacked, {[name]: data});
			const top = path.join(unpacked, `photo-privacy-advisor-${version}`);
			const buildMd = readFileSync(path.join(top, 'BUILD.md'), 'utf8');
			expect(buildMd).toMatch(/```sh\nnpm ci\nnpm run build\n```/);
			installFrom(ROOT, top);
			execFileSync('npm', ['run', '--silent', 'build'], {cwd: top, stdio: 'pipe'});
			for (const target of ['chrome', 'firefox']) {
				const zip = unzipSync(readFileSync(path.join(release, `photo-privacy-advisor-${target}-${version}.zip`)));
				const packaged = new Map(
					Object.entries(zip)
						.map(([name, data]) => [name, Buffer.from(data).toString('base64')] as const)
						.sort(([x], [y]) => (x < y ? -1 : 1)),
				);
				expect(packaged.size, target).toBeGreaterThan(10);
				expect(await tree(path.join(top, 'dist', target)), target).toEqual(packaged);
			}

			// A working tree with a change that is not committed is refused, before anything is built.
			writeFileSync(path.join(work, 'a/stray.txt'), 'not committed\n');
			const dirty = runRelease(path.join(work, 'a'));
			expect(dirty.status).toBe(1);
			expect(dirty.stderr).toContain('The working tree has changes that are not committed:\n  ?? stray.txt');
			expect(dirty.stdout).not.toContain('background.js');
			// …and a version mismatch names both versions.
			writeFileSync(
				path.join(work, 'b/manifest.json'),
				readFileSync(path.join(work, 'b/manifest.json'), 'utf8').replace(
					`"version": "${version}"`,
					'"version": "9.9.9"',
				),
			);
			const mismatch = runRelease(path.join(work, 'b'), '--allow-dirty');
			expect(mismatch.status).toBe(1);
			expect(mismatch.stderr).toContain(
				`Version mismatch: manifest.json says "9.9.9" but package.json says "${version}"`,
			);
		},
	);
});
