/**
 * The person's theme (settings.theme: auto, light or dark) on an extension page. base.css keys its
 * colours on `<html data-theme>`: "light" and "dark" force one, anything else follows the system.
 *
 * Every extension page calls `followTheme()` once at start-up (options, comparison, move), the popup with its first
 * view's theme:
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
 * has the settings already passes their theme (`known`): applied at once, without asking the background again (the
 * popup, whose first view brings the settings: its theme comes with its first render, and its first view waits on
 * one message fewer).
 */
export async function followTheme(known?: Theme, root: HTMLElement = document.documentElement): Promise<void> {
	browser.storage.onChanged.addListener((changes, area) => {
		const next = changes[SETTINGS_KEY]?.newValue as Partial<Settings> | undefined;
		if (area === 'local' && next && typeof next.theme === 'string') applyTheme(next.theme, root);
	});
	if (known !== undefined) {
		applyTheme(known, root);
		return;
	}
	try {
		applyTheme((await send('getSettings', null)).theme, root);
	} catch {
		applyTheme('auto', root);
	}
}
