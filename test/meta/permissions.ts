/**
 * THE list of what the extension may ask the browser for: every key of the manifest that grants access,
 * with the reason for each entry. The tests compare the source manifest (scripts/manifest.test.ts), both
 * built manifests (test/e2e/manifest.test.ts) and the README's permissions table
 * (test/meta/permissions.test.ts) with it, so adding a permission anywhere fails until it is added here,
 * with its reason, and explained in the README.
 */
export const PERMISSIONS = {
	permissions: {
		storage: 'Keeps your settings (storage.local) and which tab is on a photo service (storage.session).',
		scripting: "Registers the banner's content script on the sites you add yourself in the options, and only there.",
	},
	optional_permissions: {},
	host_permissions: {},
	optional_host_permissions: {
		'https://*/*': 'Never granted as a whole: the options page asks for one https site at a time, the one you add.',
	},
} as const satisfies Record<
	'permissions' | 'optional_permissions' | 'host_permissions' | 'optional_host_permissions',
	Record<string, string>
>;

export type PermissionKey = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as PermissionKey[];

/** What the manifest's `key` must hold, in order (an empty list: the key must be absent or empty). */
export function expectedPermissions(key: PermissionKey): string[] {
	return Object.keys(PERMISSIONS[key]);
}

/** Never, in any key: what users have uninstalled extensions over, and what this one has no use for. */
export const NEVER = [
	'<all_urls>',
	'tabs',
	'history',
	'webRequest',
	'webRequestBlocking',
	'webNavigation',
	'cookies',
	'downloads',
	'management',
	'clipboardRead',
	'nativeMessaging',
	'debugger',
	'declarativeNetRequest',
];
