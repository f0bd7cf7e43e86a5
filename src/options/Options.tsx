/**
 * The options page: the banner (on/off, snooze length, hidden and snoozed services), which alternatives
 * to suggest, the theme, the person's own sites, "Your journey", export/import, and reset.
 *
 * Every change goes through the background (core/messaging.ts → background/handlers.ts); the page keeps
 * no state of its own beyond what it shows. It follows changes made elsewhere (a banner's "Don't show
 * on this site" while this page is open) through storage.onChanged. Feedback is spoken through one
 * role="status" region per section, next to the control that caused it. The settings, the custom sites
 * and the journey load separately: one that cannot be loaded says so in its own section, and the rest
 * (export, reset) still works.
 */
import {useEffect, useLayoutEffect, useRef, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {t} from '../core/i18n';
import type {JourneyState} from '../core/journey';
import {send} from '../core/send';
import type {CustomSiteStatus, ServiceList} from '../core/message-map';
import {
	MAX_SNOOZE_DAYS,
	MIN_SNOOZE_DAYS,
	PREFERENCES,
	repairSettings,
	SETTINGS_KEY,
	THEMES,
	type Settings,
	type SettingsPatch,
} from '../core/settings';
import {applyTheme} from '../ui/theme';
import {CustomSites} from './CustomSites';
import {DataTransfer} from './DataTransfer';
import {Journey} from './Journey';
import {ResetAll} from './ResetAll';
import {errorText, formatDate, serviceName, Status} from './shared';

const PREFERENCE_LABELS = {
	both: 'optionsPreferenceBoth',
	cloud: 'optionsPreferenceCloud',
	'self-hosted': 'optionsPreferenceSelfHosted',
} as const;
const THEME_LABELS = {auto: 'optionsThemeAuto', light: 'optionsThemeLight', dark: 'optionsThemeDark'} as const;

type LoadErrors = {settings?: string; sites?: string; journey?: string};

/** The "Show again" button of a service's row in one of the two lists, if shown. */
function showAgainButton(list: ServiceList, id: string): HTMLElement | null {
	const rows = document.getElementById(`${list}-list`)?.querySelectorAll<HTMLElement>('li') ?? [];
	return [...rows].find((row) => row.dataset['service'] === id)?.querySelector('button') ?? null;
}

/** A whole number of days within the allowed range, or undefined. */
function parseSnoozeDays(value: string): number | undefined {
	const days = Number(value.trim());
	return /^\d+$/.test(value.trim()) && days >= MIN_SNOOZE_DAYS && days <= MAX_SNOOZE_DAYS ? days : undefined;
}

export function Options() {
	const [settings, setSettings] = useState<Settings | null>(null);
	const [sites, setSites] = useState<CustomSiteStatus[] | null>(null);
	const [journey, setJourney] = useState<JourneyState>({available: false});
	const [loaded, setLoaded] = useState(false);
	const [loadErrors, setLoadErrors] = useState<LoadErrors>({});
	const [status, setStatus] = useState({banner: '', lists: '', choices: ''});
	const [snoozeText, setSnoozeText] = useState<string | null>(null);
	const [now, setNow] = useState(Date.now());
	/** After "Show again", focus goes to the next row's button, or to the list's heading once it is empty. */
	const listFocus = useRef<{list: ServiceList; removed: string; next: string | undefined} | null>(null);

	/**
	 * Loads each section on its own; rejects (after showing what did load) if any could not be loaded.
	 * Resolves with the custom sites, so an import can say whether any of them still needs access.
	 */
	async function reload(): Promise<CustomSiteStatus[]> {
		const [nextSettings, nextSites, nextJourney] = await Promise.allSettled([
			send('getSettings', null),
			send('getCustomSites', null),
			send('getJourney', null),
		]);
		const errors: LoadErrors = {};
		// A section that cannot be loaded shows that, not what it showed before (an import or a reset has
		// just changed it).
		if (nextSettings.status === 'rejected') errors.settings = errorText(nextSettings.reason);
		if (nextSites.status === 'rejected') errors.sites = errorText(nextSites.reason);
		if (nextJourney.status === 'rejected') errors.journey = errorText(nextJourney.reason);
		setSettings(nextSettings.status === 'fulfilled' ? nextSettings.value : null);
		setSites(nextSites.status === 'fulfilled' ? nextSites.value : null);
		setJourney(nextJourney.status === 'fulfilled' ? nextJourney.value : {available: false});
		setLoadErrors(errors);
		setNow(Date.now());
		const failed = errors.settings ?? errors.sites ?? errors.journey;
		if (failed !== undefined) throw new Error(failed);
		return nextSites.status === 'fulfilled' ? nextSites.value : [];
	}

	useEffect(() => {
		reload()
			.catch(() => {}) // each section that could not be loaded says so
			.finally(() => {
				setLoaded(true);
				document.body.dataset['ready'] = '1';
			});
		// Changes made elsewhere (a banner's buttons, another options tab) show here at once.
		const onChanged = (changes: Record<string, {newValue?: unknown}>, area: string) => {
			if (area === 'local' && changes[SETTINGS_KEY]?.newValue !== undefined) {
				setSettings(repairSettings(changes[SETTINGS_KEY].newValue).settings);
				setLoadErrors(({settings: _gone, ...rest}) => rest);
				setNow(Date.now());
			}
		};
		browser.storage.onChanged.addListener(onChanged);
		// Back on this tab: the journey may have new days, and a site's permission may have been revoked
		// in the browser's own settings meanwhile.
		const onVisible = () => {
			if (document.visibilityState !== 'visible') return;
			void Promise.allSettled([send('getCustomSites', null), send('getJourney', null)]).then(
				([nextSites, nextJourney]) => {
					if (nextSites.status === 'fulfilled') {
						setSites(nextSites.value);
						setLoadErrors(({sites: _gone, ...rest}) => rest);
					}
					if (nextJourney.status === 'fulfilled') {
						setJourney(nextJourney.value);
						setLoadErrors(({journey: _gone, ...rest}) => rest);
					}
				},
			);
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

	/** Saves a change; says whether it was saved. */
	async function update(
		patch: SettingsPatch,
		section: keyof typeof status,
		message = t('optionsSaved'),
	): Promise<boolean> {
		try {
			setSettings(await send('updateSettings', patch));
			setStatus((old) => ({...old, [section]: message}));
			return true;
		} catch (error) {
			setStatus((old) => ({...old, [section]: t('optionsSaveFailed', errorText(error))}));
			return false;
		}
	}

	/** "Show again" on a service of a list (`ids` in the order shown): the background takes that one out. */
	function showAgain(list: ServiceList, ids: string[], id: string) {
		const index = ids.indexOf(id);
		listFocus.current = {list, removed: id, next: ids[index + 1] ?? ids[index - 1]};
		void (async () => {
			try {
				setSettings(await send('showAgain', {list, service: id}));
				setStatus((old) => ({...old, lists: t('optionsShownAgain', serviceName(id))}));
			} catch (error) {
				listFocus.current = null;
				setStatus((old) => ({...old, lists: t('optionsSaveFailed', errorText(error))}));
			}
		})();
	}

	if (!loaded) {
		return (
			<>
				<h1>{t('optionsTitle')}</h1>
				<p role="status" />
			</>
		);
	}
	if (!settings) {
		// The settings could not be loaded: their sections say so, everything else still works.
		return (
			<>
				<h1>{t('optionsTitle')}</h1>
				<p class="notice" id="settings-unavailable" role="status">
					{t('optionsLoadFailed', loadErrors.settings ?? '')}
				</p>
				<CustomSites sites={sites} loadError={loadErrors.sites ?? ''} onChange={setSites} />
				<Journey
					settings={null}
					journey={journey}
					loadError={loadErrors.journey ?? ''}
					onJourney={setJourney}
					onSettings={setSettings}
				/>
				<DataTransfer onImported={reload} />
				<ResetAll onReset={reload} />
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
					<input
						type="checkbox"
						id="banner-enabled"
						checked={settings.bannerEnabled}
						onChange={(event) => void update({bannerEnabled: event.currentTarget.checked}, 'banner')}
					/>
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
				<h3 id="hidden-heading" tabIndex={-1}>
					{t('optionsHiddenHeading')}
				</h3>
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
									onClick={() => showAgain('hidden', settings.hiddenServices, id)}
								>
									{t('optionsShowAgain')}
								</button>
							</li>
						))}
					</ul>
				)}
				<h3 id="snoozed-heading" tabIndex={-1}>
					{t('optionsSnoozedHeading')}
				</h3>
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
									onClick={() =>
										showAgain(
											'snoozed',
											snoozed.map(([other]) => other),
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
							<input
								type="radio"
								name="theme"
								id={`theme-${value}`}
								value={value}
								checked={settings.theme === value}
								onChange={() => void update({theme: value}, 'choices')}
							/>
							<label for={`theme-${value}`}>{t(THEME_LABELS[value])}</label>
						</p>
					))}
				</fieldset>
				<Status id="choices-status" text={status.choices} />
			</section>

			<CustomSites sites={sites} loadError={loadErrors.sites ?? ''} onChange={setSites} />
			<Journey
				settings={settings}
				journey={journey}
				loadError={loadErrors.journey ?? ''}
				onJourney={setJourney}
				onSettings={setSettings}
			/>
			<DataTransfer onImported={reload} />
			<ResetAll onReset={reload} />
		</>
	);
}
