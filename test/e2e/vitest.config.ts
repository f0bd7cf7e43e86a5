/**
 * The real-browser end-to-end suite (npm run test:e2e), separate from the unit tests' root config.
 * Browsers run one file at a time (2 cores); each file reuses one browser for its tests.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
	test: {
		include: ['test/e2e/**/*.test.ts'],
		fileParallelism: false,
		pool: 'forks',
		testTimeout: 30_000,
		// Room for a browser's start and its one retry (harness/browsers.ts, withOneRetry) in beforeAll.
		hookTimeout: 150_000,
		teardownTimeout: 30_000,
		// One retry: a real browser on a loaded 2-core machine occasionally misses a frame or a timer. A
		// test that fails twice fails the run; the retry is printed, so a flaky test is seen, not hidden.
		retry: 1,
		reporters: ['default'],
	},
});
