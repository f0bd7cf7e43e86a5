/**
 * The settings' lists of services, changed in one way wherever they change: the banner's "Don't show on
 * this site" and the custom sites add to a sorted list; "Show again" and removing a custom site take a
 * service out of the banner's lists (hidden, snoozed).
 */
import type {ServiceList} from '../core/message-map';
import type {Settings, SettingsChange} from '../core/settings';

/** The list with `entry` in it once, sorted (as the settings keep hiddenServices and customSites). */
export function withEntry(list: readonly string[], entry: string): string[] {
	return [...new Set([...list, entry])].sort();
}

/** The list without `entry`. */
export function withoutEntry(list: readonly string[], entry: string): string[] {
	return list.filter((item) => item !== entry);
}

/** The change that takes `service` out of one of the banner's lists. */
export function withoutService(settings: Settings, list: ServiceList, service: string): SettingsChange {
	return list === 'hidden'
		? {hiddenServices: withoutEntry(settings.hiddenServices, service)}
		: {snoozedUntil: Object.fromEntries(Object.entries(settings.snoozedUntil).filter(([id]) => id !== service))};
}
