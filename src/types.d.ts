declare module '*.css' {
	const text: string;
	export default text;
}

/** True in development builds (`npm run dev`, `npm run watch`), false in `npm run build` (esbuild's `define`). */
declare const __DEV__: boolean;
