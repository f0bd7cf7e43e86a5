/**
 * The background's failure log, built the way scripts/build.ts builds it (esbuild, `__DEV__` defined, syntax
 * minified): a development build writes to the console, a release build has no console call left at all.
 */
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import {describe, expect, it, vi} from 'vitest';
import * as log from './log';

async function build(dev: boolean): Promise<string> {
	const result = await esbuild.build({
		entryPoints: ['src/background/log.ts'],
		bundle: true,
		write: false,
		format: 'iife',
		globalName: 'log',
		define: {__DEV__: String(dev)},
		minifySyntax: true,
	});
	return result.outputFiles[0]!.text;
}

/** Runs a build in a context of its own, with a console that only records. */
function run(code: string): {log: typeof log; warn: ReturnType<typeof vi.fn>} {
	const warn = vi.fn();
	const context: {console: {warn: typeof warn}; log?: typeof log} = {console: {warn}};
	vm.runInNewContext(code, context);
	return {log: context.log!, warn};
}

const failure = new Error('IndexedDB is not available');

describe('a development build', () => {
	it('writes a handled failure to the console, saying what failed', async () => {
		const dev = run(await build(true));
		dev.log.logFailure('journey visit not recorded', failure);
		expect(dev.warn).toHaveBeenCalledExactlyOnceWith('Photo Privacy Advisor: journey visit not recorded:', failure);
	});

	it('logs a rejection through logged(), and handles it', async () => {
		const dev = run(await build(true));
		await expect(Promise.reject(failure).catch(dev.log.logged('custom-site sync at startup'))).resolves.toBeUndefined();
		expect(dev.warn).toHaveBeenCalledExactlyOnceWith('Photo Privacy Advisor: custom-site sync at startup:', failure);
	});
});

describe('a release build', () => {
	it('keeps no console call: esbuild drops the logging', async () => {
		expect(await build(true)).toContain('console');
		expect(await build(false)).not.toContain('console');
	});

	it('stays silent, and still handles a rejection', async () => {
		const release = run(await build(false));
		release.log.logFailure('journey visit not recorded', failure);
		await expect(Promise.reject(failure).catch(release.log.logged('custom-site sync'))).resolves.toBeUndefined();
		expect(release.warn).not.toHaveBeenCalled();
	});
});

describe('in the unit tests', () => {
	it('the background runs as it ships: silent', () => {
		const warn = vi.spyOn(console, 'warn');
		log.logFailure('journey visit not recorded', failure);
		expect(warn).not.toHaveBeenCalled();
	});
});
