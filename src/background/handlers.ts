/** The one handler map: what the background does for each message (see core/message-map.ts). */
import {browser, type Runtime} from '../core/browser';
import type {BannerModel, TabState} from '../core/message-map';
import {bannerTexts} from '../core/banner-texts';
import {checkMoves, makeBackup, type MoveCatalogue} from '../core/backup';
import {
	eraseJourney,
	forgetJourneyService,
	journeySummary,
	pruneVisits,
	readJourney,
	readMoves,
	recordVisit,
	replaceJourney,
	setChecklistStep,
} from './journey-db';
import {dataLanguage, t, uiDirection, uiLanguage} from '../core/i18n';
import type {JourneyState} from '../core/journey';
import {comparisonUrl, TURN_OFF_HASH} from '../core/pages';
import {toolsForPreference} from '../core/tool-order';
import {findService, parseHttpsUrl, ruleMatches} from '../core/url-match';
import {DAY_MS, DEFAULTS, MAX_SNOOZE_DAYS, runningSnoozes, snoozeEnd, type Settings} from '../core/settings';
import {dataset, localize, serviceById, toolById} from '../data';
import {NEVER_FLAG_RULES, SERVICE_RULES} from '../data/rules';
import {markTab} from './badge';
import {catalogueHosts, screenCustomSites} from '../core/custom-sites';
import {addCustomSite, changeCustomSites, removeCustomSite, syncCustomSites} from './custom-sites';
import type {Handlers} from './router';
import {withEntry, withoutService} from './service-lists';
import {readSettings, readTabState, updateSettings, writeTabState} from './store';
import {logFailure, logged} from './log';
import {forgetPrivateChoices, readPrivateChoices, updatePrivateChoices, withPrivateChoices} from './private-session';
import {
	endMoveFrom,
	helperModel,
	helperRequested,
	moveStatuses,
	preferredTool,
	releaseHelpers,
	setStep,
	startMoveFrom,
} from './moves';
import {movePagePath} from '../core/moves';
import type {MovesState} from '../core/message-map';

/** What a move of an imported file may name (the file's own sites are added by checkMoves). */
const MOVE_CATALOGUE: MoveCatalogue = {
	service: (key) => serviceById(key) !== undefined,
	tool: (id) => toolById(id) !== undefined,
};

/** A tab in a private window: nothing it does may reach persistent storage (background/private-session.ts). */
const isPrivate = (sender: Runtime.MessageSender) => sender.tab?.incognito === true;

/** The service the background detected in the sender's tab (never one the page names). */
async function detectedService(sender: Runtime.MessageSender): Promise<string> {
	const {serviceId} = await readTabState(tabOf(sender));
	if (!serviceId) throw new Error('No photo service is detected in this tab');
	return serviceId;
}

/** The payload's URL must be on the sender's own origin: a content script speaks for its page only. */
function senderPageUrl(url: string, sender: Runtime.MessageSender): URL | undefined {
	const claimed = parseHttpsUrl(url);
	const actual = parseHttpsUrl(sender.url);
	if (!claimed || !actual || actual.origin !== claimed.origin) return undefined;
	return claimed;
}

function tabOf(sender: Runtime.MessageSender): number {
	const id = sender.tab?.id;
	if (id === undefined) throw new Error('This message must come from a tab');
	return id;
}

export function bannerAllowed(settings: Settings, serviceId: string, now: number): boolean {
	// Badge only: nothing is added to any page (the badge is set before this is asked).
	if (!settings.bannerEnabled || settings.badgeOnly) return false;
	if (settings.hiddenServices.includes(serviceId)) return false;
	const until = settings.snoozedUntil[serviceId] ?? 0;
	// A snooze ends when it says, or at once if it says later than any snooze can last: it was set while
	// the clock was wrong (far ahead), and would otherwise outlive the fix by years. (A snooze ends at a
	// midnight, so up to a day after its length: core/settings.ts snoozeEnd.)
	return until <= now || until > now + (MAX_SNOOZE_DAYS + 1) * DAY_MS;
}

/** A page on a site the person added (options), unless the catalogue now knows it or it is never flagged. */
function customSiteOf(page: URL, settings: Settings): string | undefined {
	if (!settings.customSites.includes(page.hostname)) return undefined;
	if (NEVER_FLAG_RULES.some((entry) => entry.rules.some((rule) => ruleMatches(page, rule)))) return undefined;
	return page.hostname;
}

/** `certain`: the provider can see the photos for sure (canSee "yes"); else it may (unknown, or opt-in E2EE). */
type Detected = {id: string; name: string; provider?: string; concern: string; certain: boolean};

/** The journey's state, or "unavailable" when IndexedDB cannot be used here (a private window, no space). */
async function journeyState(): Promise<JourneyState> {
	try {
		const now = Date.now();
		await pruneVisits(now); // on every read, not only when a visit is recorded
		return {available: true, summary: await journeySummary(now)};
	} catch (error) {
		logFailure('journey unavailable', error);
		return {available: false};
	}
}

async function movesState(): Promise<MovesState> {
	try {
		return {available: true, moves: await moveStatuses()};
	} catch {
		return {available: false};
	}
}

/** The service the given tab is on; null: the active tab of the window last focused (the popup's: getPopupView). */
async function tabState(asked: number | null): Promise<TabState> {
	// The toolbar popup's tab: the active one of the window last focused, whose toolbar was just clicked (or whose
	// shortcut was pressed: both focus it); the popup asks in one message instead of querying the tabs first.
	const tabId = asked ?? (await browser.tabs.query({active: true, lastFocusedWindow: true}))[0]?.id;
	if (tabId === undefined) return {serviceId: null};
	// The badge, or null for a tab that is gone.
	const readBadge = () => browser.action.getBadgeText({tabId}).catch(() => null);
	// Both asked at once: the popup's first render waits for this answer (one round trip to the browser, not two).
	const [state, badge] = await Promise.all([readTabState(tabId), readBadge()]);
	// Both browsers reset a tab's own badge when it navigates to another document. So a detected tab
	// whose badge is gone has left the service for a page where the content script never ran; one whose badge
	// cannot be read (null) is gone. Read apart from the state, the badge may come from just before a visit that
	// set it and then wrote this state (pageVisit): it is read once more before the state is forgotten.
	if (state.serviceId !== null && !badge && !(await readBadge())) {
		await writeTabState(tabId, {serviceId: null});
		return {serviceId: null};
	}
	return state;
}

/** Gives every tab marked on a detected service its toolbar title again, in the language now in use. */
async function relabelTabs(): Promise<void> {
	const lang = dataLanguage();
	const stored = await browser.storage.session.get(null);
	for (const [key, value] of Object.entries(stored)) {
		const tabId = Number(key.replace(/^tab:/, ''));
		const serviceId = (value as {serviceId?: unknown} | undefined)?.serviceId;
		if (!key.startsWith('tab:') || !Number.isInteger(tabId) || typeof serviceId !== 'string') continue;
		const service = serviceById(serviceId);
		const mark = service
			? {name: localize(service.name, lang), provider: service.provider, certain: service.access.canSee === 'yes'}
			: {name: serviceId, certain: false};
		// A tab closed meanwhile has no title to set.
		await markTab(tabId, mark).catch(() => undefined);
	}
}

export const handlers: Handlers = {
	async pageVisit({url}, sender) {
		const tabId = tabOf(sender);
		const page = senderPageUrl(url, sender);
		const serviceId = page ? findService(page.href, SERVICE_RULES, NEVER_FLAG_RULES) : undefined;
		const service = serviceId ? serviceById(serviceId) : undefined;
		const stored = service || page ? await readSettings() : undefined;
		// After the settings: reading them sets the language they choose (store.ts).
		const lang = dataLanguage();
		// A private tab sees its own session's banner choices on top of the stored settings.
		const settings = stored && isPrivate(sender) ? withPrivateChoices(stored, await readPrivateChoices()) : stored;
		const custom = !service && page && settings ? customSiteOf(page, settings) : undefined;
		const detected: Detected | undefined = service
			? {
					id: service.id,
					name: localize(service.name, lang),
					provider: service.provider,
					concern: localize(service.access.concern, lang),
					certain: service.access.canSee === 'yes',
				}
			: custom
				? {id: custom, name: custom, concern: t('customSiteConcern'), certain: false}
				: undefined;
		// The badge first: a popup opening in between reads "detected, badge gone" as "left the service"
		// (tabState, which reads the badge again before it believes that) and would clear the state the next line writes.
		await markTab(
			tabId,
			detected ? {name: detected.name, provider: detected.provider, certain: detected.certain} : null,
		);
		await writeTabState(tabId, {serviceId: detected?.id ?? null});
		if (!detected || !settings) return null;
		if (settings.journeyEnabled && !sender.tab?.incognito) {
			// One flag for this service today (background/journey-db.ts); never from a private window, whose point is to
			// leave no trace. A journey that cannot be written never costs the banner. Awaited, so visits are
			// written one at a time (a few milliseconds; measured in npm run bench's photo-page figures).
			await recordVisit(detected.id, Date.now()).catch(logged('journey visit not recorded'));
		}
		if (!bannerAllowed(settings, detected.id, Date.now())) return null;
		const model: BannerModel = {
			serviceId: detected.id,
			concern: detected.concern,
			texts: bannerTexts({
				serviceName: detected.name,
				provider: detected.provider,
				certain: detected.certain,
				tools: toolsForPreference(dataset.tools, settings.preference).map((tool) => tool.name),
				snoozeDays: settings.snoozeDays,
				privateSession: isPrivate(sender),
			}),
			theme: settings.theme,
			lang: uiLanguage(),
			dir: uiDirection(),
			privateSession: isPrivate(sender),
		};
		return model;
	},
	async pageLeave(_payload, sender) {
		const tabId = tabOf(sender);
		await writeTabState(tabId, {serviceId: null});
		await markTab(tabId, null);
		return null;
	},
	async bannerAction({action}, sender) {
		const serviceId = await detectedService(sender);
		let until: number | null = null;
		if (isPrivate(sender)) {
			// For this private session only: kept in memory (storage.session), never in storage.local.
			const {snoozeDays} = await readSettings();
			await updatePrivateChoices((current) => {
				switch (action) {
					case 'snooze':
						until = snoozeEnd(Date.now(), snoozeDays);
						return {...current, snoozedUntil: {...current.snoozedUntil, [serviceId]: until}};
					case 'hide':
						return {...current, hiddenServices: withEntry(current.hiddenServices, serviceId)};
				}
			});
			return {until};
		}
		await updateSettings((current) => {
			switch (action) {
				case 'snooze':
					until = snoozeEnd(Date.now(), current.snoozeDays);
					return {snoozedUntil: {...current.snoozedUntil, [serviceId]: until}};
				case 'hide':
					return {hiddenServices: withEntry(current.hiddenServices, serviceId)};
			}
		});
		return {until};
	},
	async openComparison(_payload, sender) {
		// From a private tab the page opens unfocused: it may open in a normal window (Chromium opens extension
		// pages there), whose history would keep the service named in its address.
		const serviceId =
			sender.tab?.id === undefined || isPrivate(sender) ? null : (await readTabState(sender.tab.id)).serviceId;
		await browser.tabs.create({url: comparisonUrl(serviceId)});
		return null;
	},
	async openOptions() {
		await browser.runtime.openOptionsPage();
		return null;
	},
	async openTurnOff() {
		// The options page focuses and highlights the switch for this address (options/BannerSettings.tsx).
		await browser.tabs.create({url: browser.runtime.getURL(`options/index.html#${TURN_OFF_HASH}`)});
		return null;
	},
	getSettings: () => readSettings(),
	async updateSettings(patch) {
		const settings = await updateSettings(patch);
		// Every surface follows a new language at once: the toolbar titles too (pages re-render themselves).
		if (patch.language !== undefined) await relabelTabs().catch(logged('toolbar titles not relabelled'));
		return settings;
	},
	showAgain: ({list, service}) => updateSettings((current) => withoutService(current, list, service)),
	async getPopupView({tabId}) {
		// One message for the popup's three answers, not one message each: Firefox runs the popup and this background on
		// one thread, where a profile had the messaging at about 15 ms on the popup's way to its first render
		// (docs/performance.md). Each part answers apart from the others, as three messages did: a tab that cannot be
		// told is no service, moves that cannot be read are unavailable (movesState), settings that cannot be read are
		// null (the popup shows the defaults in its page's language: popup/requests.ts).
		const [{serviceId}, moves, settings] = await Promise.all([
			tabState(tabId).catch((error: unknown): TabState => {
				logFailure("popup: the tab's service not told", error);
				return {serviceId: null};
			}),
			movesState(),
			readSettings().catch((error: unknown) => {
				logFailure('popup: settings not read', error);
				return null;
			}),
		]);
		return {serviceId, moves, settings};
	},
	async resetAll() {
		const {version: _version, ...defaults} = structuredClone(DEFAULTS) as Settings;
		await changeCustomSites(() => updateSettings(defaults));
		await eraseJourney().catch(logged('journey not erased on reset'));
		await forgetPrivateChoices(); // the private session's banner choices too
		await releaseHelpers(); // the moves are gone: so are their helpers and permissions
		return readSettings();
	},
	getCustomSites: () => syncCustomSites(),
	addCustomSite: ({site}) => addCustomSite(site),
	async removeCustomSite({host}) {
		const sites = await removeCustomSite(host);
		// Its days in the journey go with it (the options page said so before asking).
		await forgetJourneyService(host).catch(logged('journey of a removed custom site not erased'));
		return sites;
	},
	getJourney: () => journeyState(),
	async setChecklistStep({service, step, done}) {
		await setChecklistStep(service, step, done);
		return journeyState();
	},
	async eraseJourney() {
		await eraseJourney();
		await releaseHelpers();
		return journeyState();
	},
	async exportData() {
		const settings = await readSettings();
		const journey = await pruneVisits(Date.now())
			.then(async () => ({
				...(await readJourney()),
				// Only moves the import takes back (a record damaged on disk would make the whole file refused).
				moves: (await readMoves()).filter((move) => checkMoves([move], MOVE_CATALOGUE, settings.customSites) === null),
			}))
			.catch((error: unknown) => {
				logFailure('journey left out of the export', error);
				return null;
			});
		const now = Date.now();
		return makeBackup({...settings, snoozedUntil: runningSnoozes(settings.snoozedUntil, now)}, journey, now);
	},
	getMoves: () => movesState(),
	startMove: ({service, tool}) => startMoveFrom(service, tool),
	setMoveStep: ({service, step, done}) => setStep(service, step, done),
	endMove: ({service}) => endMoveFrom(service),
	async openMove(_payload, sender) {
		const service = await detectedService(sender);
		const {preference} = await readSettings();
		// From a private tab, as the comparison: no service in an address a normal window's history may keep.
		const path = isPrivate(sender) ? 'move/index.html' : movePagePath(service, preferredTool(preference));
		await browser.tabs.create({url: browser.runtime.getURL(path)});
		return null;
	},
	helperVisit: ({url}, sender) => helperModel(url, sender),
	helperRequested: ({url}, sender) => helperRequested(url, sender),
	async importData(backup) {
		// The options page has screened the file's sites already; the rules of "Add site" run again here, as
		// they do for every site that arrives (core/custom-sites.ts).
		const customSites = screenCustomSites(backup.settings.customSites, catalogueHosts()).kept;
		// Every move must name a known service (or one of the sites kept) and alternative, checked again here as the
		// options page did.
		const problem = checkMoves(backup.journey?.moves, MOVE_CATALOGUE, customSites);
		if (problem) throw new Error(t('importMovesInvalid'));
		// The journey first: it is the part that can fail (IndexedDB unavailable), and it is written in one
		// transaction, so a failure leaves everything as it was.
		const journey = backup.journey;
		const moves = journey?.moves;
		if (journey && (journey.visits.length > 0 || journey.checklist.length > 0 || (moves?.length ?? 0) > 0)) {
			try {
				await replaceJourney(journey);
			} catch (error) {
				logFailure('journey import', error);
				throw new Error(t('importJourneyUnavailable'), {cause: error});
			}
			// A file's old days are kept no longer than recorded ones.
			await pruneVisits(Date.now()).catch(logged('imported journey not pruned'));
		} else if (journey) {
			// An empty journey: erased, the moves in progress too if the file has moves (an empty list).
			await replaceJourney(journey).catch(logged('journey not erased by an import with an empty journey'));
		}
		const {version: _version, ...settings} = backup.settings;
		await changeCustomSites(() => updateSettings({...settings, customSites}));
		// The file's moves have their helpers only where the browser already allows their export page (permissions
		// do not travel in a file; the move page asks again), and no longer needed export pages are given back.
		await releaseHelpers();
		return readSettings();
	},
};
