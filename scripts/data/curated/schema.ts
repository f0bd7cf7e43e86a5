/**
 * Schema of the curated files in this folder: what we add to the imported Privacy Guides pages to
 * build src/data/dataset.json (see scripts/data/build-dataset.ts). Build-time only, so full zod is fine.
 *
 * Shapes reuse the dataset schema (src/data/schema.ts) wherever the curated data is copied as is;
 * `comment` fields are for reviewers and never reach the dataset.
 */
import {z} from 'zod';
import {
	attributionSchema,
	auditSchema,
	httpsUrlSchema,
	criterionSchema,
	evaluationSchema,
	idSchema,
	LANGUAGES,
	localizedUrlSchema,
	neverFlagSchema,
	routeSchema,
	serviceSchema,
	sourcePageSchema,
	TOOL_KINDS,
	TRANSLATED_LANGUAGES,
} from '../../../src/data/schema';

const comment = z.string().min(1).optional();

const curatedString = z.string().trim().min(1);
/**
 * A curated text, once its translations are in (scripts/data/i18n-texts.ts withTranslations: the files
 * hold English only, each other language comes from scripts/data/curated/i18n/<lang>.json): every
 * language is required.
 */
const curatedTextSchema = z.strictObject(
	Object.fromEntries(LANGUAGES.map((lang) => [lang, curatedString])) as Record<
		(typeof LANGUAGES)[number],
		typeof curatedString
	>,
);

/** Privacy Guides' words pinned in a curated file (threats.json), English and French, checked verbatim. */
const pinnedTextSchema = z.strictObject({en: curatedString, fr: curatedString});

/** Source page ids per language: English is required, the others optional. */
const pagesByLanguageSchema = z.strictObject({
	en: idSchema,
	...(Object.fromEntries(TRANSLATED_LANGUAGES.map((lang) => [lang, z.optional(idSchema)])) as Record<
		(typeof TRANSLATED_LANGUAGES)[number],
		z.ZodOptional<typeof idSchema>
	>),
});

/** sources.json: provenance of every copied page. The title comes from the page itself. */
const sourceShape = sourcePageSchema.def.shape;
const curatedSourcesSchema = z.array(
	z.strictObject({
		id: sourceShape.id,
		file: sourceShape.file,
		pagePath: sourceShape.pagePath,
		lang: sourceShape.lang,
		repository: sourceShape.repository,
		commit: sourceShape.commit,
		date: sourceShape.date,
		url: sourceShape.url,
	}),
);

/** A replacement in one imported field, with the reason. Generation fails when `from` is not found. */
const overrideSchema = z.strictObject({
	/**
	 * `links.<key>` (the whole URL), `downloads.<platform>` (the whole URL) or `summary.<lang>` (a
	 * substring of the text).
	 */
	field: z.string().regex(new RegExp(`^(links\\.[A-Za-z]+|downloads\\.[a-z]+|summary\\.(${LANGUAGES.join('|')}))$`)),
	from: z.string().min(1),
	to: z.string().min(1),
	reason: z.string().min(1),
	source: z.optional(httpsUrlSchema),
});

const curatedRouteSchema = z.strictObject({...routeSchema.def.shape, text: curatedTextSchema});

const curatedToolSchema = z.strictObject({
	id: idSchema,
	/** The card's name on the pages (the recommendation card's bold name or heading). */
	card: z.string().min(1),
	kind: z.enum(TOOL_KINDS),
	comment,
	/**
	 * Where the card is imported from, per language. Links and downloads come from the newest of them;
	 * the tool's author (`by`) is Privacy Guides on these pages, and its threats are their tags.
	 */
	sourcePages: pagesByLanguageSchema,
	/** Where Privacy Guides recommends it, in one sentence naming the page. */
	recommendation: curatedTextSchema,
	tagline: curatedTextSchema,
	freePlan: z.strictObject({text: curatedTextSchema, by: attributionSchema}),
	audits: z.array(z.strictObject({...auditSchema.def.shape, scope: curatedTextSchema})),
	/** Whose verdicts evaluations.json gives for this tool: Privacy Guides' or ours, in one sentence. */
	verdicts: z.strictObject({note: curatedTextSchema, by: attributionSchema}),
	overrides: z.array(overrideSchema),
	/** Import routes shared by many services: a service's `import` may say "generic" for this tool. */
	import: z.strictObject({generic: curatedRouteSchema.optional()}).optional(),
});

const curatedToolsSchema = z.array(curatedToolSchema);

const curatedCriteriaSchema = z.strictObject({
	comment,
	sourcePages: pagesByLanguageSchema,
	criteria: z.array(
		z.strictObject({
			id: idSchema,
			level: criterionSchema.def.shape.level,
			/** The English text this id was written for; generation fails when the page says otherwise. */
			expect: z.string().min(1),
		}),
	),
});

const curatedEvaluationsSchema = z.array(z.strictObject({...evaluationSchema.def.shape, reason: curatedTextSchema}));

const curatedThreatsSchema = z.strictObject({
	comment,
	/**
	 * Privacy Guides' definitions pages (basics/common-threats) per language: each threat's label and
	 * explanation must be that page's own words, checked verbatim.
	 */
	definitions: pagesByLanguageSchema,
	threats: z.array(
		z.strictObject({
			id: idSchema,
			/** The anchor of the threat's section in basics/common-threats.md, as the tags link it. */
			anchor: z.string().regex(/^[a-z0-9-]+$/),
			/** The term in bold in the definitions list, per language. */
			label: pinnedTextSchema,
			explanation: pinnedTextSchema,
			url: z.strictObject({...localizedUrlSchema.def.shape}),
		}),
	),
});

const serviceShape = serviceSchema.def.shape;
const curatedServiceSchema = z.strictObject({
	...serviceShape,
	comment,
	name: curatedTextSchema,
	/** As in the dataset, but examples must be https: the matcher only ever matches https. */
	match: z.strictObject({
		...serviceShape.match.def.shape,
		examples: z.array(httpsUrlSchema).min(1),
		counterexamples: z.array(httpsUrlSchema),
		lookalikes: z.array(httpsUrlSchema),
	}),
	access: z.strictObject({...serviceShape.access.def.shape, concern: curatedTextSchema}),
	export: curatedRouteSchema,
	/** Per tool id: a route, or "generic" for the tool's generic route (tools.json `import.generic`). */
	import: z.record(idSchema, z.union([z.literal('generic'), curatedRouteSchema])),
});
const curatedServicesSchema = z.array(curatedServiceSchema);

const curatedNeverFlagSchema = z.array(
	z.strictObject({...neverFlagSchema.def.shape, comment, reason: curatedTextSchema}),
);

/**
 * providers.json: every company or project a claim is attributed to (`by: "provider"`), with the
 * domains (optionally with a path, "github.com/ente") that are its own. A provider's claim must cite a
 * page on them; a verified export route must be the service's provider's own.
 */
const curatedProvidersSchema = z.array(
	z.strictObject({
		name: z.string().min(1),
		comment,
		domains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[A-Za-z0-9._-]+)*$/)).min(1),
	}),
);

/**
 * corrections.json: slips in Privacy Guides' text (typos, agreement), corrected in what the extension
 * shows, never in the copied pages: each replaces every occurrence of `from` in one page before it is
 * imported, and generation fails when `from` is no longer there (Privacy Guides fixed it).
 */
const curatedCorrectionsSchema = z.array(
	z.strictObject({
		page: idSchema,
		from: z.string().min(1),
		to: z.string().min(1),
		reason: z.string().min(1),
	}),
);

const curatedPageSchema = z.strictObject({
	comment,
	/** The pages the intro and the "not affiliated" sentence are imported from. */
	sourcePages: pagesByLanguageSchema,
	/** The month every curated claim was last checked against its source ("2026-11"); see README.md. */
	claimsVerified: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
	licence: z.strictObject({
		id: z.literal('CC-BY-SA-4.0'),
		url: httpsUrlSchema,
		attribution: curatedTextSchema,
	}),
});

/** The curated files by name, with their schemas. */
export const CURATED_FILES = {
	'sources.json': curatedSourcesSchema,
	'tools.json': curatedToolsSchema,
	'criteria.json': curatedCriteriaSchema,
	'evaluations.json': curatedEvaluationsSchema,
	'threats.json': curatedThreatsSchema,
	'services.json': curatedServicesSchema,
	'never-flag.json': curatedNeverFlagSchema,
	'page.json': curatedPageSchema,
	'providers.json': curatedProvidersSchema,
	'corrections.json': curatedCorrectionsSchema,
} as const;
export type CuratedFileName = keyof typeof CURATED_FILES;
export type Curated = {[K in CuratedFileName]: z.infer<(typeof CURATED_FILES)[K]>};
