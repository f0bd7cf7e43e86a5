/**
 * The guided moves' data (./moves.json, see scripts/data/build-moves.ts), resolved for one move: the claims of
 * each step in order, with {service} and {tool} replaced by the names, in the person's language.
 */
import json from './moves.json';
import type {Language} from './schema';
import type {Claim, ClaimAuthor, Moves} from './moves-schema';
import {MOVE_STEPS, type MoveStep} from '../core/moves';

/** Checked against the schema when generated and in moves.test.ts. */
export const moves = json as unknown as Moves;

/** A claim in one language, ready to show. */
export type ShownClaim = {text: string; by: ClaimAuthor; source?: string};
export type MovePlan = {
	steps: Array<{step: MoveStep; claims: ShownClaim[]}>;
	notCarried: ShownClaim[];
	/** The export page where the helper can appear, when this service has one. */
	exportPage?: {match: string; helper: ShownClaim};
};

function show(claim: Claim, lang: Language, names: {service: string; tool: string}): ShownClaim {
	const text = claim[lang].replaceAll('{service}', names.service).replaceAll('{tool}', names.tool);
	return claim.source ? {text, by: claim.by, source: claim.source} : {text, by: claim.by};
}

/**
 * The plan for moving from `service` (a catalogued id, or a custom site's host: generic steps) to `tool`.
 * The alternative's guide for that service comes first, then the service's own route, then the alternative's
 * general route, then this project's generic advice.
 */
export function movePlan(
	ids: {service: string; tool: string},
	names: {service: string; tool: string},
	lang: Language,
): MovePlan {
	const service = moves.services[ids.service];
	const tool = moves.tools[ids.tool];
	const from = tool?.from[ids.service];
	const pick = (step: MoveStep): Claim[] =>
		from?.[step] ??
		service?.[step] ??
		(step === 'prepare' || step === 'import' ? tool?.default[step] : undefined) ??
		(step === 'import' ? [] : moves.generic[step]);
	const steps = MOVE_STEPS.map((step) => ({step, claims: pick(step).map((claim) => show(claim, lang, names))}));
	const notCarried = [...(from?.notCarried ?? []), ...(service?.notCarried ?? []), ...moves.generic.notCarried].map(
		(claim) => show(claim, lang, names),
	);
	const plan: MovePlan = {steps, notCarried};
	if (service?.exportPage)
		plan.exportPage = {match: service.exportPage.match, helper: show(service.exportPage.helper, lang, names)};
	return plan;
}

/** The export page's match pattern of a service, if it has one (the helper's permission and registration). */
export function exportPageOf(service: string): string | undefined {
	return moves.services[service]?.exportPage?.match;
}

/** Every service with an export page, and that page's match pattern. */
export function exportPages(): Record<string, string> {
	return Object.fromEntries(
		Object.entries(moves.services).flatMap(([id, service]) =>
			service.exportPage ? [[id, service.exportPage.match]] : [],
		),
	);
}

/** The origin pattern to ask permission for: the match pattern's host, any path. */
export function exportOrigin(match: string): string {
	return `${new URL(match.replace(/\*$/, '')).origin}/*`;
}
