/**
 * The person's settings: one versioned document in storage.local under the key "settings".
 *
 * - `DEFAULTS` is the whole document as a new install sees it.
 * - `MIGRATIONS[n]` turns a version-n document into version n+1; they run in order on read.
 * - `repairSettings` never throws: every field that parses is kept, every other field falls back to
 *   its default, and unknown fields are dropped. So a corrupted or older document loses nothing valid.
 *
 * Context-free: the background reads and writes storage; this module only validates.
 */
import * as z from 'zod/mini';

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = 'settings';

export const PREFERENCES = ['both', 'cloud', 'self-hosted'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export const MIN_SNOOZE_DAYS = 1;
export const MAX_SNOOZE_DAYS = 365;

const serviceKey = z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.-]+$/));

/** Each field's schema on its own, so one bad field never costs the others. */
export const fieldSchemas = {
	bannerEnabled: z.boolean(),
	snoozeDays: z.number().check(z.int(), z.gte(MIN_SNOOZE_DAYS), z.lte(MAX_SNOOZE_DAYS)),
	/** Services (catalogue ids) where the banner is never shown: "Don't show on this site". */
	hiddenServices: z.array(serviceKey).check(z.maxLength(500)),
	/** Service id → time (ms since epoch) until which its banner is snoozed: "Not now". */
	snoozedUntil: z.record(serviceKey, z.number().check(z.int(), z.gte(0))),
	preference: z.enum(PREFERENCES),
	theme: z.enum(THEMES),
} as const;

export type Settings = {version: typeof SETTINGS_VERSION} & {
	[K in keyof typeof fieldSchemas]: z.infer<(typeof fieldSchemas)[K]>;
};
export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

export const DEFAULTS: Readonly<Settings> = Object.freeze({
	version: SETTINGS_VERSION,
	bannerEnabled: true,
	snoozeDays: 7,
	hiddenServices: [],
	snoozedUntil: {},
	preference: 'both',
	theme: 'auto',
});

export const settingsSchema = z.strictObject({version: z.literal(SETTINGS_VERSION), ...fieldSchemas});
export const settingsPatchSchema = z.partial(z.strictObject(fieldSchemas));

type Document = Record<string, unknown>;
/** MIGRATIONS[n] upgrades a version-n document to version n+1. Version 0 is a document with no version. */
export const MIGRATIONS: ReadonlyArray<(old: Document) => Document> = [
	// 0 → 1: the first versioned format; nothing to rename.
	(old) => ({...old, version: 1}),
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
		const result = schema.safeParse(doc[key]);
		if (result.success) {
			settings[key] = result.data;
		} else {
			settings[key] = structuredClone(DEFAULTS[key]);
			if (key in doc) repaired.push(key);
		}
	}
	return {settings: settings as Settings, repaired, newer};
}

/** Applies a validated patch. */
export function applyPatch(settings: Settings, patch: SettingsPatch): Settings {
	return {...settings, ...patch, version: SETTINGS_VERSION};
}
