/**
 * What each section of the options page says after a change: one polite live region per section, next to
 * the controls, and `useStatus` for its text.
 */
import {useState} from 'preact/hooks';
import {errorMessage} from '../core/errors';
import {t} from '../core/i18n';
import {send} from '../core/send';
import type {Settings, SettingsPatch} from '../core/settings';

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

/** The "could not save" text for what a change threw. */
export function saveFailedText(error: unknown): string {
	return t('optionsSaveFailed', errorMessage(error));
}

/**
 * A section's status text, and `attempt`, which runs a change and then says `done`, or why it failed.
 * Resolves with whether the change succeeded; never rejects.
 */
export function useStatus() {
	const [status, setStatus] = useState('');
	async function attempt(work: () => Promise<unknown>, done: string): Promise<boolean> {
		try {
			await work();
			setStatus(done);
			return true;
		} catch (error) {
			setStatus(saveFailedText(error));
			return false;
		}
	}
	return {status, setStatus, attempt};
}

/**
 * For a section that changes the settings: `useStatus`, and `save`, which stores a patch, hands the
 * stored settings to `onSettings` and says `done` ("Saved." unless told otherwise), or why it failed.
 */
export function useSettingsStatus(onSettings: (settings: Settings) => void) {
	const status = useStatus();
	const save = (patch: SettingsPatch, done = t('optionsSaved')) =>
		void status.attempt(async () => onSettings(await send('updateSettings', patch)), done);
	return {...status, save};
}
