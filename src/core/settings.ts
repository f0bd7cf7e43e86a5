/**
 * The person's settings: one versioned document in storage.local under the key "settings".
 *
 * - `DEFAULTS` is the whole document as a new install sees it.
 * - `MIGRATIONS[n]` turns a version-n document into version n+1; they run in order on read.
 * - `repairSettings` never throws: every field that parses is kept, every other field falls back to
 *   its default, and unknown fields are dropped. So a corrupted or older document loses nothing valid.
 *
 * Context-free: the background reads and writes storage; this module only validates.
 *
 * The constants and DEFAULTS live in ./settings-defaults.ts, without zod, for the pages that must not
 * ship it (popup, comparison); they are re-exported here, so the background, the options and the tests
 * import everything about the settings from this one module.
 */
import * as z from 'zod/mini';
import {serviceKeySchema} from './service-key';
import {
	DEFAULTS,
	LANGUAGE_SETTINGS,
	MAX_CUSTOM_SITES,
	MAX_SNOOZE_DAYS,
	MIN_SNOOZE_DAYS,
	PREFERENCES,
	SETTINGS_VERSION,
	THEMES,
} from './settings-defaults';

// Everything of ./settings-defaults, from here too (its `Settings` is this module's own).
export * from './settings-defaults';
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A custom site's host: lowercase ASCII (IDNs in punycode), at least two labels, no IP address (a
 * numeric last label). The full checks (catalogue, never-flag list) are in core/custom-sites.ts.
 */
export const customHostSchema = z
	.string()
	.check(
		z.maxLength(253),
		z.regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]{1,59})$/),
	);

/** Each field's schema on its own, so one bad field never costs the others. */
export const fieldSchemas = {
	bannerEnabled: z.boolean(),
	snoozeDays: z.number().check(z.int(), z.gte(MIN_SNOOZE_DAYS), z.lte(MAX_SNOOZE_DAYS)),
	/** Services (catalogue ids) where the banner is never shown: "Don't show on this site". */
	hiddenServices: z.array(serviceKeySchema).check(z.maxLength(500)),
	/** Service id → time (ms since epoch) until which its banner is snoozed: "Not now". */
	snoozedUntil: z.record(serviceKeySchema, z.number().check(z.int(), z.gte(0))),
	preference: z.enum(PREFERENCES),
	theme: z.enum(THEMES),
	/** Version 3: the extension's language: "auto" (the browser's, core/languages.ts languageFor) or one of LANGUAGES. */
	language: z.enum(LANGUAGE_SETTINGS),
	/** Version 2: whether the background records "Your journey" (days a service was visited; background/journey-db.ts). */
	journeyEnabled: z.boolean(),
	/**
	 * Version 2: hosts the person added as cloud photo services (sorted, unique). Each has a content
	 * script registered while its host permission is granted (background/custom-sites.ts). Changed only
	 * through the addCustomSite / removeCustomSite / importData messages, never by a plain patch.
	 */
	customSites: z.array(customHostSchema).check(
		z.maxLength(MAX_CUSTOM_SITES),
		z.refine((hosts) => new Set(hosts).size === hosts.length, 'custom sites must be unique'),
	),
	/**
	 * Version 3: "Badge only: add nothing to any page". Detection and the toolbar badge go on; no banner and no
	 * export-page helper is added to any page (background/handlers.ts answers their visits with nothing).
	 */
	badgeOnly: z.boolean(),
} as const;

export type Settings = {version: typeof SETTINGS_VERSION} & {
	[K in keyof typeof fieldSchemas]: z.infer<(typeof fieldSchemas)[K]>;
};
export type SettingsPatch = Partial<Omit<Settings, 'version' | 'customSites'>>;

export const settingsSchema = z.strictObject({version: z.literal(SETTINGS_VERSION), ...fieldSchemas});
/** What updateSettings may change: every field but the custom sites, which carry permissions and registrations. */
const {customSites: _customSites, ...patchableFields} = fieldSchemas;
export const settingsPatchSchema = z.partial(z.strictObject(patchableFields));

type Document = Record<string, unknown>;
/** MIGRATIONS[n] upgrades a version-n document to version n+1. Version 0 is a document with no version. */
export const MIGRATIONS: ReadonlyArray<(old: Document) => Document> = [
	// 0 → 1: the first versioned format; nothing to rename.
	(old) => ({...old, version: 1}),
	// 1 → 2: "Your journey" and custom sites. Journey recording starts on (it stays on this device and
	// holds one flag per service per day); no custom sites yet. Expired snoozes are dropped on the way.
	(old) => {
		const next: Document = {
			...old,
			version: 2,
			journeyEnabled: old['journeyEnabled'] ?? true,
			customSites: old['customSites'] ?? [],
		};
		const snoozed = old['snoozedUntil'];
		if (typeof snoozed === 'object' && snoozed !== null && !Array.isArray(snoozed)) {
			const now = Date.now();
			next['snoozedUntil'] = Object.fromEntries(
				Object.entries(snoozed).filter(([, until]) => typeof until !== 'number' || until > now),
			);
		}
		return next;
	},
	// 2 → 3: the badge-only mode, off (the banner as before), and the language choice, "auto" (the browser's
	// language, what every earlier version showed).
	(old) => ({...old, version: 3, badgeOnly: old['badgeOnly'] ?? false, language: old['language'] ?? 'auto'}),
];

export type RepairReport = {settings: Settings; repaired: string[]; newer: boolean};

/**
 * Reads any stored value into valid settings. `repaired` names the fields that were replaced by their
 * defaults (or "document" when the whole value was unusable); `newer` is true for a document written by
 * a newer version of the extension, whose known fields are still kept.
 */
export function repairSettings(stored: unknown): RepairReport {
	const repaired: string[] = [];
	if (stored === undefined) return {settings: structuredClone({...DEFAULTS}), repaired, newer: false};
	if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
		return {settings: structuredClone({...DEFAULTS}), repaired: ['document'], newer: false};
	}
	let doc: Document = {...(stored as Document)};
	const rawVersion = doc['version'] ?? 0;
	let version = SETTINGS_VERSION; // unknown provenance: keep what validates
	if (typeof rawVersion === 'number' && Number.isInteger(rawVersion) && rawVersion >= 0) version = rawVersion;
	else repaired.push('version');
	const newer = version > SETTINGS_VERSION;
	for (let v = version; v < SETTINGS_VERSION; v++) {
		try {
			doc = MIGRATIONS[v]!(doc);
		} catch {
			repaired.push(`migration ${v}`);
		}
	}
	const settings: Record<string, unknown> = {version: SETTINGS_VERSION};
	for (const [key, schema] of Object.entries(fieldSchemas) as Array<[keyof typeof fieldSchemas, z.ZodMiniType]>) {
		const result = safeParseNeverThrowing(schema, doc[key]);
		if (result.success) {
			settings[key] = result.data;
		} else {
			settings[key] = structuredClone(DEFAULTS[key]);
			if (key in doc) repaired.push(key);
		}
	}
	return {settings: settings as Settings, repaired, newer};
}

/**
 * zod's safeParse can itself throw on values no JSON produces but storage can hold (an object whose
 * `length` cannot become a number, say: found by the storage fuzzer). Such a value is simply invalid.
 */
function safeParseNeverThrowing(
	schema: z.ZodMiniType,
	value: unknown,
): {success: true; data: unknown} | {success: false} {
	try {
		return schema.safeParse(value);
	} catch {
		return {success: false};
	}
}

/**
 * When a snooze of `days` days set at `now` ends: the first local midnight after `now + days` days. A stored
 * end so reveals the day it was set, never the minute (with the length, the time of a visit).
 */
export function snoozeEnd(now: number, days: number): number {
	const end = new Date(now + days * DAY_MS);
	end.setHours(24, 0, 0, 0);
	return end.getTime();
}

/** The snoozes still running at `now`: an ended snooze is never kept in storage nor exported. */
export function runningSnoozes(snoozedUntil: Readonly<Record<string, number>>, now: number): Record<string, number> {
	return Object.fromEntries(Object.entries(snoozedUntil).filter(([, until]) => until > now));
}

/** Any change to the settings the background itself makes (custom sites included). */
export type SettingsChange = Partial<Omit<Settings, 'version'>>;

/** Applies a validated patch. */
export function applyPatch(settings: Settings, patch: SettingsChange): Settings {
	return {...settings, ...patch, version: SETTINGS_VERSION};
}

export type StrictResult = {ok: true; settings: Settings} | {ok: false; newer: boolean; fields: string[]};

/**
 * The strict reading used for an imported file: the document is migrated like a stored one, but any
 * field that does not validate (or is missing) is an error, not a repair, so that a bad file changes
 * nothing. `fields` names what is wrong.
 */
export function readSettingsStrict(input: unknown): StrictResult {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return {ok: false, newer: false, fields: ['settings']};
	let doc: Document = {...(input as Document)};
	const version = doc['version'];
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		return {ok: false, newer: false, fields: ['version']};
	if (version > SETTINGS_VERSION) return {ok: false, newer: true, fields: []};
	try {
		for (let v = version; v < SETTINGS_VERSION; v++) doc = MIGRATIONS[v]!(doc);
	} catch {
		return {ok: false, newer: false, fields: ['version']};
	}
	const result = settingsSchema.safeParse(doc);
	if (result.success) return {ok: true, settings: result.data};
	const fields = [
		...new Set(
			result.error.issues.map((issue) =>
				String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'settings')),
			),
		),
	];
	return {ok: false, newer: false, fields};
}
