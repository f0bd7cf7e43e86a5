/**
 * Builds dist/chrome and dist/firefox, each a complete unpacked extension, from the one manifest.json.
 *
 *   npm run build            both browsers, release build; prints bundle sizes, fails over a size budget
 *   npm run watch            both browsers, development build, rebuilt on each change (scripts/build/watch.ts)
 *   npm run dev              the watch build of one browser, opened and reloaded by web-ext (scripts/build/dev.ts)
 *
 * How a build goes: scripts/build/builder.ts; what esbuild is asked: scripts/build/options.ts; what each bundle
 * may contain: scripts/build/walls.ts.
 */
import {rm} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {Builder} from './build/builder';
import {dev} from './build/dev';
import {startWatch, type WatchEvent} from './build/watch';
import {checkBudgets, formatSizes, measure, type Size} from './sizes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The release build: dist/<target> cleared, built from scratch, measured against the size budgets. */
export async function build(): Promise<void> {
	const builder = await Builder.create({root, mode: 'release'});
	try {
		for (const target of builder.targets) await rm(builder.targetDir(target), {recursive: true, force: true});
		await builder.build('all');
	} finally {
		await builder.dispose();
	}
	const sizes: Size[] = [];
	for (const target of builder.targets) sizes.push(...(await measure(builder.targetDir(target), target)));
	console.log(formatSizes(sizes));
	const over = checkBudgets(sizes);
	if (over.length > 0) throw new Error(`Size budget exceeded:\n${over.join('\n')}`);
}

/** One line per build in the terminal. */
function report(event: WatchEvent): void {
	const time = new Date().toLocaleTimeString();
	if (event.type === 'end') {
		const {written, removed} = event.result;
		const what = written.length + removed.length === 0 ? 'nothing changed' : `${written.length} written`;
		console.log(
			`[${time}] build ${event.build}: ${what}${removed.length ? `, ${removed.length} removed` : ''} (${Math.round(event.ms)} ms)`,
		);
	} else if (event.type === 'error') {
		const message = event.error instanceof Error ? event.error.message : String(event.error);
		console.error(`[${time}] build ${event.build} failed: ${message}`);
	}
}

async function main(args: readonly string[]): Promise<void> {
	if (args[0] === '--watch') {
		await startWatch({root, onEvent: report});
		console.log('Watching src/, locales/, icons/, manifest.json and package.json…');
	} else if (args[0] === '--dev') {
		process.exitCode = await dev(root, args.slice(1), report);
	} else {
		await build();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
