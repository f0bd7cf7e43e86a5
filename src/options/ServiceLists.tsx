/**
 * The services where the banner stays away: hidden for good ("Don't show on this site") and snoozed
 * ("Not now"), each with "Show again". After "Show again", focus goes to the next row's button, or to the
 * list's heading once the list is empty.
 */
import {useLayoutEffect, useRef} from 'preact/hooks';
import {t, uiLanguage} from '../core/i18n';
import type {ServiceList} from '../core/message-map';
import {send} from '../core/send';
import type {Settings} from '../core/settings';
import {formatDate} from '../ui/format';
import {serviceName} from './service-name';
import {Status, useStatus} from './Status';

/** The "Show again" button of a service's row in one of the two lists, if shown. */
function showAgainButton(list: ServiceList, id: string): HTMLElement | null {
	const rows = document.getElementById(`${list}-list`)?.querySelectorAll<HTMLElement>('li') ?? [];
	return [...rows].find((row) => row.dataset['service'] === id)?.querySelector('button') ?? null;
}

const HEADINGS = {
	hidden: {heading: 'optionsHiddenHeading', empty: 'optionsHiddenEmpty'},
	snoozed: {heading: 'optionsSnoozedHeading', empty: 'optionsSnoozedEmpty'},
} as const;

/** One list: its heading, and a row per service (its text and "Show again"), or a line saying it is empty. */
function Rows({
	list,
	rows,
	onShowAgain,
}: {
	list: ServiceList;
	rows: Array<{id: string; text: string}>;
	onShowAgain: (list: ServiceList, ids: string[], id: string) => void;
}) {
	return (
		<>
			<h3 id={`${list}-heading`} tabIndex={-1}>
				{t(HEADINGS[list].heading)}
			</h3>
			{rows.length === 0 ? (
				<p class="muted">{t(HEADINGS[list].empty)}</p>
			) : (
				<ul class="rows" aria-labelledby={`${list}-heading`} id={`${list}-list`}>
					{rows.map(({id, text}) => (
						<li key={id} data-service={id}>
							<span>{text}</span>
							<button
								type="button"
								aria-label={t('optionsShowAgainOn', serviceName(id))}
								onClick={() =>
									onShowAgain(
										list,
										rows.map((row) => row.id),
										id,
									)
								}
							>
								{t('optionsShowAgain')}
							</button>
						</li>
					))}
				</ul>
			)}
		</>
	);
}

type Props = {
	settings: Settings;
	/** The time snoozes are compared with (a snooze that has ended is not listed). */
	now: number;
	onSettings: (settings: Settings) => void;
};

export function ServiceLists({settings, now, onSettings}: Props) {
	const {status, attempt} = useStatus();
	/** After "Show again": the list, the service taken out, and the one whose button gets focus. */
	const listFocus = useRef<{list: ServiceList; removed: string; next: string | undefined} | null>(null);

	// Runs after each render: once the row whose "Show again" was pressed is gone, and focus with it.
	useLayoutEffect(() => {
		const pending = listFocus.current;
		if (!pending || showAgainButton(pending.list, pending.removed)) return;
		listFocus.current = null;
		const focus = document.activeElement;
		if (focus && focus !== document.body && focus.isConnected) return; // the person has moved on
		(
			(pending.next === undefined ? null : showAgainButton(pending.list, pending.next)) ??
			document.getElementById(`${pending.list}-heading`)
		)?.focus();
	});

	/** "Show again" on a service of a list (`ids` in the order shown): the background takes that one out. */
	function showAgain(list: ServiceList, ids: string[], id: string) {
		const index = ids.indexOf(id);
		listFocus.current = {list, removed: id, next: ids[index + 1] ?? ids[index - 1]};
		void attempt(
			async () => onSettings(await send('showAgain', {list, service: id})),
			t('optionsShownAgain', serviceName(id)),
		).then((shown) => {
			if (!shown) listFocus.current = null;
		});
	}

	const hidden = settings.hiddenServices.map((id) => ({id, text: serviceName(id)}));
	const snoozed = Object.entries(settings.snoozedUntil)
		.filter(([, until]) => until > now)
		.sort(([, a], [, b]) => a - b)
		.map(([id, until]) => ({id, text: t('optionsSnoozedUntil', [serviceName(id), formatDate(until, uiLanguage())])}));
	return (
		<section aria-labelledby="lists-heading">
			<h2 id="lists-heading">{t('optionsListsHeading')}</h2>
			<Rows list="hidden" rows={hidden} onShowAgain={showAgain} />
			<Rows list="snoozed" rows={snoozed} onShowAgain={showAgain} />
			<Status id="lists-status" text={status} />
		</section>
	);
}
