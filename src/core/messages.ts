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
import {settingsPatchSchema, type Settings, type SettingsPatch} from './settings';

/** What the banner needs, resolved in the UI language by the background: small by design. */
export type BannerModel = {
	serviceId: string;
	serviceName: string;
	concern: string;
	tools: string[];
	/** How long "Not now" snoozes this service, in days (a setting). */
	snoozeDays: number;
	lang: string;
	dir: 'ltr' | 'rtl';
};

/**
 * What the banner's buttons do. These are the only state changes a content script may ask for, and
 * they are narrow on purpose: each applies to the service the background itself detected in the
 * sender's tab (never to one named by the page), and each can only make the extension show less.
 * So a hostile page that somehow drove them could at worst silence the banner, which it can already
 * do by removing it. Undoing them takes an extension page (the options).
 */
export const BANNER_ACTIONS = ['snooze', 'hide', 'disable'] as const;
export type BannerAction = (typeof BANNER_ACTIONS)[number];

export type TabState = {serviceId: string | null};

export type Messages = {
	/** The content script reports the page's URL; the answer is the banner to show, if any. */
	pageVisit: {request: {url: string}; response: BannerModel | null};
	/** The content script's page left the service (client-side navigation) or was closed. */
	pageLeave: {request: {url: string}; response: null};
	/** A banner button: see BANNER_ACTIONS. The answer is the time (ms) a snooze ends, else null. */
	bannerAction: {request: {action: BannerAction}; response: {until: number | null}};
	/** Opens the full comparison, focused on the sender tab's service when there is one. */
	openComparison: {request: null; response: null};
	openOptions: {request: null; response: null};
	getSettings: {request: null; response: Settings};
	updateSettings: {request: SettingsPatch; response: Settings};
	/** Which service the given tab is on (for the popup, which has no "tabs" permission). */
	getTabState: {request: {tabId: number}; response: TabState};
};
export type MessageType = keyof Messages;
export type Request<K extends MessageType> = Messages[K]['request'];
export type Response<K extends MessageType> = Messages[K]['response'];

export type Envelope<K extends MessageType = MessageType> = {type: K; payload: Request<K>};
/** Every answer is one of these; the client turns `ok: false` back into a thrown Error. */
export type Reply<T> = {ok: true; value: T} | {ok: false; error: string};

const url = z.string().check(z.minLength(1), z.maxLength(8192));

export const requestSchemas = {
	pageVisit: z.strictObject({url}),
	pageLeave: z.strictObject({url}),
	bannerAction: z.strictObject({action: z.enum(BANNER_ACTIONS)}),
	openComparison: z.null(),
	openOptions: z.null(),
	getSettings: z.null(),
	updateSettings: settingsPatchSchema,
	getTabState: z.strictObject({tabId: z.number().check(z.int(), z.gte(0))}),
} satisfies {[K in MessageType]: z.ZodMiniType<Request<K>>};

export const senderTiers: {[K in MessageType]: 'content' | 'extension'} = {
	pageVisit: 'content',
	pageLeave: 'content',
	bannerAction: 'content',
	openComparison: 'content',
	openOptions: 'content',
	getSettings: 'extension',
	updateSettings: 'extension',
	getTabState: 'extension',
};

export const envelopeSchema = z.strictObject({
	type: z.enum(Object.keys(requestSchemas) as [MessageType, ...MessageType[]]),
	payload: z.unknown(),
});
