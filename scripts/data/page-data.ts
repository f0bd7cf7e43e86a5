/**
 * The pages' per-language files (src/data/pages/<lang>.json, read through src/data/pages.ts): the
 * dataset with every text in one language (the same fallback to English as everywhere: localize), and
 * without the parts no page shows: each service's URL rules and examples (`match`), the never-flag
 * list, and the Privacy Guides pages in another language than this one or English (a claim's byline and
 * the attribution footer show the page in the reader's language, else the English one). Pure: `npm run data` writes the result, the tests compare it with the files.
 *
 * Privacy Guides' words that its page in this language still has in English (its translation is partial:
 * he, nl, ru, zh-Hant) are listed in `inEnglish`, so that the pages mark them lang="en".
 *
 * The mapping is written out field by field and typed against PageData, so a text added to the schema
 * fails type checking here until it is localized.
 */
import type {PageData, PageRoute, PageService} from '../../src/data/pages';
import {localize, localizeUrl} from '../../src/data/localize';
import {LANGUAGES, type Dataset, type Language, type Route, type Service, type Text} from '../../src/data/schema';

/**
 * The keys (see PageData `inEnglish`) of Privacy Guides' texts that its page in `lang` publishes in
 * English: the text in `lang` is the English one, word for word.
 */
function englishPassages(dataset: Dataset, lang: Language): string[] {
	if (lang === 'en') return [];
	const same = (text: Text) => text[lang] === text.en;
	const keys: string[] = [];
	if (same(dataset.intro.text)) keys.push('intro');
	if (same(dataset.notAffiliated.text)) keys.push('notAffiliated');
	for (const tool of dataset.tools) if (same(tool.summary)) keys.push(`tools/${tool.id}/summary`);
	for (const criterion of dataset.criteria) if (same(criterion.text)) keys.push(`criteria/${criterion.id}`);
	for (const threat of dataset.threats) {
		if (same(threat.label)) keys.push(`threats/${threat.id}/label`);
		if (same(threat.explanation)) keys.push(`threats/${threat.id}/explanation`);
	}
	for (const page of dataset.sources) {
		const english = dataset.sources.find((other) => other.lang === 'en' && other.pagePath === page.pagePath);
		if (page.lang === lang && english && page.title === english.title) keys.push(`sources/${page.id}/title`);
	}
	return keys;
}

export function pageData(dataset: Dataset, lang: Language): PageData {
	const text = (value: Parameters<typeof localize>[0]) => localize(value, lang);
	const route = (value: Route): PageRoute => ({...value, text: text(value.text)});
	const service = ({match: _match, ...value}: Service): PageService => ({
		...value,
		name: text(value.name),
		access: {...value.access, concern: text(value.access.concern)},
		export: route(value.export),
		import: Object.fromEntries(Object.entries(value.import).map(([tool, guide]) => [tool, route(guide)])),
	});
	return {
		lang,
		inEnglish: englishPassages(dataset, lang),
		version: dataset.version,
		licence: {...dataset.licence, attribution: text(dataset.licence.attribution)},
		sources: dataset.sources.filter((page) => page.lang === lang || page.lang === 'en'),
		claimsVerified: dataset.claimsVerified,
		intro: {...dataset.intro, text: text(dataset.intro.text)},
		notAffiliated: {...dataset.notAffiliated, text: text(dataset.notAffiliated.text)},
		threats: dataset.threats.map((threat) => ({
			...threat,
			label: text(threat.label),
			explanation: text(threat.explanation),
			url: localizeUrl(threat.url, lang),
		})),
		tools: dataset.tools.map((tool) => ({
			...tool,
			recommendation: text(tool.recommendation),
			tagline: text(tool.tagline),
			summary: text(tool.summary),
			freePlan: {...tool.freePlan, text: text(tool.freePlan.text)},
			verdicts: {...tool.verdicts, note: text(tool.verdicts.note)},
			audits: tool.audits.map((audit) => ({...audit, scope: text(audit.scope)})),
			recommendedOn: localizeUrl(tool.recommendedOn, lang),
		})),
		criteria: dataset.criteria.map((criterion) => ({...criterion, text: text(criterion.text)})),
		evaluations: dataset.evaluations.map((evaluation) => ({...evaluation, reason: text(evaluation.reason)})),
		services: dataset.services.map(service),
	};
}

/** Where each language's file goes, relative to the repository. */
export const PAGE_DATA_FILES: ReadonlyArray<{lang: Language; file: string}> = LANGUAGES.map((lang) => ({
	lang,
	file: `src/data/pages/${lang}.json`,
}));

/** As written: 2-space indent, trailing newline, like dataset.json. */
export function serializePageData(data: PageData): string {
	return `${JSON.stringify(data, null, 2)}\n`;
}
