/**
 * Module preloads for the extension pages. esbuild splits the pages' code into shared chunks that import
 * each other; without help the browser finds them level by level (the entry, then what it imports, then
 * what those import), one round trip per level before any of the code can run. Each page's HTML gets a
 * `<link rel="modulepreload">` for every chunk its entry imports statically, directly or not, so all of
 * them are fetched (and compiled) in parallel while the HTML is parsed. Dynamic imports are left out.
 */
import path from 'node:path';
import type {Metafile} from 'esbuild';
import {directionOf, type Language} from '../../src/core/languages';
import {catalogueFile, pageDataFile} from '../../src/core/shared-modules';
import {escapeHtml} from '../html';

/** The outputs `entry` imports statically, transitively, in discovery order (paths as in the metafile). */
function staticImports(metafile: Metafile, entry: string): string[] {
	const found: string[] = [];
	const visit = (file: string) => {
		for (const dependency of metafile.outputs[file]?.imports ?? []) {
			if (dependency.kind !== 'import-statement' || dependency.external || found.includes(dependency.path)) continue;
			found.push(dependency.path);
			visit(dependency.path);
		}
	};
	visit(entry);
	return found;
}

/** `html` with one modulepreload link per href, just before `</head>`. */
export function withModulePreloads(html: string, hrefs: readonly string[]): string {
	if (hrefs.length === 0) return html;
	const head = /^([ \t]*)<\/head>/m.exec(html);
	if (!head) throw new Error('A page without </head> on a line of its own cannot take its module preloads');
	const indent = head[1]!;
	const links = hrefs.map((href) => `${indent}\t<link rel="modulepreload" href="${href}" />\n`).join('');
	return html.slice(0, head.index) + links + html.slice(head.index);
}

/** The hrefs for the page whose HTML is `pageDir/index.html` and entry `pageDir/<name>.js` (metafile paths). */
export function preloadHrefs(metafile: Metafile, entry: string): string[] {
	return staticImports(metafile, entry).map((file) => path.posix.relative(path.posix.dirname(entry), file));
}

/**
 * The popup in one language (core/shared-modules.ts popupPage), from the popup's `html`: its root element names the
 * language (lang, dir, and data-language, which the popup's scripts read: src/popup/requests.ts), and its <main> says
 * `loading` (the language's "Loading…", until the popup's first render replaces it: the popup renders once it has
 * all it shows, src/popup/first-view.ts, and a background that is slow to start must not leave it empty). With `preload`
 * (the Chromium build), its head also names the language's catalogue and page data as module preloads, before the
 * first script, so the browser fetches them with it instead of after it has run. Not in Firefox: measured, its
 * popup then rendered later, as it did with preloads before (it runs a preloaded module only once a module asks
 * for it); early.js's import() is what asks there (docs/performance.md).
 */
export function popupInLanguage(html: string, lang: Language, preload: boolean, loading: string): string {
	const root = /<html lang="[^"]*">/.exec(html);
	const charset = /^([ \t]*)<meta charset="utf-8" \/>\n/m.exec(html);
	const app = '<main id="app"></main>';
	if (!root || !charset || !html.includes(app))
		throw new Error(
			'The popup\'s HTML needs <html lang="…">, <meta charset="utf-8" /> on a line of its own and <main id="app"></main>',
		);
	const links = preload
		? [catalogueFile(lang), pageDataFile(lang)]
				.map((file) => `${charset[1]}<link rel="modulepreload" href="..${file}" />\n`)
				.join('')
		: '';
	const at = charset.index + charset[0].length;
	return (html.slice(0, at) + links + html.slice(at))
		.replace(root[0], `<html lang="${lang}" dir="${directionOf(lang)}" data-language="${lang}">`)
		.replace(app, `<main id="app"><p class="muted">${escapeHtml(loading)}</p></main>`);
}
