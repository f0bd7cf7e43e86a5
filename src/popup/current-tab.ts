import {browser} from '../core/browser';

/**
 * The tab the popup describes: the active tab of the current window (its id needs no "tabs"
 * permission), or `?tab=ID` when the page is opened in a tab of its own (tests, and Firefox where the
 * real popup cannot be driven).
 */
export async function currentTabId(search: string): Promise<number | null> {
	const param = new URLSearchParams(search).get('tab');
	if (param !== null && /^\d{1,10}$/.test(param)) return Number(param);
	const [tab] = await browser.tabs.query({active: true, currentWindow: true});
	return tab?.id ?? null;
}
