/**
 * Guided moves, the shapes only (no storage, no data): shared by the background (journey-db.ts, handlers.ts),
 * the move page, the popup, the options and the export-page helper.
 *
 * A move is one person's plan to leave one service (a catalogued service id, or a custom site's host) for one
 * alternative. Its six steps are done in order; three of them are the journey checklist's ticks (exported,
 * imported, deleted), so ticking one in either place ticks both (see CHECKLIST_OF_STEP).
 */
import type {ChecklistStep} from './journey';

export const MOVE_STEPS = ['request', 'download', 'prepare', 'import', 'check', 'delete'] as const;
export type MoveStep = (typeof MOVE_STEPS)[number];

/** The move step each checklist tick stands for (and back). */
export const CHECKLIST_OF_STEP: Partial<Record<MoveStep, ChecklistStep>> = {
	download: 'exported',
	import: 'imported',
	delete: 'deleted',
};
export const STEP_OF_CHECKLIST: Record<ChecklistStep, MoveStep> = {
	exported: 'download',
	imported: 'import',
	deleted: 'delete',
};

/** One move as stored: which steps are done, and when it started (ms). */
export type Move = {service: string; tool: string; started: number; done: MoveStep[]};

/** A move's progress: the first step not done (1-based) of the six, or null when all are done. */
export function currentStep(move: Pick<Move, 'done'>): number | null {
	const index = MOVE_STEPS.findIndex((step) => !move.done.includes(step));
	return index === -1 ? null : index + 1;
}

/** The steps in MOVE_STEPS order, without duplicates. */
export function normalizeSteps(steps: readonly MoveStep[]): MoveStep[] {
	return MOVE_STEPS.filter((step) => steps.includes(step));
}

/** The content-script id under which an export page's helper is registered (one per service). */
export const HELPER_SCRIPT_PREFIX = 'export-helper:';
export const helperScriptId = (service: string) => `${HELPER_SCRIPT_PREFIX}${service}`;

/** The move page's address for a service (and alternative), relative to the extension root. */
export function movePagePath(service: string, tool?: string): string {
	const query = new URLSearchParams({service});
	if (tool) query.set('tool', tool);
	return `move/index.html?${query.toString()}`;
}
