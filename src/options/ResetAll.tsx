/**
 * "Reset everything", with an inline confirmation step instead of a blocking dialog: the button is
 * replaced by a warning and two buttons; focus moves to "Cancel" (the safe choice), Escape cancels,
 * and focus returns to the reset button afterwards.
 */
import {useLayoutEffect, useRef, useState} from 'preact/hooks';
import {t} from '../core/i18n';
import {send} from '../core/send';
import {errorText, Status} from './shared';

export function ResetAll({onReset}: {onReset: () => Promise<unknown>}) {
	const [confirming, setConfirming] = useState(false);
	const [status, setStatus] = useState('');
	const [busy, setBusy] = useState(false);
	const cancelRef = useRef<HTMLButtonElement>(null);
	const resetRef = useRef<HTMLButtonElement>(null);
	const returnFocus = useRef(false);

	// Layout effect: focus moves in the same frame as the confirmation appears or goes.
	useLayoutEffect(() => {
		if (confirming) cancelRef.current?.focus();
		else if (returnFocus.current) resetRef.current?.focus();
		returnFocus.current = false;
	}, [confirming]);

	function cancel() {
		returnFocus.current = true;
		setConfirming(false);
	}

	async function reset() {
		setBusy(true);
		try {
			await send('resetAll', null);
		} catch (error) {
			setStatus(t('optionsSaveFailed', errorText(error)));
			return;
		} finally {
			setBusy(false);
			returnFocus.current = true;
			setConfirming(false);
		}
		// The reset is done: a page that then fails to show it must not say it failed.
		try {
			await onReset();
			setStatus(t('resetDone'));
		} catch (error) {
			setStatus(t('resetDoneReloadFailed', errorText(error)));
		}
	}

	return (
		<section aria-labelledby="reset-heading">
			<h2 id="reset-heading">{t('resetHeading')}</h2>
			{confirming ? (
				<div
					class="confirm"
					role="group"
					aria-labelledby="reset-confirm-text"
					onKeyDown={(event) => {
						if (event.key === 'Escape') cancel();
					}}
				>
					<p id="reset-confirm-text">{t('resetConfirmText')}</p>
					<p class="buttons">
						<button type="button" id="reset-confirm" class="danger" disabled={busy} onClick={() => void reset()}>
							{t('resetConfirm')}
						</button>
						<button type="button" id="reset-cancel" ref={cancelRef} onClick={cancel}>
							{t('confirmCancel')}
						</button>
					</p>
				</div>
			) : (
				<p>
					<button
						type="button"
						id="reset-all"
						ref={resetRef}
						onClick={() => {
							setStatus('');
							setConfirming(true);
						}}
					>
						{t('resetButton')}
					</button>
				</p>
			)}
			<Status id="reset-status" text={status} />
		</section>
	);
}
