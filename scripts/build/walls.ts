/**
 * The walls between the extension's contexts, proved on what each bundle really contains: esbuild's metafile
 * lists every module in every output file, imports of imports too. ESLint (eslint.config.js) stops the direct
 * imports; this check also catches a wall crossed two imports away. The build fails on a crossing, naming the
 * bundle, the module that should not be there and the module that imported it.
 *
 * A bundle is its entry output plus every chunk it loads (the pages and the background share chunks).
 */
import path from 'node:path';
import type {Metafile} from 'esbuild';
import {SHARED_MODULES} from './options';

/** A kind of module, known by its path in the metafile (relative to the project root). */
type Group = {name: string; test: (input: string) => boolean};

const npm = (name: string): Group => ({name, test: (input) => packageOf(input) === name});
const folder = (dir: string): Group => ({name: `${dir}/`, test: (input) => input.startsWith(`${dir}/`)});

const ZOD = npm('zod');
const IDB = npm('idb');
const PREACT = npm('preact');
/** No bundle ships it: every context uses the browser's own API (src/core/browser.ts); only its types are used. */
const POLYFILL = npm('webextension-polyfill');
const BACKGROUND = folder('src/background');
const CONTENT = folder('src/content');
const PAGE_CODE = ['src/popup', 'src/compare', 'src/options', 'src/ui'].map(folder);
/** The catalogues and the page data: files of their own (./options.ts SHARED_MODULES), imported, never bundled. */
const SHARED: Group = {
	name: 'a shared module (imported by path, never bundled)',
	test: (input) => SHARED_MODULES.has(input),
};

/** Every language's catalogue given to i18n: the background's only; a page loads its own language's (src/ui/catalogue.ts). */
const EVERY_CATALOGUE: Group = {
	name: 'every language’s catalogue',
	test: (input) => input === 'src/core/every-catalogue.ts',
};

export type Wall = {
	/** The entry output, as a path inside dist/<target>. */
	bundle: string;
	/** When set, the only modules the bundle may contain: exact paths, or patterns. */
	only?: ReadonlyArray<string | RegExp>;
	/** Kinds of module the bundle may not contain. */
	never?: readonly Group[];
	why: string;
};

const PAGE_WALL =
	'a page talks to the background by messages and ships no zod, idb, background or content code, ' +
	'nor webextension-polyfill (the browser API is its own), nor a copy of the catalogues or page data, and loads its ' +
	"own language's catalogue, not the ten (src/ui/catalogue.ts)";

const WALLS: readonly Wall[] = [
	{
		bundle: 'content.js',
		// Exactly what it contains today. Not the dataset: src/data/rules.ts is replaced by its rules as a literal
		// (scripts/build/options.ts), so dataset.json here means that replacement broke. Not webextension-polyfill
		// either: src/core/browser.ts takes the browser's own API.
		only: [
			/^src\/content\/[^/]+$/,
			'src/core/url-match.ts',
			'src/core/browser.ts',
			'src/core/send.ts',
			'src/core/i18n.ts',
			'src/core/serial.ts',
			'src/data/rules.ts',
		],
		why: 'the content script stays tiny: its own code, the URL matcher, the browser API, messages, i18n and the rules',
	},
	{
		bundle: 'export-helper.js',
		// The export-page helper (a move in progress, on the service's own export page): built with content.js, as
		// small. It shows what the background resolved (HelperModel), so no dataset, no rules, no URL matcher.
		only: [
			'src/content/export-helper.ts',
			'src/content/dom.ts',
			'src/content/banner.css',
			'src/core/browser.ts',
			'src/core/send.ts',
			'src/core/i18n.ts',
		],
		why: 'the export-page helper stays tiny: its own code, its styles, the browser API, messages and i18n',
	},
	{
		// The popup's first script (src/popup/requests.ts): its requests and nothing else, before the rest loads.
		bundle: 'popup/early.js',
		only: [
			'src/popup/early.ts',
			'src/popup/requests.ts',
			'src/popup/current-tab.ts',
			'src/core/browser.ts',
			'src/core/send.ts',
			'src/core/languages.ts',
			'src/core/settings-defaults.ts',
			'src/core/language-files.ts',
		],
		why: "the popup's early script only asks (and loads its language's files): the browser API, messages, the language map, the default settings and the language files' imports",
	},
	{bundle: 'popup/popup.js', never: [ZOD, IDB, BACKGROUND, CONTENT, POLYFILL, SHARED, EVERY_CATALOGUE], why: PAGE_WALL},
	{bundle: 'move/move.js', never: [ZOD, IDB, BACKGROUND, CONTENT, POLYFILL, SHARED, EVERY_CATALOGUE], why: PAGE_WALL},
	{
		bundle: 'compare/compare.js',
		never: [ZOD, IDB, BACKGROUND, CONTENT, POLYFILL, SHARED, EVERY_CATALOGUE],
		why: PAGE_WALL,
	},
	{
		bundle: 'options/options.js',
		never: [IDB, BACKGROUND, CONTENT, POLYFILL, SHARED, EVERY_CATALOGUE],
		why:
			'a page talks to the background by messages and ships no idb, background or content code, ' +
			'nor webextension-polyfill (the browser API is its own), nor a copy of the catalogues or page data, and ' +
			"loads its own language's catalogue, not the ten (src/ui/catalogue.ts)",
	},
	{
		bundle: 'background.js',
		never: [PREACT, CONTENT, ...PAGE_CODE, POLYFILL, SHARED],
		why:
			'the background is no page: no Preact, no page or content code; no webextension-polyfill ' +
			'(the browser API is its own, its messages answered by sendResponse); no copy of the catalogues',
	},
	// The shared modules themselves: each file holds its one source (a catalogue or page data file pulling in code
	// would load that code into every context).
	...[...SHARED_MODULES].map(([source, file]): Wall => ({
		bundle: file.slice(1),
		only: [source],
		why: 'a shared module is its data only',
	})),
];

/** Crossings tolerated for now, one a line; each names why and is deleted as soon as that reason is gone. */
export type Allowance = {bundles: readonly string[]; group: string; reason: string};

export const TEMPORARY_ALLOWANCES: readonly Allowance[] = [
	// None. (Popup and comparison shipped zod through src/core/settings.ts until the settings' constants and
	// defaults moved to src/core/settings-defaults.ts and the pages' data to src/data/pages/<lang>.json.)
];

/** The npm package a metafile input belongs to, or undefined for the project's own files. */
function packageOf(input: string): string | undefined {
	return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
}

/** How an input is named in messages: a package's files from node_modules/ on, the project's as they are. */
function label(input: string): string {
	const at = input.lastIndexOf('node_modules/');
	return at === -1 ? input : input.slice(at);
}

/**
 * The crossings of `walls` in one esbuild build. `outdir` is the build's output folder as an absolute path and
 * `workingDir` the build's absWorkingDir (metafile paths are relative to it). Returns one message per crossing.
 */
export function checkWalls(
	metafile: Metafile,
	opts: {outdir: string; workingDir: string; walls?: readonly Wall[]; allowances?: readonly Allowance[]},
): string[] {
	const walls = opts.walls ?? WALLS;
	const allowances = opts.allowances ?? TEMPORARY_ALLOWANCES;
	const problems: string[] = [];
	for (const [output, meta] of Object.entries(metafile.outputs)) {
		if (!meta.entryPoint) continue;
		const bundle = path.relative(opts.outdir, path.resolve(opts.workingDir, output)).split(path.sep).join('/');
		const wall = walls.find((w) => w.bundle === bundle);
		if (!wall) continue;
		// What a module is reported as when it should not be here: its package or its path; or its group.
		const offence = (input: string): string | undefined => {
			const group = wall.never?.find((g) => g.test(input));
			if (group) return group.name;
			if (wall.only && !wall.only.some((allowed) => matches(allowed, input))) return packageOf(input) ?? input;
			return undefined;
		};
		const names = new Set<string>();
		for (const input of modulesOf(metafile, output)) {
			const name = offence(input);
			if (name === undefined || allowances.some((a) => a.bundles.includes(bundle) && a.group === name)) continue;
			names.add(name);
		}
		for (const name of names) {
			const {module, importer, chain} = explain(metafile, meta.entryPoint, (input) => offence(input) === name);
			problems.push(
				`${bundle} contains ${name === module ? label(module) : `${name} (${label(module)})`}, ` +
					`imported by ${label(importer)} (${chain.map(label).join(' → ')}): ${wall.why}.`,
			);
		}
	}
	return problems;
}

function matches(allowed: string | RegExp, input: string): boolean {
	return typeof allowed === 'string' ? allowed === input : allowed.test(input);
}

/** Every input in an output and in the chunks it loads, statically or dynamically. */
function modulesOf(metafile: Metafile, output: string): Set<string> {
	const seen = new Set<string>();
	const inputs = new Set<string>();
	const queue = [output];
	for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
		if (seen.has(file)) continue;
		seen.add(file);
		const meta = metafile.outputs[file];
		if (!meta) continue;
		for (const input of Object.keys(meta.inputs)) inputs.add(input);
		for (const imported of meta.imports) if (!imported.external) queue.push(imported.path);
	}
	return inputs;
}

/**
 * Where the wall is crossed: the shortest import chain from the entry point to a module that is `offending`, and
 * so the first offending module and the module that imported it.
 */
function explain(
	metafile: Metafile,
	entry: string,
	offending: (input: string) => boolean,
): {module: string; importer: string; chain: string[]} {
	const parent = new Map<string, string>();
	const queue = [entry];
	const seen = new Set([entry]);
	for (let input = queue.shift(); input !== undefined; input = queue.shift()) {
		if (offending(input)) {
			const chain = [input];
			for (let p = parent.get(input); p !== undefined; p = parent.get(p)) chain.unshift(p);
			return {module: input, importer: parent.get(input) ?? input, chain};
		}
		for (const imported of metafile.inputs[input]?.imports ?? []) {
			if (imported.external || seen.has(imported.path)) continue;
			seen.add(imported.path);
			parent.set(imported.path, input);
			queue.push(imported.path);
		}
	}
	return {module: entry, importer: '(not found in the import graph)', chain: [entry]};
}
