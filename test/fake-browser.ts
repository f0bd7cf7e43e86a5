/**
 * An in-memory stand-in for the WebExtension API, enough for unit tests of the background and the
 * pages: storage (local, session) with change listeners, i18n backed by the real locales, the action
 * (badge and title per tab) and runtime identity, optional host permissions (granted or refused by the
 * test: `grantOnRequest`) and registered content scripts. `resetFakeBrowser()` gives each test a clean one.
 */
import en from '../locales/en/messages.json';
import fr from '../locales/fr/messages.json';
import {matchPatternsFor} from '../src/core/url-match';
import {dataset} from '../src/data';
import {resetLanguage} from '../src/core/i18n';

type Messages = Record<string, {message: string; placeholders?: Record<string, {content: string}>}>;
const LOCALES: Record<string, Messages> = {en, fr};

function storageArea() {
	let data: Record<string, unknown> = {};
	return {
		/** Test helper: the last access level set (Chromium's setAccessLevel). */
		accessLevel: undefined as string | undefined,
		async setAccessLevel(this: {accessLevel?: string}, {accessLevel}: {accessLevel: string}) {
			this.accessLevel = accessLevel;
		},
		async get(keys?: string | string[] | null) {
			const clone = structuredClone(data);
			if (keys === undefined || keys === null) return clone;
			const wanted = typeof keys === 'string' ? [keys] : keys;
			return Object.fromEntries(wanted.filter((key) => key in clone).map((key) => [key, clone[key]]));
		},
		async set(items: Record<string, unknown>) {
			data = {...data, ...structuredClone(items)};
		},
		async remove(keys: string | string[]) {
			for (const key of typeof keys === 'string' ? [keys] : keys) delete data[key];
		},
		async clear() {
			data = {};
		},
		/** Test helper: the raw contents. */
		dump: () => structuredClone(data),
	};
}

function formatMessage(messages: Messages, key: string, substitutions?: string | string[]): string {
	const entry = messages[key];
	if (!entry) return '';
	const subs = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
	let text = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
		const placeholder = entry.placeholders?.[name.toLowerCase()];
		return placeholder ? placeholder.content : whole;
	});
	text = text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
	return text;
}

function createFakeBrowser(locale = 'en') {
	const fakeTabs: string[] = [];
	let popup = 'popup/index.html';
	const tabBadges = new Map<number, {text: string; title: string; color?: unknown}>();
	const badge = (tabId: number) => {
		const entry = tabBadges.get(tabId) ?? {text: '', title: ''};
		tabBadges.set(tabId, entry);
		return entry;
	};
	const listeners = () => {
		const list: Array<(...args: unknown[]) => unknown> = [];
		return {
			addListener: (fn: (...args: unknown[]) => unknown) => list.push(fn),
			removeListener: () => {},
			hasListener: () => list.length > 0,
			list,
		};
	};
	/**
	 * runtime.onMessage as Chromium delivers a message (before version 144): a listener answers by calling
	 * sendResponse, after returning true to keep the channel open; a promise it returns is ignored, and with
	 * no answer coming, the sender's sendMessage rejects. Firefox takes either way; the background must use this one.
	 */
	const messageEvent = () => {
		const event = listeners();
		return {
			...event,
			/** Test helper: delivers `message` from `sender` to the listeners; resolves with the answer. */
			deliver: (message: unknown, sender: unknown) =>
				new Promise<unknown>((resolve, reject) => {
					const waiting = event.list.map((fn) => fn(message, sender, resolve)).includes(true);
					if (!waiting) reject(new Error('The message port closed before a response was received.'));
				}),
		};
	};
	type Registered = {id: string; matches?: string[]; js?: string[]; runAt?: string; persistAcrossSessions?: boolean};
	const registered = new Map<string, Registered>();
	const origins = new Set<string>();
	const permissionEvents = {onAdded: listeners(), onRemoved: listeners()};
	const permissions = {
		/** Test helper: what permissions.request answers (true = the person clicks "Allow"). */
		grantOnRequest: true,
		/** Test helper: the origins granted. */
		origins,
		async contains({origins: wanted = []}: {origins?: string[]}) {
			return wanted.every((origin) => origins.has(origin));
		},
		async request({origins: wanted = []}: {origins?: string[]}) {
			if (!permissions.grantOnRequest) return false;
			for (const origin of wanted) origins.add(origin);
			for (const fn of permissionEvents.onAdded.list) fn({origins: wanted, permissions: []});
			return true;
		},
		async remove({origins: wanted = []}: {origins?: string[]}) {
			const had = wanted.filter((origin) => origins.has(origin));
			for (const origin of wanted) origins.delete(origin);
			for (const fn of permissionEvents.onRemoved.list) fn({origins: had, permissions: []});
			return had.length > 0;
		},
		async getAll() {
			return {origins: [...origins], permissions: ['storage', 'scripting']};
		},
		...permissionEvents,
	};
	return {
		locale,
		permissions,
		scripting: {
			/** Test helper: the registrations, by id. */
			registered,
			async registerContentScripts(scripts: Registered[]) {
				for (const script of scripts)
					if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
				for (const script of scripts) registered.set(script.id, structuredClone(script));
			},
			async getRegisteredContentScripts(filter?: {ids?: string[]}) {
				return [...registered.values()]
					.filter((script) => !filter?.ids || filter.ids.includes(script.id))
					.map((script) => structuredClone(script));
			},
			async unregisterContentScripts(filter?: {ids?: string[]}) {
				for (const id of filter?.ids ?? [...registered.keys()]) {
					if (!registered.delete(id) && filter?.ids) throw new Error(`Nonexistent script ID '${id}'`);
				}
			},
		},
		storage: {local: storageArea(), session: storageArea(), onChanged: listeners()},
		i18n: {
			getMessage: (key: string, subs?: string | string[]) => formatMessage(LOCALES[locale] ?? en, key, subs),
			getUILanguage: () => locale,
		},
		action: {
			setBadgeText: async ({tabId, text}: {tabId: number; text: string}) => void (badge(tabId).text = text),
			setTitle: async ({tabId, title}: {tabId: number; title: string}) => void (badge(tabId).title = title),
			setBadgeBackgroundColor: async ({tabId, color}: {tabId: number; color: unknown}) =>
				void (badge(tabId).color = color),
			setBadgeTextColor: async () => {},
			getBadgeText: async ({tabId}: {tabId: number}) => badge(tabId).text,
			getTitle: async ({tabId}: {tabId: number}) => badge(tabId).title,
			/** The toolbar's popup for every tab (the manifest's until set), as the browser gives it: a whole URL. */
			setPopup: async ({popup: page}: {popup: string}) => void (popup = page),
			getPopup: async (_details: {tabId?: number}) => `chrome-extension://test-extension-id/${popup}`,
		},
		runtime: {
			id: 'test-extension-id',
			getURL: (path: string) => `chrome-extension://test-extension-id/${path.replace(/^\//, '')}`,
			onMessage: messageEvent(),
			onInstalled: listeners(),
			onStartup: listeners(),
			sendMessage: async () => undefined,
			openOptionsPage: async () => {},
			getPlatformInfo: async () => ({os: 'linux', arch: 'x86-64', nacl_arch: 'x86-64'}),
			/** The content scripts of the built manifest (scripts/build/builder.ts makes them from the catalogue alike). */
			getManifest: () => ({
				manifest_version: 3,
				content_scripts: [
					{
						matches: [
							...new Set(dataset.services.flatMap((s) => matchPatternsFor(s.match.rules, s.match.inject))),
						].sort(),
						js: ['content.js'],
					},
				],
			}),
		},
		windows: {
			/** Test helper: the open windows (`incognito` for a private one). */
			open: [] as Array<{id: number; incognito: boolean}>,
			async getAll() {
				return structuredClone(this.open);
			},
			onRemoved: listeners(),
		},
		tabs: {
			onRemoved: listeners(),
			query: async (_query?: object) => [] as Array<{id?: number; incognito?: boolean}>,
			/** Test helper: URLs of the tabs opened. */
			created: fakeTabs,
			create: async ({url}: {url: string}) => {
				fakeTabs.push(url);
				return {id: 100 + fakeTabs.length};
			},
		},
	};
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

export const fake: {current: FakeBrowser} = {current: createFakeBrowser()};

export function resetFakeBrowser(locale = 'en'): FakeBrowser {
	fake.current = createFakeBrowser(locale);
	// The browser's language, as extension code reads it (core/i18n.ts: navigator.language first).
	if (globalThis.navigator)
		Object.defineProperty(globalThis.navigator, 'language', {value: locale, configurable: true});
	else Object.defineProperty(globalThis, 'navigator', {value: {language: locale}, configurable: true, writable: true});
	resetLanguage();
	return fake.current;
}
