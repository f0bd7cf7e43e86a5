/**
 * The advice, as Preact pieces shared by the popup and the comparison page: a tool's card with its key
 * facts and criteria (each verdict with its reason on demand and its source), the migration steps
 * for a service, the threats and the attribution. Every text comes from the page data (already in the
 * page's language: data/pages.ts) or the locales and is rendered as text; every link opens in a new tab
 * without a referrer.
 *
 * Every claim ends with its `Byline`: who says it (Privacy Guides, the provider, or us) and the page
 * that says it, in the reader's language.
 */
import type {ComponentChildren} from 'preact';
import {t, type MessageKey} from '../core/i18n';
import {evaluationOf, langOf, type PageData, type PageRoute, type PageService, type PageTool} from '../data/pages';
import type {Attribution, Platform, Verdict} from '../data/schema';
import {pagesForReader, privacyGuidesPage, shortUrl} from './attribution';
import {formatDay, formatMonth} from './format';
import {orderDownloads} from './order';

export function ExternalLink({href, children, label}: {href: string; children: ComponentChildren; label?: string}) {
	return (
		<a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
			{children}
		</a>
	);
}

/**
 * Who makes a claim, after it: "Source: Privacy Guides" (the page in the reader's language, its
 * revision in the link's name), "Source: Meta" (the provider's own page), or, for a claim of ours,
 * "Our assessment, November 2026" with the pages we checked.
 */
export function Byline({by, data, what}: {by: Attribution; data: PageData; what: string}) {
	const {lang} = data;
	if (by.by === 'project') {
		const month = formatMonth(by.date, lang);
		return (
			<span class="byline" data-by="project">
				<span class="ours">{t('authorProject', month)}</span> ({t('authorProjectSearched')}{' '}
				{by.searched.map((url, i) => (
					<span key={url}>
						{i > 0 && ', '}
						<ExternalLink href={url} label={`${shortUrl(url)}, ${t('sourceOfBy', [what, t('authorProject', month)])}`}>
							{shortUrl(url)}
						</ExternalLink>
					</span>
				))}
				)
			</span>
		);
	}
	if (by.by === 'provider') {
		return (
			<span class="byline" data-by="provider">
				{t('source')}
				{t('labelColon')}
				<ExternalLink href={by.url} label={t('sourceOfBy', [what, by.name])}>
					{by.name}
				</ExternalLink>
			</span>
		);
	}
	const page = privacyGuidesPage(by, lang, data);
	if (!page) return null;
	const author = t('authorPrivacyGuidesPage', [page.title, formatDay(page.date, lang)]);
	return (
		<span class="byline" data-by="privacyguides">
			{t('source')}
			{t('labelColon')}
			<ExternalLink href={page.url} label={t('sourceOfBy', [what, author])}>
				{t('authorPrivacyGuides')}
			</ExternalLink>
			{englishPageFor(page, lang) && ` (${t('linkInEnglish')})`}
		</span>
	);
}

/** "Source", opening `href`; its accessible name says what it is the source of. */
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
function CriteriaList({tool, data}: {tool: PageTool; data: PageData}) {
	const groups = [
		{level: 'minimum', title: t('criteriaMinimum')},
		{level: 'best-case', title: t('criteriaBestCase')},
	] as const;
	return (
		<div class="criteria">
			<p class="verdicts-by" data-by={tool.verdicts.by.by}>
				{tool.verdicts.note} <Byline by={tool.verdicts.by} data={data} what={t('criteriaHeading')} />
			</p>
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
												<VerdictLabel verdict={evaluation.verdict} />{' '}
												<span class="criterion" lang={langOf(data, `criteria/${criterion.id}`)}>
													{text}
												</span>
											</summary>
											<p>
												{evaluation.reason} <Byline by={evaluation.by} data={data} what={text} />
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

/** Whether every item has the same author (so one byline says it for all). */
function sameAuthor(items: readonly {by: Attribution}[]): boolean {
	return items.every((item) => JSON.stringify(item.by) === JSON.stringify(items[0]?.by));
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
			<p class="recommendation">
				{tool.recommendation} <Byline by={tool.by} data={data} what={tool.name} />
			</p>
			<dl class="facts">
				<dt>{t('factFreePlan')}</dt>
				<dd>
					{tool.freePlan.text} <Byline by={tool.freePlan.by} data={data} what={t('factFreePlan')} />
				</dd>
				<dt>{t('factAudits')}</dt>
				<dd>
					{tool.audits.length > 0 ? (
						<>
							<ul class="audits">
								{tool.audits.map((audit) => (
									<li key={audit.url}>
										<ExternalLink href={audit.url}>{audit.auditor}</ExternalLink>
										{t('labelColon')}
										{audit.scope}, {formatMonth(audit.date, data.lang)}
										{!sameAuthor(tool.audits) && (
											<>
												{' '}
												<Byline
													by={audit.by}
													data={data}
													what={`${t('factAudits')}${t('labelColon')}${audit.auditor}`}
												/>
											</>
										)}
									</li>
								))}
							</ul>
							{/* One byline for the list when one author reports every audit. */}
							{sameAuthor(tool.audits) && <Byline by={tool.audits[0]!.by} data={data} what={t('factAudits')} />}
						</>
					) : (
						<>
							{t('factNoAudit')}{' '}
							{auditEvaluation && <Byline by={auditEvaluation.by} data={data} what={t('factAudits')} />}
						</>
					)}
				</dd>
				{tool.threats.length > 0 && (
					<>
						<dt>{t('factThreats')}</dt>
						<dd>
							<ul class="threat-tags">
								{tool.threats.flatMap((id) => {
									const threat = data.threats.find((candidate) => candidate.id === id);
									return threat
										? [
												<li key={id} data-threat={id}>
													<ExternalLink href={threat.url}>
														<span lang={langOf(data, `threats/${id}/label`)}>{threat.label}</span>
													</ExternalLink>
												</li>,
											]
										: [];
								})}
							</ul>
						</dd>
					</>
				)}
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

function RouteText({route, service, data}: {route: PageRoute; service: PageService; data: PageData}) {
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
			<Byline by={route.by} data={data} what={serviceName} />
			{!route.verified && <span class="visually-hidden"> {t('unverifiedHint', serviceName)}</span>}
		</p>
	);
}

/** "Move your photos": the official export route from the service, then each tool's import guide. */
export function MoveSteps({
	service,
	tools,
	data,
	headingLevel = 3,
}: {
	service: PageService;
	tools: readonly PageTool[];
	data: PageData;
	headingLevel?: 3 | 4;
}) {
	const serviceName = service.name;
	const Heading = headingLevel === 3 ? 'h3' : 'h4';
	return (
		<ol class="move" data-service={service.id}>
			<li>
				<Heading>{t('moveExportFrom', serviceName)}</Heading>
				<RouteText route={service.export} service={service} data={data} />
			</li>
			{tools.map((tool) => {
				const route = service.import[tool.id];
				return (
					<li key={tool.id} data-import={tool.id}>
						<Heading>{t('moveImportInto', tool.name)}</Heading>
						{route ? <RouteText route={route} service={service} data={data} /> : <p>{t('moveNoGuide', tool.name)}</p>}
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

/** The threats the tools shown protect against (their cards' tags), each with Privacy Guides' own explanation. */
export function Threats({data, tools}: {data: PageData; tools: readonly PageTool[]}) {
	const shown = new Set(tools.flatMap((tool) => tool.threats));
	const threats = data.threats.filter((threat) => shown.has(threat.id));
	if (threats.length === 0) return null;
	return (
		<section class="threats" aria-labelledby="threats-heading">
			<h2 id="threats-heading">{t('threatsHeading')}</h2>
			<ul>
				{threats.map((threat) => {
					const label = threat.label;
					return (
						<li key={threat.id} data-threat={threat.id}>
							<ExternalLink href={threat.url}>
								<span lang={langOf(data, `threats/${threat.id}/label`)}>{label}</span>
							</ExternalLink>
							{t('labelColon')}
							<span lang={langOf(data, `threats/${threat.id}/explanation`)}>{threat.explanation}</span>{' '}
							<Byline by={threat.by} data={data} what={label} />
						</li>
					);
				})}
			</ul>
		</section>
	);
}

/**
 * Attribution (CC BY-SA 4.0): every Privacy Guides page the advice comes from, in the reader's
 * language, each with its own revision date; what a claim of ours looks like; independence.
 */
export function Attribution({data}: {data: PageData}) {
	return (
		<footer class="attribution">
			<p>
				{t('attribution')} <ExternalLink href={data.licence.url}>CC BY-SA 4.0</ExternalLink>
			</p>
			<ul class="source-pages">
				{pagesForReader(data.lang, data).map((page) => (
					<li key={page.id} data-page={page.id}>
						<ExternalLink href={page.url}>
							<span lang={langOf(data, `sources/${page.id}/title`) ?? page.lang}>
								{t('attributionPage', [page.title, formatDay(page.date, data.lang)])}
							</span>
						</ExternalLink>
						{englishPageFor(page, data.lang) && ` (${t('linkInEnglish')})`}
					</li>
				))}
			</ul>
			<p>{t('attributionOurs')}</p>
			<p>{t('notAffiliated')}</p>
		</footer>
	);
}

/**
 * Whether a Privacy Guides page of a reader's language links to the English page: German, whose site
 * Privacy Guides does not publish (src/data/schema.ts sourcePageSchema `url`). Said next to the link.
 */
function englishPageFor(page: {lang: string; url: string}, lang: string): boolean {
	return lang !== 'en' && page.lang !== 'en' && new URL(page.url).pathname.startsWith('/en/');
}
