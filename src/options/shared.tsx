/** Small pieces the options sections share. */
import {dataLanguage, t, uiLanguage} from '../core/i18n';
import {localize, serviceById} from '../data';

/** A catalogued service's name in the data language; a custom site is named by its host. */
export function serviceName(id: string): string {
	const service = serviceById(id);
	return service ? localize(service.name, dataLanguage()) : id;
}

export function formatDate(time: number): string {
	return new Intl.DateTimeFormat(uiLanguage(), {dateStyle: 'long'}).format(time);
}

export function formatMonth(month: string): string {
	const [year, index] = month.split('-').map(Number);
	return new Intl.DateTimeFormat(uiLanguage(), {month: 'long', year: 'numeric'}).format(new Date(year!, index! - 1, 1));
}

export function durationText(days: number): string {
	return days === 1 ? t('durationDay') : t('durationDays', String(days));
}

export function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * A polite live region: screen readers announce each new text. `quiet` keeps it for screen readers only,
 * when the same text is already shown next to the field it is about.
 */
export function Status({id, text, quiet = false}: {id: string; text: string; quiet?: boolean}) {
	return (
		<p class={quiet ? 'status visually-hidden' : 'status'} id={id} role="status">
			{text}
		</p>
	);
}
