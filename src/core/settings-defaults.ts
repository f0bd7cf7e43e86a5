/**
 * The settings' constants and defaults, without zod: what the popup, the comparison page and src/ui
 * import, so that zod (~26 KB) never ships to them. The schemas, migrations and repairs that check a
 * stored or imported document are in ./settings.ts, which re-exports everything here; the `Settings`
 * type is inferred from those schemas (a type-only import: erased from every bundle).
 *
 * A new setting: its schema in ./settings.ts (fieldSchemas), its default here (tsc fails until DEFAULTS
 * has it), and a migration in ./settings.ts when old documents need one.
 */
import {LANGUAGES} from './languages';
import type {Settings} from './settings';

export type {Settings} from './settings';

export const SETTINGS_VERSION = 3;
export const SETTINGS_KEY = 'settings';

export const PREFERENCES = ['both', 'cloud', 'self-hosted'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
/** The language choice: the browser's ("auto") or one of the extension's languages. */
export const LANGUAGE_SETTINGS = ['auto', ...LANGUAGES] as const;
export const MIN_SNOOZE_DAYS = 1;
export const MAX_SNOOZE_DAYS = 365;
/** More custom sites than anyone plausibly uses, small enough to keep every list and registration cheap. */
export const MAX_CUSTOM_SITES = 100;

export const DEFAULTS: Readonly<Settings> = Object.freeze({
	version: SETTINGS_VERSION,
	bannerEnabled: true,
	snoozeDays: 7,
	hiddenServices: [],
	snoozedUntil: {},
	preference: 'both',
	theme: 'auto',
	language: 'auto',
	journeyEnabled: true,
	customSites: [],
	badgeOnly: false,
});
