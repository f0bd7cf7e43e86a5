/**
 * The builder: dist/<target> for each browser, a complete unpacked extension, built by esbuild contexts that
 * live as long as the builder, so a rebuild re-reads only what changed (esbuild's incremental context.rebuild()).
 *
 * One build: validate the dataset when it changed (an invalid dataset fails the build), rebuild the esbuild units
 * whose inputs changed, check the bundle walls (./walls.ts), then write only the files whose bytes changed,
 * remove outputs that are no longer produced (old chunks), copy the pages, icons and locales that changed, and
 * derive each manifest (scripts/manifest.ts) with content-script match patterns generated from the catalogue.
 *
 * A build that fails writes nothing, and the next one rebuilds everything. Files are written by renaming a
 * finished temporary file over the old one, so a browser reading dist/ never sees half a file. The builder
 * never deletes dist/<target>: the release build and a watch session clear it once, before their first build.
 * It runs one build at a time: the caller (scripts/build.ts, ./watch.ts) awaits each build before the next.
 */
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {datasetSchema, type Dataset} from '../../src/data/schema';
import {BROWSER_LOCALE_FOLDERS, isLanguage, LANGUAGES} from '../../src/core/languages';
import {popupPage} from '../../src/core/shared-modules';
import {matchPatternsFor} from '../../src/core/url-match';
import {deriveManifest, type Manifest, type Target} from '../manifest';
import {ALSO_READS, PAGES, SPLIT_PAGES, unitOptions, type Mode, type UnitName} from './options';
import {popupInLanguage, preloadHrefs, withModulePreloads} from './preload';
import {checkWalls} from './walls';

const TARGETS: readonly Target[] = ['chrome', 'firefox'];
const ICON_SIZES = [16, 32, 48, 96, 128];

async function loadDataset(root: string): Promise<Dataset> {
	const raw: unknown = JSON.parse(await readFile(path.join(root, 'src/data/dataset.json'), 'utf8'));
	const result = datasetSchema.safeParse(raw);
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
		throw new Error(`src/data/dataset.json does not match src/data/schema.ts:\n${lines.join('\n')}`);
	}
	return result.data;
}

/** One content-script entry for all services: the script decides from the whole URL (core/url-match.ts). */
function contentScriptMatches(dataset: Dataset): string[] {
	return [
		...new Set(dataset.services.flatMap((service) => matchPatternsFor(service.match.rules, service.match.inject))),
	].sort();
}

/** Writes `bytes` to `file` unless it already holds them; true when it wrote. */
async function writeIfChanged(file: string, bytes: Uint8Array | string): Promise<boolean> {
	const next = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
	const current = await readFile(file).catch(() => undefined);
	if (current && Buffer.compare(current, next) === 0) return false;
	await mkdir(path.dirname(file), {recursive: true});
	const temporary = `${file}.${process.pid}.tmp`;
	await writeFile(temporary, next);
	await rename(temporary, file);
	return true;
}

async function filesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, {recursive: true, withFileTypes: true}).catch(() => []);
	return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

type Unit = {
	name: UnitName;
	target: Target;
	context: esbuild.BuildContext;
	/** Absolute paths of the files the last successful build read; empty before the first. */
	inputs: Set<string>;
	/** Absolute paths of the files the last successful build wrote. */
	outputs: Set<string>;
	/** esbuild's metafile of the last successful build (the pages' module preloads come from the scripts'). */
	metafile?: esbuild.Metafile;
};

/** What a build did, as paths relative to the output folder (e.g. `chrome/popup/popup.js`). */
export type BuildResult = {rebuilt: string[]; written: string[]; removed: string[]};

export type BuilderOptions = {
	/** The project: src/, locales/, icons/, manifest.json, package.json. */
	root: string;
	/** Where dist/<target> go; `<root>/dist` by default. */
	outDir?: string;
	mode: Mode;
	targets?: readonly Target[];
};

export class Builder {
	readonly root: string;
	readonly outDir: string;
	readonly targets: readonly Target[];
	private units: Unit[] = [];
	private dataset: Dataset | undefined;
	/** True until a build succeeds, and again after one fails: the next build then rebuilds everything. */
	private stale = true;

	private constructor(options: BuilderOptions) {
		this.root = path.resolve(options.root);
		this.outDir = path.resolve(options.outDir ?? path.join(this.root, 'dist'));
		this.targets = options.targets ?? TARGETS;
	}

	static async create(options: BuilderOptions): Promise<Builder> {
		const builder = new Builder(options);
		for (const target of builder.targets) {
			const all = unitOptions({
				root: builder.root,
				outdir: builder.targetDir(target),
				target,
				mode: options.mode,
				dataset: () => {
					if (!builder.dataset) throw new Error('The dataset is read before each build');
					return builder.dataset;
				},
			});
			for (const name of Object.keys(all) as UnitName[]) {
				const context = await esbuild.context(all[name]);
				builder.units.push({name, target, context, inputs: new Set(), outputs: new Set()});
			}
		}
		return builder;
	}

	targetDir(target: Target): string {
		return path.join(this.outDir, target);
	}

	/** Frees esbuild's contexts. */
	async dispose(): Promise<void> {
		await Promise.all(this.units.map((unit) => unit.context.dispose()));
	}

	/**
	 * Builds what `changed` (absolute paths of changed files) affects, or everything. Throws on any failure
	 * (esbuild's errors, an invalid dataset, a crossed wall), after which the next build is a full one.
	 */
	async build(changed: ReadonlySet<string> | 'all'): Promise<BuildResult> {
		const files = changed === 'all' || this.stale ? undefined : changed; // undefined: everything
		const touched = (file: string) => !files || files.has(file); // an absolute path
		const has = (file: string) => touched(path.join(this.root, file)); // a path in the project
		this.stale = true;
		if (has('src/data/dataset.json') || !this.dataset) this.dataset = await loadDataset(this.root);

		const units = files ? this.units.filter((unit) => this.affects(unit, files)) : this.units;
		const settled = await Promise.allSettled(units.map((unit) => unit.context.rebuild()));
		const failed = settled.find((result) => result.status === 'rejected');
		if (failed) throw failed.reason;
		const results = settled.map((result) => (result as PromiseFulfilledResult<esbuild.BuildResult>).value);

		const walls = units.flatMap((unit, i) =>
			checkWalls(results[i]!.metafile!, {outdir: this.targetDir(unit.target), workingDir: this.root}).map(
				(problem) => `  ${unit.target}/${problem}`,
			),
		);
		if (walls.length > 0) throw new Error(`A bundle crosses a wall between contexts:\n${walls.join('\n')}`);

		const done: BuildResult = {rebuilt: units.map((unit) => `${unit.target}/${unit.name}`), written: [], removed: []};
		const note = (list: string[], file: string) =>
			list.push(path.relative(this.outDir, file).split(path.sep).join('/'));
		for (const [i, unit] of units.entries()) {
			const result = results[i]!;
			const outputs = new Set<string>();
			for (const file of result.outputFiles!) {
				outputs.add(file.path);
				if (await writeIfChanged(file.path, file.contents)) note(done.written, file.path);
			}
			for (const file of unit.outputs) {
				if (outputs.has(file)) continue;
				await rm(file, {force: true});
				note(done.removed, file);
			}
			unit.outputs = outputs;
			unit.metafile = result.metafile!;
			unit.inputs = new Set([
				...Object.keys(result.metafile!.inputs).map((input) => path.resolve(this.root, input)),
				...ALSO_READS[unit.name].map((file) => path.join(this.root, file)),
			]);
		}

		const messagesOf = (lang: string) => path.join(this.root, 'locales', lang, 'messages.json');
		for (const target of this.targets) {
			const scripts = this.units.find((unit) => unit.target === target && unit.name === 'scripts');
			for (const [from, to] of await this.staticFiles(target)) {
				const page = PAGES.find((name) => from === path.join(this.root, `src/${name}/index.html`));
				if (page && SPLIT_PAGES.includes(page) && scripts?.metafile) {
					// A page's HTML also names the chunks its code imports (./preload.ts): rewritten when either changes.
					// Not the popup's: its code is one file, and preloads there delayed its first script (docs/performance.md).
					if (!touched(from) && !units.includes(scripts)) continue;
					const entry = path.relative(this.root, path.join(this.targetDir(target), page, `${page}.js`));
					const html = withModulePreloads(
						await readFile(from, 'utf8'),
						preloadHrefs(scripts.metafile, entry.split(path.sep).join('/')),
					);
					if (await writeIfChanged(to, html)) note(done.written, to);
					continue;
				}
				// The popup in each language too, the one the background sets for the settings' language: from its page and
				// each language's messages (its "Loading…").
				if (page === 'popup' && (touched(from) || LANGUAGES.some((lang) => touched(messagesOf(lang))))) {
					const html = await readFile(from, 'utf8');
					for (const lang of LANGUAGES) {
						const messages = JSON.parse(await readFile(messagesOf(lang), 'utf8')) as Record<string, {message: string}>;
						const page = popupInLanguage(html, lang, target === 'chrome', messages['popupLoading']!.message);
						const file = path.join(this.targetDir(target), popupPage(lang));
						if (await writeIfChanged(file, page)) note(done.written, file);
					}
				}
				if (!touched(from)) continue;
				const content = from.startsWith(path.join(this.root, 'locales') + path.sep)
					? browserLocale(await readFile(from, 'utf8'))
					: await readFile(from);
				if (await writeIfChanged(to, content)) note(done.written, to);
			}
			const locales = path.join(this.root, 'locales');
			if (!files || [...files].some((file) => file === locales || file.startsWith(locales + path.sep))) {
				const wanted = new Set((await this.staticFiles(target)).map(([, to]) => to));
				for (const file of await filesUnder(path.join(this.targetDir(target), '_locales'))) {
					if (wanted.has(file)) continue;
					await rm(file, {force: true});
					note(done.removed, file);
				}
			}
			if (has('manifest.json') || has('package.json') || has('src/data/dataset.json')) {
				const file = path.join(this.targetDir(target), 'manifest.json');
				if (await writeIfChanged(file, await this.manifest(target))) note(done.written, file);
			}
		}
		this.stale = false;
		return done;
	}

	/**
	 * Whether a change touches a unit: a file it read last time, or a folder holding one; or, since a new or
	 * removed file can change how an import resolves, any file under src/ that no unit read and that could be
	 * bundled (not a test).
	 */
	private affects(unit: Unit, changed: ReadonlySet<string>): boolean {
		const src = path.join(this.root, 'src') + path.sep;
		return [...changed].some(
			(file) =>
				unit.inputs.has(file) ||
				[...unit.inputs].some((input) => input.startsWith(file + path.sep)) ||
				(file.startsWith(src) &&
					/\.(tsx?|css|json)$/.test(file) &&
					!/\.test\.tsx?$/.test(file) &&
					!this.units.some((other) => other.inputs.has(file))),
		);
	}

	/** The pages, icons and locales, each as [source, destination], absolute. */
	private async staticFiles(target: Target): Promise<Array<[string, string]>> {
		const out = this.targetDir(target);
		const locales = path.join(this.root, 'locales');
		return [
			...PAGES.map((page): [string, string] => [
				path.join(this.root, `src/${page}/index.html`),
				path.join(out, `${page}/index.html`),
			]),
			...ICON_SIZES.map((size): [string, string] => [
				path.join(this.root, `icons/icon-${size}.png`),
				path.join(out, `icons/icon-${size}.png`),
			]),
			...(await filesUnder(locales)).flatMap((file): Array<[string, string]> => {
				const folder = localeFolder(path.relative(locales, file).split(path.sep)[0] ?? '');
				return folder ? [[file, path.join(out, '_locales', folder, 'messages.json')]] : [];
			}),
		];
	}

	private async manifest(target: Target): Promise<string> {
		const read = async <T>(file: string) => JSON.parse(await readFile(path.join(this.root, file), 'utf8')) as T;
		const base = await read<Manifest>('manifest.json');
		const {version} = await read<{version: string}>('package.json');
		const matches = contentScriptMatches(this.dataset!);
		const manifest = deriveManifest(base, target, {
			version,
			contentScripts: [{matches, js: ['content.js'], run_at: 'document_idle'}],
		});
		return `${JSON.stringify(manifest, null, 2)}\n`;
	}
}

/**
 * The browser's _locales/<folder> of a language of locales/ (core/languages.ts BROWSER_LOCALE_FOLDERS: zh-TW
 * → zh_TW; zh-Hant has none), or undefined.
 */
function localeFolder(lang: string): string | undefined {
	return isLanguage(lang) ? (BROWSER_LOCALE_FOLDERS[lang] ?? undefined) : undefined;
}

/**
 * What the browser reads from _locales: only the manifest's messages (__MSG_x__: name, short name,
 * description, toolbar title). Every text of the pages and the background comes from the extension's own
 * catalogues (src/core/catalogues.ts), in the language the person chose.
 */
const MANIFEST_MESSAGES = ['extName', 'extShortName', 'extDescription', 'actionTitle'] as const;

function browserLocale(messagesJson: string): string {
	const messages = JSON.parse(messagesJson) as Record<string, unknown>;
	return `${JSON.stringify(Object.fromEntries(MANIFEST_MESSAGES.map((key) => [key, messages[key]])), null, 2)}\n`;
}
