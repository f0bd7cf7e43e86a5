/** The part of web-ext's Node API this project uses (web-ext ships no types). */
declare module 'web-ext' {
	type BuildParams = {sourceDir: string; artifactsDir: string; filename?: string; overwriteDest?: boolean};
	const webExt: {
		cmd: {build(params: BuildParams, options?: {showReadyMessage?: boolean}): Promise<{extensionPath: string}>};
	};
	export default webExt;
}
