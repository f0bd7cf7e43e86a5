declare module '*.css' {
	const text: string;
	export default text;
}

/**
 * True in development builds (`npm run dev`, `npm run watch`) and in the unit tests; false in release
 * builds, where esbuild removes the code it guards. Defined by scripts/build/options.ts and vitest.config.ts.
 */
declare const __DEV__: boolean;
