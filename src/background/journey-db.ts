/**
 * "Your journey": the one IndexedDB database, through idb. Extension origin only — the background
 * (which records visits) and, through messages, the extension pages. Never the content script: there
 * IndexedDB would be the website's storage.
 *
 * What it holds, and nothing more:
 * - `visits`: one record per service per day the person opened it: {service, day: "YYYY-MM-DD"} (local
 *   date). No URL, no title, no time of day, no count. Days before the start of the previous month are
 *   deleted whenever a visit is recorded.
 * - `checklist`: per service, three ticks: exported from it, imported into an alternative, deleted the
 *   old library.
 * - `moves`: per service, the guided move in progress (core/moves.ts): the alternative, when it started, the
 *   steps done. Three steps are the checklist's ticks: setting one sets the other, in one transaction.
 *
 * Schema versions (each upgrade step runs in order from the stored version; tested in db.test.ts):
 * - 1: `visits` keyed by [service, day].
 * - 2: `visits` gains a `byDay` index (for pruning by date); new `checklist` store keyed by service.
 * - 3: new `moves` store keyed by service.
 *
 * If the database cannot be opened (a private window, storage full or disabled), every function here
 * rejects; callers show the journey as unavailable and go on.
 */
import {openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames} from 'idb';
import {journeySchema, type BackupJourney} from '../core/backup';
import {
	CHECKLIST_STEPS,
	emptyChecklist,
	localDay,
	type ChecklistEntry,
	type ChecklistStep,
	type JourneyData,
	type JourneySummary,
	type Visit,
} from '../core/journey';
import {
	CHECKLIST_OF_STEP,
	MOVE_STEPS,
	normalizeSteps,
	STEP_OF_CHECKLIST,
	type Move,
	type MoveStep,
} from '../core/moves';

export const DB_NAME = 'photo-privacy-advisor';
export const DB_VERSION = 3;

interface JourneyDB extends DBSchema {
	visits: {key: [string, string]; value: Visit; indexes: {byDay: string}};
	checklist: {key: string; value: ChecklistEntry};
	moves: {key: string; value: Move};
}

type Db = IDBPDatabase<JourneyDB>;
type UpgradeTx = IDBPTransaction<JourneyDB, ArrayLike<StoreNames<JourneyDB>>, 'versionchange'>;

/**
 * Brings a database at `oldVersion` to DB_VERSION, one step per version. (A `switch (oldVersion)` with
 * fall-through says the same, but this project's tsconfig forbids fall-through cases; a loop over the
 * versions keeps each step separate and in order.)
 */
function upgradeJourneyDb(db: Db, oldVersion: number, tx: UpgradeTx): void {
	for (let version = oldVersion; version < DB_VERSION; version++) {
		switch (version) {
			case 0: {
				// → 1
				db.createObjectStore('visits', {keyPath: ['service', 'day']});
				break;
			}
			case 1: {
				// → 2
				tx.objectStore('visits').createIndex('byDay', 'day');
				db.createObjectStore('checklist', {keyPath: 'service'});
				break;
			}
			case 2: {
				// → 3
				db.createObjectStore('moves', {keyPath: 'service'});
				break;
			}
			default:
				throw new Error(`No upgrade step from database version ${version}`);
		}
	}
}

let connection: Promise<Db> | undefined;

/** The open database (opened once, reopened after a failure or when another version takes over). */
export function journeyDb(): Promise<Db> {
	if (!connection) {
		const opening = (async () => {
			if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
			return openDB<JourneyDB>(DB_NAME, DB_VERSION, {
				upgrade: (db, oldVersion, _newVersion, tx) => upgradeJourneyDb(db, oldVersion, tx),
				blocking: () => void closeJourneyDb(),
				terminated: () => {
					connection = undefined;
				},
			});
		})();
		connection = opening;
		opening.catch(() => {
			if (connection === opening) connection = undefined; // try again next time
		});
	}
	return connection;
}

export async function closeJourneyDb(): Promise<void> {
	const current = connection;
	connection = undefined;
	if (current) (await current.catch(() => undefined))?.close();
}

/** The first day kept: the first of the previous month (so "this month" is always whole, and last month too). */
export function retentionStart(time: number): string {
	const date = new Date(time);
	return localDay(new Date(date.getFullYear(), date.getMonth() - 1, 1).getTime());
}

export async function recordVisit(service: string, time: number): Promise<void> {
	const db = await journeyDb();
	const tx = db.transaction('visits', 'readwrite');
	await Promise.all([
		tx.store.put({service, day: localDay(time)}),
		tx.store
			.index('byDay')
			.openCursor(IDBKeyRange.upperBound(retentionStart(time), true))
			.then(async function prune(cursor): Promise<void> {
				if (!cursor) return;
				await cursor.delete();
				return prune(await cursor.continue());
			}),
		tx.done,
	]);
}

export async function journeySummary(time: number): Promise<JourneySummary> {
	const db = await journeyDb();
	const month = localDay(time).slice(0, 7);
	const {visits, checklist: ticks} = await readStores(db);
	const days = new Map<string, number>();
	for (const visit of visits)
		if (visit.day.startsWith(`${month}-`)) days.set(visit.service, (days.get(visit.service) ?? 0) + 1);
	const checklist = new Map(ticks.map((entry) => [entry.service, entry]));
	for (const visit of visits)
		if (!checklist.has(visit.service)) checklist.set(visit.service, emptyChecklist(visit.service));
	return {
		month,
		visits: [...days]
			.map(([service, count]) => ({service, days: count}))
			.sort((a, b) => b.days - a.days || a.service.localeCompare(b.service)),
		checklist: [...checklist.values()].sort((a, b) => a.service.localeCompare(b.service)),
	};
}

/** Ticks (or unticks) a checklist step, and the matching step of the service's move in progress, if any. */
export async function setChecklistStep(service: string, step: ChecklistStep, done: boolean): Promise<void> {
	await setSteps(service, {checklist: step, move: STEP_OF_CHECKLIST[step]}, done);
}

/** Ticks (or unticks) a step of the service's move, and the matching checklist tick, if the step has one. */
export async function setMoveStep(service: string, step: MoveStep, done: boolean): Promise<void> {
	const db = await journeyDb();
	if (!(await db.get('moves', service))) throw new Error('No move from this service is in progress');
	await setSteps(service, {checklist: CHECKLIST_OF_STEP[step], move: step}, done);
}

async function setSteps(
	service: string,
	steps: {checklist: ChecklistStep | undefined; move: MoveStep},
	done: boolean,
): Promise<void> {
	const db = await journeyDb();
	const tx = db.transaction(['checklist', 'moves'], 'readwrite');
	const pending: Array<Promise<unknown>> = [tx.done];
	if (steps.checklist) {
		const checklist = tx.objectStore('checklist');
		const entry = (await checklist.get(service)) ?? emptyChecklist(service);
		pending.push(checklist.put({...entry, [steps.checklist]: done}));
	}
	const moves = tx.objectStore('moves');
	const move = await moves.get(service);
	if (move) {
		const others = move.done.filter((step) => step !== steps.move);
		pending.push(moves.put({...move, done: normalizeSteps(done ? [...others, steps.move] : others)}));
	}
	await Promise.all(pending);
}

/**
 * Starts (or restarts, for another alternative) the move from `service` to `tool`. The steps already ticked in
 * the checklist count as done, so a person who had exported before starts at the next step.
 */
export async function startMove(service: string, tool: string, time: number): Promise<Move> {
	const db = await journeyDb();
	const tx = db.transaction(['checklist', 'moves'], 'readwrite');
	const entry = await tx.objectStore('checklist').get(service);
	const existing = await tx.objectStore('moves').get(service);
	const fromChecklist = entry
		? (Object.keys(STEP_OF_CHECKLIST) as ChecklistStep[]).filter((step) => entry[step]).map((s) => STEP_OF_CHECKLIST[s])
		: [];
	const move: Move = {
		service,
		tool,
		started: existing?.started ?? time,
		done: normalizeSteps([...(existing?.done ?? []), ...fromChecklist]),
	};
	await Promise.all([tx.objectStore('moves').put(move), tx.done]);
	return move;
}

/** Forgets a move (finished or abandoned). The checklist keeps its ticks. */
export async function endMove(service: string): Promise<void> {
	const db = await journeyDb();
	await db.delete('moves', service);
}

/** A stored move record that is well-formed (one damaged on disk is left out wherever moves are read). */
function isMoveRecord(record: unknown): record is Move {
	if (typeof record !== 'object' || record === null) return false;
	const move = record as Partial<Move>;
	return (
		typeof move.service === 'string' &&
		typeof move.tool === 'string' &&
		typeof move.started === 'number' &&
		Array.isArray(move.done) &&
		move.done.every((step) => (MOVE_STEPS as readonly unknown[]).includes(step))
	);
}

/** Every move in progress, well-formed records only, the most recently started first. */
export async function readMoves(): Promise<Move[]> {
	const db = await journeyDb();
	const records: unknown[] = await db.getAll('moves');
	return records
		.filter(isMoveRecord)
		.map(({service, tool, started, done}) => ({service, tool, started, done: normalizeSteps(done)}))
		.sort((a, b) => b.started - a.started || a.service.localeCompare(b.service));
}

export async function readJourney(): Promise<JourneyData> {
	return readStores(await journeyDb());
}

/**
 * Both stores, well-formed records only: a record damaged on disk (or written by a buggy version) is
 * left out, as the import would refuse it, so one bad record never costs the summary or makes the
 * person's own export a file the extension refuses. The checks are the export file's (core/backup.ts).
 */
async function readStores(db: Db): Promise<JourneyData> {
	const tx = db.transaction(['visits', 'checklist']);
	const [visits, checklist] = await Promise.all([
		tx.objectStore('visits').getAll(),
		tx.objectStore('checklist').getAll(),
		tx.done,
	]);
	const pick = <T>(record: unknown, keys: readonly string[]) =>
		(typeof record === 'object' && record !== null
			? Object.fromEntries(keys.map((key) => [key, (record as Record<string, unknown>)[key]]))
			: record) as T;
	return {
		visits: visits
			.map((v) => pick<Visit>(v, ['service', 'day']))
			.filter((v) => journeySchema.safeParse({visits: [v], checklist: []}).success),
		checklist: checklist
			.map((e) => pick<ChecklistEntry>(e, ['service', ...CHECKLIST_STEPS]))
			.filter((e) => journeySchema.safeParse({visits: [], checklist: [e]}).success),
	};
}

/**
 * Replaces the whole journey in one transaction: all of it is written, or none. With `moves` (an export file's),
 * the moves in progress are replaced too, each step and its checklist tick made to agree (a tick in either place
 * is the same tick); without (a file older than moves), the moves in progress stay, and they and the file's
 * checklist are made to agree the same way.
 */
export async function replaceJourney(data: BackupJourney): Promise<void> {
	const db = await journeyDb();
	const tx = db.transaction(['visits', 'checklist', 'moves'], 'readwrite');
	const visits = tx.objectStore('visits');
	const checklist = tx.objectStore('checklist');
	const moves = tx.objectStore('moves');
	const pending: Array<Promise<unknown>> = [tx.done];
	try {
		const entries = new Map(data.checklist.map((entry) => [entry.service, {...entry}]));
		// A file older than moves: the moves in progress stay, and agree with the file's checklist as imported ones do.
		const kept = data.moves ?? ((await moves.getAll()) as unknown[]).filter(isMoveRecord);
		const imported = kept.map((move) => {
			const entry = entries.get(move.service);
			const ticked = entry ? CHECKLIST_STEPS.filter((step) => entry[step]).map((step) => STEP_OF_CHECKLIST[step]) : [];
			return {
				service: move.service,
				tool: move.tool,
				started: move.started,
				done: normalizeSteps([...move.done, ...ticked]),
			};
		});
		for (const move of imported)
			for (const step of move.done) {
				const tick = CHECKLIST_OF_STEP[step];
				if (!tick) continue;
				const entry = entries.get(move.service) ?? emptyChecklist(move.service);
				entries.set(move.service, {...entry, [tick]: true});
			}
		pending.push(visits.clear(), checklist.clear());
		if (data.moves) pending.push(moves.clear());
		for (const visit of data.visits) pending.push(visits.put({service: visit.service, day: visit.day}));
		for (const entry of entries.values())
			pending.push(
				checklist.put({
					service: entry.service,
					exported: entry.exported,
					imported: entry.imported,
					deleted: entry.deleted,
				}),
			);
		for (const move of imported) pending.push(moves.put(move));
		await Promise.all(pending);
	} catch (error) {
		// A bad key throws synchronously from put(), which does not abort the transaction by itself.
		// The other requests fail with the transaction; the first failure is the one thrown below.
		for (const request of pending) request.catch(() => {});
		try {
			tx.abort();
		} catch {
			// already finished or aborted
		}
		throw error;
	}
}

/** Erases everything: visits, checklist and moves. */
export async function eraseJourney(): Promise<void> {
	await replaceJourney({visits: [], checklist: [], moves: []});
}

/**
 * Deletes the days before the retention start (see retentionStart): run when the journey is read, shown,
 * exported or imported, not only when a visit is recorded, so that no older day outlives a quiet month.
 */
export async function pruneVisits(time: number): Promise<void> {
	const db = await journeyDb();
	const tx = db.transaction('visits', 'readwrite');
	let cursor = await tx.store.index('byDay').openCursor(IDBKeyRange.upperBound(retentionStart(time), true));
	while (cursor) {
		await cursor.delete();
		cursor = await cursor.continue();
	}
	await tx.done;
}

/** Deletes everything the journey holds about one service (its visit days and its checklist): a custom site removed. */
export async function forgetJourneyService(service: string): Promise<void> {
	const db = await journeyDb();
	const tx = db.transaction(['visits', 'checklist'], 'readwrite');
	const visits = tx.objectStore('visits');
	await Promise.all([
		visits.delete(IDBKeyRange.bound([service, ''], [service, '\uffff'])),
		tx.objectStore('checklist').delete(service),
		tx.done,
	]);
}
