/**
 * The export file: the person's settings and journey in one JSON document they can keep, move to
 * another browser and import again.
 *
 *   {"format": "photo-privacy-advisor", "version": 1, "exportedAt": "2026-11-27T10:00:00.000Z",
 *    "settings": {...the settings document...},
 *    "journey": {"visits": [{"service": "google-photos", "day": "2026-11-03"}],
 *                "checklist": [{"service": "google-photos", "exported": true, "imported": false, "deleted": false}]}}
 *
 * `journey` is null when the journey could not be read (IndexedDB unavailable). Reading a file checks
 * everything before anything changes, and says precisely what is wrong: too large, not JSON, not our
 * format, from a newer version, or which part is invalid (a code, which the options page puts in
 * words). Older settings inside a file are migrated.
 */
import * as z from 'zod/mini';
import {CHECKLIST_STEPS, type JourneyData} from './journey';
import {serviceKeySchema} from './service-key';
import {readSettingsStrict, settingsSchema, type Settings} from './settings';

export const BACKUP_FORMAT = 'photo-privacy-advisor';
export const BACKUP_VERSION = 1;
/** Far above any real file (a year of daily visits to every catalogued service is ~150 KB). */
export const MAX_BACKUP_BYTES = 1024 * 1024;
const MAX_RECORDS = 20_000;

export type Backup = {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	exportedAt: string;
	settings: Settings;
	journey: JourneyData | null;
};

const day = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));
export const journeySchema = z.strictObject({
	visits: z.array(z.strictObject({service: serviceKeySchema, day})).check(z.maxLength(MAX_RECORDS)),
	checklist: z
		.array(
			z.strictObject({
				service: serviceKeySchema,
				...(Object.fromEntries(CHECKLIST_STEPS.map((step) => [step, z.boolean()])) as Record<
					(typeof CHECKLIST_STEPS)[number],
					z.ZodMiniBoolean
				>),
			}),
		)
		.check(z.maxLength(MAX_RECORDS)),
});

/** The backup as the importData message carries it: settings already migrated to the current version. */
export const backupSchema = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	exportedAt: z.string().check(z.maxLength(64)),
	settings: settingsSchema,
	journey: z.nullable(journeySchema),
});

export function makeBackup(settings: Settings, journey: JourneyData | null, now: number): Backup {
	return {format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), settings, journey};
}

/**
 * Which part of a file is invalid. These are codes, not text: the options page names each part in
 * the person's language (never a field name of the file). `fields` adds, for the settings, the
 * settings' field names at fault, for tests and debugging.
 */
export type BackupPart = 'version' | 'exportedAt' | 'settings' | 'journey' | 'structure';
export type BackupError =
	| {code: 'too-large'}
	| {code: 'not-json'}
	| {code: 'foreign'}
	| {code: 'newer'}
	| {code: 'invalid'; part: BackupPart; fields?: string[]};
export type BackupResult = {ok: true; backup: Backup} | {ok: false; error: BackupError};

/** Reads a file's text into a backup, or says exactly why not. Never throws. */
export function parseBackup(text: string): BackupResult {
	if (new TextEncoder().encode(text).length > MAX_BACKUP_BYTES) return {ok: false, error: {code: 'too-large'}};
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return {ok: false, error: {code: 'not-json'}};
	}
	if (
		typeof raw !== 'object' ||
		raw === null ||
		Array.isArray(raw) ||
		(raw as Record<string, unknown>)['format'] !== BACKUP_FORMAT
	) {
		return {ok: false, error: {code: 'foreign'}};
	}
	const doc = raw as Record<string, unknown>;
	const version = doc['version'];
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION)
		return {ok: false, error: {code: 'newer'}};
	if (version !== BACKUP_VERSION) return {ok: false, error: {code: 'invalid', part: 'version'}};
	const settings = readSettingsStrict(doc['settings']);
	if (!settings.ok) {
		if (settings.newer) return {ok: false, error: {code: 'newer'}};
		return {ok: false, error: {code: 'invalid', part: 'settings', fields: settings.fields}};
	}
	const journey = z.nullable(journeySchema).safeParse(doc['journey'] ?? null);
	if (!journey.success) return {ok: false, error: {code: 'invalid', part: 'journey'}};
	const candidate = {...doc, settings: settings.settings, journey: journey.data};
	const whole = backupSchema.safeParse(candidate);
	if (!whole.success) {
		const first = whole.error.issues[0]?.path[0];
		const part =
			first === 'version' || first === 'exportedAt' || first === 'settings' || first === 'journey'
				? first
				: 'structure';
		return {ok: false, error: {code: 'invalid', part}};
	}
	return {ok: true, backup: whole.data};
}
