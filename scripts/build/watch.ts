/**
 * The watch build (`npm run watch`, and under `npm run dev`): one Builder (./builder.ts) for the whole session,
 * exactly one build in flight at a time. A change during a build is remembered and builds once more after it,
 * never alongside it; changes that arrive together build together. dist/<target> is cleared once, at the start,
 * and never again during the session.
 *
 * After each build that changed a browser's files, `<outDir>/<target>.stamp` is rewritten: `npm run dev` tells
 * web-ext to reload the extension when the stamp changes, so the browser reloads once per finished build,
 * never on a half-written one.
 */
import {existsSync, readdirSync, statSync, watch, type Dirent, type FSWatcher} from 'node:fs';
import {rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Target} from '../manifest';
import {Builder, type BuildResult} from './builder';

export type WatchEvent =
	| {type: 'start'; build: number; changed: 'all' | string[]}
	| {type: 'end'; build: number; result: BuildResult; ms: number}
	| {type: 'error'; build: number; error: unknown};

export type WatchOptions = {
	root: string;
	outDir?: string;
	targets?: readonly Target[];
	/** Told of every build's start, end or failure, in order. */
	onEvent?: (event: WatchEvent) => void;
	/** How long the files must stay quiet before a build starts, so a burst of writes builds once. */
	quietMs?: number;
};

export type Watcher = {
	builder: Builder;
	/** Resolves when no build runs and none is waiting. */
	idle(): Promise<void>;
	/** Stops watching, lets a running build finish, frees esbuild. */
	close(): Promise<void>;
};

export function stampFile(outDir: string, target: Target): string {
	return path.join(outDir, `${target}.stamp`);
}

export async function startWatch(options: WatchOptions): Promise<Watcher> {
	const builder = await Builder.create({...options, mode: 'dev'});
	const quietMs = options.quietMs ?? 50;
	for (const target of builder.targets) await rm(builder.targetDir(target), {recursive: true, force: true});

	let pending = new Set<string>();
	let everything = true;
	let running = false;
	let closed = false;
	let timer: NodeJS.Timeout | undefined;
	let count = 0;
	let waiters: Array<() => void> = [];

	const isIdle = () => !running && timer === undefined && pending.size === 0 && !everything;
	const wakeWaiters = () => {
		if (!isIdle()) return;
		for (const resolve of waiters) resolve();
		waiters = [];
	};

	async function buildOnce(changed: 'all' | Set<string>): Promise<void> {
		const build = ++count;
		const started = performance.now();
		options.onEvent?.({type: 'start', build, changed: changed === 'all' ? 'all' : [...changed]});
		try {
			const result = await builder.build(changed);
			for (const target of builder.targets) {
				const touched = [...result.written, ...result.removed].some((file) => file.startsWith(`${target}/`));
				if (!touched) continue;
				const stamp = stampFile(builder.outDir, target);
				await writeFile(`${stamp}.tmp`, `${new Date().toISOString()} build ${build}\n`);
				await rename(`${stamp}.tmp`, stamp);
			}
			options.onEvent?.({type: 'end', build, result, ms: performance.now() - started});
		} catch (error) {
			options.onEvent?.({type: 'error', build, error});
		}
	}

	async function run(): Promise<void> {
		timer = undefined;
		running = true;
		while (!closed && (everything || pending.size > 0)) {
			const changed = everything ? 'all' : pending;
			pending = new Set();
			everything = false;
			await buildOnce(changed);
		}
		running = false;
		wakeWaiters();
	}

	function changedFile(file: string): void {
		if (closed) return;
		pending.add(file);
		if (running) return; // the running build's loop builds again when it ends
		clearTimeout(timer);
		timer = setTimeout(() => void run(), quietMs);
	}

	const trees = ['src', 'locales', 'icons'].map((dir) => watchTree(path.join(builder.root, dir), changedFile));
	const rootFiles = new Set(['manifest.json', 'package.json']);
	const top = watch(builder.root, (_event, name) => {
		if (name && rootFiles.has(name)) changedFile(path.join(builder.root, name));
	});
	void run();

	return {
		builder,
		idle: () =>
			new Promise<void>((resolve) => {
				waiters.push(resolve);
				wakeWaiters();
			}),
		async close() {
			closed = true;
			clearTimeout(timer);
			timer = undefined;
			pending.clear();
			everything = false;
			for (const tree of trees) tree.close();
			top.close();
			await new Promise<void>((resolve) => {
				waiters.push(resolve);
				wakeWaiters();
			});
			await builder.dispose();
		},
	};
}

/**
 * Watches a folder and everything under it, calling `onChange` with the absolute path of each file created,
 * changed or removed. Each folder has its own watcher: Node 20's recursive fs.watch on Linux watches files one by
 * one and loses a file an editor saves by renaming a new copy over it; a folder's watcher sees that save.
 */
function watchTree(dir: string, onChange: (file: string) => void): {close(): void} {
	const watchers = new Map<string, FSWatcher>();
	const add = (folder: string, announce: boolean) => {
		if (watchers.has(folder)) return;
		let watcher: FSWatcher;
		try {
			watcher = watch(folder, (_event, name) => {
				if (!name) return onChange(folder);
				const file = path.join(folder, name);
				if (isFolder(file)) add(file, true);
				else onChange(file);
			});
		} catch {
			return; // gone already
		}
		watcher.on('error', () => {
			watcher.close();
			watchers.delete(folder);
		});
		watchers.set(folder, watcher);
		let entries: Dirent[] = [];
		try {
			entries = readdirSync(folder, {withFileTypes: true});
		} catch {
			// removed meanwhile: its watcher reports an error and goes
		}
		for (const entry of entries) {
			const file = path.join(folder, entry.name);
			if (entry.isDirectory()) add(file, announce);
			else if (announce) onChange(file); // written before this folder's watcher existed
		}
	};
	if (existsSync(dir)) add(dir, false);
	return {
		close() {
			for (const watcher of watchers.values()) watcher.close();
			watchers.clear();
		},
	};
}

function isFolder(file: string): boolean {
	try {
		return statSync(file).isDirectory();
	} catch {
		return false;
	}
}
