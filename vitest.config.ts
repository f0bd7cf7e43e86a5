import {defineConfig} from 'vitest/config';

// Unit, DOM and meta tests. The real-browser tests have their own config (test/e2e/vitest.config.ts).
export default defineConfig({
	oxc: {jsx: {runtime: 'automatic', importSource: 'preact'}},
	// The unit tests run the code as it ships, a release build (scripts/build.ts): the background's handled
	// failures, which these tests provoke by the dozen, stay silent. background/log.test.ts builds both ways.
	// __FIREFOX__ true keeps both browsers' paths in the code under test (each is chosen at run time there too).
	define: {__DEV__: 'false', __FIREFOX__: 'true'},
	test: {
		include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'test/**/*.test.{ts,tsx}'],
		exclude: ['test/e2e/**', 'node_modules/**', 'dist/**', '.tmp/**'],
		setupFiles: ['test/setup.ts'],
		environment: 'node',
		restoreMocks: true,
	},
});
