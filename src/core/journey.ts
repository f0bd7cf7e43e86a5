/**
 * "Your journey", the shapes only (no storage): shared by the background (background/journey-db.ts), the export
 * file (core/backup.ts) and the options page, which must not bundle IndexedDB code it never runs.
 */
export const CHECKLIST_STEPS = ['exported', 'imported', 'deleted'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

/** One service visited on one local day ("YYYY-MM-DD"). Nothing else is ever stored about a visit. */
export type Visit = {service: string; day: string};
export type ChecklistEntry = {service: string} & Record<ChecklistStep, boolean>;
export type JourneyData = {visits: Visit[]; checklist: ChecklistEntry[]};

export type JourneySummary = {
	/** "YYYY-MM" of the month counted. */
	month: string;
	/** Services visited this month, most days first: on how many distinct days. */
	visits: Array<{service: string; days: number}>;
	/** Every service with at least one tick, plus every service visited in the kept period. */
	checklist: ChecklistEntry[];
};
/** What the options page shows: the summary, or that the database cannot be used here. */
export type JourneyState = {available: true; summary: JourneySummary} | {available: false};

export function emptyChecklist(service: string): ChecklistEntry {
	return {service, exported: false, imported: false, deleted: false};
}

/** The person's local calendar day, "YYYY-MM-DD". */
export function localDay(time: number): string {
	const date = new Date(time);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
