// Output schema of the Privacy Guides page importer (scripts/privacyguides/parse.ts).
// One object per imported page. Every text field is plain text in the page's own language;
// every URL is absolute. Nothing in here depends on English words: things that callers may
// want to map (threat kinds, platforms, link kinds) are identified by URL anchors, icon
// shortcode names and fixed keys.
import {z} from 'zod';

export const PRIVACY_GUIDES_ORIGIN = 'https://www.privacyguides.org';

/** Languages look like `en`, `fr`, `pt-BR`, `zh-Hant`. */
export const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/**
 * The languages www.privacyguides.org publishes (as of 2026-08-22; see
 * scripts/data/sources/privacyguides/README.md). Others (German: translated on Crowdin, not published)
 * still import, with a warning: their URLs do not exist.
 */
export const PUBLISHED_LANGS: readonly string[] = ['en', 'es', 'fr', 'he', 'it', 'nl', 'ru', 'zh-Hant', 'zh-TW'];
/** A page path relative to the language root, without `.md` or slashes at either end ('' = home). */
export const PAGE_PATH_PATTERN = /^(?:[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*)?$/;
/** An icon shortcode name without the colons, e.g. `simple-googleplay`, `octicons-eye-16`. */
export const ICON_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function isAllowedAbsoluteUrl(value: string): boolean {
	try {
		return ALLOWED_PROTOCOLS.has(new URL(value).protocol);
	} catch {
		return false;
	}
}

/** An absolute http(s) (or mailto) URL, kept exactly as written on the page. */
const absoluteUrlSchema = z
	.string()
	.refine(isAllowedAbsoluteUrl, {message: 'must be an absolute http(s) or mailto URL'});

/** A URL on the Privacy Guides site itself. */
const privacyGuidesUrlSchema = z
	.string()
	.refine((value) => value.startsWith(`${PRIVACY_GUIDES_ORIGIN}/`) && isAllowedAbsoluteUrl(value), {
		message: `must be a URL under ${PRIVACY_GUIDES_ORIGIN}/`,
	});

const linkSchema = z.strictObject({
	/** Plain text of the link label (may be empty for an icon-only link). */
	label: z.string(),
	url: absoluteUrlSchema,
});

const threatSchema = z.strictObject({
	/** Label without its :icon: shortcode, in the page's language. */
	label: z.string().min(1),
	/** e.g. https://www.privacyguides.org/en/basics/common-threats/#security-and-privacy */
	url: privacyGuidesUrlSchema,
	/**
	 * The label's icon shortcode, e.g. `material-bug-outline`: the same for a threat in every language
	 * and on the common-threats page, so it ties a tag to its definition there (threats-page.ts).
	 * Absent when the label has no icon.
	 */
	icon: z.string().regex(ICON_PATTERN).optional(),
});

const downloadSchema = z.strictObject({
	label: z.string().min(1),
	/** Icon shortcode name, e.g. `simple-googleplay`, `fontawesome-brands-windows`, `octicons-browser-16`. */
	icon: z.string().regex(ICON_PATTERN),
	url: absoluteUrlSchema,
});

const noteSchema = z.strictObject({
	/** `paragraph`, `list`, `footnote`, or the admonition type (`danger`, `note`, `warning`, ...). */
	kind: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
	/** Admonition title / <summary> text, or the footnote id. */
	title: z.string().min(1).optional(),
	text: z.string(),
	links: z.array(linkSchema),
});

/**
 * Card links by kind. Known icons map to fixed keys (octicons-eye-16 → privacyPolicy,
 * octicons-info-16 → documentation, octicons-code-16 → sourceCode, octicons-heart-16 → contribute);
 * any other icon gives the camelCased icon name (e.g. simple-torbrowser → simpleTorbrowser).
 */
const toolLinksSchema = z
	.object({
		homepage: absoluteUrlSchema,
		privacyPolicy: absoluteUrlSchema.optional(),
		documentation: absoluteUrlSchema.optional(),
		sourceCode: absoluteUrlSchema.optional(),
		contribute: absoluteUrlSchema.optional(),
	})
	.catchall(absoluteUrlSchema);

const toolSchema = z.strictObject({
	name: z.string().min(1),
	/** Enclosing headings, outermost first, e.g. ["Photo Management", "PhotoPrism"]; absent when none. */
	heading: z.array(z.string().min(1)).min(1).optional(),
	/** Plain text of the card's description paragraphs, separated by blank lines. */
	summary: z.string().min(1),
	summaryLinks: z.array(linkSchema),
	links: toolLinksSchema,
	downloads: z.array(downloadSchema),
	/** Paragraphs, lists, admonitions and footnotes after the card, up to the next heading or card. */
	notes: z.array(noteSchema),
	/** 1-based line of the card's opening <div>. */
	line: z.number().int().positive(),
});

/**
 * One named group of criteria: a criteria section, or one of its sub-headings when the page groups its
 * criteria under several headings (email, VPN: Technology, Privacy, Security, Trust, Marketing…).
 */
const criteriaGroupSchema = z.strictObject({
	/** Enclosing headings down to the group's own, outermost first, e.g. ["Criteria", "Technology"]. */
	heading: z.array(z.string().min(1)).min(1),
	/** The group's paragraphs that are not criteria (its introduction), separated by blank lines. */
	text: z.string(),
	/** Top-level bullets; a nested bullet is appended to its parent as "\n- child". */
	minimum: z.array(z.string().min(1)),
	bestCase: z.array(z.string().min(1)),
	/** 1-based line of the group's heading. */
	line: z.number().int().positive(),
});

const criteriaSchema = z.strictObject({
	/** Every group's minimum requirements, in page order (the photo page has one group). */
	minimum: z.array(z.string().min(1)),
	/** Every group's best-case criteria, in page order. */
	bestCase: z.array(z.string().min(1)),
	/** The groups, in page order; empty when the page has no criteria section. */
	groups: z.array(criteriaGroupSchema),
});

export const importedPageSchema = z.strictObject({
	title: z.string().min(1),
	description: z.string(),
	lang: z.string().regex(LANG_PATTERN),
	pagePath: z.string().regex(PAGE_PATH_PATTERN),
	/** https://www.privacyguides.org/<lang>/<pagePath>/ */
	url: privacyGuidesUrlSchema,
	threats: z.array(threatSchema),
	intro: z.string(),
	tools: z.array(toolSchema),
	criteria: criteriaSchema,
});

export type ImportedPage = z.infer<typeof importedPageSchema>;
export type ImportedTool = z.infer<typeof toolSchema>;
export type ImportedLink = z.infer<typeof linkSchema>;
export type ImportedDownload = z.infer<typeof downloadSchema>;
export type ImportedNote = z.infer<typeof noteSchema>;
export type ImportedThreat = z.infer<typeof threatSchema>;
export type ImportedCriteriaGroup = z.infer<typeof criteriaGroupSchema>;

// ---------------------------------------------------------------------------------------------
// The two pages the category pages link to, each read by its own reader (the CLI picks the reader
// by page path: basics/common-threats, about/criteria; parse.ts: pageKindOf).

const pageHeadShape = {
	title: z.string().min(1),
	description: z.string(),
	lang: z.string().regex(LANG_PATTERN),
	pagePath: z.string().regex(PAGE_PATH_PATTERN),
	/** https://www.privacyguides.org/<lang>/<pagePath>/ */
	url: privacyGuidesUrlSchema,
};

/** One threat of the common-threats page (threats-page.ts). */
const threatDefinitionSchema = z.strictObject({
	/**
	 * The term's icon shortcode, e.g. `material-bug-outline`: the same in every language, and the
	 * `icon` of the category pages' threat tags (ImportedThreat.icon) for this threat.
	 */
	icon: z.string().regex(ICON_PATTERN),
	/** The term's colour class, e.g. `pg-orange`. */
	colour: z.string().regex(/^pg-[a-z]+(?:-[a-z]+)*$/),
	/** The term, in the page's language, e.g. "Passive Attacks", "Attaques passives". */
	name: z.string().min(1),
	/** Plain text of the definition. */
	explanation: z.string().min(1),
	explanationLinks: z.array(linkSchema),
	/** The heading whose section opens with this threat's tag (e.g. "Security and Privacy"), when one does. */
	section: z.strictObject({heading: z.string().min(1), line: z.number().int().positive()}).optional(),
	/** 1-based line of the term. */
	line: z.number().int().positive(),
});

export const importedThreatsPageSchema = z.strictObject({
	...pageHeadShape,
	/** The paragraphs before the first term. */
	intro: z.string(),
	definitions: z.array(threatDefinitionSchema).min(1),
});

/** The general-criteria page, about/criteria (criteria-page.ts). */
export const importedCriteriaPageSchema = z.strictObject({
	...pageHeadShape,
	/** The paragraphs before the list of priorities. */
	intro: z.string(),
	/** "- **Security**: Tools should follow security best practices…" → {name: "Security", text: "Tools should…"}. */
	priorities: z
		.array(
			z.strictObject({
				name: z.string().min(1),
				text: z.string().min(1),
				links: z.array(linkSchema),
				line: z.number().int().positive(),
			}),
		)
		.min(1),
	/** One per heading after the priorities: its paragraphs and list items ("\n- child" for nested ones). */
	sections: z.array(
		z.strictObject({
			heading: z.string().min(1),
			text: z.string(),
			items: z.array(z.string().min(1)),
			line: z.number().int().positive(),
		}),
	),
});

export type ImportedThreatDefinition = z.infer<typeof threatDefinitionSchema>;
export type ImportedThreatsPage = z.infer<typeof importedThreatsPageSchema>;
export type ImportedCriteriaPage = z.infer<typeof importedCriteriaPageSchema>;
