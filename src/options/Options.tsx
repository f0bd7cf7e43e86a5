/**
 * The options page: one component per section, in this order: the banner (BannerSettings), where it
 * stays away (ServiceLists), which alternatives to suggest and the theme (DisplayChoices), the person's
 * own sites (CustomSites), "Your journey" (Journey), export and import (DataTransfer), and reset
 * (ResetAll).
 *
 * This component loads what the sections show and keeps it current. Every change goes through the
 * background (core/send.ts → background/handlers.ts); the page keeps no state of its own beyond what it
 * shows. It follows changes made elsewhere (a banner's "Don't show on this site" while this page is open)
 * through storage.onChanged. Each section says what happened through its own role="status" region, next
 * to the control that caused it. The settings, the custom sites and the journey load separately: one that
 * cannot be loaded says so in its own section, and the rest (export, reset) still works.
 */
import {whenSpoken} from '../ui/catalogue';
import {applyLanguage} from '../ui/language';
import {useEffect, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {errorMessage} from '../core/errors';
import {dataLanguage, t} from '../core/i18n';
import {dataset} from '../data';
import {Freshness} from '../ui/Freshness';
import type {JourneyState} from '../core/journey';
import type {CustomSiteStatus} from '../core/message-map';
import {send} from '../core/send';
import {repairSettings, SETTINGS_KEY, type Settings} from '../core/settings';
import {applyTheme} from '../ui/theme';
import {BannerSettings} from './BannerSettings';
import {CustomSites} from './CustomSites';
import {DataTransfer} from './DataTransfer';
import {DisplayChoices} from './DisplayChoices';
import {Journey} from './Journey';
import {ResetAll} from './ResetAll';
import {ServiceLists} from './ServiceLists';

type LoadErrors = {settings?: string; sites?: string; journey?: string};

export function Options() {
	const [settings, setStoredSettings] = useState<Settings | null>(null);
	/**
	 * Shows new settings, in the language they choose (applied before the render, so all of it follows), once the
	 * page has that language's messages (ui/catalogue.ts): at once when it has them, or for none. Resolves then.
	 */
	const showSettings = (next: Settings | null) =>
		whenSpoken(next, () => {
			if (next) applyLanguage(next);
			setStoredSettings(next);
		});
	const setSettings = (next: Settings | null) => void showSettings(next);
	const [sites, setSites] = useState<CustomSiteStatus[] | null>(null);
	const [journey, setJourney] = useState<JourneyState>({available: false});
	const [loaded, setLoaded] = useState(false);
	const [loadErrors, setLoadErrors] = useState<LoadErrors>({});
	const [now, setNow] = useState(Date.now());

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
		if (nextSettings.status === 'rejected') errors.settings = errorMessage(nextSettings.reason);
		if (nextSites.status === 'rejected') errors.sites = errorMessage(nextSites.reason);
		if (nextJourney.status === 'rejected') errors.journey = errorMessage(nextJourney.reason);
		// Shown once the page has their language's messages: the page is ready, and an import says so, only then.
		const shown = showSettings(nextSettings.status === 'fulfilled' ? nextSettings.value : null);
		setSites(nextSites.status === 'fulfilled' ? nextSites.value : null);
		setJourney(nextJourney.status === 'fulfilled' ? nextJourney.value : {available: false});
		setLoadErrors(errors);
		setNow(Date.now());
		await shown;
		const failed = errors.settings ?? errors.sites ?? errors.journey;
		if (failed !== undefined) throw new Error(failed);
		return nextSites.status === 'fulfilled' ? nextSites.value : [];
	}

	useEffect(() => {
		reload()
			.catch(() => {}) // each section that could not be loaded says so
			.finally(() => setLoaded(true));
		// Changes made elsewhere (a banner's buttons, another options tab) show here at once.
		const onChanged = (changes: Record<string, {newValue?: unknown}>, area: string) => {
			if (area === 'local' && changes[SETTINGS_KEY]?.newValue !== undefined) {
				// A new language re-renders the whole page in it (every surface follows at once).
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
	// Ready once the loaded page's effects have run (Preact runs a child's before its parent's): the sections'
	// own, such as the banner switch focused when the page is opened at #turn-off, come first.
	useEffect(() => {
		if (loaded) document.body.dataset['ready'] = '1';
	}, [loaded]);

	if (!loaded) {
		return (
			<>
				<h1>{t('optionsTitle')}</h1>
				<p role="status" />
			</>
		);
	}
	return (
		<>
			<h1>{t('optionsTitle')}</h1>
			{settings ? (
				<>
					<BannerSettings settings={settings} onSettings={setSettings} />
					<ServiceLists settings={settings} now={now} onSettings={setSettings} />
					<DisplayChoices settings={settings} onSettings={setSettings} />
				</>
			) : (
				// The settings could not be loaded: their sections say so, everything else still works.
				<p class="notice" id="settings-unavailable" role="status">
					{t('optionsLoadFailed', loadErrors.settings ?? '')}
				</p>
			)}
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
			<Freshness lang={dataLanguage()} data={dataset} id="freshness" />
		</>
	);
}
