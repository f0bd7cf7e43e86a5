/**
 * The options page: the banner (on/off, snooze length, hidden and snoozed services), which alternatives
 * to suggest, the theme, the person's own sites, "Your journey", export/import, and reset.
 *
 * Every change goes through the background (core/messaging.ts → background/handlers.ts); the page keeps
 * no state of its own beyond what it shows. It follows changes made elsewhere (a banner's "Don't show
 * on this site" while this page is open) through storage.onChanged. Feedback is spoken through one
 * role="status" region per section, next to the control that caused it.
 */
import {useEffect, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {t} from '../core/i18n';
import type {JourneyState} from '../core/journey';
import {send} from '../core/messaging';
import type {CustomSiteStatus} from '../core/messages';
import {MAX_SNOOZE_DAYS, MIN_SNOOZE_DAYS, PREFERENCES, repairSettings, SETTINGS_KEY, THEMES, type Settings, type SettingsPatch} from '../core/settings';
import {applyTheme} from '../ui/theme';
import {CustomSites} from './CustomSites';
import {DataTransfer} from './DataTransfer';
import {Journey} from './Journey';
import {ResetAll} from './ResetAll';
import {errorText, formatDate, serviceName, Status} from './shared';

const PREFERENCE_LABELS = {both: 'optionsPreferenceBoth', cloud: 'optionsPreferenceCloud', 'self-hosted': 'optionsPreferenceSelfHosted'} as const;
const THEME_LABELS = {auto: 'optionsThemeAuto', light: 'optionsThemeLight', dark: 'optionsThemeDark'} as const;

/** A whole number of days within the allowed range, or undefined. */
function parseSnoozeDays(value: string): number | undefined {
	const days = Number(value.trim());
	return /^\d+$/.test(value.trim()) && days >= MIN_SNOOZE_DAYS && days <= MAX_SNOOZE_DAYS ? days : undefined;
}

export function Options() {
	const [settings, setSettings] = useState<Settings | null>(null);
	const [sites, setSites] = useState<CustomSiteStatus[]>([]);
	const [journey, setJourney] = useState<JourneyState>({available: false});
	const [loadError, setLoadError] = useState('');
	const [status, setStatus] = useState({banner: '', lists: '', choices: ''});
	const [snoozeText, setSnoozeText] = useState<string | null>(null);
	const [now, setNow] = useState(Date.now());

	async function reload() {
		const [nextSettings, nextSites, nextJourney] = await Promise.all([send('getSettings', null), send('getCustomSites', null), send('getJourney', null)]);
		setSettings(nextSettings);
		setSites(nextSites);
		setJourney(nextJourney);
		setNow(Date.now());
	}

	useEffect(() => {
		reload()
			.catch((error: unknown) => setLoadError(t('optionsLoadFailed', errorText(error))))
			.finally(() => {
				document.body.dataset['ready'] = '1';
			});
		// Changes made elsewhere (a banner's buttons, another options tab) show here at once.
		const onChanged = (changes: Record<string, {newValue?: unknown}>, area: string) => {
			if (area === 'local' && changes[SETTINGS_KEY]?.newValue !== undefined) {
				setSettings(repairSettings(changes[SETTINGS_KEY].newValue).settings);
				setNow(Date.now());
			}
		};
		browser.storage.onChanged.addListener(onChanged);
		// Back on this tab: the journey may have new days, and a site's permission may have been revoked
		// in the browser's own settings meanwhile.
		const onVisible = () => {
			if (document.visibilityState !== 'visible') return;
			void Promise.all([send('getCustomSites', null), send('getJourney', null)])
				.then(([nextSites, nextJourney]) => {
					setSites(nextSites);
					setJourney(nextJourney);
				})
				.catch(() => {});
		};
		document.addEventListener('visibilitychange', onVisible);
		return () => {
			browser.storage.onChanged.removeListener(onChanged);
			document.removeEventListener('visibilitychange', onVisible);
		};
	}, []);
	useEffect(() => {
		if (settings) applyTheme(settings.theme);
	}, [settings?.theme]);

	async function update(patch: SettingsPatch, section: keyof typeof status, message = t('optionsSaved')) {
		try {
			setSettings(await send('updateSettings', patch));
			setStatus((old) => ({...old, [section]: message}));
		} catch (error) {
			setStatus((old) => ({...old, [section]: t('optionsSaveFailed', errorText(error))}));
		}
	}

	if (!settings) {
		return (
			<>
				<h1>{t('optionsTitle')}</h1>
				<p role="status">{loadError}</p>
			</>
		);
	}

	const snoozeValue = snoozeText ?? String(settings.snoozeDays);
	const snoozeValid = parseSnoozeDays(snoozeValue) !== undefined;
	const snoozed = Object.entries(settings.snoozedUntil)
		.filter(([, until]) => until > now)
		.sort(([, a], [, b]) => a - b);

	return (
		<>
			<h1>{t('optionsTitle')}</h1>

			<section aria-labelledby="banner-heading">
				<h2 id="banner-heading">{t('optionsBannerHeading')}</h2>
				<label class="check">
					<input type="checkbox" id="banner-enabled" checked={settings.bannerEnabled} onChange={(event) => void update({bannerEnabled: event.currentTarget.checked}, 'banner')} />
					{t('optionsBannerEnabled')}
				</label>
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
								setStatus((old) => ({...old, banner: t('optionsSnoozeInvalid')}));
								return;
							}
							setSnoozeText(null);
							if (snoozeDays !== settings.snoozeDays) void update({snoozeDays}, 'banner');
						}}
					/>
				</p>
				<p id="snooze-days-hint" class={snoozeValid ? 'hint' : 'hint error'}>
					{snoozeValid ? t('optionsSnoozeHint') : t('optionsSnoozeInvalid')}
				</p>
				<Status id="banner-status" text={status.banner} />
			</section>

			<section aria-labelledby="lists-heading">
				<h2 id="lists-heading">{t('optionsListsHeading')}</h2>
				<h3 id="hidden-heading">{t('optionsHiddenHeading')}</h3>
				{settings.hiddenServices.length === 0 ? (
					<p class="muted">{t('optionsHiddenEmpty')}</p>
				) : (
					<ul class="rows" aria-labelledby="hidden-heading" id="hidden-list">
						{settings.hiddenServices.map((id) => (
							<li key={id} data-service={id}>
								<span>{serviceName(id)}</span>
								<button
									type="button"
									aria-label={t('optionsShowAgainOn', serviceName(id))}
									onClick={() =>
										void update({hiddenServices: settings.hiddenServices.filter((other) => other !== id)}, 'lists', t('optionsShownAgain', serviceName(id)))
									}
								>
									{t('optionsShowAgain')}
								</button>
							</li>
						))}
					</ul>
				)}
				<h3 id="snoozed-heading">{t('optionsSnoozedHeading')}</h3>
				{snoozed.length === 0 ? (
					<p class="muted">{t('optionsSnoozedEmpty')}</p>
				) : (
					<ul class="rows" aria-labelledby="snoozed-heading" id="snoozed-list">
						{snoozed.map(([id, until]) => (
							<li key={id} data-service={id}>
								<span>{t('optionsSnoozedUntil', [serviceName(id), formatDate(until)])}</span>
								<button
									type="button"
									aria-label={t('optionsShowAgainOn', serviceName(id))}
									onClick={() => {
										const {[id]: _removed, ...rest} = settings.snoozedUntil;
										void update({snoozedUntil: rest}, 'lists', t('optionsShownAgain', serviceName(id)));
									}}
								>
									{t('optionsShowAgain')}
								</button>
							</li>
						))}
					</ul>
				)}
				<Status id="lists-status" text={status.lists} />
			</section>

			<section aria-labelledby="choices-heading">
				<h2 id="choices-heading">{t('optionsDisplayHeading')}</h2>
				<fieldset>
					<legend>{t('optionsPreferenceLegend')}</legend>
					{PREFERENCES.map((value) => (
						<p class="check" key={value}>
							<input
								type="radio"
								name="preference"
								id={`preference-${value}`}
								value={value}
								checked={settings.preference === value}
								onChange={() => void update({preference: value}, 'choices')}
							/>
							<label for={`preference-${value}`}>{t(PREFERENCE_LABELS[value])}</label>
						</p>
					))}
				</fieldset>
				<fieldset>
					<legend>{t('optionsThemeLegend')}</legend>
					{THEMES.map((value) => (
						<p class="check" key={value}>
							<input type="radio" name="theme" id={`theme-${value}`} value={value} checked={settings.theme === value} onChange={() => void update({theme: value}, 'choices')} />
							<label for={`theme-${value}`}>{t(THEME_LABELS[value])}</label>
						</p>
					))}
				</fieldset>
				<Status id="choices-status" text={status.choices} />
			</section>

			<CustomSites sites={sites} onChange={setSites} />
			<Journey settings={settings} journey={journey} onJourney={setJourney} onSettings={setSettings} />
			<DataTransfer onImported={reload} />
			<ResetAll onReset={reload} />
		</>
	);
}
