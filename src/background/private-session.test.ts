import {describe, expect, it} from 'vitest';
import type {Runtime} from '../core/browser';
import {DEFAULTS, SETTINGS_KEY, snoozeEnd, type Settings} from '../core/settings';
import {fake} from '../../test/fake-browser';
import {handlers} from './handlers';
import {forgetWhenPrivateWindowsClose, PRIVATE_SESSION_KEY} from './private-session';
import {restrictStorageAccess} from './access-level';

const PHOTOS = 'https://photos.google.com/';
const sender = (incognito: boolean, id = 7): Runtime.MessageSender => ({
	id: 'test-extension-id',
	url: PHOTOS,
	tab: {id, incognito} as never,
	frameId: 0,
});
const visit = (incognito: boolean, id = 7) => handlers.pageVisit({url: PHOTOS}, sender(incognito, id));
const stored = () => fake.current.storage.local.dump()[SETTINGS_KEY] as Settings | undefined;

describe('banner choices in a private window', () => {
	for (const action of ['snooze', 'hide'] as const) {
		it(`${action}: leaves storage.local unchanged and lasts for the private session only`, async () => {
			await visit(true);
			const before = fake.current.storage.local.dump();
			await handlers.bannerAction({action}, sender(true));
			expect(fake.current.storage.local.dump()).toEqual(before);
			// The private tab no longer gets the banner; a normal tab still does.
			expect(await visit(true)).toBeNull();
			expect(await visit(false, 8)).toMatchObject({serviceId: 'google-photos'});
			expect(fake.current.storage.session.dump()[PRIVATE_SESSION_KEY]).toBeDefined();
		});
	}

	it('tells the banner its choice is for this private session only', async () => {
		expect(await visit(true)).toMatchObject({
			privateSession: true,
			texts: {privateOnly: expect.stringContaining('nothing is saved') as unknown},
		});
		expect((await visit(false))?.texts.privateOnly).toBeUndefined();
	});

	it('a private snooze ends at a midnight, like a stored one', async () => {
		await visit(true);
		const {until} = await handlers.bannerAction({action: 'snooze'}, sender(true));
		expect(new Date(until!).getHours()).toBe(0);
		expect(new Date(until!).getMinutes()).toBe(0);
	});

	it('forgets the private choices when the last private window closes, not before', async () => {
		await visit(true);
		await handlers.bannerAction({action: 'hide'}, sender(true));
		fake.current.windows.open = [
			{id: 1, incognito: false},
			{id: 2, incognito: true},
		];
		await forgetWhenPrivateWindowsClose();
		expect(await visit(true)).toBeNull();
		fake.current.windows.open = [{id: 1, incognito: false}];
		await forgetWhenPrivateWindowsClose();
		expect(fake.current.storage.session.dump()[PRIVATE_SESSION_KEY]).toBeUndefined();
		expect(await visit(true)).toMatchObject({serviceId: 'google-photos'});
	});

	it('"Reset everything" forgets the private choices too', async () => {
		await visit(true);
		await handlers.bannerAction({action: 'hide'}, sender(true));
		await handlers.resetAll(null, {
			id: 'test-extension-id',
			url: 'chrome-extension://test-extension-id/options/index.html',
		});
		expect(fake.current.storage.session.dump()[PRIVATE_SESSION_KEY]).toBeUndefined();
		expect(await visit(true)).toMatchObject({serviceId: 'google-photos'});
	});

	it('opens the comparison from a private tab with no service in its address', async () => {
		await visit(true);
		await handlers.openComparison(null, sender(true));
		await visit(false, 8);
		await handlers.openComparison(null, sender(false, 8));
		expect(fake.current.tabs.created).toEqual([
			'chrome-extension://test-extension-id/compare/index.html',
			'chrome-extension://test-extension-id/compare/index.html?service=google-photos',
		]);
	});
});

describe('snoozes in storage', () => {
	it('ends a snooze at the first local midnight after its length', () => {
		const now = new Date(2026, 10, 29, 14, 37, 12, 345).getTime();
		expect(snoozeEnd(now, 7)).toBe(new Date(2026, 11, 7).getTime());
		expect(snoozeEnd(new Date(2026, 10, 29).getTime(), 1)).toBe(new Date(2026, 10, 30).getTime() + 86_400_000);
	});

	it('removes ended snoozes whenever the settings are written', async () => {
		const now = Date.now();
		await fake.current.storage.local.set({
			[SETTINGS_KEY]: {...DEFAULTS, snoozedUntil: {flickr: now - 1000, 'google-photos': now + 86_400_000}},
		});
		await handlers.updateSettings({theme: 'dark'}, sender(false));
		expect(stored()?.snoozedUntil).toEqual({'google-photos': now + 86_400_000});
	});

	it('never exports an ended snooze', async () => {
		const now = Date.now();
		await fake.current.storage.local.set({
			[SETTINGS_KEY]: {...DEFAULTS, snoozedUntil: {flickr: now - 1000, 'google-photos': now + 86_400_000}},
		});
		const backup = await handlers.exportData(null, sender(false));
		expect(backup.settings.snoozedUntil).toEqual({'google-photos': now + 86_400_000});
	});
});

describe('storage access level', () => {
	it('limits storage to trusted contexts where the browser can (Chromium), and does nothing elsewhere', async () => {
		await restrictStorageAccess();
		expect(fake.current.storage.local.accessLevel).toBe('TRUSTED_CONTEXTS');
		expect(fake.current.storage.session.accessLevel).toBe('TRUSTED_CONTEXTS');
		const area = fake.current.storage.local as {setAccessLevel?: unknown};
		delete area.setAccessLevel;
		delete (fake.current.storage.session as {setAccessLevel?: unknown}).setAccessLevel;
		await expect(restrictStorageAccess()).resolves.toBeUndefined();
	});
});
