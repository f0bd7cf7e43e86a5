/**
 * "Your journey": on how many days this month the person opened each cloud photo service, and a
 * checklist per service for moving away. Stored only in this browser's IndexedDB by the background
 * (background/journey-db.ts); this page reads and changes it through messages. When IndexedDB cannot be used here, or
 * the journey could not be loaded, the section says so and the rest of the page works as usual.
 */
import {useEffect, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {durationText, t, uiLanguage} from '../core/i18n';
import type {MoveStatus} from '../core/message-map';
import {MOVE_STEPS, movePagePath} from '../core/moves';
import {toolById} from '../data';
import {CHECKLIST_STEPS, type JourneyState} from '../core/journey';
import {send} from '../core/send';
import type {Settings} from '../core/settings';
import {formatMonth} from '../ui/format';
import {ConfirmButton} from './Confirm';
import {serviceName} from './service-name';
import {Status, useSettingsStatus} from './Status';

const STEP_LABELS = {
	exported: 'checklistExported',
	imported: 'checklistImported',
	deleted: 'checklistDeleted',
} as const;

type Props = {
	/** null when the settings could not be loaded: the recording checkbox is left out. */
	settings: Settings | null;
	journey: JourneyState;
	/** Why the journey could not be loaded, if it could not. */
	loadError?: string;
	onJourney: (journey: JourneyState) => void;
	onSettings: (settings: Settings) => void;
};

export function Journey({settings, journey, loadError = '', onJourney, onSettings}: Props) {
	const {status, attempt, save} = useSettingsStatus(onSettings);
	// The guided moves in progress (src/move/), read again whenever the journey changes: their ticks are shared.
	const [moves, setMoves] = useState<MoveStatus[]>([]);
	useEffect(() => {
		send('getMoves', null)
			.then((state) => setMoves(state.available ? state.moves : []))
			.catch(() => setMoves([]));
	}, [journey]);

	const summary = journey.available ? journey.summary : undefined;
	return (
		<section aria-labelledby="journey-heading" id="journey">
			<h2 id="journey-heading">{t('journeyHeading')}</h2>
			<p>{t('journeyIntro')}</p>
			{settings && (
				<label class="check">
					<input
						type="checkbox"
						id="journey-enabled"
						checked={settings.journeyEnabled}
						onChange={(event) => {
							const journeyEnabled = event.currentTarget.checked;
							save({journeyEnabled}, journeyEnabled ? t('journeyRecordingOn') : t('journeyRecordingOff'));
						}}
					/>
					{t('journeyRecord')}
				</label>
			)}
			{!summary ? (
				<p class="notice" id="journey-unavailable">
					{loadError ? t('journeyLoadFailed', loadError) : t('journeyUnavailable')}
				</p>
			) : (
				<>
					<h3 id="journey-month">{t('journeyMonth', formatMonth(summary.month, uiLanguage()))}</h3>
					{summary.visits.length === 0 ? (
						<p class="muted">{t('journeyNoVisits')}</p>
					) : (
						<ul id="journey-visits" aria-labelledby="journey-month">
							{summary.visits.map(({service, days}) => (
								<li key={service} data-service={service} data-days={days}>
									{t('journeyVisitLine', [serviceName(service), durationText(days)])}
								</li>
							))}
						</ul>
					)}
					<h3>{t('journeyChecklistHeading')}</h3>
					{summary.checklist.length === 0 ? (
						<p class="muted">{t('journeyChecklistEmpty')}</p>
					) : (
						summary.checklist.map((entry) => (
							<fieldset key={entry.service} class="checklist" data-service={entry.service}>
								<legend>{serviceName(entry.service)}</legend>
								{moves
									.filter((move) => move.service === entry.service)
									.map((move) => (
										<p class="move-progress" key={move.service} data-move={move.service}>
											{move.step
												? t('journeyMoveStep', [
														toolById(move.tool)?.name ?? move.tool,
														String(move.step),
														String(MOVE_STEPS.length),
													])
												: t('moveAllDone')}{' '}
											<a href={browser.runtime.getURL(movePagePath(move.service, move.tool))}>{t('journeyMoveOpen')}</a>
										</p>
									))}
								{CHECKLIST_STEPS.map((step) => {
									const id = `checklist-${entry.service}-${step}`;
									return (
										<p class="check" key={step}>
											<input
												type="checkbox"
												id={id}
												checked={entry[step]}
												onChange={(event) => {
													const done = event.currentTarget.checked;
													void attempt(
														async () => onJourney(await send('setChecklistStep', {service: entry.service, step, done})),
														t('optionsSaved'),
													);
												}}
											/>
											<label for={id}>{t(STEP_LABELS[step])}</label>
										</p>
									);
								})}
							</fieldset>
						))
					)}
					<ConfirmButton
						ids={{
							button: 'journey-erase',
							question: 'journey-erase-text',
							confirm: 'journey-erase-confirm',
							cancel: 'journey-erase-cancel',
						}}
						label={t('journeyErase')}
						question={t('journeyEraseConfirmText')}
						confirmLabel={t('journeyEraseConfirm')}
						onConfirm={() => void attempt(async () => onJourney(await send('eraseJourney', null)), t('journeyErased'))}
					/>
				</>
			)}
			<Status id="journey-status" text={status} />
		</section>
	);
}
