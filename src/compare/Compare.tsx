import {useEffect} from 'preact/hooks';
import {t} from '../core/i18n';
import {toolsForPreference} from '../core/tool-order';
import {evaluationOf, langOf, serviceIn} from '../data/pages';
import {Attribution, Byline, MoveSteps, Threats, ToolCard, VerdictLabel} from '../ui/advice';
import {Freshness} from '../ui/Freshness';
import {PreferenceSwitch} from '../ui/PreferenceSwitch';
import {usePageData, usePlatform, useSettings} from '../ui/hooks';

/**
 * The full comparison: every tool against every criterion in one table, every tool's facts, and every
 * service's migration guide. `?service=ID` focuses the page on the service the person came from.
 */
export function Compare({focus}: {focus: string | null}) {
	const [settings, updateSettings] = useSettings();
	const data = usePageData();
	const platform = usePlatform();
	const focused = focus && data ? serviceIn(data, focus) : undefined;
	const ready = settings !== null && data !== undefined;
	useEffect(() => {
		if (ready) document.body.dataset['ready'] = '1';
	}, [ready]);
	useEffect(() => {
		if (ready && focused) document.getElementById(`move-${focused.id}`)?.scrollIntoView();
	}, [ready, focused]);
	if (!ready) return <p class="muted">{t('popupLoading')}</p>;

	const tools = toolsForPreference(data.tools, settings.preference);
	const services = focused ? [focused, ...data.services.filter((s) => s !== focused)] : data.services;
	return (
		<>
			<h1>{t('compareTitle')}</h1>
			{focus &&
				(focused ? (
					<p class="focused">
						{t('compareFocused', focused.name)}
						{t('labelColon')}
						{focused.access.concern} <Byline by={focused.access.by} data={data} what={focused.name} />
					</p>
				) : settings.customSites.includes(focus) ? (
					<p class="focused" data-custom={focus}>
						{t('compareFocused', focus)}
						{t('labelColon')}
						{t('customSiteConcern')}
					</p>
				) : (
					<p class="focused">{t('compareUnknownService')}</p>
				))}
			<p>
				<span lang={langOf(data, 'intro')}>{data.intro.text}</span>{' '}
				<Byline by={data.intro.by} data={data} what={t('compareTitle')} />
			</p>
			<PreferenceSwitch value={settings.preference} onChange={(preference) => void updateSettings({preference})} />

			<ul class="verdicts-notes">
				{tools.map((tool) => (
					<li key={tool.id} data-tool={tool.id} data-by={tool.verdicts.by.by}>
						{tool.verdicts.note}{' '}
						<Byline by={tool.verdicts.by} data={data} what={`${tool.name}${t('labelColon')}${t('compareTable')}`} />
					</li>
				))}
			</ul>
			<div class="table-wrap">
				<table>
					<caption>{t('compareTable')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('compareCriterion')}</th>
							{tools.map((tool) => (
								<th scope="col" key={tool.id} data-tool={tool.id} data-verdicts-by={tool.verdicts.by.by}>
									{tool.name}
									{tool.verdicts.by.by === 'project' && <span class="byline"> ({t('verdictsOurs')})</span>}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{data.criteria.map((criterion) => {
							const text = criterion.text;
							return (
								<tr key={criterion.id} data-criterion={criterion.id}>
									<th scope="row">
										<span lang={langOf(data, `criteria/${criterion.id}`)}>{text}</span>{' '}
										<span class="muted">
											({t(criterion.level === 'minimum' ? 'criteriaMinimum' : 'criteriaBestCase')})
										</span>
									</th>
									{tools.map((tool) => {
										const evaluation = evaluationOf(data, tool.id, criterion.id);
										return (
											<td key={tool.id} data-tool={tool.id} data-verdict={evaluation?.verdict}>
												{evaluation && (
													<>
														<VerdictLabel verdict={evaluation.verdict} />
														<p>
															{evaluation.reason}{' '}
															<Byline by={evaluation.by} data={data} what={`${tool.name}${t('labelColon')}${text}`} />
														</p>
													</>
												)}
											</td>
										);
									})}
								</tr>
							);
						})}
					</tbody>
				</table>
			</div>

			<h2>{t('toolsHeading')}</h2>
			<div class="tools-grid">
				{tools.map((tool) => (
					<ToolCard key={tool.id} tool={tool} data={data} platform={platform} criteria={false} />
				))}
			</div>

			<h2 id="move">{t('compareMoveHeading')}</h2>
			<div class="services">
				{services.map((service) => (
					<details key={service.id} id={`move-${service.id}`} open={service === focused} data-service={service.id}>
						<summary>
							<h3>{service.name}</h3>
						</summary>
						<p>
							{service.access.concern} <Byline by={service.access.by} data={data} what={service.name} />
						</p>
						<MoveSteps service={service} tools={tools} data={data} headingLevel={4} />
					</details>
				))}
			</div>

			<Threats data={data} tools={tools} />
			<Freshness lang={data.lang} data={data} id="freshness" />
			<Attribution data={data} />
		</>
	);
}
