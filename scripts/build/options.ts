/**
 * What esbuild builds for one browser: five units, each one esbuild context, because each needs options the
 * others cannot share (the output format, code splitting, the loader of .css, how far names are minified).
 *
 * - scripts: the background and the extension pages but the popup, one ES-module build with code splitting, so the
 *   dataset, Preact and zod ship once, in shared chunks, instead of once per page;
 * - popup: the toolbar popup, one ES module with all its code: opened far more often than the other pages and
 *   timed against an empty page, it loads two files of code (early.js, popup.js) instead of nine
 *   (docs/performance.md);
 * - shared: the interface's catalogues (one file a language, and one importing them all) and each language's page
 *   data, one file each at a fixed path (src/core/shared-modules.ts) that the scripts and the popup import as
 *   external modules, so that neither ships them twice;
 * - content: the content script, an IIFE with every name minified;
 * - styles: each page's stylesheet.
 *
 * Release and development builds differ in exactly two things: `__DEV__` (false / true) and, in development,
 * inline source maps. Everything else is the same, so what you try in `npm run dev` is what ships.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {LANGUAGES} from '../../src/core/languages';
import {CATALOGUES_FILE, catalogueFile, pageDataFile} from '../../src/core/shared-modules';
import type {Dataset} from '../../src/data/schema';
import type {Target} from '../manifest';

export type Mode = 'release' | 'dev';
export type UnitName = 'scripts' | 'popup' | 'shared' | 'content' | 'styles';

export const PAGES = ['popup', 'options', 'compare', 'move'] as const;
/** The pages built together in the scripts unit, sharing chunks: all but the popup, a bundle of its own. */
export const SPLIT_PAGES: readonly string[] = PAGES.filter((page) => page !== 'popup');

/** Files a unit reads without importing them, relative to the root: a change to one rebuilds the unit. */
export const ALSO_READS: Record<UnitName, readonly string[]> = {
	scripts: [],
	popup: [],
	shared: [],
	content: ['src/data/dataset.json'],
	styles: [],
};

/** Each shared module (src/core/shared-modules.ts): its source, relative to the root, and its file in the build. */
export const SHARED_MODULES: ReadonlyMap<string, string> = new Map([
	['src/core/catalogues.ts', CATALOGUES_FILE],
	...LANGUAGES.map((lang): [string, string] => [`src/core/catalogues/${lang}.ts`, catalogueFile(lang)]),
	...LANGUAGES.map((lang): [string, string] => [`src/data/pages/${lang}.json`, pageDataFile(lang)]),
]);

/**
 * Imports of a shared module left as imports of its built file, by absolute extension path ("/i18n/catalogues.js"),
 * which resolves the same from the background at the root and from a page in its folder. The shared unit uses it
 * too: i18n/catalogues.js imports each language's file, it holds no copy of them.
 */
function sharedModulesExternal(root: string): esbuild.Plugin {
	const byPath = new Map([...SHARED_MODULES].map(([source, file]) => [path.join(root, source), file]));
	return {
		name: 'shared-modules-external',
		setup(build) {
			build.onResolve({filter: /(?:^|[/\\])(?:catalogues(?:[/\\][\w-]+)?|pages[/\\][\w-]+\.json)$/}, (args) => {
				if (args.kind === 'entry-point') return undefined;
				const resolved = path.resolve(args.resolveDir, args.path);
				const file = byPath.get(resolved) ?? byPath.get(`${resolved}.ts`);
				return file === undefined ? undefined : {path: file, external: true};
			});
		},
	};
}

/** Replaces src/data/rules.ts in the content bundle by its data as a literal: no dataset text ships there. */
function rulesAsLiteral(root: string, dataset: () => Dataset): esbuild.Plugin {
	const rulesFile = path.join(root, 'src/data/rules.ts');
	return {
		name: 'rules-literal',
		setup(build) {
			build.onLoad({filter: /[/\\]src[/\\]data[/\\]rules\.ts$/}, (args) => {
				if (path.resolve(args.path) !== rulesFile) return undefined;
				const {services, neverFlag} = dataset();
				const serviceRules = services.map(({id, match}) => ({id, rules: match.rules}));
				const neverRules = neverFlag.map(({id, rules}) => ({id, rules}));
				return {
					contents: `export const SERVICE_RULES = ${JSON.stringify(serviceRules)};\nexport const NEVER_FLAG_RULES = ${JSON.stringify(neverRules)};\n`,
					loader: 'js',
				};
			});
		},
	};
}

/**
 * The pages' data files (src/data/pages/<lang>.json, loaded by src/data/pages.ts) as minified JSON text, not
 * as a module of object literals: a string costs next to nothing to compile, and the page parses its one
 * language with JSON.parse, which is faster than evaluating the same data as code.
 */
function pageDataAsText(): esbuild.Plugin {
	return {
		name: 'page-data-text',
		setup(build) {
			build.onLoad({filter: /[/\\]src[/\\]data[/\\]pages[/\\][\w-]+\.json$/}, async (args) => ({
				contents: JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))),
				loader: 'text',
			}));
		},
	};
}

/**
 * The content script's stylesheet (src/content/banner.css, imported as text) minified: the banner parses
 * it on every photo page it appears on, so the fewer bytes the better.
 */
function minifiedCssText(): esbuild.Plugin {
	return {
		name: 'minified-css-text',
		setup(build) {
			build.onLoad({filter: /\.css$/}, async (args) => {
				const {code} = await esbuild.transform(await readFile(args.path, 'utf8'), {loader: 'css', minify: true});
				return {contents: code, loader: 'text'};
			});
		},
	};
}

/**
 * V8's explicit compile hint (Chrome 136+; a plain comment elsewhere): compile every function of the script at
 * once.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The content script starts with COMPILE_HINT. On a photo page it calls nearly every function it has (the URL
 * decision, the message, the banner's construction), and V8, left to itself, pre-parses each function when the
 * script is compiled, then parses it again and compiles it on its first call, on the page's main thread, in the
 * middle of the script's run. With the hint each function is parsed once, in the script's compile. Measured in
 * Chromium on the bench's photo page (docs/performance.md, 2026-12-07): in the bench's A/Bs of the two builds
 * in one run, the sampled time 1 to 1.6 ms lower, part of it compile moved to where samples do not see it, and
 * all of the script's time (samples and trace events, once) 1.4 ms lower, compile included; in a profile harness,
 * 0.5 ms lower in all. No more time on a page of a whole-host service that shows no banner. Only content.js: the
 * unit's other scripts were not measured with it. In development builds, the inline source map's lines move down
 * by one with the code.
 */
function compileHint(outdir: string, files: readonly string[]): esbuild.Plugin {
	const hinted = new Set(files.map((file) => path.join(outdir, file)));
	const encoder = new TextEncoder();
	const decoder = new TextDecoder();
	const SOURCE_MAP = '\n//# sourceMappingURL=data:application/json;base64,';
	return {
		name: 'compile-hint',
		setup(build) {
			build.onEnd((result) => {
				const outputs = result.outputFiles ?? [];
				for (const [i, file] of outputs.entries()) {
					if (!hinted.has(file.path)) continue;
					let text = decoder.decode(file.contents);
					const at = text.lastIndexOf(SOURCE_MAP);
					if (at !== -1) {
						const map = JSON.parse(
							Buffer.from(text.slice(at + SOURCE_MAP.length).trim(), 'base64').toString('utf8'),
						) as {
							mappings: string;
						};
						map.mappings = `;${map.mappings}`;
						text = `${text.slice(0, at)}${SOURCE_MAP}${Buffer.from(JSON.stringify(map)).toString('base64')}\n`;
					}
					// A fresh output file: esbuild's `hash` was of the old contents, and nothing here reads it, so it
					// is emptied rather than kept stale.
					const contents = encoder.encode(`${COMPILE_HINT}\n${text}`);
					outputs[i] = {path: file.path, hash: '', contents, text: decoder.decode(contents)};
				}
			});
		},
	};
}

/**
 * Removes the one HTML sink in Preact: `dangerouslySetInnerHTML`. The extension never uses it (nothing
 * from a page or a file may reach the DOM as HTML), and Firefox's linter rightly flags the assignment.
 * The assignment becomes a thrown error and clearing becomes `textContent = ""`. The build fails if
 * Preact's code changes shape, so an update cannot silently bring the sink back.
 */
function preactWithoutHtmlSink(): esbuild.Plugin {
	return {
		name: 'preact-without-html-sink',
		setup(build) {
			build.onLoad({filter: /[/\\]preact[/\\]dist[/\\]preact\.module\.js$/}, async (args) => {
				const source = await readFile(args.path, 'utf8');
				const set = /\(([\w$]+)\.innerHTML=[\w$]+\.__html\)/g;
				const clear = /\(([\w$]+)\.innerHTML=""\)/g;
				if ((source.match(set)?.length ?? 0) !== 1 || (source.match(clear)?.length ?? 0) !== 1) {
					throw new Error(`${args.path}: Preact changed; update preactWithoutHtmlSink in scripts/build/options.ts`);
				}
				const contents = source
					.replace(set, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in this extension")})()')
					.replace(clear, '($1.textContent="")');
				return {contents, loader: 'js'};
			});
		},
	};
}

/**
 * The options of each unit for one browser. Nothing is written by esbuild (`write: false`): the builder writes
 * only the files whose bytes changed. `dataset` is read at each build, so a changed dataset reaches the rules.
 */
export function unitOptions(opts: {
	root: string;
	outdir: string;
	target: Target;
	mode: Mode;
	dataset: () => Dataset;
}): Record<UnitName, esbuild.BuildOptions> {
	const {root, outdir, target, mode} = opts;
	const from = (file: string) => path.join(root, file);
	const common: esbuild.BuildOptions = {
		absWorkingDir: root,
		outdir,
		write: false,
		bundle: true,
		format: 'iife',
		target: target === 'chrome' ? ['chrome123'] : ['firefox142'],
		jsx: 'automatic',
		jsxImportSource: 'preact',
		loader: {'.css': 'text'},
		legalComments: 'none',
		// Text in every language as it is (UTF-8), not as \uXXXX escapes: Hebrew, Russian and Chinese texts
		// (catalogues, page data) would otherwise take three to six times their size.
		charset: 'utf8',
		// Readable output for store reviewers: whitespace and syntax minified, names kept.
		minifyWhitespace: true,
		minifySyntax: true,
		define: {
			'process.env.NODE_ENV': '"production"',
			__DEV__: mode === 'dev' ? 'true' : 'false',
			// Per browser, not per mode: code one browser can never run leaves the other's build (src/types.d.ts).
			__FIREFOX__: target === 'firefox' ? 'true' : 'false',
		},
		sourcemap: mode === 'dev' ? 'inline' : false,
		logLevel: 'warning',
		metafile: true,
	};
	return {
		scripts: {
			...common,
			format: 'esm',
			splitting: true,
			chunkNames: 'chunks/[name]-[hash]',
			entryPoints: {
				background: from('src/background/index.ts'),
				...Object.fromEntries(SPLIT_PAGES.map((page) => [`${page}/${page}`, from(`src/${page}/index.tsx`)])),
			},
			plugins: [preactWithoutHtmlSink(), sharedModulesExternal(root)],
		},
		popup: {
			...common,
			format: 'esm',
			entryPoints: {'popup/popup': from('src/popup/index.tsx')},
			plugins: [preactWithoutHtmlSink(), sharedModulesExternal(root)],
		},
		shared: {
			...common,
			format: 'esm',
			entryPoints: Object.fromEntries(
				[...SHARED_MODULES].map(([source, file]) => [file.slice(1).replace(/\.js$/, ''), from(source)]),
			),
			plugins: [pageDataAsText(), sharedModulesExternal(root)],
		},
		content: {
			...common,
			entryPoints: {
				content: from('src/content/index.ts'),
				'export-helper': from('src/content/export-helper.ts'),
				// The popup's first script, a classic one: its requests started before its modules load (src/popup/requests.ts).
				'popup/early': from('src/popup/early.ts'),
			},
			// The content script must stay tiny: every name minified too.
			minifyIdentifiers: true,
			// sharedModulesExternal: early.js imports its language's catalogue and page data by their fixed paths.
			plugins: [
				rulesAsLiteral(root, opts.dataset),
				minifiedCssText(),
				sharedModulesExternal(root),
				compileHint(outdir, ['content.js']),
			],
		},
		styles: {
			...common,
			entryPoints: Object.fromEntries(PAGES.map((page) => [`${page}/${page}`, from(`src/${page}/${page}.css`)])),
			loader: {'.css': 'css'},
		},
	};
}
