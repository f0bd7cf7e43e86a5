/**
 * The pure part of `npm run data`: Privacy Guides pages (Markdown) + curated files (parsed JSON) →
 * the dataset (src/data/schema.ts). No file system here, so tests can feed in-memory copies.
 *
 * Mapping (see scripts/data/curated/*.json for the per-file comments):
 * - our own texts are in English in the curated files and in every other language in
 *   scripts/data/curated/i18n/<lang>.json (scripts/data/i18n-texts.ts): a missing translation fails;
 * - a tool's card is found by name in each of its source pages (tools.json `sourcePages`, one per
 *   language); its summary is taken per language from that language's page, as Privacy Guides publishes
 *   it (still English where its translation is); its links and downloads come from the NEWEST of its
 *   English and French pages by date (that page is the tool's `sourcePage`; a card link missing there
 *   falls back to the other one's), then `overrides` apply, each failing when its `from` is gone;
 * - audits are curated (auditor, date, scope) but their URLs must be exactly the links of the audit
 *   paragraph(s) after the card on that newest page, both ways, or generation fails;
 * - criteria text comes from the criteria pages by position, and each curated id names the English
 *   text it was written for (`expect`), so a changed page fails generation;
 * - threat labels and explanations are the definitions page's, in each language (matched by the tags'
 *   icon); the English and French ones pinned in threats.json must be verbatim quotes of it;
 * - German: Privacy Guides does not publish its German site, so German pages' live URL is the English
 *   page's (sources.json `url`, checked here);
 * - intro and "not affiliated" sentence come from the pages named in page.json;
 * - `revision` is the newest date among the pages used; `sources` lists exactly those pages;
 * - last, every text is typeset as the extension's own messages are (typeset): curly apostrophes and
 *   the language's quotes, in French a no-break space before : ; ? ! and inside « », so no colon starts a
 *   line in the popup, in Chinese no space around full-width punctuation.
 * Every problem is collected and reported together (DatasetBuildError.issues).
 */
import {errorMessage} from '../../src/core/errors';
import {
	importCommonThreatsPage,
	parsePrivacyGuidesPage,
	type ImportedPage,
	type ImportedThreatsPage,
} from '../privacyguides/parse';
import {withTranslations} from './i18n-texts';
import type {ImportedTool} from '../privacyguides/types';
import {CURATED_FILES, type Curated, type CuratedFileName} from '../../scripts/data/curated/schema';
import {
	datasetSchema,
	LANGUAGES,
	TRANSLATED_LANGUAGES,
	type Attribution,
	type Language,
	type Claim,
	type Dataset,
	type Platform,
	type Route,
	type SourcePage,
	type Text,
} from '../../src/data/schema';

export interface DatasetInput {
	/** Markdown of the Privacy Guides pages, by file name in scripts/data/sources/privacyguides. */
	pages: Readonly<Record<string, string>>;
	/** The curated files' parsed JSON, by file name in scripts/data/curated. */
	curated: Readonly<Record<string, unknown>>;
	/** Our texts in each language but English: scripts/data/curated/i18n/<lang>.json parsed, by language. */
	translations: Readonly<Partial<Record<string, unknown>>>;
}

/**
 * Languages whose Privacy Guides site is not published (German: translated on Crowdin only, see
 * scripts/data/sources/privacyguides/README.md): their pages' live URL is the English page's.
 */
const UNPUBLISHED_LANGUAGES: readonly Language[] = ['de'];

/** The live URL of a page the importer read at `url` (https://www.privacyguides.org/<lang>/…). */
function liveUrl(url: string, lang: string): string {
	return (UNPUBLISHED_LANGUAGES as readonly string[]).includes(lang)
		? url.replace(`https://www.privacyguides.org/${lang}/`, 'https://www.privacyguides.org/en/')
		: url;
}

type PagesByLanguage = {en: string} & Partial<Record<Language, string>>;

/** The ids of `pages` in LANGUAGES order, with their language. */
function pagesInOrder(pages: PagesByLanguage): {lang: Language; id: string}[] {
	return LANGUAGES.flatMap((lang) => (pages[lang] ? [{lang, id: pages[lang]}] : []));
}

export class DatasetBuildError extends Error {
	readonly issues: readonly string[];
	constructor(issues: readonly string[]) {
		super(
			`Cannot build the dataset: ${issues.length} issue${issues.length === 1 ? '' : 's'}:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`,
		);
		this.name = 'DatasetBuildError';
		this.issues = issues;
	}
}

export const CURATED_FILE_NAMES = Object.keys(CURATED_FILES) as CuratedFileName[];

/** mkdocs icon shortcode of a download → platform. Never the (translated) label. */
const PLATFORM_BY_ICON: Readonly<Record<string, Platform>> = {
	'simple-googleplay': 'android',
	'simple-android': 'android',
	'simple-appstore': 'ios',
	'simple-github': 'github',
	'simple-fdroid': 'fdroid',
	'fontawesome-brands-windows': 'windows',
	'simple-windows': 'windows',
	'simple-apple': 'macos',
	'simple-macos': 'macos',
	'simple-linux': 'linux',
	'simple-flathub': 'linux',
	'octicons-browser-16': 'web',
};

const CARD_LINK_KEYS = ['homepage', 'privacyPolicy', 'documentation', 'sourceCode', 'contribute'] as const;
type CardLinkKey = (typeof CARD_LINK_KEYS)[number];

// ---------------------------------------------------------------------------------------------

export function buildDataset(input: DatasetInput): Dataset {
	const issues: string[] = [];
	const translated = withTranslations(input.curated, input.translations, TRANSLATED_LANGUAGES, issues);
	if (issues.length > 0) throw new DatasetBuildError(issues);
	const curated = parseCurated(translated, issues);
	if (!curated) throw new DatasetBuildError(issues);

	const sourcesById = new Map<string, Curated['sources.json'][number]>();
	for (const source of curated['sources.json']) {
		if (sourcesById.has(source.id)) issues.push(`sources.json: duplicate id "${source.id}"`);
		sourcesById.set(source.id, source);
	}
	// Privacy Guides' slips are corrected in the text we read, never in the copied files.
	const markdownByFile = applyCorrections(input.pages, curated['corrections.json'], sourcesById, issues);

	// Import each page we use, once.
	const imported = new Map<string, ImportedPage>();
	const importedThreats = new Map<string, ImportedThreatsPage>();
	const used = new Set<string>();
	function page(id: string | undefined, where: string): ImportedPage | undefined {
		if (id === undefined) return undefined;
		const source = sourcesById.get(id);
		if (!source) {
			issues.push(`${where}: unknown source page "${id}" (not in sources.json)`);
			return undefined;
		}
		used.add(id);
		const cached = imported.get(id);
		if (cached) return cached;
		const markdown = markdownByFile[source.file];
		if (markdown === undefined) {
			issues.push(`sources.json: ${id}: file "${source.file}" not found in scripts/data/sources/privacyguides`);
			return undefined;
		}
		let result: ImportedPage;
		try {
			result = parsePrivacyGuidesPage(markdown, {file: source.file, lang: source.lang, pagePath: source.pagePath});
		} catch (error) {
			issues.push(`importing ${source.file}: ${errorMessage(error)}`);
			return undefined;
		}
		const live = liveUrl(result.url, source.lang);
		if (live !== source.url)
			issues.push(
				`sources.json: ${id}: url "${source.url}" but the page imports as "${result.url}"${live === result.url ? '' : ` (live: ${live})`}`,
			);
		result = {...result, url: live};
		imported.set(id, result);
		return result;
	}
	/** A common-threats page, read by its own reader (definitions by icon). */
	function threatsPage(id: string, where: string): ImportedThreatsPage | undefined {
		const cached = importedThreats.get(id);
		if (cached) return cached;
		const source = sourcesById.get(id);
		const markdown = source && markdownByFile[source.file];
		if (!source || markdown === undefined) {
			issues.push(`${where}: unknown source page or file "${id}"`);
			return undefined;
		}
		used.add(id);
		try {
			const result = importCommonThreatsPage(markdown, {
				file: source.file,
				lang: source.lang,
				pagePath: source.pagePath,
			}).page;
			importedThreats.set(id, result);
			return result;
		} catch (error) {
			issues.push(`importing ${source.file}: ${errorMessage(error)}`);
			return undefined;
		}
	}

	const iconByAnchor = new Map<string, string>();
	const tools = curated['tools.json'].map((tool) =>
		buildTool(tool, page, sourcesById, curated['threats.json'], iconByAnchor, issues),
	);
	const criteria = buildCriteria(curated['criteria.json'], page, issues);
	const threats = buildThreats(curated['threats.json'], {
		page,
		threatsPage,
		sourcesById,
		markdownByFile,
		tools,
		iconByAnchor,
		issues,
	});
	const {intro, notAffiliated} = buildPageTexts(curated['page.json'], page, sourcesById, markdownByFile, issues);
	const toolIds = new Set(curated['tools.json'].map((tool) => tool.id));
	const services = buildServices(curated['services.json'], curated['tools.json'], toolIds, issues);
	const neverFlag = sortById(curated['never-flag.json'].map(({comment: _comment, ...entry}) => entry));
	const evaluations = buildEvaluations(
		curated['evaluations.json'],
		tools.map((tool) => tool.id),
		criteria.map((c) => c.id),
		issues,
	);

	const dataset = {
		version: 1 as const,
		licence: curated['page.json'].licence,
		sources: [] as SourcePage[],
		claimsVerified: curated['page.json'].claimsVerified,
		intro,
		notAffiliated,
		threats,
		tools: sortById(tools),
		criteria,
		evaluations,
		services,
		neverFlag,
	};
	// Every claim's author, checked against the pages and the providers' own domains (this also marks
	// every Privacy Guides page a claim cites as used, so that `sources` lists it).
	checkAttributions(dataset, {
		page,
		sourcesById,
		markdownByFile,
		providers: curated['providers.json'],
		issues,
	});
	dataset.sources = sortById(
		[...used].flatMap((id) => {
			const source = sourcesById.get(id);
			const title = imported.get(id)?.title ?? importedThreats.get(id)?.title;
			return source && title ? [{...source, title}] : [];
		}),
	);
	for (const month of projectClaimMonths(dataset))
		if (month > dataset.claimsVerified)
			issues.push(
				`page.json: claimsVerified is ${dataset.claimsVerified}, older than a claim of ours dated ${month}: check the claims again and update it`,
			);
	if (issues.length > 0) throw new DatasetBuildError(issues);

	const result = datasetSchema.safeParse(typesetTexts(dataset));
	if (!result.success) {
		throw new DatasetBuildError(
			result.error.issues.map((issue) => `dataset${formatPath(dataset, issue.path)}: ${issue.message}`),
		);
	}
	const invariantIssues = checkDataset(result.data);
	if (invariantIssues.length > 0) throw new DatasetBuildError(invariantIssues);
	return canonical(result.data);
}

/** The month of every claim of ours (`by: "project"`) anywhere in the dataset, without duplicates. */
export function projectClaimMonths(value: unknown, found = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const item of value) projectClaimMonths(item, found);
	else if (typeof value === 'object' && value !== null) {
		const record = value as Record<string, unknown>;
		if (record['by'] === 'project' && typeof record['date'] === 'string') found.add(record['date']);
		for (const child of Object.values(record)) projectClaimMonths(child, found);
	}
	return found;
}

/**
 * The copied pages with corrections.json applied: every occurrence of each `from` in its page is
 * replaced. A correction whose page is unknown, or whose `from` is not in the page, is an issue: the
 * first is a typo in the list, the second means Privacy Guides fixed the slip (remove the correction).
 */
function applyCorrections(
	pages: Readonly<Record<string, string>>,
	corrections: Curated['corrections.json'],
	sourcesById: SourcesById,
	issues: string[],
): Record<string, string> {
	const out: Record<string, string> = {...pages};
	for (const correction of corrections) {
		const where = `corrections.json: ${correction.page}: "${correction.from}"`;
		const file = sourcesById.get(correction.page)?.file;
		if (!file) {
			issues.push(`${where}: unknown source page (not in sources.json)`);
			continue;
		}
		const text = out[file];
		if (text === undefined) continue; // reported when the page is imported
		if (!text.includes(correction.from)) {
			issues.push(`${where}: not found in ${file}; if Privacy Guides fixed it, remove the correction`);
			continue;
		}
		out[file] = text.split(correction.from).join(correction.to);
	}
	return out;
}

/** The dataset as written to src/data/dataset.json: 2-space indent, schema key order, trailing newline. */
export function serializeDataset(dataset: Dataset): string {
	return `${JSON.stringify(canonical(dataset), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Curated files

function parseCurated(raw: Readonly<Record<string, unknown>>, issues: string[]): Curated | undefined {
	const out: Partial<Record<CuratedFileName, unknown>> = {};
	for (const name of CURATED_FILE_NAMES) {
		if (!(name in raw)) {
			issues.push(`${name}: missing`);
			continue;
		}
		const result = CURATED_FILES[name].safeParse(raw[name]);
		if (result.success) out[name] = result.data;
		else
			for (const issue of result.error.issues)
				issues.push(`${name}${formatPath(raw[name], issue.path)}: ${issue.message}`);
	}
	for (const name of Object.keys(raw)) {
		if (!(CURATED_FILE_NAMES as string[]).includes(name))
			issues.push(`${name}: not a known curated file (expected ${CURATED_FILE_NAMES.join(', ')})`);
	}
	return issues.length === 0 ? (out as Curated) : undefined;
}

/** `: [3] (amazon-photos).match.examples[0]`: a zod issue path, naming array items by their id. */
function formatPath(root: unknown, path: readonly PropertyKey[]): string {
	let out = '';
	let value: unknown = root;
	for (const key of path) {
		value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
		if (typeof key === 'number') {
			const id = value !== null && typeof value === 'object' ? (value as {id?: unknown}).id : undefined;
			out += typeof id === 'string' ? `[${key}] (${id})` : `[${key}]`;
		} else out += `.${String(key)}`;
	}
	return out === '' ? '' : `: ${out.replace(/^\./, '')}`;
}

type PageFn = (id: string | undefined, where: string) => ImportedPage | undefined;
type SourcesById = ReadonlyMap<string, Curated['sources.json'][number]>;

// ---------------------------------------------------------------------------------------------
// Tools

function findCard(pageData: ImportedPage, name: string): ImportedTool | undefined {
	const wanted = name.toLowerCase();
	return pageData.tools.find(
		(tool) => tool.name.toLowerCase() === wanted || tool.heading?.at(-1)?.toLowerCase() === wanted,
	);
}

/** The mkdocs anchor of a plain ASCII heading ("Ente Photos" → "ente-photos"); undefined otherwise. */
function headingAnchor(heading: string | undefined): string | undefined {
	if (!heading || !/^[A-Za-z0-9 ]+$/.test(heading)) return undefined;
	return heading.trim().toLowerCase().replace(/ +/g, '-');
}

function buildTool(
	tool: Curated['tools.json'][number],
	page: PageFn,
	sourcesById: SourcesById,
	threatsFile: Curated['threats.json'],
	iconByAnchor: Map<string, string>,
	issues: string[],
): Dataset['tools'][number] {
	const where = `tools.json: ${tool.id}`;
	// The card on each language's page.
	const cards = pagesInOrder(tool.sourcePages).map(({lang, id}) => {
		const pageData = page(id, `${where}.sourcePages.${lang}`);
		const card = pageData && findCard(pageData, tool.card);
		if (pageData && !card)
			issues.push(
				`${where}: no card named "${tool.card}" on ${id} (cards: ${pageData.tools.map((t) => t.name).join(', ') || 'none'})`,
			);
		return {lang, id, page: pageData, card, date: sourcesById.get(id)?.date ?? ''};
	});
	const en = cards[0]!;

	// Links and downloads: from the newest of the English and French pages (ties: English), the pages whose
	// links the overrides and the audit checks below are written against.
	const byDate = cards
		.filter((c) => c.card && (c.lang === 'en' || c.lang === 'fr'))
		.sort((a, b) => (a.date === b.date ? 0 : a.date > b.date ? -1 : 1));
	const newest = byDate[0];
	const linksCard = newest?.card;

	const links: Partial<Record<CardLinkKey, string>> = {};
	const downloads: {platform: Platform; label: string; url: string}[] = [];
	if (linksCard) {
		for (const [key, url] of Object.entries(linksCard.links)) {
			if ((CARD_LINK_KEYS as readonly string[]).includes(key)) links[key as CardLinkKey] = url;
			else
				issues.push(
					`${where}: card link of unknown kind "${key}" (${url}) on ${newest.id}: map it in scripts/data/build-dataset.ts`,
				);
		}
		// A link missing from the newest page falls back to the other pages' (per field, newest first).
		for (const key of CARD_LINK_KEYS) {
			const fallback = byDate.slice(1).find((c) => c.card?.links[key] !== undefined)?.card?.links[key];
			if (links[key] === undefined && fallback !== undefined) links[key] = fallback;
		}
		for (const download of linksCard.downloads) {
			const platform = PLATFORM_BY_ICON[download.icon];
			if (platform) downloads.push({platform, label: download.label, url: download.url});
			else
				issues.push(
					`${where}: download "${download.label}" has unknown icon "${download.icon}" on ${newest.id}: add it to PLATFORM_BY_ICON in scripts/data/build-dataset.ts`,
				);
		}
	}
	const summary: Text = {en: en.card?.summary ?? ''};
	for (const {lang, card} of cards.slice(1)) if (card) summary[lang] = card.summary;

	for (const override of tool.overrides) {
		const [kind, key] = override.field.split('.') as [string, string];
		const problem = `${where}: override of ${override.field} from "${override.from}" no longer applies`;
		if (kind === 'links') {
			if (links[key as CardLinkKey] !== override.from)
				issues.push(`${problem} (the page has "${links[key as CardLinkKey] ?? 'nothing'}")`);
			else links[key as CardLinkKey] = override.to;
		} else if (kind === 'downloads') {
			const download = downloads.find((d) => d.platform === key && d.url === override.from);
			if (!download) issues.push(`${problem} (no ${key} download with that URL)`);
			else download.url = override.to;
		} else {
			const lang = key as Language;
			const text = summary[lang];
			if (text === undefined || !text.includes(override.from)) issues.push(`${problem} (not in the ${lang} summary)`);
			else summary[lang] = text.split(override.from).join(override.to);
		}
	}

	// Audits: the curated URLs must be exactly the links of the audit notes on the newest page.
	if (linksCard) {
		const noteLinks = new Set(
			linksCard.notes.filter((note) => /audit/i.test(note.text)).flatMap((note) => note.links.map((link) => link.url)),
		);
		const curatedLinks = new Set(tool.audits.map((audit) => audit.url));
		for (const url of curatedLinks) {
			if (!noteLinks.has(url))
				issues.push(
					`${where}: audit ${url} is not among the audit links on ${newest.id} (${[...noteLinks].join(', ') || 'none'})`,
				);
		}
		for (const url of noteLinks) {
			if (!curatedLinks.has(url))
				issues.push(`${where}: ${newest.id} links the audit ${url}, which tools.json does not list`);
		}
	}

	const recommendedOn: {en: string} & Partial<Record<Language, string>> = {en: pageAnchorUrl(en.page, en.card)};
	for (const {lang, page: pageData, card} of cards.slice(1))
		if (pageData) recommendedOn[lang] = pageAnchorUrl(pageData, card);

	// The card's threat tags are the English page's (a card sits on a page tagged with its threats; the tags'
	// anchors and icons are the same in every language, so each language's threat texts follow them).
	const threats: string[] = [];
	for (const tag of en.page?.threats ?? []) {
		const threat = threatsFile.threats.find((t) => t.anchor === anchorOf(tag.url));
		if (tag.icon) iconByAnchor.set(anchorOf(tag.url), tag.icon);
		if (threat) threats.push(threat.id);
		else
			issues.push(
				`threats.json: ${en.id} (${tool.id}'s page) tags "${tag.label}" (${tag.url}), which threats.json does not describe`,
			);
	}
	// The tags are the English page's only: a translation lags behind English by weeks (Privacy Guides' own
	// Crowdin), so a translated page tagging otherwise is not an error of ours (npm run data:update reports
	// the English page's tag changes for review).

	return {
		id: tool.id,
		name: en.card?.name ?? tool.card,
		kind: tool.kind,
		by: privacyGuides(tool.sourcePages),
		recommendation: tool.recommendation,
		tagline: tool.tagline,
		summary,
		links: links as Dataset['tools'][number]['links'],
		downloads,
		freePlan: tool.freePlan,
		audits: tool.audits,
		verdicts: tool.verdicts,
		threats,
		sourcePage: newest?.id ?? tool.sourcePages.en,
		recommendedOn,
	};
}

/** Privacy Guides as the author, on the pages given per language. */
function privacyGuides(pages: PagesByLanguage): Attribution {
	return {by: 'privacyguides', pages: pagesInOrder(pages).map(({id}) => id)};
}

function pageAnchorUrl(pageData: ImportedPage | undefined, card: ImportedTool | undefined): string {
	if (!pageData) return '';
	const anchor = headingAnchor(card?.heading?.at(-1));
	return anchor ? `${pageData.url}#${anchor}` : pageData.url;
}

// ---------------------------------------------------------------------------------------------
// Criteria, evaluations, threats, page texts

function buildCriteria(file: Curated['criteria.json'], page: PageFn, issues: string[]): Dataset['criteria'] {
	const [en, ...others] = pagesInOrder(file.sourcePages).map(({lang, id}) => ({
		lang,
		id,
		page: page(id, `criteria.json: sourcePages.${lang}`),
	}));
	if (!en?.page) return [];
	const out: Dataset['criteria'] = [];
	for (const level of ['minimum', 'best-case'] as const) {
		const key = level === 'minimum' ? 'minimum' : 'bestCase';
		const curated = file.criteria.filter((criterion) => criterion.level === level);
		const enTexts = en.page.criteria[key];
		if (enTexts.length !== curated.length) {
			issues.push(
				`criteria.json: ${en.id} has ${enTexts.length} ${level} criteria (${JSON.stringify(enTexts)}) but criteria.json lists ${curated.length}`,
			);
		}
		// Each language's criteria by position: its page lists them in the English page's order.
		for (const other of others) {
			const texts = other.page?.criteria[key];
			if (texts && texts.length !== enTexts.length)
				issues.push(`criteria.json: ${other.id} has ${texts.length} ${level} criteria, ${en.id} has ${enTexts.length}`);
		}
		curated.forEach((criterion, i) => {
			const text = enTexts[i];
			if (text !== criterion.expect) {
				issues.push(
					`criteria.json: ${criterion.id}: expects "${criterion.expect}" but ${en.id} says "${text ?? '(nothing)'}": review the ids and evaluations.json`,
				);
				return;
			}
			const texts: Text = {en: text};
			for (const other of others) {
				const translated = other.page?.criteria[key][i];
				if (translated) texts[other.lang] = translated;
			}
			out.push({id: criterion.id, level, text: texts, by: privacyGuides(file.sourcePages)});
		});
	}
	return out;
}

function buildEvaluations(
	evaluations: Curated['evaluations.json'],
	toolIds: readonly string[],
	criterionIds: readonly string[],
	issues: string[],
): Dataset['evaluations'] {
	const seen = new Set<string>();
	for (const evaluation of evaluations) {
		const key = `${evaluation.tool} × ${evaluation.criterion}`;
		if (!toolIds.includes(evaluation.tool)) issues.push(`evaluations.json: ${key}: unknown tool "${evaluation.tool}"`);
		if (!criterionIds.includes(evaluation.criterion))
			issues.push(`evaluations.json: ${key}: unknown criterion "${evaluation.criterion}"`);
		if (seen.has(key)) issues.push(`evaluations.json: ${key}: evaluated more than once`);
		seen.add(key);
	}
	for (const tool of toolIds) {
		for (const criterion of criterionIds) {
			if (!seen.has(`${tool} × ${criterion}`)) issues.push(`evaluations.json: ${tool} × ${criterion}: missing`);
		}
	}
	const toolOrder = [...toolIds].sort();
	return [...evaluations].sort(
		(a, b) =>
			toolOrder.indexOf(a.tool) - toolOrder.indexOf(b.tool) ||
			criterionIds.indexOf(a.criterion) - criterionIds.indexOf(b.criterion),
	);
}

function anchorOf(url: string): string {
	return url.includes('#') ? url.slice(url.indexOf('#') + 1) : '';
}

/** The definition list of a common-threats page: bold term and its sentence, whitespace collapsed. */
function extractThreatDefinitions(markdown: string): {term: string; definition: string}[] {
	const out: {term: string; definition: string}[] = [];
	const pattern = /<span class="pg-[a-z-]+">:[a-z0-9-]+: \*\*([^*]+)\*\*<\/span>\s*\n\s*:\s*([^\n]+)/g;
	for (const match of markdown.matchAll(pattern))
		out.push({term: match[1]!.trim(), definition: match[2]!.replace(/\s+/g, ' ').trim()});
	return out;
}

function buildThreats(
	file: Curated['threats.json'],
	context: {
		page: PageFn;
		threatsPage: (id: string, where: string) => ImportedThreatsPage | undefined;
		sourcesById: SourcesById;
		markdownByFile: Readonly<Record<string, string>>;
		tools: readonly Dataset['tools'][number][];
		iconByAnchor: ReadonlyMap<string, string>;
		issues: string[];
	},
): Dataset['threats'] {
	const {page, threatsPage, sourcesById, markdownByFile, tools, iconByAnchor, issues} = context;
	// Label and explanation are Privacy Guides' own words on its definitions page, in each language. The
	// English and French ones are pinned in threats.json (checked word for word against the page).
	for (const lang of ['en', 'fr'] as const) {
		const id = file.definitions[lang];
		if (!page(id, `threats.json: definitions.${lang}`) || !id) continue;
		const definitions = extractThreatDefinitions(markdownByFile[sourcesById.get(id)?.file ?? ''] ?? '');
		for (const threat of file.threats) {
			const definition = definitions.find((d) => d.term === threat.label[lang]);
			if (!definition) {
				issues.push(
					`threats.json: ${threat.id}: label.${lang} "${threat.label[lang]}" is not a term defined on ${id} (${definitions.map((d) => d.term).join(', ')})`,
				);
				continue;
			}
			if (definition.definition !== threat.explanation[lang])
				issues.push(
					`threats.json: ${threat.id}: explanation.${lang} is not quoted word for word from ${id} ("${definition.definition}")`,
				);
		}
	}
	// Every other language: the definition on its page with the icon of the threat's tag.
	const labels = new Map<string, Text>(file.threats.map((t) => [t.id, {...t.label}]));
	const explanations = new Map<string, Text>(file.threats.map((t) => [t.id, {...t.explanation}]));
	for (const {lang, id} of pagesInOrder(file.definitions)) {
		if (lang === 'en' || lang === 'fr') continue;
		const definitionsPage = threatsPage(id, `threats.json: definitions.${lang}`);
		if (!definitionsPage) continue;
		for (const threat of file.threats) {
			const icon = iconByAnchor.get(threat.anchor);
			const definition = definitionsPage.definitions.find((d) => d.icon === icon);
			if (!definition) {
				issues.push(`threats.json: ${threat.id}: ${id} defines no threat with the icon ${icon ?? '(no tag)'}`);
				continue;
			}
			labels.get(threat.id)![lang] = definition.name;
			explanations.get(threat.id)![lang] = definition.explanation;
		}
	}
	const tagged = new Set(tools.flatMap((tool) => tool.threats));
	for (const threat of file.threats) {
		if (!tagged.has(threat.id))
			issues.push(`threats.json: ${threat.id}: no tool's page tags #${threat.anchor} any more`);
	}
	return file.threats.map((threat) => ({
		id: threat.id,
		label: labels.get(threat.id)!,
		explanation: explanations.get(threat.id)!,
		url: threat.url,
		by: privacyGuides(file.definitions),
	}));
}

/**
 * The "not affiliated" sentence: the bold sentence opening the paragraph that links our standard
 * criteria (about/criteria.md) in the Criteria section. The importer does not extract it.
 */
export function extractNotAffiliated(markdown: string): string | undefined {
	const paragraph = markdown.split(/\n\s*\n/).find((block) => /\]\((?:\.\.\/)*about\/criteria\.md\)/.test(block));
	// zh-TW escapes its bold (`\*\*請注意…\*\*`, an upstream slip shown as asterisks on the live page):
	// the sentence is the same.
	const match = paragraph
		?.trim()
		.replace(/\\\*/g, '*')
		.match(/^\*\*([^*]+)\*\*/);
	return match?.[1]?.trim();
}

function buildPageTexts(
	file: Curated['page.json'],
	page: PageFn,
	sourcesById: SourcesById,
	markdownByFile: Readonly<Record<string, string>>,
	issues: string[],
): {intro: Claim; notAffiliated: Claim} {
	const intro: Text = {en: ''};
	const notAffiliated: Text = {en: ''};
	for (const {lang, id} of pagesInOrder(file.sourcePages)) {
		const pageData = page(id, `page.json: sourcePages.${lang}`);
		if (!pageData) continue;
		if (pageData.intro.trim() === '') issues.push(`page.json: ${id} has no intro paragraph`);
		else intro[lang] = pageData.intro;
		const markdown = markdownByFile[sourcesById.get(id)?.file ?? ''] ?? '';
		const sentence = extractNotAffiliated(markdown);
		if (!sentence)
			issues.push(`page.json: no "not affiliated" sentence (bold, before the link to about/criteria.md) on ${id}`);
		else notAffiliated[lang] = sentence;
	}
	const by = privacyGuides(file.sourcePages);
	return {intro: {text: intro, by}, notAffiliated: {text: notAffiliated, by}};
}

// ---------------------------------------------------------------------------------------------
// Services

function buildServices(
	services: Curated['services.json'],
	tools: Curated['tools.json'],
	toolIds: ReadonlySet<string>,
	issues: string[],
): Dataset['services'] {
	const out: Dataset['services'] = services.map(({comment: _comment, import: imports, ...service}) => {
		const routes: Record<string, Route> = {};
		for (const [toolId, route] of Object.entries(imports)) {
			if (!toolIds.has(toolId)) {
				issues.push(`services.json: ${service.id}: import route for unknown tool "${toolId}"`);
				continue;
			}
			if (route === 'generic') {
				const generic = tools.find((tool) => tool.id === toolId)?.import?.generic;
				if (generic) routes[toolId] = generic;
				else
					issues.push(
						`services.json: ${service.id}: import.${toolId} is "generic" but tools.json gives ${toolId} no import.generic route`,
					);
			} else routes[toolId] = route;
		}
		return {...service, import: routes};
	});
	return sortById(out);
}

// ---------------------------------------------------------------------------------------------
// Attribution: who says each claim

type AttributedDataset = Omit<Dataset, 'sources'>;

/** One claim the extension shows: where it sits, who says it, what it is about, and its text. */
export interface ClaimRef {
	where: string;
	by: Attribution;
	/** The names of what the claim is about (a Privacy Guides page it cites must name one of them). */
	names: readonly string[];
	text?: Text;
	/** Set for a service's export route: a verified one must be the service provider's own. */
	exportOf?: {provider: string; verified: boolean};
}

/** Every attributed claim in the dataset, in a fixed order. */
export function claimsOf(dataset: AttributedDataset): ClaimRef[] {
	const claims: ClaimRef[] = [];
	const names = (text: Text) => [...new Set(Object.values(text).filter((name) => name !== undefined))];
	claims.push({where: 'intro', by: dataset.intro.by, names: [], text: dataset.intro.text});
	claims.push({where: 'notAffiliated', by: dataset.notAffiliated.by, names: [], text: dataset.notAffiliated.text});
	for (const threat of dataset.threats)
		claims.push({where: `threats: ${threat.id}`, by: threat.by, names: names(threat.label), text: threat.explanation});
	for (const criterion of dataset.criteria)
		claims.push({where: `criteria: ${criterion.id}`, by: criterion.by, names: [], text: criterion.text});
	const toolNames = new Map(dataset.tools.map((tool) => [tool.id, [tool.name]]));
	for (const tool of dataset.tools) {
		const where = `tools: ${tool.id}`;
		claims.push({where, by: tool.by, names: [tool.name], text: tool.recommendation});
		claims.push({where: `${where}.freePlan`, by: tool.freePlan.by, names: [tool.name], text: tool.freePlan.text});
		claims.push({where: `${where}.verdicts`, by: tool.verdicts.by, names: [tool.name], text: tool.verdicts.note});
		for (const audit of tool.audits)
			claims.push({where: `${where}.audits (${audit.auditor})`, by: audit.by, names: [tool.name], text: audit.scope});
	}
	for (const evaluation of dataset.evaluations)
		claims.push({
			where: `evaluations: ${evaluation.tool} × ${evaluation.criterion}`,
			by: evaluation.by,
			names: toolNames.get(evaluation.tool) ?? [],
			text: evaluation.reason,
		});
	for (const service of dataset.services) {
		const where = `services: ${service.id}`;
		const serviceNames = names(service.name);
		claims.push({where: `${where}.access`, by: service.access.by, names: serviceNames, text: service.access.concern});
		claims.push({
			where: `${where}.export`,
			by: service.export.by,
			names: serviceNames,
			text: service.export.text,
			exportOf: {provider: service.provider, verified: service.export.verified},
		});
		for (const [toolId, route] of Object.entries(service.import))
			claims.push({
				where: `${where}.import.${toolId}`,
				by: route.by,
				names: [...serviceNames, ...(toolNames.get(toolId) ?? [])],
				text: route.text,
			});
	}
	for (const entry of dataset.neverFlag)
		claims.push({where: `neverFlag: ${entry.id}`, by: entry.by, names: [entry.name], text: entry.reason});
	return claims;
}

/** Whether `url` is on `domain` ("example.com" or "example.com/path": the host or a subdomain, the path prefix). */
export function urlIsOn(url: string, domain: string): boolean {
	const parsed = new URL(url);
	const slash = domain.indexOf('/');
	const host = slash === -1 ? domain : domain.slice(0, slash);
	const path = slash === -1 ? '' : domain.slice(slash);
	const hostOk = parsed.hostname === host || parsed.hostname.endsWith(`.${host}`);
	const pathOk = path === '' || parsed.pathname === path || parsed.pathname.startsWith(`${path}/`);
	return hostOk && pathOk;
}

function checkAttributions(
	dataset: AttributedDataset,
	context: {
		page: PageFn;
		sourcesById: SourcesById;
		markdownByFile: Readonly<Record<string, string>>;
		providers: Curated['providers.json'];
		issues: string[];
	},
): void {
	const {page, sourcesById, markdownByFile, providers, issues} = context;
	const usedProviders = new Set<string>();
	for (const claim of claimsOf(dataset)) {
		const {by, where} = claim;
		if (by.by === 'privacyguides') {
			const languages = by.pages.map((id) => sourcesById.get(id)?.lang);
			for (const id of by.pages) page(id, `${where}: by.pages`);
			if (new Set(languages).size !== languages.length)
				issues.push(`${where}: cites two Privacy Guides pages in the same language (${by.pages.join(', ')})`);
			if (!languages.includes('en')) issues.push(`${where}: cites no English Privacy Guides page`);
			for (const lang of TRANSLATED_LANGUAGES)
				if (claim.text?.[lang] !== undefined && !languages.includes(lang))
					issues.push(`${where}: has ${lang} text but cites no ${lang} Privacy Guides page`);
			if (claim.names.length > 0) {
				// On the English and French pages: the other translations write product names their own way
				// (Google Foto, Google Fotos, Google相簿) and are translations of the English page.
				for (const id of by.pages.filter((page) => ['en', 'fr'].includes(sourcesById.get(page)?.lang ?? ''))) {
					const markdown = markdownByFile[sourcesById.get(id)?.file ?? ''] ?? '';
					if (!claim.names.some((name) => markdown.includes(name)))
						issues.push(
							`${where}: attributed to Privacy Guides, but ${id} does not name ${[...new Set(claim.names)].map((n) => `"${n}"`).join(' or ')}`,
						);
				}
			}
		} else if (by.by === 'provider') {
			usedProviders.add(by.name);
			const provider = providers.find((p) => p.name === by.name);
			if (!provider) issues.push(`${where}: provider "${by.name}" is not in providers.json`);
			else if (!provider.domains.some((domain) => urlIsOn(by.url, domain)))
				issues.push(
					`${where}: ${by.url} is not on ${by.name}'s own domains (${provider.domains.join(', ')}): a provider speaks on its own pages`,
				);
		}
		if (claim.exportOf?.verified && !(by.by === 'provider' && by.name === claim.exportOf.provider))
			issues.push(
				`${where}: a verified export route must come from ${claim.exportOf.provider}'s own help (by: provider "${claim.exportOf.provider}")`,
			);
	}
	for (const provider of providers) {
		if (!usedProviders.has(provider.name))
			issues.push(`providers.json: "${provider.name}" is attributed no claim: remove it`);
	}
}

// ---------------------------------------------------------------------------------------------
// Invariants beyond the schema

function hostCovers(pattern: string, host: string): boolean {
	const base = pattern.replace(/^\*\./, '');
	return host === base || host.endsWith(`.${base}`);
}

/** Cross-references and invariants the schema cannot express. Empty when the dataset is coherent. */
export function checkDataset(dataset: Dataset): string[] {
	const issues: string[] = [];
	// Every text and localized link in every language (the schema has English only required).
	const everyLanguage = (value: unknown, where: string): void => {
		if (Array.isArray(value)) value.forEach((item, i) => everyLanguage(item, `${where}[${i}]`));
		else if (value !== null && typeof value === 'object') {
			const record = value as Record<string, unknown>;
			if (
				typeof record.en === 'string' &&
				Object.keys(record).every((key) => (LANGUAGES as readonly string[]).includes(key))
			) {
				const missing = LANGUAGES.filter((lang) => typeof record[lang] !== 'string');
				if (missing.length > 0) issues.push(`${where}: no ${missing.join(', ')} text`);
			} else
				for (const [key, item] of Object.entries(record))
					everyLanguage(
						item,
						`${where}.${key}${typeof (item as {id?: unknown})?.id === 'string' ? ` (${(item as {id: string}).id})` : ''}`,
					);
		}
	};
	everyLanguage(dataset, 'dataset');
	const lists = {
		sources: dataset.sources,
		tools: dataset.tools,
		criteria: dataset.criteria,
		threats: dataset.threats,
		services: dataset.services,
		neverFlag: dataset.neverFlag,
	};
	for (const [name, list] of Object.entries(lists)) {
		const ids = list.map((item) => item.id);
		const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
		if (duplicates.length > 0) issues.push(`${name}: duplicate ids ${[...new Set(duplicates)].join(', ')}`);
	}
	const sourceIds = new Set(dataset.sources.map((source) => source.id));
	const toolIds = new Set(dataset.tools.map((tool) => tool.id));
	const criterionIds = new Set(dataset.criteria.map((criterion) => criterion.id));
	for (const tool of dataset.tools) {
		if (!sourceIds.has(tool.sourcePage))
			issues.push(`tools: ${tool.id}: sourcePage "${tool.sourcePage}" is not in sources`);
	}
	// Every Privacy Guides page a claim cites is in sources, and every page in sources is cited.
	const cited = new Set<string>(dataset.tools.map((tool) => tool.sourcePage));
	for (const claim of claimsOf(dataset)) {
		if (claim.by.by !== 'privacyguides') continue;
		for (const id of claim.by.pages) {
			cited.add(id);
			if (!sourceIds.has(id)) issues.push(`${claim.where}: cites "${id}", which is not in sources`);
		}
	}
	for (const id of sourceIds) if (!cited.has(id)) issues.push(`sources: ${id} is cited by no claim`);
	const threatIds = new Set(dataset.threats.map((threat) => threat.id));
	for (const tool of dataset.tools) {
		for (const threat of tool.threats)
			if (!threatIds.has(threat)) issues.push(`tools: ${tool.id}: unknown threat "${threat}"`);
	}
	const pairs = new Map<string, number>();
	for (const evaluation of dataset.evaluations) {
		if (!toolIds.has(evaluation.tool)) issues.push(`evaluations: unknown tool "${evaluation.tool}"`);
		if (!criterionIds.has(evaluation.criterion))
			issues.push(`evaluations: unknown criterion "${evaluation.criterion}"`);
		const key = `${evaluation.tool} × ${evaluation.criterion}`;
		pairs.set(key, (pairs.get(key) ?? 0) + 1);
	}
	for (const tool of toolIds) {
		for (const criterion of criterionIds) {
			const count = pairs.get(`${tool} × ${criterion}`) ?? 0;
			if (count !== 1) issues.push(`evaluations: ${tool} × ${criterion} is evaluated ${count} times (expected once)`);
		}
	}
	const neverHosts = dataset.neverFlag.flatMap((entry) =>
		entry.rules.flatMap((rule) => rule.hosts.map((host) => ({id: entry.id, host}))),
	);
	for (const service of dataset.services) {
		for (const toolId of Object.keys(service.import)) {
			if (!toolIds.has(toolId)) issues.push(`services: ${service.id}: import route for unknown tool "${toolId}"`);
		}
		for (const host of service.match.rules.flatMap((rule) => rule.hosts)) {
			for (const never of neverHosts) {
				if (hostCovers(never.host, host) || hostCovers(host, never.host)) {
					issues.push(`services: ${service.id}: host ${host} overlaps never-flag ${never.id} (${never.host})`);
				}
			}
		}
	}
	return issues;
}

// ---------------------------------------------------------------------------------------------
// Canonical form: keys in schema order, records sorted by key

/** The quotes each language uses around a quotation: opening, closing. */
const QUOTES: Readonly<Record<Language, readonly [string, string]>> = {
	en: ['“', '”'],
	fr: ['«\u00a0', '\u00a0»'],
	es: ['«', '»'],
	it: ['«', '»'],
	nl: ['“', '”'],
	de: ['„', '“'],
	ru: ['«', '»'],
	he: ['“', '”'],
	'zh-TW': ['「', '」'],
	'zh-Hant': ['「', '」'],
};

/**
 * One text in the typography of the extension's messages (locales/; test/meta/locales.test.ts checks those):
 * curly apostrophes (in Hebrew, ׳ and ״ inside a word: geresh and gershayim), the language's quotes in
 * place of straight ones (not in English, whose texts keep theirs), in French a no-break space before : ;
 * ? ! and inside « », in Chinese no space around full-width punctuation.
 */
function typeset(lang: Language, text: string): string {
	let out = text;
	if (lang === 'he')
		out = out.replace(/(?<=[\u05d0-\u05ea])"(?=[\u05d0-\u05ea])/g, '״').replace(/(?<=[\u05d0-\u05ea])'/g, '׳');
	out = out.replace(/'/g, '’');
	if (lang !== 'en' && out.includes('"')) {
		const [open, close] = QUOTES[lang];
		let opening = true;
		out = out.replace(/"/g, () => {
			const quote = opening ? open : close;
			opening = !opening;
			return quote;
		});
	}
	if (lang === 'fr') out = out.replace(/ ([:;?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
	if (lang === 'zh-TW' || lang === 'zh-Hant') out = out.replace(/\s*([，。：；？！、（）「」])\s*/g, '$1');
	return out;
}
/** Typesets every text ({en, fr?, …}) anywhere in `value`; URLs (localized links are {en, fr?, …} too) stay as they are. */
function typesetTexts<T>(value: T): T {
	if (Array.isArray(value)) return value.map(typesetTexts) as T;
	if (value === null || typeof value !== 'object') return value;
	const entries = Object.entries(value);
	const isText =
		typeof (value as {en?: unknown}).en === 'string' &&
		entries.every(([key, text]) => (LANGUAGES as readonly string[]).includes(key) && typeof text === 'string');
	if (isText)
		return Object.fromEntries(
			entries.map(([lang, text]) => [
				lang,
				(text as string).startsWith('https://') ? text : typeset(lang as Language, text as string),
			]),
		) as T;
	return Object.fromEntries(entries.map(([key, item]) => [key, typesetTexts(item)])) as T;
}

function sortById<T extends {id: string}>(items: readonly T[]): T[] {
	return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface SchemaDef {
	type: string;
	shape?: Record<string, {_zod: {def: SchemaDef}}>;
	element?: {_zod: {def: SchemaDef}};
	innerType?: {_zod: {def: SchemaDef}};
	valueType?: {_zod: {def: SchemaDef}};
}

function order(def: SchemaDef, value: unknown): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (def.type === 'optional' && def.innerType) return order(def.innerType._zod.def, value);
	if (def.type === 'array' && def.element && Array.isArray(value)) {
		const element = def.element._zod.def;
		return value.map((item) => order(element, item));
	}
	const record = value as Record<string, unknown>;
	if (def.type === 'object' && def.shape) {
		const out: Record<string, unknown> = {};
		for (const [key, schema] of Object.entries(def.shape)) {
			if (record[key] !== undefined) out[key] = order(schema._zod.def, record[key]);
		}
		return out;
	}
	if (def.type === 'record' && def.valueType) {
		const valueDef = def.valueType._zod.def;
		return Object.fromEntries(
			Object.keys(record)
				.sort()
				.map((key) => [key, order(valueDef, record[key])]),
		);
	}
	return value;
}

function canonical(dataset: Dataset): Dataset {
	return order((datasetSchema as unknown as {_zod: {def: SchemaDef}})._zod.def, dataset) as Dataset;
}
