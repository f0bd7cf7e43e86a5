/**
 * Derives each browser's manifest from the one at the top level (pure, unit-tested).
 * - chrome: background.service_worker only, minimum_chrome_version, no browser_specific_settings;
 * - firefox: background.scripts only, browser_specific_settings.gecko (id, strict_min_version,
 *   data_collection_permissions), no minimum_chrome_version.
 * Both: version from package.json, content scripts generated from the catalogue.
 */
export type Target = 'chrome' | 'firefox';
export type Manifest = Record<string, unknown> & {background?: Record<string, unknown>};
export type ContentScript = {
	matches: string[];
	js: string[];
	run_at: 'document_idle' | 'document_end' | 'document_start';
};

export function deriveManifest(
	base: Manifest,
	target: Target,
	options: {version: string; contentScripts: ContentScript[]},
): Manifest {
	const manifest: Manifest = structuredClone(base);
	manifest['version'] = options.version;
	manifest['content_scripts'] = options.contentScripts;
	const background = {...(manifest.background ?? {})};
	if (target === 'chrome') {
		delete background['scripts'];
		delete manifest['browser_specific_settings'];
	} else {
		delete background['service_worker'];
		delete manifest['minimum_chrome_version'];
	}
	manifest.background = background;
	if (Array.isArray(manifest['host_permissions']) && manifest['host_permissions'].length === 0)
		delete manifest['host_permissions'];
	return manifest;
}
