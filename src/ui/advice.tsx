/**
 * The advice, as Preact pieces shared by the popup and the comparison page: a tool's card with its key
 * facts and criteria (each verdict with its reason on demand and its source), the migration steps
 * for a service, the threats and the attribution. Every text comes from the page data (already in the
 * page's language: data/pages.ts) or the locales and is rendered as text; every link opens in a new tab
 * without a referrer.
 */
import type {ComponentChildren} from 'preact';
import {t, type MessageKey} from '../core/i18n';
import {evaluationOf, type PageData, type PageRoute, type PageService, type PageTool} from '../data/pages';
import type {Language, Platform, Verdict} from '../data/schema';
import {orderDownloads} from './order';

export function ExternalLink({href, children, label}: {href: string; children: ComponentChildren; label?: string}) {
	return (
		<a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
			{children}
		</a>
	);
}

export function SourceLink({href, what}: {href: string; what: string}) {
	return (
		<ExternalLink href={href} label={t('sourceOf', what)}>
			{t('source')}
		</ExternalLink>
	);
}

const VERDICT: Record<Verdict, {label: MessageKey; symbol: string}> = {
	meets: {label: 'verdictMeets', symbol: '✓'},
	partly: {label: 'verdictPartly', symbol: '◐'},
	'does-not-meet': {label: 'verdictDoesNotMeet', symbol: '✗'},
	'not-applicable': {label: 'verdictNotApplicable', symbol: '–'},
};

/** A verdict as a symbol and a word: never colour alone. */
export function VerdictLabel({verdict}: {verdict: Verdict}) {
	const {label, symbol} = VERDICT[verdict];
	return (
		<span class={`verdict verdict-${verdict}`}>
			<span aria-hidden="true">{symbol}</span> {t(label)}
		</span>
	);
}

/** Every criterion as a verdict; the reason and source open on demand (native <details>). */
export function CriteriaList({tool, data}: {tool: PageTool; data: PageData}) {
	const groups = [
		{level: 'minimum', title: t('criteriaMinimum')},
		{level: 'best-case', title: t('criteriaBestCase')},
	] as const;
	return (
		<div class="criteria">
			{groups.map(({level, title}) => (
				<section key={level} aria-label={title}>
					<h4>{title}</h4>
					<ul>
						{data.criteria
							.filter((criterion) => criterion.level === level)
							.map((criterion) => {
								const evaluation = evaluationOf(data, tool.id, criterion.id);
								if (!evaluation) return null;
								const text = criterion.text;
								return (
									<li key={criterion.id} data-criterion={criterion.id} data-verdict={evaluation.verdict}>
										<details>
											<summary>
												<VerdictLabel verdict={evaluation.verdict} /> <span class="criterion">{text}</span>
											</summary>
											<p>
												{evaluation.reason} <SourceLink href={evaluation.source} what={text} />
											</p>
										</details>
									</li>
								);
							})}
					</ul>
				</section>
			))}
		</div>
	);
}

const monthFormat = (lang: Language) =>
	new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'long', timeZone: 'UTC'});
export function formatMonth(yearMonth: string, lang: Language): string {
	return monthFormat(lang).format(new Date(`${yearMonth}-01T00:00:00Z`));
}
export function formatDay(isoDate: string, lang: Language): string {
	return new Intl.DateTimeFormat(lang, {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'}).format(
		new Date(`${isoDate}T00:00:00Z`),
	);
}

const LINKS: Array<[keyof PageTool['links'], MessageKey]> = [
	['homepage', 'linkHomepage'],
	['privacyPolicy', 'linkPrivacyPolicy'],
	['documentation', 'linkDocumentation'],
	['sourceCode', 'linkSourceCode'],
];

/** A tool's card: what it is, its key facts with sources, where to get it, and (optionally) its criteria. */
export function ToolCard({
	tool,
	data,
	platform,
	criteria = true,
	headingLevel = 3,
}: {
	tool: PageTool;
	data: PageData;
	platform: Platform | null;
	criteria?: boolean;
	headingLevel?: 2 | 3;
}) {
	const Heading = headingLevel === 2 ? 'h2' : 'h3';
	const downloads = orderDownloads(tool.downloads, platform);
	const auditEvaluation = evaluationOf(data, tool.id, 'audit');
	return (
		<article class="tool" data-tool={tool.id} aria-labelledby={`tool-${tool.id}`}>
			<Heading id={`tool-${tool.id}`}>
				{tool.name} <span class="tagline">{tool.tagline}</span>
			</Heading>
			<dl class="facts">
				<dt>{t('factFreePlan')}</dt>
				<dd>
					{tool.freePlan.text} <SourceLink href={tool.freePlan.source} what={t('factFreePlan')} />
				</dd>
				<dt>{t('factAudits')}</dt>
				<dd>
					{tool.audits.length > 0 ? (
						<ul class="audits">
							{tool.audits.map((audit) => (
								<li key={audit.url}>
									<ExternalLink href={audit.url}>{audit.auditor}</ExternalLink>
									{t('labelColon')} {audit.scope}, {formatMonth(audit.date, data.lang)}
								</li>
							))}
						</ul>
					) : (
						<>
							{t('factNoAudit')}{' '}
							{auditEvaluation && <SourceLink href={auditEvaluation.source} what={t('factAudits')} />}
						</>
					)}
				</dd>
				{downloads.length > 0 && (
					<>
						<dt>{t('factPlatforms')}</dt>
						<dd>
							<ul class="downloads">
								{downloads.map((download) => (
									<li key={`${download.platform}-${download.label}`} data-platform={download.platform}>
										<ExternalLink href={download.url}>{download.label}</ExternalLink>
										{platform === download.platform && <span class="yours"> ({t('factYourPlatform')})</span>}
									</li>
								))}
							</ul>
						</dd>
					</>
				)}
			</dl>
			<p class="links">
				{LINKS.filter(([key]) => tool.links[key]).map(([key, label]) => (
					<ExternalLink key={key} href={tool.links[key]!}>
						{t(label)}
					</ExternalLink>
				))}
				<ExternalLink href={tool.recommendedOn}>{t('linkRecommendedOn')}</ExternalLink>
			</p>
			{criteria && (
				<details class="criteria-box">
					<summary>{t('criteriaHeading')}</summary>
					<CriteriaList tool={tool} data={data} />
				</details>
			)}
		</article>
	);
}

function RouteText({route, service}: {route: PageRoute; service: PageService}) {
	const serviceName = service.name;
	return (
		<p>
			{!route.verified && (
				<>
					<strong class="unverified" title={t('unverifiedHint', serviceName)}>
						{t('unverified')}
					</strong>{' '}
				</>
			)}
			{route.text} {route.url && <ExternalLink href={route.url}>{t('moveOpen')}</ExternalLink>}{' '}
			{route.source && <SourceLink href={route.source} what={serviceName} />}
			{!route.verified && <span class="visually-hidden"> {t('unverifiedHint', serviceName)}</span>}
		</p>
	);
}

/** "Move your photos": the official export route from the service, then each tool's import guide. */
export function MoveSteps({
	service,
	tools,
	headingLevel = 3,
}: {
	service: PageService;
	tools: readonly PageTool[];
	headingLevel?: 3 | 4;
}) {
	const serviceName = service.name;
	const Heading = headingLevel === 3 ? 'h3' : 'h4';
	return (
		<ol class="move" data-service={service.id}>
			<li>
				<Heading>{t('moveExportFrom', serviceName)}</Heading>
				<RouteText route={service.export} service={service} />
			</li>
			{tools.map((tool) => {
				const route = service.import[tool.id];
				return (
					<li key={tool.id} data-import={tool.id}>
						<Heading>{t('moveImportInto', tool.name)}</Heading>
						{route ? <RouteText route={route} service={service} /> : <p>{t('moveNoGuide', tool.name)}</p>}
					</li>
				);
			})}
		</ol>
	);
}

/** "Move your photos" from a site the person added: no route of ours, so the honest generic steps. */
export function CustomMoveSteps({
	host,
	tools,
	headingLevel = 3,
}: {
	host: string;
	tools: readonly PageTool[];
	headingLevel?: 3 | 4;
}) {
	const Heading = headingLevel === 3 ? 'h3' : 'h4';
	return (
		<ol class="move" data-custom={host}>
			<li>
				<Heading>{t('moveCustomExport', host)}</Heading>
				<p>{t('moveCustomExportText')}</p>
			</li>
			{tools.map((tool) => (
				<li key={tool.id} data-import={tool.id}>
					<Heading>{t('moveImportInto', tool.name)}</Heading>
					<p>{t('moveNoGuide', tool.name)}</p>
				</li>
			))}
		</ol>
	);
}

/** The threats the advice protects against, each linked to its explanation. */
export function Threats({data}: {data: PageData}) {
	return (
		<section class="threats" aria-labelledby="threats-heading">
			<h2 id="threats-heading">{t('threatsHeading')}</h2>
			<ul>
				{data.threats.map((threat) => (
					<li key={threat.id}>
						<ExternalLink href={threat.url}>{threat.label}</ExternalLink>
						{t('labelColon')} {threat.explanation}
					</li>
				))}
			</ul>
		</section>
	);
}

/** Attribution (CC BY-SA 4.0), the revision date, the source page in the person's language, independence. */
export function Attribution({data}: {data: PageData}) {
	const source =
		data.sources.find((page) => page.pagePath === 'photo-management' && page.lang === data.lang) ??
		data.sources.find((page) => page.pagePath === 'photo-management');
	return (
		<footer class="attribution">
			<p>
				{t('attribution', formatDay(data.revision, data.lang))}{' '}
				{source && <ExternalLink href={source.url}>{t('attributionSource')}</ExternalLink>}{' '}
				<ExternalLink href={data.licence.url}>CC BY-SA 4.0</ExternalLink>
			</p>
			<p>{t('notAffiliated')}</p>
		</footer>
	);
}
