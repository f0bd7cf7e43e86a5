/**
 * The export file: the person's settings and journey in one JSON document they can keep, move to
 * another browser and import again.
 *
 *   {"format": "photo-privacy-advisor", "version": 1, "exportedAt": "2026-11-27T10:00:00.000Z",
 *    "settings": {...the settings document...},
 *    "journey": {"visits": [{"service": "google-photos", "day": "2026-11-03"}],
 *                "checklist": [{"service": "google-photos", "exported": true, "imported": false, "deleted": false}],
 *                "moves": [{"service": "google-photos", "tool": "ente", "started": 1764237600000, "done": ["request"]}]}}
 *
 * `journey` is null when the journey could not be read (IndexedDB unavailable). Reading a file checks
 * everything before anything changes, and says precisely what is wrong: too large, not JSON, not our
 * format, from a newer version, or which part is invalid (a code, which the options page puts in
 * words). Older settings inside a file are migrated.
 *
 * `journey.moves` are the guided moves in progress (core/moves.ts). Files written before moves existed have no
 * `moves`: they import as before and leave the moves in progress as they are. A bad move is reported by its row
 * (1-based), its service and what is wrong with it, and the whole file is refused.
 */
import * as z from 'zod/mini';
import {CHECKLIST_STEPS, type JourneyData} from './journey';
import {MOVE_STEPS, type Move} from './moves';
import {serviceKeySchema} from './service-key';
import {readSettingsStrict, settingsSchema, type Settings} from './settings';
import type {DroppedSite} from './custom-sites';

export const BACKUP_FORMAT = 'photo-privacy-advisor';
export const BACKUP_VERSION = 1;
/** Far above any real file (a year of daily visits to every catalogued service is ~150 KB). */
export const MAX_BACKUP_BYTES = 1024 * 1024;
const MAX_RECORDS = 20_000;
/** One move per service: the catalogue and the custom sites together are far fewer. */
const MAX_MOVES = 1_000;

/** The journey as the file carries it: with the moves in progress, absent from files older than moves. */
export type BackupJourney = JourneyData & {moves?: Move[]};

export type Backup = {
	format: typeof BACKUP_FORMAT;
	version: typeof BACKUP_VERSION;
	exportedAt: string;
	settings: Settings;
	journey: BackupJourney | null;
};

const day = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));
/** A move's fields, each checked on its own so that a bad row can say which field is wrong. */
const moveFields = {
	service: serviceKeySchema,
	tool: serviceKeySchema,
	started: z.number().check(z.int(), z.gte(0), z.lte(8.64e15)),
	done: z
		.array(z.enum(MOVE_STEPS))
		.check(z.refine((steps) => new Set(steps).size === steps.length && steps.length <= MOVE_STEPS.length)),
};
const moveSchema = z.strictObject(moveFields);

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
	moves: z.optional(z.array(moveSchema).check(z.maxLength(MAX_MOVES))),
});

/** The backup as the importData message carries it: settings already migrated to the current version. */
export const backupSchema = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	exportedAt: z.string().check(z.maxLength(64)),
	settings: settingsSchema,
	journey: z.nullable(journeySchema),
});

export function makeBackup(settings: Settings, journey: BackupJourney | null, now: number): Backup {
	return {format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), settings, journey};
}

/**
 * Which part of a file is invalid. These are codes, not text: the options page names each part in
 * the person's language (never a field name of the file). `fields` adds, for the settings, the
 * settings' field names at fault, for tests and debugging.
 */
export type BackupPart = 'version' | 'exportedAt' | 'settings' | 'journey' | 'structure';
/** What is wrong with one move of a file: a field, a second move from the same service, or its shape. */
export type MoveProblem = keyof typeof moveFields | 'duplicate' | 'structure';
export type BackupError =
	| {code: 'too-large'}
	| {code: 'not-json'}
	| {code: 'foreign'}
	| {code: 'newer'}
	| {code: 'invalid'; part: BackupPart; fields?: string[]}
	/** `row` is 1-based; `service` is the row's service as the file names it, when it is a short string. */
	| {code: 'invalid-move'; row: number; service: string | null; problem: MoveProblem}
	| {code: 'too-many-moves'};
export type BackupResult = {ok: true; backup: Backup; droppedSites?: DroppedSite[]} | {ok: false; error: BackupError};

/** Runs a file's custom sites through the rules of *Add site* (core/custom-sites.ts screenCustomSites). */
export type SiteScreen = (sites: readonly unknown[]) => {kept: string[]; dropped: DroppedSite[]};

/**
 * Which services and alternatives a move may name: a catalogued service or one of the file's own sites (after
 * screening), and a catalogued alternative. The options page and the background pass the dataset's.
 */
export type MoveCatalogue = {service: (key: string) => boolean; tool: (id: string) => boolean};

/** The first bad move of a file, or null when every row is a valid, known move and no service has two. */
export function checkMoves(
	rows: unknown,
	known: MoveCatalogue | undefined,
	customSites: readonly string[],
): BackupError | null {
	if (rows === undefined) return null;
	if (!Array.isArray(rows)) return {code: 'invalid', part: 'journey'};
	if (rows.length > MAX_MOVES) return {code: 'too-many-moves'};
	const seen = new Set<string>();
	for (const [index, row] of rows.entries()) {
		const record =
			typeof row === 'object' && row !== null && !Array.isArray(row) ? (row as Record<string, unknown>) : null;
		const named = record?.['service'];
		const service = typeof named === 'string' && named.length <= 253 ? named : null;
		const bad = (problem: MoveProblem): BackupError => ({code: 'invalid-move', row: index + 1, service, problem});
		if (!record) return bad('structure');
		for (const field of Object.keys(moveFields) as Array<keyof typeof moveFields>)
			if (!moveFields[field].safeParse(record[field]).success) return bad(field);
		if (!moveSchema.safeParse(record).success) return bad('structure');
		const move = record as Move;
		if (known && !known.service(move.service) && !customSites.includes(move.service)) return bad('service');
		if (known && !known.tool(move.tool)) return bad('tool');
		if (seen.has(move.service)) return bad('duplicate');
		seen.add(move.service);
	}
	return null;
}

/**
 * Reads a file's text into a backup, or says exactly why not. Never throws. With `screen`, the file's
 * custom sites are first run through it: the sites it refuses are left out (and listed in `droppedSites`)
 * instead of making the whole file invalid. With `known`, every move must name a known service and alternative.
 */
export function parseBackup(text: string, screen?: SiteScreen, known?: MoveCatalogue): BackupResult {
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
	const rawSettings = doc['settings'];
	let droppedSites: DroppedSite[] | undefined;
	let screened = rawSettings;
	if (screen && typeof rawSettings === 'object' && rawSettings !== null && !Array.isArray(rawSettings)) {
		const sites = (rawSettings as Record<string, unknown>)['customSites'];
		if (Array.isArray(sites)) {
			const {kept, dropped} = screen(sites);
			screened = {...rawSettings, customSites: kept};
			droppedSites = dropped;
		}
	}
	const settings = readSettingsStrict(screened);
	if (!settings.ok) {
		if (settings.newer) return {ok: false, error: {code: 'newer'}};
		return {ok: false, error: {code: 'invalid', part: 'settings', fields: settings.fields}};
	}
	const rawJourney = doc['journey'];
	if (typeof rawJourney === 'object' && rawJourney !== null && !Array.isArray(rawJourney)) {
		const moves = checkMoves((rawJourney as Record<string, unknown>)['moves'], known, settings.settings.customSites);
		if (moves) return {ok: false, error: moves};
	}
	const journey = z.nullable(journeySchema).safeParse(rawJourney ?? null);
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
	return droppedSites ? {ok: true, backup: whole.data, droppedSites} : {ok: true, backup: whole.data};
}
