/**
 * Dates as the person reads them, in the language given: the advice pages pass the data language, the
 * options page the UI language. Months and days are read as calendar dates (UTC), so the time zone never
 * moves them to the day before.
 */

/** "2023-03" → "March 2023". */
export function formatMonth(yearMonth: string, lang: string): string {
	return new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'long', timeZone: 'UTC'}).format(
		new Date(`${yearMonth}-01T00:00:00Z`),
	);
}

/** "2026-11-27" → "November 27, 2026". */
export function formatDay(isoDate: string, lang: string): string {
	return new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'}).format(
		new Date(`${isoDate}T00:00:00Z`),
	);
}

/** A moment (ms since the epoch) as a long date in the person's time zone. */
export function formatDate(time: number, lang: string): string {
	return new Intl.DateTimeFormat(lang, {dateStyle: 'long'}).format(time);
}
