/**
 * Guided moves in the background: the moves in progress (journey-db.ts), and the export-page helper's content
 * script (content/export-helper.ts), registered for one export page only while a move from that service is in
 * progress and its host permission is granted. The permission is asked by the move page in the person's click
 * (permissions.request needs a user gesture) and given back here when the move ends, finished or abandoned.
 *
 * `syncHelpers` brings the registrations in line with the moves and the permissions, like custom sites do
 * (custom-sites.ts), one at a time (core/serial.ts): on browser start, install/update, permission changes and every
 * move change.
 */
import {browser, type Runtime, type Scripting} from '../core/browser';
import {dataLanguage, t, uiDirection, uiLanguage} from '../core/i18n';
import type {HelperModel, MoveStatus} from '../core/message-map';
import {currentStep, HELPER_SCRIPT_PREFIX, helperScriptId, MOVE_STEPS, type Move, type MoveStep} from '../core/moves';
import {serialQueue} from '../core/serial';
import {toolsForPreference} from '../core/tool-order';
import {parseHttpsUrl} from '../core/url-match';
import {dataset, localize, serviceById, toolById} from '../data';
import {exportOrigin, exportPageOf, exportPages, movePlan} from '../data/moves';
import {endMove, readMoves, setMoveStep, startMove} from './journey-db';
import type {Settings} from '../core/settings';
import {readSettings} from './store';

const HELPER_FILES = ['export-helper.js'];

/** Does `url` fall under a match pattern of the form https://host/path* ? */
export function matchesExportPage(url: URL, match: string): boolean {
	const base = new URL(match.replace(/\*$/, ''));
	return url.origin === base.origin && `${url.pathname}${url.search}`.startsWith(base.pathname + base.search);
}

const helperGranted = (service: string): Promise<boolean> => {
	const match = exportPageOf(service);
	return match ? browser.permissions.contains({origins: [exportOrigin(match)]}) : Promise.resolve(false);
};

async function sync(): Promise<void> {
	const moves = await readMoves().catch((): Move[] => []);
	const registered = (await browser.scripting.getRegisteredContentScripts()).filter((script) =>
		script.id.startsWith(HELPER_SCRIPT_PREFIX),
	);
	const wanted: Scripting.RegisteredContentScript[] = [];
	for (const move of moves) {
		const match = exportPageOf(move.service);
		if (match && (await helperGranted(move.service)))
			wanted.push({
				id: helperScriptId(move.service),
				matches: [match],
				js: HELPER_FILES,
				runAt: 'document_idle',
				persistAcrossSessions: true,
			});
	}
	const wantedIds = new Set(wanted.map((script) => script.id));
	const have = new Set(registered.map((script) => script.id));
	const unregister = registered.filter((script) => !wantedIds.has(script.id)).map((script) => script.id);
	const register = wanted.filter((script) => !have.has(script.id));
	if (unregister.length > 0) await browser.scripting.unregisterContentScripts({ids: unregister});
	if (register.length > 0) await browser.scripting.registerContentScripts(register);
}

/** Syncs one at a time (a queue of its own: helpers' registration ids never overlap custom sites'). */
const queued = serialQueue();

export const syncHelpers = () => queued(sync);

/** The moves in progress, each with its current step and whether its export page's helper may appear. */
export async function moveStatuses(): Promise<MoveStatus[]> {
	const moves = await readMoves();
	return Promise.all(
		moves.map(async (move) => ({
			...move,
			step: currentStep(move),
			helper: exportPageOf(move.service) ? await helperGranted(move.service) : null,
		})),
	);
}

function knownMove(service: string, settings: {customSites: string[]}): boolean {
	return serviceById(service) !== undefined || settings.customSites.includes(service);
}

/** Starts a move (the page has asked for the export page's permission in the same click, if it has one). */
export async function startMoveFrom(service: string, tool: string): Promise<MoveStatus[]> {
	if (!knownMove(service, await readSettings())) throw new Error(t('moveUnknownService'));
	if (!toolById(tool)) throw new Error(t('moveUnknownTool'));
	await startMove(service, tool, Date.now());
	await syncHelpers();
	return moveStatuses();
}

export async function setStep(service: string, step: MoveStep, done: boolean): Promise<MoveStatus[]> {
	await setMoveStep(service, step, done);
	return moveStatuses();
}

/** Ends a move (finished or abandoned): its helper goes, and its export page's permission is given back. */
export async function endMoveFrom(service: string): Promise<MoveStatus[]> {
	await endMove(service);
	await releaseHelpers();
	return moveStatuses();
}

/**
 * The origins of the banner's own content scripts (the manifest's): Flickr's, Amazon's and OneDrive's export pages
 * are on such a host. Firefox grants these origins at install, whole, and lets them be removed: giving one back at
 * the end of a move would take the banner off that service. They are the extension's from install, never a move's.
 * (Chromium, by its source, refuses to remove an origin that overlaps a content script's pattern: "You cannot remove required
 * permissions"; there, a grant of www.flickr.com asked at a Flickr move's start stays, as the browser wants.)
 */
function bannerOrigins(): Set<string> {
	const matches = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);
	return new Set(
		matches.flatMap((match) => {
			try {
				return [exportOrigin(match)];
			} catch {
				return [];
			}
		}),
	);
}

/**
 * Brings the helpers in line with the moves, then gives back every export page's permission that no move in
 * progress needs (after a move ends, the journey is erased or everything is reset). A custom site on the same
 * host keeps its permission.
 */
export async function releaseHelpers(): Promise<void> {
	await syncHelpers();
	const moves = await readMoves().catch((): Move[] => []);
	const needed = new Set(
		moves.flatMap((move) => {
			const match = exportPageOf(move.service);
			return match ? [exportOrigin(match)] : [];
		}),
	);
	const {customSites} = await readSettings();
	const custom = new Set(customSites.map((host) => `https://${host}/*`));
	const banner = bannerOrigins();
	const release = [...new Set(Object.values(exportPages()).map(exportOrigin))].filter(
		(origin) => !needed.has(origin) && !custom.has(origin) && !banner.has(origin),
	);
	// One at a time: Chromium rejects the removal of an origin the manifest requires (host_permissions, or a
	// content script's pattern): "You cannot remove required permissions". That one stays, as the browser wants,
	// and the others are still given back; the move has ended either way.
	for (const origin of release) {
		if (await browser.permissions.contains({origins: [origin]}))
			await browser.permissions.remove({origins: [origin]}).catch(() => false);
	}
}

/**
 * The move whose export page the sender's tab is on (by the sender's own URL, never one the page names). None for a
 * tab in a private window: nothing a private tab does may reach persistent storage (the helper's "I have requested
 * my export" would tick the move in IndexedDB), so no helper is offered there.
 */
async function moveOfSender(url: string, sender: Runtime.MessageSender): Promise<Move | undefined> {
	if (sender.tab?.incognito === true) return undefined;
	const claimed = parseHttpsUrl(url);
	const actual = parseHttpsUrl(sender.url);
	if (!claimed || !actual || claimed.origin !== actual.origin) return undefined;
	const moves = await readMoves().catch((): Move[] => []);
	return moves.find((move) => {
		const match = exportPageOf(move.service);
		return match !== undefined && matchesExportPage(actual, match);
	});
}

/** What the helper shows on an export page, or null when no move in progress is about this page. */
export async function helperModel(url: string, sender: Runtime.MessageSender): Promise<HelperModel | null> {
	const move = await moveOfSender(url, sender);
	if (!move) return null;
	const settings = await readSettings();
	if (settings.badgeOnly) return null; // Badge only: nothing added to any page, the export page's neither
	const lang = dataLanguage();
	const service = serviceById(move.service);
	const tool = toolById(move.tool);
	const names = {
		service: service ? localize(service.name, lang) : move.service,
		tool: tool ? tool.name : move.tool,
	};
	const plan = movePlan({service: move.service, tool: move.tool}, names, lang);
	if (!plan.exportPage) return null;
	return {
		service: move.service,
		title: t('helperTitle', [names.service, names.tool]),
		text: plan.exportPage.helper.text,
		author: t(`moveBy_${plan.exportPage.helper.by}`),
		source: plan.exportPage.helper.source ?? null,
		requested: move.done.includes('request'),
		step: currentStep(move),
		total: MOVE_STEPS.length,
		theme: settings.theme,
		lang: uiLanguage(),
		dir: uiDirection(),
		labels: {
			close: t('helperClose'),
			source: t('source'),
			requested: t('helperRequested'),
			requestedDone: t('helperRequestedDone'),
			failed: t('bannerActionFailed'),
			steps: ['', ...MOVE_STEPS.map((_, i) => t('helperStep', [String(i + 1), String(MOVE_STEPS.length)]))],
		},
	};
}

/** "I have requested my export", from the helper: ticks the request step of the move this page belongs to. */
export async function helperRequested(url: string, sender: Runtime.MessageSender): Promise<{step: number | null}> {
	const move = await moveOfSender(url, sender);
	if (!move) throw new Error('No move in progress is about this page');
	await setMoveStep(move.service, 'request', true);
	return {step: currentStep({done: [...move.done, 'request']})};
}

/** The alternative the preference puts first (core/tool-order.ts, as everywhere): the move the banner offers. */
export function preferredTool(preference: Settings['preference']): string {
	const first = toolsForPreference(dataset.tools, preference)[0] ?? dataset.tools[0];
	if (!first) throw new Error('The dataset has no alternative');
	return first.id;
}
