/**
 * An in-memory stand-in for the WebExtension API, enough for unit tests of the background and the
 * pages: storage (local, session) with change listeners, i18n backed by the real locales, the action
 * (badge and title per tab) and runtime identity. `resetFakeBrowser()` gives each test a clean one.
 */
import en from '../locales/en/messages.json';
import fr from '../locales/fr/messages.json';

type Messages = Record<string, {message: string; placeholders?: Record<string, {content: string}>}>;
const LOCALES: Record<string, Messages> = {en, fr};

function storageArea() {
	let data: Record<string, unknown> = {};
	return {
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

export function formatMessage(messages: Messages, key: string, substitutions?: string | string[]): string {
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

export function createFakeBrowser(locale = 'en') {
	const fakeTabs: string[] = [];
	const tabBadges = new Map<number, {text: string; title: string; color?: unknown}>();
	const badge = (tabId: number) => {
		const entry = tabBadges.get(tabId) ?? {text: '', title: ''};
		tabBadges.set(tabId, entry);
		return entry;
	};
	const listeners = () => {
		const list: Array<(...args: unknown[]) => unknown> = [];
		return {addListener: (fn: (...args: unknown[]) => unknown) => list.push(fn), removeListener: () => {}, hasListener: () => list.length > 0, list};
	};
	return {
		locale,
		storage: {local: storageArea(), session: storageArea(), onChanged: listeners()},
		i18n: {
			getMessage: (key: string, subs?: string | string[]) => formatMessage(LOCALES[locale] ?? en, key, subs),
			getUILanguage: () => locale,
		},
		action: {
			setBadgeText: async ({tabId, text}: {tabId: number; text: string}) => void (badge(tabId).text = text),
			setTitle: async ({tabId, title}: {tabId: number; title: string}) => void (badge(tabId).title = title),
			setBadgeBackgroundColor: async ({tabId, color}: {tabId: number; color: unknown}) => void (badge(tabId).color = color),
			setBadgeTextColor: async () => {},
			getBadgeText: async ({tabId}: {tabId: number}) => badge(tabId).text,
			getTitle: async ({tabId}: {tabId: number}) => badge(tabId).title,
		},
		runtime: {
			id: 'test-extension-id',
			getURL: (path: string) => `chrome-extension://test-extension-id/${path.replace(/^\//, '')}`,
			onMessage: listeners(),
			onInstalled: listeners(),
			sendMessage: async () => undefined,
			openOptionsPage: async () => {},
		},
		tabs: {
			onRemoved: listeners(),
			query: async () => [] as Array<{id?: number}>,
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
	return fake.current;
}
