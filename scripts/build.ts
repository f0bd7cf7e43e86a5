/**
 * Builds dist/chrome and dist/firefox, each a complete unpacked extension, from the one manifest.json.
 *
 *   npm run build            both browsers
 *   npm run build -- --watch rebuild on change
 *
 * Steps: validate the dataset (the build fails on invalid data), derive each manifest (scripts/manifest.ts)
 * with content-script match patterns generated from the catalogue, bundle each context with esbuild,
 * copy pages, icons and locales, then report bundle sizes and fail when one is over its budget.
 */
import {cp, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {datasetSchema, type Dataset} from '../src/data/schema';
import {matchPatternsFor} from '../src/core/url-match';
import {deriveManifest, type Manifest, type Target} from './manifest';
import {checkBudgets, formatSizes, measure} from './sizes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = (...parts: string[]) => path.join(root, ...parts);
const TARGETS: Target[] = ['chrome', 'firefox'];

async function readJson<T>(file: string): Promise<T> {
	return JSON.parse(await readFile(from(file), 'utf8')) as T;
}

export async function loadDataset(): Promise<Dataset> {
	const raw = await readJson<unknown>('src/data/dataset.json');
	const result = datasetSchema.safeParse(raw);
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
		throw new Error(`src/data/dataset.json does not match src/data/schema.ts:\n${lines.join('\n')}`);
	}
	return result.data;
}

/** One content-script entry for all services: the script decides from the whole URL (core/url-match.ts). */
export function contentScriptMatches(dataset: Dataset): string[] {
	return [
		...new Set(dataset.services.flatMap((service) => matchPatternsFor(service.match.rules, service.match.inject))),
	].sort();
}

/** Replaces src/data/rules.ts in the content bundle by its data as a literal: no dataset text ships there. */
function rulesAsLiteral(dataset: Dataset): esbuild.Plugin {
	const rulesFile = from('src/data/rules.ts');
	return {
		name: 'rules-literal',
		setup(build) {
			build.onLoad({filter: /[/\\]src[/\\]data[/\\]rules\.ts$/}, (args) => {
				if (path.resolve(args.path) !== rulesFile) return undefined;
				const services = dataset.services.map(({id, match}) => ({id, rules: match.rules}));
				const never = dataset.neverFlag.map(({id, rules}) => ({id, rules}));
				return {
					contents: `export const SERVICE_RULES = ${JSON.stringify(services)};\nexport const NEVER_FLAG_RULES = ${JSON.stringify(never)};\n`,
					loader: 'js',
				};
			});
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
					throw new Error(`${args.path}: Preact changed; update preactWithoutHtmlSink in scripts/build.ts`);
				}
				const contents = source
					.replace(set, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in this extension")})()')
					.replace(clear, '($1.textContent="")');
				return {contents, loader: 'js'};
			});
		},
	};
}

function esbuildOptions(target: Target, dataset: Dataset): esbuild.BuildOptions[] {
	const outdir = from('dist', target);
	const common: esbuild.BuildOptions = {
		bundle: true,
		format: 'iife',
		target: target === 'chrome' ? ['chrome123'] : ['firefox142'],
		jsx: 'automatic',
		jsxImportSource: 'preact',
		loader: {'.css': 'text'},
		legalComments: 'none',
		// Readable output for store reviewers: whitespace and syntax minified, names kept.
		minifyWhitespace: true,
		minifySyntax: true,
		define: {'process.env.NODE_ENV': '"production"'},
		logLevel: 'warning',
		metafile: true,
	};
	const pages = ['popup', 'options', 'compare'] as const;
	return [
		// The background and the extension pages in one ES-module build with code splitting: the dataset,
		// Preact, zod and the polyfill ship once, in shared chunks, instead of once per page.
		{
			...common,
			format: 'esm',
			splitting: true,
			chunkNames: 'chunks/[name]-[hash]',
			entryPoints: {
				background: from('src/background/index.ts'),
				...Object.fromEntries(pages.map((page) => [`${page}/${page}`, from(`src/${page}/index.tsx`)])),
			},
			outdir,
			plugins: [preactWithoutHtmlSink()],
		},
		{
			...common,
			entryPoints: {content: from('src/content/index.ts')},
			outdir,
			// The content script must stay tiny: every name minified too, and no polyfill (see core/browser.ts).
			minifyIdentifiers: true,
			alias: {'webextension-polyfill': from('src/core/native-browser.ts')},
			plugins: [rulesAsLiteral(dataset), minifiedCssText()],
		},
		...pages.map((page): esbuild.BuildOptions => ({
			...common,
			entryPoints: {[`${page}/${page}`]: from(`src/${page}/${page}.css`)},
			outdir,
			loader: {'.css': 'css'},
		})),
	];
}

async function copyStatic(target: Target): Promise<void> {
	const outdir = from('dist', target);
	await cp(from('src/popup/index.html'), path.join(outdir, 'popup/index.html'));
	await cp(from('src/options/index.html'), path.join(outdir, 'options/index.html'));
	await cp(from('src/compare/index.html'), path.join(outdir, 'compare/index.html'));
	await mkdir(path.join(outdir, 'icons'), {recursive: true});
	for (const size of [16, 32, 48, 96, 128]) {
		await cp(from(`icons/icon-${size}.png`), path.join(outdir, `icons/icon-${size}.png`));
	}
	await cp(from('locales'), path.join(outdir, '_locales'), {recursive: true});
}

export async function build(): Promise<void> {
	const dataset = await loadDataset();
	const base = await readJson<Manifest>('manifest.json');
	const {version} = await readJson<{version: string}>('package.json');
	const matches = contentScriptMatches(dataset);
	const sizes = [];
	for (const target of TARGETS) {
		const outdir = from('dist', target);
		await rm(outdir, {recursive: true, force: true});
		await mkdir(outdir, {recursive: true});
		for (const options of esbuildOptions(target, dataset)) await esbuild.build(options);
		await copyStatic(target);
		const manifest = deriveManifest(base, target, {
			version,
			contentScripts: [{matches, js: ['content.js'], run_at: 'document_idle'}],
		});
		await writeFile(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		sizes.push(...(await measure(outdir, target)));
	}
	console.log(formatSizes(sizes));
	const over = checkBudgets(sizes);
	if (over.length > 0) throw new Error(`Size budget exceeded:\n${over.join('\n')}`);
}

async function watch(): Promise<void> {
	await build();
	const {watch: watchFiles} = await import('node:fs');
	let timer: NodeJS.Timeout | undefined;
	for (const dir of ['src', 'locales', 'icons']) {
		watchFiles(from(dir), {recursive: true}, () => {
			clearTimeout(timer);
			timer = setTimeout(() => build().catch((error: unknown) => console.error(error)), 150);
		});
	}
	watchFiles(from('manifest.json'), () => void build().catch((error: unknown) => console.error(error)));
	console.log('Watching src/, locales/, icons/ and manifest.json…');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	(process.argv.includes('--watch') ? watch() : build()).catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
