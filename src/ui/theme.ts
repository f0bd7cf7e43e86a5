/**
 * The person's theme (settings.theme: auto, light or dark) on an extension page. base.css keys its
 * colours on `<html data-theme>`: "light" and "dark" force one, anything else follows the system.
 *
 * Every extension page calls `followTheme()` once at start-up (options, popup, comparison):
 *
 *   import {followTheme} from '../ui/theme';
 *   void followTheme();
 *
 * It applies the stored theme, then follows changes made on another page (storage.onChanged), so an
 * open comparison page switches as soon as the options change.
 */
import {browser} from '../core/browser';
import {send} from '../core/send';
import {SETTINGS_KEY, THEMES, type Settings} from '../core/settings-defaults';

export type Theme = Settings['theme'];

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
	root.dataset['theme'] = THEMES.includes(theme) ? theme : 'auto';
}

/** Applies the stored theme and keeps following it. Resolves once applied; never rejects (auto stays). */
export async function followTheme(root: HTMLElement = document.documentElement): Promise<void> {
	browser.storage.onChanged.addListener((changes, area) => {
		const next = changes[SETTINGS_KEY]?.newValue as Partial<Settings> | undefined;
		if (area === 'local' && next && typeof next.theme === 'string') applyTheme(next.theme, root);
	});
	try {
		applyTheme((await send('getSettings', null)).theme, root);
	} catch {
		applyTheme('auto', root);
	}
}
