/**
 * The comparison page's address, written once: the background opens it from the banner, the popup links
 * to it, and the page reads its focus back with `comparisonFocus`.
 */
import {browser} from './browser';

const COMPARE_PAGE = 'compare/index.html';
const FOCUS_PARAM = 'service';

/** The page's path inside the extension, focused on a service (a catalogue id or a custom site's host) when one is given. */
export function comparisonPath(serviceId: string | null): string {
	return serviceId ? `${COMPARE_PAGE}?${FOCUS_PARAM}=${encodeURIComponent(serviceId)}` : COMPARE_PAGE;
}

/** The page's full URL (chrome-extension://… or moz-extension://…). */
export function comparisonUrl(serviceId: string | null): string {
	return browser.runtime.getURL(comparisonPath(serviceId));
}

/** The options page's address for the banner's "Turn off everywhere…": its switch highlighted and focused there. */
export const TURN_OFF_HASH = 'turn-off';

/** The service the page is focused on, read from its query string (`location.search`). */
export function comparisonFocus(search: string): string | null {
	return new URLSearchParams(search).get(FOCUS_PARAM);
}
