/**
 * The banner: on photo pages or badge only (nothing added to any page, said in plain words what a website can
 * see either way), on or off, and how long "Not now" keeps it away.
 */
import {useEffect, useRef, useState} from 'preact/hooks';
import {t} from '../core/i18n';
import {TURN_OFF_HASH} from '../core/pages';
import {MAX_SNOOZE_DAYS, MIN_SNOOZE_DAYS, type Settings} from '../core/settings';
import {Status, useSettingsStatus} from './Status';

/** A whole number of days within the allowed range, or undefined. */
function parseSnoozeDays(value: string): number | undefined {
	const days = Number(value.trim());
	return /^\d+$/.test(value.trim()) && days >= MIN_SNOOZE_DAYS && days <= MAX_SNOOZE_DAYS ? days : undefined;
}

type Props = {settings: Settings; onSettings: (settings: Settings) => void};

export function BannerSettings({settings, onSettings}: Props) {
	const {status, setStatus, save} = useSettingsStatus(onSettings);
	/** What the person is typing in the snooze field, until it is a valid length (null: the stored one). */
	const [snoozeText, setSnoozeText] = useState<string | null>(null);

	// Opened by the banner's "Turn off everywhere…" (background openTurnOff): the switch highlighted and focused,
	// and the person turns it off here, where no page can trick the click.
	const [turnOff] = useState(() => location.hash === `#${TURN_OFF_HASH}`);
	const bannerSwitch = useRef<HTMLInputElement>(null);
	useEffect(() => {
		if (!turnOff) return;
		bannerSwitch.current?.scrollIntoView({block: 'center'});
		bannerSwitch.current?.focus();
	}, [turnOff]);

	const snoozeValue = snoozeText ?? String(settings.snoozeDays);
	const snoozeValid = parseSnoozeDays(snoozeValue) !== undefined;
	return (
		<section aria-labelledby="banner-heading">
			<h2 id="banner-heading">{t('optionsBannerHeading')}</h2>
			<fieldset aria-describedby="page-mode-seen">
				<legend>{t('optionsPageMode')}</legend>
				{([false, true] as const).map((badgeOnly) => (
					<p class="check" key={String(badgeOnly)}>
						<input
							type="radio"
							name="page-mode"
							id={badgeOnly ? 'page-mode-badge' : 'page-mode-banner'}
							checked={settings.badgeOnly === badgeOnly}
							onChange={() => save({badgeOnly})}
						/>
						<label for={badgeOnly ? 'page-mode-badge' : 'page-mode-banner'}>
							{t(badgeOnly ? 'optionsModeBadgeOnly' : 'optionsModeBanner')}
						</label>
					</p>
				))}
				<p id="page-mode-seen" class="hint">
					{t(settings.badgeOnly ? 'optionsModeBadgeSeen' : 'optionsModeBannerSeen')}
				</p>
			</fieldset>
			<label class={turnOff ? 'check highlight' : 'check'}>
				<input
					ref={bannerSwitch}
					type="checkbox"
					id="banner-enabled"
					aria-describedby={turnOff ? 'turn-off-here' : undefined}
					checked={settings.bannerEnabled}
					onChange={(event) => save({bannerEnabled: event.currentTarget.checked})}
				/>
				{t('optionsBannerEnabled')}
			</label>
			{turnOff && (
				<p id="turn-off-here" class="hint highlight">
					{t('optionsTurnOffHere')}
				</p>
			)}
			<p class="field">
				<label for="snooze-days">{t('optionsSnoozeDays')}</label>
				<input
					type="number"
					id="snooze-days"
					inputMode="numeric"
					min={MIN_SNOOZE_DAYS}
					max={MAX_SNOOZE_DAYS}
					step={1}
					value={snoozeValue}
					aria-invalid={snoozeValid ? undefined : 'true'}
					aria-describedby="snooze-days-hint"
					onInput={(event) => setSnoozeText(event.currentTarget.value)}
					onChange={(event) => {
						// Read the field itself: an input event's re-render may not have happened yet.
						const snoozeDays = parseSnoozeDays(event.currentTarget.value);
						setSnoozeText(event.currentTarget.value);
						if (snoozeDays === undefined) {
							setStatus(t('optionsSnoozeInvalid'));
							return;
						}
						setSnoozeText(null);
						if (snoozeDays !== settings.snoozeDays) save({snoozeDays});
					}}
				/>
			</p>
			<p id="snooze-days-hint" class={snoozeValid ? 'hint' : 'hint error'}>
				{snoozeValid ? t('optionsSnoozeHint') : t('optionsSnoozeInvalid')}
			</p>
			<Status id="banner-status" text={status} />
		</section>
	);
}
