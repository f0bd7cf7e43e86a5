/**
 * What the popup and the comparison page need before their first useful paint: the page data in their
 * language, the settings (preference, theme); the platform arrives with them or a moment later and
 * only reorders downloads.
 *
 * Each is asked for during the first render, not in an effect: Preact runs effects after the next
 * frame, and a request started there would make every page wait one frame more than it has to. The
 * answers are taken in a layout effect, which runs right after the render that subscribes.
 */
import {useLayoutEffect, useMemo, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {dataLanguage} from '../core/i18n';
import {send} from '../core/send';
import {DEFAULTS, SETTINGS_KEY, type Settings} from '../core/settings-defaults';
import {takeTurn, whenSpoken} from './catalogue';
import {applyLanguage} from './language';
import {loadPageData, type PageData} from '../data/pages';
import type {Platform} from '../data/schema';
import {platformOf} from './order';

/**
 * The value of a promise that is already on its way: undefined until it resolves (never rejects: catch first). `known`:
 * its value, where the page already has it for its first render (the popup: popup/first-view.ts).
 */
function usePromise<T>(promise: Promise<T>, known?: T): T | undefined {
	const [settled, setSettled] = useState<{promise: Promise<T>; value: T} | undefined>(
		known === undefined ? undefined : {promise, value: known},
	);
	useLayoutEffect(() => {
		let current = true;
		void promise.then((value) => current && setSettled({promise, value}));
		return () => {
			current = false;
		};
	}, [promise]);
	return settled?.promise === promise ? settled.value : undefined;
}

/** The page data in the page's language (data/pages.ts), loaded once per page; `known`: already loaded for the first render. */
export function usePageData(known?: PageData): PageData | undefined {
	return usePromise(loadPageData(dataLanguage()), known);
}

export function usePlatform(): Platform | null {
	const request = useMemo(
		() =>
			browser.runtime.getPlatformInfo().then(
				(info) => platformOf(info.os),
				() => null,
			),
		[],
	);
	return usePromise(request) ?? null;
}

/**
 * The settings (`given`: their request, already made; or the settings themselves, already here and applied, as the
 * popup has them for its first render: popup/first-view.ts) and a setter for the preference, which updates the stored settings. The language they choose
 * is applied before the render that shows them (ui/language.ts), and a change made on another page (the
 * options' language, preference, theme) re-renders this one at once. Either waits for the catalogue of the language
 * they choose, when the page does not have it yet (ui/catalogue.ts).
 */
export function useSettings(
	given?: Promise<Settings> | Settings,
): [Settings | null, (patch: Partial<Pick<Settings, 'preference'>>) => Promise<void>] {
	const [asked, known] = given instanceof Promise ? [given, undefined] : [undefined, given];
	const request = useMemo(() => {
		// Settings the page has already applied before its first render, newest first (the popup: popup/first-view.ts).
		if (known) return Promise.resolve(known);
		// Its turn taken now: a change made on another page before these settings arrive is newer, and wins.
		const turn = takeTurn();
		return (asked ?? send('getSettings', null).catch((): Settings => ({...DEFAULTS}))).then((settings) =>
			whenSpoken(settings, () => applyLanguage(settings), turn).then(() => settings),
		);
	}, []);
	const loaded = usePromise(request, known);
	const [updated, setUpdated] = useState<Settings | null>(null);
	// Listening from the first render's commit (a layout effect runs before the browser can deliver another event):
	// the popup watched until then itself (popup/requests.ts).
	useLayoutEffect(() => {
		const onChanged = (changes: Record<string, {newValue?: unknown}>, area: string) => {
			const next = changes[SETTINGS_KEY]?.newValue as Settings | undefined;
			if (area !== 'local' || typeof next !== 'object' || next === null) return;
			void whenSpoken(next, () => {
				applyLanguage(next);
				setUpdated(next);
			});
		};
		browser.storage.onChanged.addListener(onChanged);
		return () => browser.storage.onChanged.removeListener(onChanged);
	}, []);
	const update = async (patch: Partial<Pick<Settings, 'preference'>>) => {
		setUpdated(await send('updateSettings', patch));
	};
	return [updated ?? loaded ?? null, update];
}
