/**
 * Firefox for Android: the API the background finds there. It has no `windows` (MDN browser-compat-data:
 * webextensions.api.windows, firefox_android: false), so the background must start without it, register every
 * listener, and end a private session when its last private tab closes.
 */
import {beforeEach, describe, expect, it, vi} from 'vitest';
import type {Runtime} from '../core/browser';
import {fake} from '../../test/fake-browser';
import {PRIVATE_SESSION_KEY} from './private-session';

const PHOTOS = 'https://photos.google.com/';
const page = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options/index.html'};
const privateTab = (id: number): Runtime.MessageSender => ({
	id: 'test-extension-id',
	url: PHOTOS,
	tab: {id, incognito: true} as never,
	frameId: 0,
});

/** The fake browser as Firefox for Android shows it: no windows namespace at all. */
function onAndroid() {
	delete (fake.current as {windows?: unknown}).windows;
}

describe('the background on Firefox for Android (no windows API)', () => {
	beforeEach(() => {
		vi.resetModules();
		onAndroid();
	});

	async function start() {
		await import('./index');
		for (const listener of fake.current.runtime.onInstalled.list) listener({reason: 'install'});
		const {onMessage} = fake.current.runtime;
		if (onMessage.list.length !== 1) throw new Error('The background registered no message listener, or several');
		return (message: unknown, sender: Runtime.MessageSender) => onMessage.deliver(message, sender);
	}

	it('starts and registers all its listeners', async () => {
		const send = await start();
		expect(fake.current.runtime.onInstalled.list).toHaveLength(1);
		expect(fake.current.runtime.onStartup.list).toHaveLength(1);
		expect(fake.current.permissions.onAdded.list).toHaveLength(1);
		expect(fake.current.permissions.onRemoved.list).toHaveLength(1);
		expect(await send({type: 'getSettings', payload: null}, page)).toMatchObject({ok: true});
	});

	it('forgets the private choices when the last private tab closes, not before', async () => {
		const send = await start();
		const hide = async (tab: number) => {
			await send({type: 'pageVisit', payload: {url: PHOTOS}}, privateTab(tab));
			return send({type: 'bannerAction', payload: {action: 'hide'}}, privateTab(tab));
		};
		expect(await hide(7)).toMatchObject({ok: true});
		const [onTabRemoved] = fake.current.tabs.onRemoved.list;
		/** Closes tab `id` with `left` still open, and waits until the listener has done its work (all fakes settle in microtasks). */
		const closeTab = async (id: number, left: Array<{id: number; incognito: boolean}>) => {
			const query = vi.fn(async () => left);
			fake.current.tabs.query = query;
			onTabRemoved!(id, {windowId: 1, isWindowClosing: false});
			await vi.waitFor(() => expect(query).toHaveBeenCalled());
			await new Promise((resolve) => setTimeout(resolve, 0));
		};
		// One private tab of two closed: the choice holds.
		await closeTab(7, [
			{id: 8, incognito: true},
			{id: 9, incognito: false},
		]);
		expect(fake.current.storage.session.dump()[PRIVATE_SESSION_KEY]).toBeDefined();
		// The last private one closed: it goes.
		await closeTab(8, [{id: 9, incognito: false}]);
		expect(fake.current.storage.session.dump()[PRIVATE_SESSION_KEY]).toBeUndefined();
	});
});
