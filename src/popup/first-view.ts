/**
 * What the popup's first render shows, all of it: the tab's service, the moves, the settings (their language applied),
 * the messages and the page data in that language. The popup renders once, when the last of them is in, instead of a
 * "Loading" render that each answer then re-renders (each a render and a task more on its critical path): measured,
 * docs/performance.md. The answers never reject (each has its fallback: ./requests.ts); a catalogue that did not load
 * leaves each message's key on screen, loud; page data that did not load leaves the popup saying it is loading, as
 * before.
 */
import {dataLanguage} from '../core/i18n';
import type {Language} from '../core/languages';
import type {MovesState} from '../core/message-map';
import type {Settings} from '../core/settings-defaults';
import {loadPageData, type PageData} from '../data/pages';
import {loadCatalogue, whenSpoken} from '../ui/catalogue';
import {applyLanguage} from '../ui/language';
import type {PopupRequests} from './requests';

export type FirstView = {
	serviceId: string | null;
	moves: MovesState;
	settings: Settings;
	/** Undefined if the page data could not be loaded. */
	data: PageData | undefined;
};

/** Everything for the first render of a popup in `lang` (its page's language), from the requests early.js made. */
export async function firstView(requests: PopupRequests, lang: Language): Promise<FirstView> {
	// Both of the page's language's files, at once, from early.js's imports where it made them.
	void loadPageData(lang, requests.pageData).catch(() => {});
	const [serviceId, moves, asked] = await Promise.all([
		requests.service,
		requests.moves,
		requests.settings,
		loadCatalogue(lang, requests.catalogue).catch(() => {}),
	]);
	// Settings whose language is not the page's (changed since the background set this page): that language's
	// messages and data instead. Settings another page stored meanwhile are newer: those, the same way.
	let settings = requests.changed() ?? asked;
	for (;;) {
		const shown = settings;
		await whenSpoken(shown, () => applyLanguage(shown));
		const data = await loadPageData(dataLanguage()).catch(() => undefined);
		settings = requests.changed() ?? shown;
		if (settings === shown) return {serviceId, moves, settings, data};
	}
}
