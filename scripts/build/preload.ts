/**
 * Module preloads for the extension pages. esbuild splits the pages' code into shared chunks that import
 * each other; without help the browser finds them level by level (the entry, then what it imports, then
 * what those import), one round trip per level before any of the code can run. Each page's HTML gets a
 * `<link rel="modulepreload">` for every chunk its entry imports statically, directly or not, so all of
 * them are fetched (and compiled) in parallel while the HTML is parsed. Dynamic imports are left out.
 */
import path from 'node:path';
import type {Metafile} from 'esbuild';

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
