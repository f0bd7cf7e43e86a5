/** The harness's one retry of a browser that fails to start (harness/browsers.ts, withOneRetry); no browser here. */
import {afterEach, expect, test, vi} from 'vitest';
import {withOneRetry} from './harness/browsers';

afterEach(() => {
	vi.restoreAllMocks();
});

test('a start that fails once is tried once more, and the failure is printed', async () => {
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	let calls = 0;
	const started = await withOneRetry('Chromium', async () => {
		calls++;
		if (calls === 1) throw new Error('Target closed');
		return 'session';
	});
	expect(started).toBe('session');
	expect(calls).toBe(2);
	expect(warn).toHaveBeenCalledWith('[e2e harness] Chromium did not start (Error: Target closed); trying once more');
});

test('a start that fails twice fails with both errors, and is not tried a third time', async () => {
	vi.spyOn(console, 'warn').mockImplementation(() => {});
	let calls = 0;
	const failing = withOneRetry('Firefox', async () => {
		calls++;
		throw new Error(`failure ${calls}`);
	});
	await expect(failing).rejects.toThrow('Firefox did not start, twice. First: Error: failure 1. Then: Error: failure 2');
	expect(calls).toBe(2);
});

test('a start that works is called once and prints nothing', async () => {
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
	let calls = 0;
	expect(await withOneRetry('Chromium', async () => ++calls)).toBe(1);
	expect(warn).not.toHaveBeenCalled();
});
