/**
 * The person's theme (settings.theme: auto, light or dark) on an extension page. base.css keys its
 * colours on `<html data-theme>`: "light" and "dark" force one, anything else follows the system.
 *
 * Every extension page calls `followTheme()` once at start-up (options, comparison, move); the popup passes the theme
 * of the settings its one message brings (popup/index.tsx):
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

/**
 * Applies the stored theme and keeps following it. Resolves once applied; never rejects (auto stays). A page that
 * asks for the settings anyway passes their theme (`known`; if it rejects, auto), and the background is not asked
 * again: the popup, whose one message for its first view brings the settings. A change stored while the theme is on
 * its way is newer than it, and stays.
 */
export async function followTheme(known?: Promise<Theme>, root: HTMLElement = document.documentElement): Promise<void> {
	let changed = false;
	browser.storage.onChanged.addListener((changes, area) => {
		const next = changes[SETTINGS_KEY]?.newValue as Partial<Settings> | undefined;
		if (area === 'local' && next && typeof next.theme === 'string') {
			changed = true;
			applyTheme(next.theme, root);
		}
	});
	const theme = await (known ?? send('getSettings', null).then((settings) => settings.theme)).catch(
		(): Theme => 'auto',
	);
	if (!changed) applyTheme(theme, root);
}
