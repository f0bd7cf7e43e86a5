declare module '*.css' {
	const text: string;
	export default text;
}

/**
 * True in development builds (`npm run dev`, `npm run watch`) and in the unit tests; false in release
 * builds, where esbuild removes the code it guards. Defined by scripts/build/options.ts and vitest.config.ts.
 */
declare const __DEV__: boolean;

/**
 * True in the Firefox build and in the unit tests; false in the Chromium build, where esbuild removes the code it
 * guards. Only for what one browser can never need (the content script's cost counts on every photo page); the
 * rest of the code asks the browser, not the build. Defined by scripts/build/options.ts and vitest.config.ts.
 */
declare const __FIREFOX__: boolean;
