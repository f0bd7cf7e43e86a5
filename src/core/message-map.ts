/**
 * The message map: every message between the extension's parts, its request and its response.
 *
 * Messages are `{type, payload}`. Each request has a zod schema here; the background parses every
 * request with it before any handler runs (a content script runs next to an untrusted page, so what it
 * sends is input, not truth). Each message also names who may send it:
 * - "content": a content script (or an extension page) — read-only questions about the sender's tab;
 * - "extension": only the extension's own pages (popup, options, comparison) — everything that reads
 *   or changes the person's settings.
 */
import * as z from 'zod/mini';
import {backupSchema, type Backup} from './backup';
import type {BannerTexts} from './banner-texts';
import {CHECKLIST_STEPS, type ChecklistStep, type JourneyState} from './journey';
import {MOVE_STEPS, type Move, type MoveStep} from './moves';
import {serviceKeySchema} from './service-key';
import {customHostSchema, settingsPatchSchema, type Settings, type SettingsPatch} from './settings';

/** What the banner needs, resolved in the UI language by the background: small by design. */
export type BannerModel = {
	serviceId: string;
	/** The concern, in one sentence: the banner's body. */
	concern: string;
	/** Every other text the banner shows (core/banner-texts.ts): the content script makes none. */
	texts: BannerTexts;
	/** The options' theme: the banner follows it as the extension pages do. */
	theme: 'auto' | 'light' | 'dark';
	lang: string;
	dir: 'ltr' | 'rtl';
	/**
	 * The tab is in a private window: the banner's choices last for this private session only (nothing is
	 * saved), and its confirmation says so (message "bannerPrivateSessionOnly"). (Optional only for older banners built without it.)
	 */
	privateSession?: boolean;
};

/**
 * What the banner's buttons do. These are the only state changes a content script may ask for, and
 * they are narrow on purpose: each applies to the service the background itself detected in the
 * sender's tab (never to one named by the page), and each can only make the extension show less.
 * So a hostile page that somehow drove them could at worst silence the banner on its own service, which
 * it can already do by removing it. Undoing them takes an extension page (the options). Turning the banner
 * off everywhere is not one of them: the banner's "Turn off everywhere…" only opens the options at that
 * switch (openTurnOff), where the person confirms, out of any page's reach (a page could trick a click).
 */
const BANNER_ACTIONS = ['snooze', 'hide'] as const;
export type BannerAction = (typeof BANNER_ACTIONS)[number];

export type TabState = {serviceId: string | null};

/** The options page's two lists of services the banner stays away from. */
const SERVICE_LISTS = ['hidden', 'snoozed'] as const;
export type ServiceList = (typeof SERVICE_LISTS)[number];

/** A custom site and whether its host permission is granted (so its content script is registered). */
export type CustomSiteStatus = {host: string; granted: boolean};

/** A move in progress, with its current step (1–6, null when all are done) and its helper's permission. */
export type MoveStatus = Move & {
	step: number | null;
	/** The export page's helper may appear (its permission is granted); null when the service has no export page. */
	helper: boolean | null;
};
export type MovesState = {available: true; moves: MoveStatus[]} | {available: false};
/** What the popup's first view waits for (getPopupView); settings that could not be read are null. */
type PopupView = {serviceId: string | null; moves: MovesState; settings: Settings | null};

/** What the export-page helper shows, resolved in the UI language by the background. */
export type HelperModel = {
	service: string;
	title: string;
	text: string;
	/** Who says it ("Google says", "Our advice"…). */
	author: string;
	source: string | null;
	requested: boolean;
	step: number | null;
	total: number;
	theme: 'auto' | 'light' | 'dark';
	lang: string;
	dir: 'ltr' | 'rtl';
	/**
	 * The helper's own words, in the extension's language (the content script has no catalogues): `steps[n]`
	 * is "Step n of total" (n = 1…total; steps[0] is empty).
	 */
	labels: {close: string; source: string; requested: string; requestedDone: string; failed: string; steps: string[]};
};

type Messages = {
	/** The content script reports the page's URL; the answer is the banner to show, if any. */
	pageVisit: {request: {url: string}; response: BannerModel | null};
	/** The content script's page left the service (client-side navigation) or was closed. */
	pageLeave: {request: {url: string}; response: null};
	/** A banner button: see BANNER_ACTIONS. The answer is the time (ms) a snooze ends, else null. */
	bannerAction: {request: {action: BannerAction}; response: {until: number | null}};
	/** Opens the full comparison, focused on the sender tab's service when there is one. */
	openComparison: {request: null; response: null};
	openOptions: {request: null; response: null};
	/** The banner's "Turn off everywhere…": opens the options at the banner's switch, highlighted and focused. */
	openTurnOff: {request: null; response: null};
	getSettings: {request: null; response: Settings};
	updateSettings: {request: SettingsPatch; response: Settings};
	/**
	 * "Show again" in the options: one service leaves the hidden or snoozed list, changed in turn from
	 * the stored list (a whole list sent from a page could undo a change another tab just made).
	 */
	showAgain: {request: {list: ServiceList; service: string}; response: Settings};
	/**
	 * What the popup's first view waits for, in one message: which service the given tab is on (the popup has no
	 * "tabs" permission; null: the active tab of the window last focused, the toolbar popup's), the moves in progress
	 * and the settings.
	 */
	getPopupView: {request: {tabId: number | null}; response: PopupView};
	/** Restores the default settings, removes every custom site (and its permission) and erases the journey. */
	resetAll: {request: null; response: Settings};
	/** The custom sites, after bringing their content-script registrations in line with the permissions. */
	getCustomSites: {request: null; response: CustomSiteStatus[]};
	/**
	 * Adds a custom site (what the person typed; the background validates it again). The options page asks
	 * for its permission in the same click and sends this once it is granted; the background registers the
	 * content script only while the permission is there (a site without it is listed as not granted).
	 */
	addCustomSite: {request: {site: string}; response: CustomSiteStatus[]};
	/** Removes a custom site: unregisters its script and gives its permission back. */
	removeCustomSite: {request: {host: string}; response: CustomSiteStatus[]};
	getJourney: {request: null; response: JourneyState};
	setChecklistStep: {request: {service: string; step: ChecklistStep; done: boolean}; response: JourneyState};
	eraseJourney: {request: null; response: JourneyState};
	/** The guided moves in progress (background/moves.ts). */
	getMoves: {request: null; response: MovesState};
	/**
	 * Starts a move from a service (a catalogued id or a custom site) to an alternative. The move page asks for the
	 * export page's host permission in the same click; the helper is registered only if it was granted.
	 */
	startMove: {request: {service: string; tool: string}; response: MoveStatus[]};
	setMoveStep: {request: {service: string; step: MoveStep; done: boolean}; response: MoveStatus[]};
	/** Ends a move, finished or abandoned: its helper goes and its export page's permission is given back. */
	endMove: {request: {service: string}; response: MoveStatus[]};
	/** The banner's "Start moving": opens the move page for the sender tab's service. */
	openMove: {request: null; response: null};
	/** The export-page helper reports its page's URL; the answer is what to show, if a move is about this page. */
	helperVisit: {request: {url: string}; response: HelperModel | null};
	/**
	 * The helper's "I have requested my export": ticks the request step of the move whose export page the sender
	 * is on (found from the sender's own URL). The only change a helper may ask for.
	 */
	helperRequested: {request: {url: string}; response: {step: number | null}};
	/** The export file's content (core/backup.ts). */
	exportData: {request: null; response: Backup};
	/** Replaces settings and journey by a backup the options page has read and checked (checked again here). */
	importData: {request: Backup; response: Settings};
};
export type MessageType = keyof Messages;
export type Request<K extends MessageType> = Messages[K]['request'];
export type Response<K extends MessageType> = Messages[K]['response'];

/** Every answer is one of these; the client turns `ok: false` back into a thrown Error. */
export type Reply<T> = {ok: true; value: T} | {ok: false; error: string};

const url = z.string().check(z.minLength(1), z.maxLength(8192));

export const requestSchemas = {
	pageVisit: z.strictObject({url}),
	pageLeave: z.strictObject({url}),
	bannerAction: z.strictObject({action: z.enum(BANNER_ACTIONS)}),
	openComparison: z.null(),
	openOptions: z.null(),
	openTurnOff: z.null(),
	getSettings: z.null(),
	updateSettings: settingsPatchSchema,
	showAgain: z.strictObject({
		list: z.enum(SERVICE_LISTS),
		service: serviceKeySchema,
	}),
	getPopupView: z.strictObject({tabId: z.nullable(z.number().check(z.int(), z.gte(0)))}),
	resetAll: z.null(),
	getCustomSites: z.null(),
	addCustomSite: z.strictObject({site: z.string().check(z.minLength(1), z.maxLength(2048))}),
	removeCustomSite: z.strictObject({host: customHostSchema}),
	getJourney: z.null(),
	setChecklistStep: z.strictObject({
		service: serviceKeySchema,
		step: z.enum(CHECKLIST_STEPS),
		done: z.boolean(),
	}),
	eraseJourney: z.null(),
	exportData: z.null(),
	importData: backupSchema,
	getMoves: z.null(),
	startMove: z.strictObject({service: serviceKeySchema, tool: serviceKeySchema}),
	setMoveStep: z.strictObject({service: serviceKeySchema, step: z.enum(MOVE_STEPS), done: z.boolean()}),
	endMove: z.strictObject({service: serviceKeySchema}),
	openMove: z.null(),
	helperVisit: z.strictObject({url}),
	helperRequested: z.strictObject({url}),
} satisfies {[K in MessageType]: z.ZodMiniType<Request<K>>};

export const senderTiers: {[K in MessageType]: 'content' | 'extension'} = {
	pageVisit: 'content',
	pageLeave: 'content',
	bannerAction: 'content',
	openComparison: 'content',
	openOptions: 'content',
	openTurnOff: 'content',
	getSettings: 'extension',
	updateSettings: 'extension',
	showAgain: 'extension',
	getPopupView: 'extension',
	resetAll: 'extension',
	getCustomSites: 'extension',
	addCustomSite: 'extension',
	removeCustomSite: 'extension',
	getJourney: 'extension',
	setChecklistStep: 'extension',
	eraseJourney: 'extension',
	exportData: 'extension',
	importData: 'extension',
	getMoves: 'extension',
	startMove: 'extension',
	setMoveStep: 'extension',
	endMove: 'extension',
	openMove: 'content',
	helperVisit: 'content',
	helperRequested: 'content',
};

export const envelopeSchema = z.strictObject({
	type: z.enum(Object.keys(requestSchemas) as [MessageType, ...MessageType[]]),
	payload: z.unknown(),
});
