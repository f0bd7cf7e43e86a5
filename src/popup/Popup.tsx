import {useEffect, useMemo} from 'preact/hooks';
import {browser} from '../core/browser';
import {t} from '../core/i18n';
import {comparisonUrl} from '../core/pages';
import {send} from '../core/send';
import {toolsForPreference} from '../core/tool-order';
import {serviceIn} from '../data/pages';
import {Attribution, Byline, CustomMoveSteps, MoveSteps, Threats, ToolCard} from '../ui/advice';
import {PreferenceSwitch} from '../ui/PreferenceSwitch';
import {usePageData, usePlatform, usePromise, useSettings} from '../ui/hooks';

/**
 * The toolbar popup: is this site a problem, what to use instead, why, and how to move. `tabId` is the
 * tab it describes, once known (popup/current-tab.ts); the popup asks for it and for everything else
 * at once, in its first render (ui/hooks.ts).
 */
export function Popup({tabId}: {tabId: Promise<number | null>}) {
	const serviceRequest = useMemo(
		() =>
			tabId
				.then((id) => (id === null ? null : send('getTabState', {tabId: id}).then((state) => state.serviceId)))
				.catch(() => null),
		[tabId],
	);
	const serviceId = usePromise(serviceRequest);
	const [settings, updateSettings] = useSettings();
	const data = usePageData();
	const platform = usePlatform();

	const ready = serviceId !== undefined && settings !== null && data !== undefined;
	useEffect(() => {
		if (ready) {
			document.body.dataset['ready'] = '1';
			performance.mark('popup-rendered');
		}
	}, [ready]);
	if (!ready) return <p class="muted">{t('popupLoading')}</p>;

	const service = serviceId ? serviceIn(data, serviceId) : undefined;
	// A site the person added (options): the background names it by its host.
	const custom = serviceId && !service && settings.customSites.includes(serviceId) ? serviceId : undefined;
	const tools = toolsForPreference(data.tools, settings.preference);
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
								service.name,
								service.provider,
							])}
						</h1>
						<p class="concern">
							{service.access.concern} <Byline by={service.access.by} data={data} what={t('popupWhatItSees')} />
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
							{data.intro.text} <Byline by={data.intro.by} data={data} what={t('popupNeutralTitle')} />
						</p>
					</>
				)}
			</header>
			<PreferenceSwitch value={settings.preference} onChange={(preference) => void updateSettings({preference})} />
			<section aria-labelledby="tools-heading">
				<h2 id="tools-heading">{t('popupRecommended')}</h2>
				{tools.map((tool) => (
					<ToolCard key={tool.id} tool={tool} data={data} platform={platform} />
				))}
			</section>
			{(service || custom) && (
				<section aria-labelledby="move-heading">
					<h2 id="move-heading">{t('popupMove')}</h2>
					{service ? (
						<MoveSteps service={service} tools={tools} data={data} />
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
			<Threats data={data} tools={tools} />
			<Attribution data={data} />
		</>
	);
}
