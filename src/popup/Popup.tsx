import {useEffect, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {dataLanguage, t} from '../core/i18n';
import {comparisonUrl} from '../core/pages';
import {send} from '../core/send';
import {localize, serviceById, dataset} from '../data';
import {Attribution, Byline, CustomMoveSteps, MoveSteps, Threats, ToolCard} from '../ui/advice';
import {toolsForPreference} from '../core/tool-order';
import {PreferenceSwitch} from '../ui/PreferenceSwitch';
import {usePlatform, useSettings} from '../ui/hooks';

/** The toolbar popup: is this site a problem, what to use instead, why, and how to move. */
export function Popup({tabId}: {tabId: number | null}) {
	const [serviceId, setServiceId] = useState<string | null | undefined>(undefined);
	const [settings, updateSettings] = useSettings();
	const platform = usePlatform();
	const lang = dataLanguage();

	useEffect(() => {
		if (tabId === null) return setServiceId(null);
		send('getTabState', {tabId})
			.then((state) => setServiceId(state.serviceId))
			.catch(() => setServiceId(null));
	}, [tabId]);
	const ready = serviceId !== undefined && settings !== null;
	useEffect(() => {
		if (ready) {
			document.body.dataset['ready'] = '1';
			performance.mark('popup-rendered');
		}
	}, [ready]);
	if (!ready) return <p class="muted">{t('popupLoading')}</p>;

	const service = serviceId ? serviceById(serviceId) : undefined;
	// A site the person added (options): the background names it by its host.
	const custom = serviceId && !service && settings.customSites.includes(serviceId) ? serviceId : undefined;
	const tools = toolsForPreference(dataset.tools, settings.preference);
	const openComparison = (event: Event) => {
		event.preventDefault();
		void browser.tabs.create({url: comparisonUrl(service?.id ?? null)}).then(() => window.close());
	};

	return (
		<>
			<header>
				{service ? (
					<>
						<h1 data-service={service.id}>
							{t(service.access.canSee === 'yes' ? 'popupDetected' : 'popupDetectedUnknown', [
								localize(service.name, lang),
								service.provider,
							])}
						</h1>
						<p class="concern">
							{localize(service.access.concern, lang)}{' '}
							<Byline by={service.access.by} lang={lang} what={t('popupWhatItSees')} />
						</p>
					</>
				) : custom ? (
					<>
						<h1 data-custom={custom}>{t('popupDetectedMay', custom)}</h1>
						<p class="concern">{t('customSiteConcern')}</p>
					</>
				) : (
					<>
						<h1 data-neutral="">{t('popupNeutralTitle')}</h1>
						<p class="muted">
							{localize(dataset.intro.text, lang)}{' '}
							<Byline by={dataset.intro.by} lang={lang} what={t('popupNeutralTitle')} />
						</p>
					</>
				)}
			</header>
			<PreferenceSwitch value={settings.preference} onChange={(preference) => void updateSettings({preference})} />
			<section aria-labelledby="tools-heading">
				<h2 id="tools-heading">{t('popupRecommended')}</h2>
				{tools.map((tool) => (
					<ToolCard key={tool.id} tool={tool} lang={lang} platform={platform} />
				))}
			</section>
			{(service || custom) && (
				<section aria-labelledby="move-heading">
					<h2 id="move-heading">{t('popupMove')}</h2>
					{service ? (
						<MoveSteps service={service} tools={tools} lang={lang} />
					) : (
						<CustomMoveSteps host={custom!} tools={tools} />
					)}
				</section>
			)}
			<p class="actions">
				<a href={comparisonUrl(null)} onClick={openComparison} class="button">
					{t('popupCompareAll')}
				</a>
				<a
					href={browser.runtime.getURL('options/index.html')}
					onClick={(event) => {
						event.preventDefault();
						void browser.runtime.openOptionsPage().then(() => window.close());
					}}
				>
					{t('popupOpenOptions')}
				</a>
			</p>
			<Threats lang={lang} tools={tools} />
			<Attribution lang={lang} />
		</>
	);
}
