import {useEffect, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {dataLanguage, t} from '../core/i18n';
import {comparisonUrl} from '../core/pages';
import {send} from '../core/send';
import {localize, serviceById, dataset} from '../data';
import {Attribution, Byline, CustomMoveSteps, evaluationOf, MoveSteps, Threats, ToolCard} from '../ui/advice';
import type {MovesState} from '../core/message-map';
import {MOVE_STEPS, movePagePath} from '../core/moves';
import {toolsForPreference} from '../core/tool-order';
import type {Tool} from '../data/schema';
import {PreferenceSwitch} from '../ui/PreferenceSwitch';
import {usePlatform, useSettings} from '../ui/hooks';

/**
 * "Meets 7 of 7 Privacy Guides criteria". Privacy Guides applies its photo criteria to the cloud alternative
 * only; for a self-hosted one (PhotoPrism, on Privacy Guides' self-hosting page, which has no criteria) the
 * verdicts are this project's reading (their author, `verdicts.by`, is the project), and the summary says so.
 */
function criteriaSummary(tool: Tool): string {
	const verdicts = dataset.criteria.map((criterion) => evaluationOf(tool.id, criterion.id)?.verdict);
	const met = String(verdicts.filter((verdict) => verdict === 'meets').length);
	const total = String(dataset.criteria.length);
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
export function Popup({tabId}: {tabId: number | null}) {
	const [serviceId, setServiceId] = useState<string | null | undefined>(undefined);
	const [moves, setMoves] = useState<MovesState | undefined>(undefined);
	const [settings, updateSettings] = useSettings();
	const platform = usePlatform();
	const lang = dataLanguage();

	useEffect(() => {
		if (tabId === null) return setServiceId(null);
		send('getTabState', {tabId})
			.then((state) => setServiceId(state.serviceId))
			.catch(() => setServiceId(null));
	}, [tabId]);
	useEffect(() => {
		send('getMoves', null)
			.then(setMoves)
			.catch(() => setMoves({available: false}));
	}, []);
	const ready = serviceId !== undefined && settings !== null && moves !== undefined;
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
	const from = service?.id ?? custom;
	const [pick, ...others] = tools;
	const inProgress = moves.available ? moves.moves : [];
	const current = from ? inProgress.find((move) => move.service === from) : undefined;
	const progress = (step: number | null) =>
		step ? t('moveProgress', [String(step), String(MOVE_STEPS.length)]) : t('moveAllDone');
	const nameOf = (id: string) => {
		const known = serviceById(id);
		return known ? localize(known.name, lang) : id;
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
			{pick && (
				<section class="pick" data-pick={pick.id}>
					<h2>{t('popupRecommended')}</h2>
					<p class="pick-name">
						<strong>{pick.name}</strong> <span class="tagline">{localize(pick.tagline, lang)}</span>
					</p>
					<p class="pick-criteria">{criteriaSummary(pick)}</p>
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
									{t('labelColon')} <span class="progress">{progress(move.step)}</span>
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
			<details class="more">
				<summary>
					{others.length > 0 ? `${t('popupMoreDetails')} · ${t('popupOtherTools')}` : t('popupMoreDetails')}
				</summary>
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
				<Threats lang={lang} tools={tools} />
			</details>
			<Attribution lang={lang} />
		</>
	);
}
