/**
 * A button whose action asks "are you sure?" inline instead of in a blocking dialog: the button gives way
 * to the question and two buttons; focus moves to Cancel (the safe choice), Escape cancels, and focus
 * returns to the button afterwards. Used by "Erase the journey" and "Reset everything".
 */
import {useLayoutEffect, useRef, useState} from 'preact/hooks';
import {t} from '../core/i18n';

type Props = {
	/** The element ids: the button, the question, the confirming button and Cancel. */
	ids: {button: string; question: string; confirm: string; cancel: string};
	/** The button's text, the question, and the confirming button's text. */
	label: string;
	question: string;
	confirmLabel: string;
	/** When the question opens (e.g. to clear an earlier status). */
	onOpen?: () => void;
	/**
	 * The action, once confirmed. If it returns a promise, the question stays, its confirming button
	 * disabled, until the promise settles; the action reports its own failures.
	 */
	onConfirm: () => Promise<unknown> | void;
};

export function ConfirmButton({ids, label, question, confirmLabel, onOpen, onConfirm}: Props) {
	const [confirming, setConfirming] = useState(false);
	const [busy, setBusy] = useState(false);
	const buttonRef = useRef<HTMLButtonElement>(null);
	const cancelRef = useRef<HTMLButtonElement>(null);
	const returnFocus = useRef(false);

	// Layout effect: focus moves in the same frame as the question appears or goes.
	useLayoutEffect(() => {
		if (confirming) cancelRef.current?.focus();
		else if (returnFocus.current) buttonRef.current?.focus();
		returnFocus.current = false;
	}, [confirming]);

	function close() {
		returnFocus.current = true;
		setConfirming(false);
	}

	function confirm() {
		const pending = onConfirm();
		if (!pending) return close();
		setBusy(true);
		const done = () => {
			setBusy(false);
			close();
		};
		pending.then(done, done);
	}

	if (!confirming) {
		return (
			<p>
				<button
					type="button"
					id={ids.button}
					ref={buttonRef}
					onClick={() => {
						onOpen?.();
						setConfirming(true);
					}}
				>
					{label}
				</button>
			</p>
		);
	}
	return (
		<div
			class="confirm"
			role="group"
			aria-labelledby={ids.question}
			onKeyDown={(event) => {
				if (event.key === 'Escape') close();
			}}
		>
			<p id={ids.question}>{question}</p>
			<p class="buttons">
				<button type="button" id={ids.confirm} class="danger" disabled={busy} onClick={confirm}>
					{confirmLabel}
				</button>
				<button type="button" id={ids.cancel} ref={cancelRef} onClick={close}>
					{t('confirmCancel')}
				</button>
			</p>
		</div>
	);
}
