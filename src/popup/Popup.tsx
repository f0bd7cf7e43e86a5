import {useEffect, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {t} from '../core/i18n';
import {MOVE_STEPS, movePagePath} from '../core/moves';
import {comparisonUrl} from '../core/pages';
import {toolsForPreference} from '../core/tool-order';
import {evaluationOf, langOf, serviceIn, type PageData, type PageTool} from '../data/pages';
import {Attribution, Byline, CustomMoveSteps, MoveSteps, Threats, ToolCard} from '../ui/advice';
import {PreferenceSwitch} from '../ui/PreferenceSwitch';
import {usePageData, usePlatform, useSettings} from '../ui/hooks';
import type {FirstView} from './first-view';

/**
 * "Meets 7 of 7 Privacy Guides criteria". Privacy Guides applies its photo criteria to the cloud alternative
 * only; for a self-hosted one (PhotoPrism, on Privacy Guides' self-hosting page, which has no criteria) the
 * verdicts are this project's reading (their author, `verdicts.by`, is the project), and the summary says so.
 */
function criteriaSummary(tool: PageTool, data: PageData): string {
	const verdicts = data.criteria.map((criterion) => evaluationOf(data, tool.id, criterion.id)?.verdict);
	const met = String(verdicts.filter((verdict) => verdict === 'meets').length);
	const total = String(data.criteria.length);
	return t(tool.verdicts.by.by === 'project' ? 'popupCriteriaOurs' : 'popupCriteriaMet', [met, total]);
}

const openPage = (path: string) => (event: Event) => {
	event.preventDefault();
	void browser.tabs.create({url: browser.runtime.getURL(path)}).then(() => window.close());
};

/**
 * The toolbar popup, answering at a glance: what this service can see, the alternative that fits the person's
 * preference (one line why, its criteria in one line) and one action to start moving; the moves in progress.
 * Everything else (audits, downloads, each criterion, the other alternative, the threats) is one click away.
 */
export function Popup({first}: {first: FirstView}) {
	// Everything was asked for before the popup's code loaded (./requests.ts, early.js) and is here for the first
	// render (./first-view.ts): the tab's service, the moves, the settings and the page data in their language. The
	// settings and the page data follow later changes (another page's, or the preference switch here).
	const {serviceId, moves} = first;
	const [settings, updateSettings] = useSettings(first.settings);
	const data = usePageData(first.data);
	const platform = usePlatform();

	// The tab's service and the moves came with the first view; page data that did not load leaves it loading.
	const ready = settings !== null && data !== undefined;
	// The closed "More details" are rendered right after the popup's first paint (or at once when opened
	// before that): the person sees the popup without waiting for what is one click away.
	const [details, setDetails] = useState(false);
	useEffect(() => {
		if (ready) {
			performance.mark('popup-rendered');
			setDetails(true);
		}
	}, [ready]);
	useEffect(() => {
		if (details) document.body.dataset['ready'] = '1';
	}, [details]);
	if (!ready) return <p class="muted">{t('popupLoading')}</p>;

	const service = serviceId ? serviceIn(data, serviceId) : undefined;
	// A site the person added (options): the background names it by its host.
	const custom = serviceId && !service && settings.customSites.includes(serviceId) ? serviceId : undefined;
	const tools = toolsForPreference(data.tools, settings.preference);
	const openComparison = (event: Event) => {
		event.preventDefault();
		void browser.tabs.create({url: comparisonUrl(service?.id ?? null)}).then(() => window.close());
	};
	const from = service?.id ?? custom;
	const [pick, ...others] = tools;
	const inProgress = moves.available ? moves.moves : [];
	const current = from ? inProgress.find((move) => move.service === from) : undefined;
	const progress = (step: number | null) =>
		step ? t('moveProgress', [String(step), String(MOVE_STEPS.length)]) : t('moveAllDone');
	const nameOf = (id: string) => serviceIn(data, id)?.name ?? id;

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
							<span lang={langOf(data, 'intro')}>{data.intro.text}</span>{' '}
							<Byline by={data.intro.by} data={data} what={t('popupNeutralTitle')} />
						</p>
					</>
				)}
			</header>
			{pick && (
				<section class="pick" data-pick={pick.id}>
					<h2>{t('popupRecommended')}</h2>
					<p class="pick-name">
						<strong>{pick.name}</strong> <span class="tagline">{pick.tagline}</span>
					</p>
					<p class="pick-criteria">{criteriaSummary(pick, data)}</p>
					{from &&
						(current ? (
							<p class="start-move">
								<a
									class="button primary"
									href={browser.runtime.getURL(movePagePath(from, current.tool))}
									onClick={openPage(movePagePath(from, current.tool))}
								>
									{t('moveContinue')}
								</a>{' '}
								<span class="progress">{progress(current.step)}</span>
							</p>
						) : (
							<p class="start-move">
								<a
									class="button primary"
									href={browser.runtime.getURL(movePagePath(from, pick.id))}
									onClick={openPage(movePagePath(from, pick.id))}
								>
									{t('moveStartAction', pick.name)}
								</a>
							</p>
						))}
				</section>
			)}
			{inProgress.filter((move) => move.service !== from).length > 0 && (
				<section aria-labelledby="moves-heading" class="moves">
					<h2 id="moves-heading">{t('moveInProgress')}</h2>
					<ul>
						{inProgress
							.filter((move) => move.service !== from)
							.map((move) => (
								<li key={move.service} data-move={move.service}>
									<a
										href={browser.runtime.getURL(movePagePath(move.service, move.tool))}
										onClick={openPage(movePagePath(move.service, move.tool))}
									>
										{nameOf(move.service)}
									</a>
									{t('labelColon')}
									<span class="progress">{progress(move.step)}</span>
								</li>
							))}
					</ul>
				</section>
			)}
			<PreferenceSwitch value={settings.preference} onChange={(preference) => void updateSettings({preference})} />
			<p class="actions">
				<a href={comparisonUrl(null)} onClick={openComparison} class={from ? 'button secondary' : 'button'}>
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
			<details class="more" onToggle={() => setDetails(true)}>
				<summary>
					{others.length > 0 ? `${t('popupMoreDetails')} · ${t('popupOtherTools')}` : t('popupMoreDetails')}
				</summary>
				{details && (
					<>
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
						<Threats data={data} tools={tools} />
					</>
				)}
			</details>
			<Attribution data={data} />
		</>
	);
}
