/**
 * The real-browser end-to-end suite (npm run test:e2e), separate from the unit tests' root config.
 * Browsers run one file at a time (2 cores); each file reuses one browser for its tests, and each test
 * starts from the extension as the session found it (ExtensionSession.reset, scripts/browser/browsers.ts).
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
		// Room for a browser's start and its one retry (scripts/browser/browsers.ts, withOneRetry) in beforeAll.
		hookTimeout: 150_000,
		teardownTimeout: 30_000,
		// No retry by default: a test that fails, fails. A test may have `{retry: N}` only with the browser
		// timing cause that makes it flaky named in a comment beside it; every test that passed only on a
		// retry is listed at the end of the run and in .tmp/e2e-retries.json (retry-reporter.ts).
		retry: 0,
		reporters: ['default', './test/e2e/retry-reporter.ts'],
	},
});
