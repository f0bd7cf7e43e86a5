import {useEffect} from 'preact/hooks';
import {dataLanguage, t} from '../core/i18n';
import {dataset, localize, serviceById} from '../data';
import {Attribution, Byline, evaluationOf, MoveSteps, Threats, ToolCard, VerdictLabel} from '../ui/advice';
import {toolsForPreference} from '../core/tool-order';
import {PreferenceSwitch} from '../ui/PreferenceSwitch';
import {usePlatform, useSettings} from '../ui/hooks';

/**
 * The full comparison: every tool against every criterion in one table, every tool's facts, and every
 * service's migration guide. `?service=ID` focuses the page on the service the person came from.
 */
export function Compare({focus}: {focus: string | null}) {
	const [settings, updateSettings] = useSettings();
	const platform = usePlatform();
	const lang = dataLanguage();
	const focused = focus ? serviceById(focus) : undefined;
	useEffect(() => {
		if (settings) document.body.dataset['ready'] = '1';
	}, [settings]);
	useEffect(() => {
		if (settings && focused) document.getElementById(`move-${focused.id}`)?.scrollIntoView();
	}, [settings, focused]);
	if (!settings) return <p class="muted">{t('popupLoading')}</p>;

	const tools = toolsForPreference(dataset.tools, settings.preference);
	const services = focused ? [focused, ...dataset.services.filter((s) => s !== focused)] : dataset.services;
	return (
		<>
			<h1>{t('compareTitle')}</h1>
			{focus &&
				(focused ? (
					<p class="focused">
						{t('compareFocused', localize(focused.name, lang))}
						{t('labelColon')} {localize(focused.access.concern, lang)}{' '}
						<Byline by={focused.access.by} lang={lang} what={localize(focused.name, lang)} />
					</p>
				) : settings.customSites.includes(focus) ? (
					<p class="focused" data-custom={focus}>
						{t('compareFocused', focus)}
						{t('labelColon')} {t('customSiteConcern')}
					</p>
				) : (
					<p class="focused">{t('compareUnknownService')}</p>
				))}
			<p>
				{localize(dataset.intro.text, lang)} <Byline by={dataset.intro.by} lang={lang} what={t('compareTitle')} />
			</p>
			<PreferenceSwitch value={settings.preference} onChange={(preference) => void updateSettings({preference})} />

			<ul class="verdicts-notes">
				{tools.map((tool) => (
					<li key={tool.id} data-tool={tool.id} data-by={tool.verdicts.by.by}>
						{localize(tool.verdicts.note, lang)}{' '}
						<Byline by={tool.verdicts.by} lang={lang} what={`${tool.name}${t('labelColon')} ${t('compareTable')}`} />
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
						{dataset.criteria.map((criterion) => {
							const text = localize(criterion.text, lang);
							return (
								<tr key={criterion.id} data-criterion={criterion.id}>
									<th scope="row">
										{text}{' '}
										<span class="muted">
											({t(criterion.level === 'minimum' ? 'criteriaMinimum' : 'criteriaBestCase')})
										</span>
									</th>
									{tools.map((tool) => {
										const evaluation = evaluationOf(tool.id, criterion.id);
										return (
											<td key={tool.id} data-tool={tool.id} data-verdict={evaluation?.verdict}>
												{evaluation && (
													<>
														<VerdictLabel verdict={evaluation.verdict} />
														<p>
															{localize(evaluation.reason, lang)}{' '}
															<Byline by={evaluation.by} lang={lang} what={`${tool.name}${t('labelColon')} ${text}`} />
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
					<ToolCard key={tool.id} tool={tool} lang={lang} platform={platform} criteria={false} />
				))}
			</div>

			<h2 id="move">{t('compareMoveHeading')}</h2>
			<div class="services">
				{services.map((service) => (
					<details key={service.id} id={`move-${service.id}`} open={service === focused} data-service={service.id}>
						<summary>
							<h3>{localize(service.name, lang)}</h3>
						</summary>
						<p>
							{localize(service.access.concern, lang)}{' '}
							<Byline by={service.access.by} lang={lang} what={localize(service.name, lang)} />
						</p>
						<MoveSteps service={service} tools={tools} lang={lang} headingLevel={4} />
					</details>
				))}
			</div>

			<Threats lang={lang} tools={tools} />
			<Attribution lang={lang} />
		</>
	);
}
