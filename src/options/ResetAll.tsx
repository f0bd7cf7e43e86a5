/**
 * "Reset everything": the settings back to their defaults, every custom site (and its permission) gone,
 * the journey erased, after an inline confirmation (./Confirm.tsx).
 */
import {errorMessage} from '../core/errors';
import {t} from '../core/i18n';
import {send} from '../core/send';
import {ConfirmButton} from './Confirm';
import {saveFailedText, Status, useStatus} from './Status';

export function ResetAll({onReset}: {onReset: () => Promise<unknown>}) {
	const {status, setStatus} = useStatus();

	/** The reset itself; the question closes once it is done (or failed). */
	async function reset() {
		try {
			await send('resetAll', null);
		} catch (error) {
			setStatus(saveFailedText(error));
			return;
		}
		void showReset();
	}

	/** The reset is done: a page that then fails to show it must not say it failed. */
	async function showReset() {
		try {
			await onReset();
			setStatus(t('resetDone'));
		} catch (error) {
			setStatus(t('resetDoneReloadFailed', errorMessage(error)));
		}
	}

	return (
		<section aria-labelledby="reset-heading">
			<h2 id="reset-heading">{t('resetHeading')}</h2>
			<ConfirmButton
				ids={{button: 'reset-all', question: 'reset-confirm-text', confirm: 'reset-confirm', cancel: 'reset-cancel'}}
				label={t('resetButton')}
				question={t('resetConfirmText')}
				confirmLabel={t('resetConfirm')}
				onOpen={() => setStatus('')}
				onConfirm={reset}
			/>
			<Status id="reset-status" text={status} />
		</section>
	);
}
