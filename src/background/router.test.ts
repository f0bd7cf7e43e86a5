import {describe, expect, it, vi} from 'vitest';
import {isContentScript, isExtensionPage, route, type Handlers} from './router';

const self = {extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/'};
const page = {id: 'ext', url: 'chrome-extension://ext/options/index.html'};
const content = {id: 'ext', url: 'https://photos.google.com/', tab: {id: 3} as never, frameId: 0};

function makeHandlers(): Handlers {
	return {
		pageVisit: vi.fn(async () => null),
		pageLeave: vi.fn(async () => null),
		bannerAction: vi.fn(async () => ({until: null})),
		openComparison: vi.fn(async () => null),
		openOptions: vi.fn(async () => null),
		openTurnOff: vi.fn(async () => null),
		getSettings: vi.fn(async () => ({}) as never),
		updateSettings: vi.fn(async () => ({}) as never),
		showAgain: vi.fn(async () => ({}) as never),
		getPopupView: vi.fn(async () => ({serviceId: null, moves: {available: false as const}, settings: {} as never})),
		resetAll: vi.fn(async () => ({}) as never),
		getCustomSites: vi.fn(async () => []),
		addCustomSite: vi.fn(async () => []),
		removeCustomSite: vi.fn(async () => []),
		getJourney: vi.fn(async () => ({available: false as const})),
		setChecklistStep: vi.fn(async () => ({available: false as const})),
		eraseJourney: vi.fn(async () => ({available: false as const})),
		exportData: vi.fn(async () => ({}) as never),
		importData: vi.fn(async () => ({}) as never),
		getMoves: vi.fn(async () => ({available: false as const})),
		startMove: vi.fn(async () => []),
		setMoveStep: vi.fn(async () => []),
		endMove: vi.fn(async () => []),
		openMove: vi.fn(async () => null),
		helperVisit: vi.fn(async () => null),
		helperRequested: vi.fn(async () => ({step: null})),
	};
}

describe('sender tiers', () => {
	it('recognises extension pages and content scripts', () => {
		expect(isExtensionPage(page, self)).toBe(true);
		expect(isExtensionPage(content, self)).toBe(false);
		expect(isContentScript(content, self)).toBe(true);
		expect(isContentScript({...content, frameId: 2}, self)).toBe(false);
		expect(isContentScript({...content, id: 'other'}, self)).toBe(false);
		expect(isExtensionPage({id: 'other', url: page.url}, self)).toBe(false);
		expect(isExtensionPage({id: 'ext', url: 'chrome-extension://ext.evil/'}, self)).toBe(false);
	});

	it('refuses settings messages from a content script, and answers with a clean error', async () => {
		const handlers = makeHandlers();
		const reply = await route({type: 'updateSettings', payload: {bannerEnabled: false}}, content, handlers, self);
		expect(reply).toEqual({ok: false, error: '"updateSettings" is not accepted from this sender'});
		expect(handlers.updateSettings).not.toHaveBeenCalled();
	});

	it('accepts settings messages from an extension page', async () => {
		const handlers = makeHandlers();
		const reply = await route({type: 'updateSettings', payload: {bannerEnabled: false}}, page, handlers, self);
		expect(reply.ok).toBe(true);
		expect(handlers.updateSettings).toHaveBeenCalledWith({bannerEnabled: false}, page);
	});

	it('refuses content messages from an unknown sender (another extension, a subframe)', async () => {
		const handlers = makeHandlers();
		for (const sender of [{...content, id: 'other'}, {...content, frameId: 1}, {id: 'ext'}]) {
			expect(
				(await route({type: 'pageVisit', payload: {url: 'https://photos.google.com/'}}, sender, handlers, self)).ok,
			).toBe(false);
		}
		expect(handlers.pageVisit).not.toHaveBeenCalled();
	});
});

describe('validation', () => {
	it.each([
		[undefined, 'Malformed message'],
		['pageVisit', 'Malformed message'],
		[{type: 'nope', payload: null}, 'Malformed message'],
		[{type: 'pageVisit'}, 'Malformed message'],
		[{type: 'pageVisit', payload: {url: 7}}, 'Invalid payload for "pageVisit": url'],
		[{type: 'pageVisit', payload: {url: 'https://x.org/', extra: 1}}, 'Invalid payload for "pageVisit"'],
		[{type: 'pageVisit', payload: {url: 'https://x.org/'}, more: 1}, 'Malformed message'],
		[{type: 'updateSettings', payload: {snoozeDays: 0}}, 'Invalid payload for "updateSettings": snoozeDays'],
		[{type: 'updateSettings', payload: {version: 9}}, 'Invalid payload for "updateSettings"'],
		[{type: 'getPopupView', payload: {tabId: -1}}, 'Invalid payload for "getPopupView": tabId'],
	])('%j → %s', async (message, error) => {
		const handlers = makeHandlers();
		const reply = await route(message, page, handlers, self);
		expect(reply.ok).toBe(false);
		expect(reply.ok ? '' : reply.error).toContain(error);
		for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
	});

	it('answers a value that makes the validator itself throw with a clean error', async () => {
		const handlers = makeHandlers();
		const weird = {length: [Object.create(null)]};
		expect(await route({type: 'updateSettings', payload: {hiddenServices: weird}}, page, handlers, self)).toMatchObject(
			{ok: false},
		);
		expect(await route({type: weird, payload: null}, page, handlers, self)).toMatchObject({ok: false});
		for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
	});

	it('turns a handler failure into an error reply', async () => {
		const handlers = makeHandlers();
		handlers.getSettings = async () => {
			throw new Error('storage is gone');
		};
		expect(await route({type: 'getSettings', payload: null}, page, handlers, self)).toEqual({
			ok: false,
			error: 'storage is gone',
		});
	});
});
