/**
 * The watch build under an editor's pace: 50 saves in 10 seconds to TypeScript, CSS, HTML and locale files of a
 * scratch copy of the project. No build may fail, no two builds may run at once, and once it settles the output
 * must be exactly what a fresh build of the last saved files gives.
 */
import {cp, mkdtemp, readdir, readFile, realpath, rename, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {Builder} from './builder';
import {startWatch, type WatchEvent} from './watch';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAVES = 50;
const SAVE_EVERY_MS = 200; // 50 saves in 10 s

type Edit = {file: string; mark: (source: string, save: number) => string; atomic: boolean};

/** Each save changes one file (in turn) so that its output shows which save it was. */
const EDITS: Edit[] = [
	{
		file: 'src/background/index.ts',
		mark: (source, save) => `${source}\nconsole.info('watch-test save ${save}');\n`,
		atomic: false,
	},
	{
		file: 'src/content/index.ts',
		mark: (source, save) => `${source}\nconsole.info('watch-test save ${save}');\n`,
		atomic: false,
	},
	{
		file: 'src/popup/popup.css',
		mark: (source, save) => `${source}\n.watch-test-${save} {color: red;}\n`,
		atomic: false,
	},
	// Saved as some editors do: a new file renamed over the old one.
	{file: 'src/options/index.html', mark: (source, save) => `${source}<!-- watch-test save ${save} -->\n`, atomic: true},
	{
		file: 'locales/fr/messages.json',
		// A message the browser's _locales keep (the manifest's: the build drops the others).
		mark: (source, save) => source.replace(/("extShortName": \{\s*"message": )"[^"]*"/, `$1"save ${save}"`),
		atomic: true,
	},
];

async function tree(dir: string): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		files.set(path.relative(dir, file), await readFile(file));
	}
	return files;
}

describe('npm run watch', () => {
	let scratch: string;

	beforeAll(async () => {
		scratch = await mkdtemp(path.join(tmpdir(), 'watch-test-'));
		for (const entry of ['src', 'locales', 'icons', 'manifest.json', 'package.json', 'tsconfig.json']) {
			await cp(path.join(repo, entry), path.join(scratch, entry), {recursive: true});
		}
		await symlink(await realpath(path.join(repo, 'node_modules')), path.join(scratch, 'node_modules'));
	});

	afterAll(async () => {
		await rm(scratch, {recursive: true, force: true});
	});

	it('builds one at a time through 50 saves in 10 seconds, and ends with the last save', async () => {
		const events: WatchEvent[] = [];
		let running = 0;
		let mostAtOnce = 0;
		const outDir = path.join(scratch, 'dist');
		const watcher = await startWatch({
			root: scratch,
			outDir,
			onEvent(event) {
				events.push(event);
				if (event.type === 'start') mostAtOnce = Math.max(mostAtOnce, ++running);
				else running--;
			},
		});
		try {
			await watcher.idle();
			const originals = await Promise.all(EDITS.map((edit) => readFile(path.join(scratch, edit.file), 'utf8')));
			const last = new Map<string, number>();
			for (let save = 0; save < SAVES; save++) {
				const i = save % EDITS.length;
				const edit = EDITS[i]!;
				const file = path.join(scratch, edit.file);
				const text = edit.mark(originals[i]!, save);
				if (edit.atomic) {
					await writeFile(path.join(scratch, 'saving.tmp'), text);
					await rename(path.join(scratch, 'saving.tmp'), file);
				} else {
					await writeFile(file, text);
				}
				last.set(edit.file, save);
				await new Promise((resolve) => setTimeout(resolve, SAVE_EVERY_MS));
			}

			const errors = () => events.filter((event) => event.type === 'error');
			expect(errors()).toEqual([]);
			expect(mostAtOnce).toBe(1);

			// Settled: every last save is in both browsers' output, and no build is running or waiting.
			const shows = async (target: string, file: string, text: string) =>
				(await readFile(path.join(outDir, target, file), 'utf8')).includes(text);
			await vi.waitFor(
				async () => {
					for (const target of ['chrome', 'firefox']) {
						expect(await shows(target, 'background.js', `watch-test save ${last.get(EDITS[0]!.file)}`)).toBe(true);
						expect(await shows(target, 'content.js', `watch-test save ${last.get(EDITS[1]!.file)}`)).toBe(true);
						expect(await shows(target, 'popup/popup.css', `.watch-test-${last.get(EDITS[2]!.file)}{`)).toBe(true);
						expect(await shows(target, 'options/index.html', `save ${last.get(EDITS[3]!.file)} -->`)).toBe(true);
						expect(await shows(target, '_locales/fr/messages.json', `"save ${last.get(EDITS[4]!.file)}"`)).toBe(true);
					}
				},
				{timeout: 30_000, interval: 100},
			);
			await watcher.idle();

			expect(errors()).toEqual([]);
			expect(mostAtOnce).toBe(1);
			expect(events.filter((event) => event.type === 'end').length).toBeGreaterThan(1);

			// The whole output is exactly a fresh build of the final files: nothing stale, nothing missing.
			const fresh = path.join(scratch, 'fresh');
			const builder = await Builder.create({root: scratch, outDir: fresh, mode: 'dev'});
			await builder.build('all').finally(() => builder.dispose());
			for (const target of ['chrome', 'firefox']) {
				const watched = await tree(path.join(outDir, target));
				const expected = await tree(path.join(fresh, target));
				expect([...watched.keys()].sort()).toEqual([...expected.keys()].sort());
				for (const [file, bytes] of expected) expect(watched.get(file)?.equals(bytes), `${target}/${file}`).toBe(true);
			}
		} finally {
			await watcher.close();
		}
	}, 90_000);
});
