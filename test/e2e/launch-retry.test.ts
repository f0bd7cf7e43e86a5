/** The one retry of a browser that fails to start (scripts/browser/browsers.ts, withOneRetry); no browser here. */
import {existsSync, mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, expect, test, vi} from 'vitest';
import {undoAttempt, withOneRetry} from '../../scripts/browser/browsers';
import {scratchDir} from '../../scripts/browser/paths';

afterEach(() => {
	vi.restoreAllMocks();
});

test('a start that fails once is tried once more, and the failure is printed', async () => {
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	const steps: string[] = [];
	const started = await withOneRetry(
		'Chromium',
		() => {
			steps.push('start');
			return steps.length === 1 ? Promise.reject(new Error('Target closed')) : Promise.resolve('session');
		},
		() => steps.push('undo'),
	);
	expect(started).toBe('session');
	expect(steps).toEqual(['start', 'undo', 'start']);
	expect(warn).toHaveBeenCalledWith('[browser launch] Chromium did not start (Error: Target closed); trying once more');
});

test('a start that fails twice fails with both errors, and is not tried a third time', async () => {
	vi.spyOn(console, 'warn').mockImplementation(() => {});
	let calls = 0;
	const failing = withOneRetry('Firefox', () => Promise.reject(new Error(`failure ${++calls}`)));
	await expect(failing).rejects.toThrow(
		'Firefox did not start, twice. First: Error: failure 1. Then: Error: failure 2',
	);
	expect(calls).toBe(2);
});

test('a start that works is called once and prints nothing', async () => {
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	let calls = 0;
	expect(await withOneRetry('Chromium', () => Promise.resolve(++calls))).toBe(1);
	expect(warn).not.toHaveBeenCalled();
});

test("before the second try: the failed try's network logs go, and a first start's kept profile is emptied", () => {
	const netLog = scratchDir('retry-netlog');
	const keep = scratchDir('retry-keep');
	try {
		writeFileSync(path.join(netLog, 'chromium-1.netlog.json'), '{"events": []}'); // an earlier launch's
		const undo = undoAttempt({netLog, keep});
		writeFileSync(path.join(netLog, 'chromium-2.netlog.json'), '{"events": [');
		mkdirSync(path.join(keep, 'profile'), {recursive: true});
		writeFileSync(path.join(keep, 'profile', 'Preferences'), '{}');
		undo();
		expect(readdirSync(netLog)).toEqual(['chromium-1.netlog.json']);
		expect(readdirSync(keep)).toEqual([]);
		// A relaunch (the kept folder already holds a profile): a failed try leaves it, as a restart would.
		mkdirSync(path.join(keep, 'profile'));
		const relaunch = undoAttempt({keep});
		writeFileSync(path.join(keep, 'profile', 'Preferences'), '{}');
		relaunch();
		expect(existsSync(path.join(keep, 'profile', 'Preferences'))).toBe(true);
	} finally {
		rmSync(netLog, {recursive: true, force: true});
		rmSync(keep, {recursive: true, force: true});
	}
});
