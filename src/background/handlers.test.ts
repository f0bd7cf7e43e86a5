import {describe, expect, it, vi} from 'vitest';
import type {Runtime} from '../core/browser';
import {DEFAULTS, SETTINGS_KEY, SETTINGS_VERSION} from '../core/settings';
import {fake} from '../../test/fake-browser';
import {requestSchemas} from '../core/message-map';
import {handlers, bannerAllowed} from './handlers';

/** The failures the background handled and logged (a no-op in tests otherwise): a test can tell them from a real answer. */
const failures = vi.hoisted(() => [] as string[]);
vi.mock('./log', () => ({
	logFailure: (what: string) => void failures.push(what),
	logged: (what: string) => () => void failures.push(what),
}));

const tab = (url: string, id = 7): Runtime.MessageSender => ({
	id: 'test-extension-id',
	url,
	tab: {id} as never,
	frameId: 0,
});

/** The popup's tab state, from its one message (getPopupView): a real answer, not the fallback of a failure. */
async function tabStateOf(payload: {tabId: number | null}, sender: Parameters<typeof handlers.getPopupView>[1]) {
	const before = failures.length;
	const {serviceId} = await handlers.getPopupView(payload, sender);
	expect(failures.slice(before)).toEqual([]);
	return {serviceId};
}

describe('pageVisit', () => {
	it('marks the tab and answers with a banner model on a catalogued service', async () => {
		const model = await handlers.pageVisit(
			{url: 'https://photos.google.com/u/0/'},
			tab('https://photos.google.com/u/0/'),
		);
		expect(model).toMatchObject({serviceId: 'google-photos', lang: 'en', dir: 'ltr'});
		expect(model?.texts).toMatchObject({
			heading: 'Photos stored on Google Photos can be seen by Google',
			alternatives: 'Private alternatives: Ente Photos, PhotoPrism',
			notNowHint: 'Hide on Google Photos for 7 days',
		});
		expect(await fake.current.action.getBadgeText({tabId: 7})).toBe('!');
		expect(await fake.current.action.getTitle({tabId: 7})).toBe(
			'Photo Privacy Advisor: photos stored on Google Photos can be seen by Google',
		);
		expect(fake.current.storage.session.dump()).toEqual({'tab:7': {serviceId: 'google-photos'}});
	});

	it('says "may be visible" for a service whose end-to-end encryption is unknown or opt-in', async () => {
		const url = 'https://lightroom.adobe.com/libraries/abc/assets';
		const model = await handlers.pageVisit({url}, tab(url));
		expect(model).toMatchObject({serviceId: 'adobe-lightroom'});
		expect(model?.texts.heading).toBe('Photos stored on Adobe Lightroom (web) may be visible to Adobe');
		expect(await fake.current.action.getTitle({tabId: 7})).toBe(
			'Photo Privacy Advisor: photos stored on Adobe Lightroom (web) may be visible to Adobe',
		);
		// OneDrive: Microsoft's own privacy statement says it collects the photos you upload.
		expect(
			await handlers.pageVisit({url: 'https://onedrive.live.com/?view=8'}, tab('https://onedrive.live.com/?view=8')),
		).toMatchObject({texts: {heading: 'Photos stored on OneDrive Photos can be seen by Microsoft'}});
		expect(
			await handlers.pageVisit({url: 'https://www.icloud.com/photos/'}, tab('https://www.icloud.com/photos/')),
		).toMatchObject({texts: {heading: 'Photos stored on iCloud Photos may be visible to Apple'}});
		expect(
			await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/')),
		).toMatchObject({texts: {heading: 'Photos stored on Google Photos can be seen by Google'}});
	});

	it('clears the mark on any other page', async () => {
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/'));
		expect(await handlers.pageVisit({url: 'https://example.org/'}, tab('https://example.org/'))).toBeNull();
		expect(await fake.current.action.getBadgeText({tabId: 7})).toBe('');
		expect(fake.current.storage.session.dump()).toEqual({});
	});

	it("ignores a URL that is not on the sender page's origin", async () => {
		expect(await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://example.org/'))).toBeNull();
		expect(await fake.current.action.getBadgeText({tabId: 7})).toBe('');
	});

	it('ignores a claimed URL from a sender whose own page is unknown or not https', async () => {
		const sender = (url?: string): Runtime.MessageSender => ({
			id: 'test-extension-id',
			...(url ? {url} : {}),
			tab: {id: 7} as never,
			frameId: 0,
		});
		expect(await handlers.pageVisit({url: 'https://photos.google.com/'}, sender())).toBeNull();
		expect(
			await handlers.pageVisit({url: 'https://photos.google.com/'}, sender('http://photos.google.com/')),
		).toBeNull();
		expect(await fake.current.action.getBadgeText({tabId: 7})).toBe('');
	});

	it('sets the badge before the tab state: a popup reading in between never clears a fresh detection', async () => {
		const order: string[] = [];
		const setBadge = fake.current.action.setBadgeText.bind(fake.current.action);
		const setSession = fake.current.storage.session.set.bind(fake.current.storage.session);
		fake.current.action.setBadgeText = async (details: {tabId: number; text: string}) => {
			order.push(`badge ${details.text}`);
			return setBadge(details);
		};
		fake.current.storage.session.set = async (items: Record<string, unknown>) => {
			order.push(`state ${JSON.stringify(items)}`);
			return setSession(items);
		};
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/'));
		expect(order).toEqual(['badge !', 'state {"tab:7":{"serviceId":"google-photos"}}']);
		expect(
			await tabStateOf(
				{tabId: 7},
				{id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup/index.html'},
			),
		).toEqual({serviceId: 'google-photos'});
	});

	it('keeps the badge but shows no banner when the banner is off', async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS, bannerEnabled: false}});
		expect(await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/'))).toBeNull();
		expect(await fake.current.action.getBadgeText({tabId: 7})).toBe('!');
	});

	it('badge only: the badge as ever, but no banner, whatever the banner switch says', async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS, bannerEnabled: true, badgeOnly: true}});
		expect(await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/'))).toBeNull();
		expect(await fake.current.action.getBadgeText({tabId: 7})).toBe('!');
	});

	it('speaks French in a French browser', async () => {
		const {resetFakeBrowser} = await import('../../test/fake-browser');
		resetFakeBrowser('fr');
		const model = await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/'));
		expect(model?.lang).toBe('fr');
		expect(await fake.current.action.getTitle({tabId: 7})).toBe(
			'Photo Privacy Advisor\u00a0: les photos stockées sur Google Photos sont visibles par Google',
		);
	});
});

describe('banner actions', () => {
	const visit = async (tabId = 7) =>
		handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', tabId));

	it("snoozes the tab's own service for the configured number of days, to the next midnight", async () => {
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS, snoozeDays: 3}});
		await visit();
		const before = Date.now();
		const {until} = await handlers.bannerAction({action: 'snooze'}, tab('https://photos.google.com/'));
		expect(until! - before).toBeGreaterThan(3 * 86_400_000 - 1000);
		expect(until! - before).toBeLessThanOrEqual(4 * 86_400_000 + 1000);
		// The stored end says the day, not the minute: a local midnight.
		const end = new Date(until!);
		expect([end.getHours(), end.getMinutes(), end.getSeconds(), end.getMilliseconds()]).toEqual([0, 0, 0, 0]);
		const settings = fake.current.storage.local.dump()[SETTINGS_KEY] as typeof DEFAULTS;
		expect(settings.snoozedUntil).toEqual({'google-photos': until});
		expect(await visit()).toBeNull();
		expect(await fake.current.action.getBadgeText({tabId: 7})).toBe('!');
	});

	it('hides the service for good, once', async () => {
		await visit();
		await handlers.bannerAction({action: 'hide'}, tab('https://photos.google.com/'));
		await handlers.bannerAction({action: 'hide'}, tab('https://photos.google.com/'));
		expect((fake.current.storage.local.dump()[SETTINGS_KEY] as typeof DEFAULTS).hiddenServices).toEqual([
			'google-photos',
		]);
		expect(await visit()).toBeNull();
	});

	it('never turns the banner off everywhere for a page: "Turn off everywhere…" opens the options at the switch', async () => {
		await visit();
		const before = fake.current.storage.local.dump();
		await handlers.openTurnOff(null, tab('https://photos.google.com/'));
		expect(fake.current.tabs.created).toEqual(['chrome-extension://test-extension-id/options/index.html#turn-off']);
		expect(fake.current.storage.local.dump()).toEqual(before);
		expect(requestSchemas.bannerAction.safeParse({action: 'disable'}).success).toBe(false);
	});

	it('refuses an action from a tab where no service was detected, changing nothing', async () => {
		await expect(handlers.bannerAction({action: 'hide'}, tab('https://example.org/'))).rejects.toThrow(
			'No photo service is detected in this tab',
		);
		expect(fake.current.storage.local.dump()).toEqual({});
	});

	it("opens the comparison focused on the tab's service", async () => {
		await visit();
		await handlers.openComparison(null, tab('https://photos.google.com/'));
		await handlers.openComparison(null, tab('https://example.org/', 8));
		expect(fake.current.tabs.created).toEqual([
			'chrome-extension://test-extension-id/compare/index.html?service=google-photos',
			'chrome-extension://test-extension-id/compare/index.html',
		]);
	});
});

describe('bannerAllowed', () => {
	it('honours the switch, hidden services and snoozes', () => {
		expect(bannerAllowed(DEFAULTS, 'flickr', 1000)).toBe(true);
		expect(bannerAllowed({...DEFAULTS, bannerEnabled: false}, 'flickr', 1000)).toBe(false);
		expect(bannerAllowed({...DEFAULTS, hiddenServices: ['flickr']}, 'flickr', 1000)).toBe(false);
		expect(bannerAllowed({...DEFAULTS, snoozedUntil: {flickr: 2000}}, 'flickr', 1000)).toBe(false);
		expect(bannerAllowed({...DEFAULTS, snoozedUntil: {flickr: 2000}}, 'flickr', 2000)).toBe(true);
	});

	it('ends at once a snooze set further ahead than any snooze lasts (the clock was wrong when it was set)', () => {
		const now = Date.UTC(2026, 10, 27);
		const day = 86_400_000;
		// A snooze ends at the midnight after its length: up to a day more than the longest length.
		expect(bannerAllowed({...DEFAULTS, snoozedUntil: {flickr: now + 366 * day}}, 'flickr', now)).toBe(false);
		expect(bannerAllowed({...DEFAULTS, snoozedUntil: {flickr: now + 366 * day + 1}}, 'flickr', now)).toBe(true);
		expect(bannerAllowed({...DEFAULTS, snoozedUntil: {flickr: Date.UTC(2036, 0, 1)}}, 'flickr', now)).toBe(true);
	});
});

describe('showAgain', () => {
	const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options/index.html'};

	it('takes one service out of the stored list, keeping what another tab or a banner added meanwhile', async () => {
		// The options tab that sends this was showing ['flickr', 'google-photos']; a banner's "Don't show"
		// has since added amazon-photos, and a snooze landed for flickr.
		await fake.current.storage.local.set({
			[SETTINGS_KEY]: {
				...DEFAULTS,
				hiddenServices: ['amazon-photos', 'flickr', 'google-photos'],
				snoozedUntil: {flickr: Date.now() + 1000, icloud: Date.now() + 2000},
			},
		});
		expect((await handlers.showAgain({list: 'hidden', service: 'flickr'}, page)).hiddenServices).toEqual([
			'amazon-photos',
			'google-photos',
		]);
		const after = await handlers.showAgain({list: 'snoozed', service: 'flickr'}, page);
		expect(Object.keys(after.snoozedUntil)).toEqual(['icloud']);
		expect(after.hiddenServices).toEqual(['amazon-photos', 'google-photos']);
	});
});

describe('settings and tab state', () => {
	it('stores a patch and reads it back', async () => {
		const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options/index.html'};
		expect((await handlers.updateSettings({bannerEnabled: false}, page)).bannerEnabled).toBe(false);
		expect((await handlers.getSettings(null, page)).bannerEnabled).toBe(false);
		expect(fake.current.storage.local.dump()[SETTINGS_KEY]).toMatchObject({
			version: SETTINGS_VERSION,
			bannerEnabled: false,
		});
	});

	it('applies quick successive patches in order, losing none', async () => {
		const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options/index.html'};
		await Promise.all([
			handlers.updateSettings({bannerEnabled: false}, page),
			handlers.updateSettings({theme: 'dark'}, page),
			handlers.updateSettings({snoozeDays: 3}, page),
		]);
		expect(await handlers.getSettings(null, page)).toMatchObject({bannerEnabled: false, theme: 'dark', snoozeDays: 3});
	});

	it('forgets a tab that navigated away (the browser reset its badge)', async () => {
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 12));
		await fake.current.action.setBadgeText({tabId: 12, text: ''});
		const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup/index.html'};
		expect(await tabStateOf({tabId: 12}, page)).toEqual({serviceId: null});
		expect(fake.current.storage.session.dump()).toEqual({});
	});

	it('forgets a tab whose badge cannot be read (closed meanwhile), and answers at once for a tab never seen', async () => {
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 12));
		const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup/index.html'};
		fake.current.action.getBadgeText = () => Promise.reject(new Error('No tab with id: 12.'));
		expect(await tabStateOf({tabId: 12}, page)).toEqual({serviceId: null});
		expect(fake.current.storage.session.dump()).toEqual({});
		expect(await tabStateOf({tabId: 99}, page)).toEqual({serviceId: null});
	});

	it("answers the popup's first view in one message: the tab's service, the moves and the settings", async () => {
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 12));
		await handlers.updateSettings({theme: 'dark'}, tab('https://photos.google.com/', 12));
		const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup/en.html'};
		// The same answers as the messages the other pages ask for the moves and the settings.
		const [moves, settings] = [await handlers.getMoves(null, page), await handlers.getSettings(null, page)];
		expect(settings.theme).toBe('dark');
		expect(await handlers.getPopupView({tabId: 12}, page)).toEqual({serviceId: 'google-photos', moves, settings});
		// A tab that cannot be told is no service; the settings and the moves answer all the same.
		vi.spyOn(fake.current.tabs, 'query').mockRejectedValueOnce(new Error('No window'));
		expect(await handlers.getPopupView({tabId: null}, page)).toEqual({serviceId: null, moves, settings});
		expect(failures.at(-1)).toBe("popup: the tab's service not told");
		// Settings that cannot be read are null (the popup shows its defaults); the tab's service answers all the same.
		vi.spyOn(fake.current.storage.local, 'get').mockRejectedValueOnce(new Error('Database closed'));
		expect(await handlers.getPopupView({tabId: 12}, page)).toEqual({serviceId: 'google-photos', moves, settings: null});
		expect(failures.at(-1)).toBe('popup: settings not read');
	});

	it('reports the service of a tab for the popup', async () => {
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 12));
		const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup/index.html'};
		expect(await tabStateOf({tabId: 12}, page)).toEqual({serviceId: 'google-photos'});
		expect(await tabStateOf({tabId: 13}, page)).toEqual({serviceId: null});
	});

	it('reads the badge again before it forgets a tab: a visit may have set it just after the first read', async () => {
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 12));
		const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup/en.html'};
		const read = vi.spyOn(fake.current.action, 'getBadgeText').mockResolvedValueOnce('');
		expect(await tabStateOf({tabId: 12}, page)).toEqual({serviceId: 'google-photos'});
		expect(read).toHaveBeenCalledTimes(2);
		expect(Object.keys(fake.current.storage.session.dump())).toEqual(['tab:12']);
	});

	it('answers the toolbar popup for the active tab of the window last focused (no tab: no service)', async () => {
		await handlers.pageVisit({url: 'https://photos.google.com/'}, tab('https://photos.google.com/', 12));
		const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup/en.html'};
		const query = vi.spyOn(fake.current.tabs, 'query').mockResolvedValue([{id: 12}]);
		expect(await tabStateOf({tabId: null}, page)).toEqual({serviceId: 'google-photos'});
		expect(query).toHaveBeenCalledWith({active: true, lastFocusedWindow: true});
		query.mockResolvedValue([]);
		expect(await tabStateOf({tabId: null}, page)).toEqual({serviceId: null});
	});
});
