/**
 * The tab the popup describes, when its address names it: `?tab=ID`, where the page is opened in a tab of its own
 * (tests, and Firefox, where the real popup cannot be driven). The toolbar popup's address names none (null): the
 * background answers for the active tab of the window last focused, the one whose toolbar opened it
 * (background/handlers.ts getPopupView); its id needs no "tabs" permission.
 */
export function tabInAddress(search: string): number | null {
	const param = new URLSearchParams(search).get('tab');
	return param !== null && /^\d{1,10}$/.test(param) ? Number(param) : null;
}
