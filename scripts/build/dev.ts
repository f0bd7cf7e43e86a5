/**
 * `npm run dev`: the watch build of one browser plus `web-ext run`, which opens the browser with the extension
 * and reloads it after each finished build.
 *
 *   npm run dev                               Firefox (firefox, or firefox-esr when that is the only one)
 *   npm run dev -- --chromium                 Chromium (/usr/bin/chromium unless --chromium-binary says)
 *   npm run dev -- --firefox=firefox-esr      any other web-ext run option passes through, e.g. --arg=--headless
 *
 * web-ext watches only the stamp file the watch build rewrites at the end of a build that changed the
 * extension (--watch-file), not dist/, so it never reloads a half-written build.
 */
import {spawn} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import path from 'node:path';
import type {Target} from '../manifest';
import {stampFile, startWatch, type WatchEvent} from './watch';

export async function dev(root: string, argv: readonly string[], report: (event: WatchEvent) => void): Promise<number> {
	const chromium = argv.includes('--chromium');
	const passed = argv.filter((arg) => arg !== '--chromium');
	const given = (option: string) => passed.some((arg) => arg === option || arg.startsWith(`${option}=`));
	const target: Target = chromium ? 'chrome' : 'firefox';

	let firstBuilt: () => void = () => {};
	const built = new Promise<void>((resolve) => (firstBuilt = resolve));
	const watcher = await startWatch({
		root,
		targets: [target],
		onEvent(event) {
			report(event);
			if (event.type === 'end') firstBuilt();
		},
	});
	await built; // web-ext needs a complete extension to start with; a failed first build waits for the fix

	const browser = chromium
		? ['--target=chromium', ...(given('--chromium-binary') ? [] : ['--chromium-binary=/usr/bin/chromium'])]
		: given('--firefox') || given('-f') || onPath('firefox') || !onPath('firefox-esr')
			? []
			: ['--firefox=firefox-esr'];
	const args = [
		'run',
		`--source-dir=${watcher.builder.targetDir(target)}`,
		`--watch-file=${stampFile(watcher.builder.outDir, target)}`,
		...browser,
		...passed,
	];
	console.log(`web-ext ${args.join(' ')}`);
	const webExt = spawn(path.join(root, 'node_modules/.bin/web-ext'), args, {cwd: root, stdio: 'inherit'});
	const code = await new Promise<number>((resolve) => {
		webExt.on('exit', (exitCode) => resolve(exitCode ?? 1));
		webExt.on('error', (error) => {
			console.error(`web-ext did not start: ${error.message}`);
			resolve(1);
		});
	});
	await watcher.close();
	return code;
}

function onPath(command: string): boolean {
	return (process.env['PATH'] ?? '').split(path.delimiter).some((dir) => {
		try {
			accessSync(path.join(dir, command), constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
}
