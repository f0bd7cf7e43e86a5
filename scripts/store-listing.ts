/**
 * The store listings as data: docs/store/listing.<language>.json, one file per shipped language (a new
 * language is a new file, and locales/<language>/ must exist). This module holds their schema, the stores'
 * limits, the checks (scripts/store-listing.test.ts and test/meta/permissions.test.ts run them), and what to
 * paste where:
 *
 *   npm run store:listing -- fr          every field for French, as each store's form asks for it
 *
 * Chrome Web Store: the name and the summary come from the package (manifest.json's __MSG_extName__ and
 * __MSG_extDescription__), so the listing must say the same; the description, the single purpose, each
 * permission's justification, the host permission justification, the remote-code answer and the data-usage
 * answers are typed in the dashboard. addons.mozilla.org: name, summary and description per language; its
 * data collection answer is the manifest's data_collection_permissions.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as z from 'zod';

/**
 * What the stores accept, in characters. Chrome: name 75 (from the manifest), summary 132 (the manifest's
 * description), description 16,000. addons.mozilla.org: name 50, summary 250; it takes the same description.
 * The dashboard fields for the single purpose and the justifications have no published limit: 1,000 keeps
 * each one a short paragraph a reviewer reads whole.
 */
export const LIMITS = {
	chromeName: 75,
	amoName: 50,
	chromeSummary: 132,
	amoSummary: 250,
	description: 16_000,
	singlePurpose: 1_000,
	justification: 1_000,
} as const;

/**
 * Host access that is not a permission key but that Chrome's dashboard asks to justify with the host
 * permissions: the content scripts' match patterns (generated from the catalogue by the build).
 */
export const HOST_GROUPS = ['content_scripts'] as const;

const text = z.string().trim().min(1);

export const listingSchema = z.strictObject({
	language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2}|-[A-Z]{2}|-[A-Z][a-z]{3})?$/),
	name: text,
	/** Chrome's summary is the manifest's description: locales/<language>/messages.json extDescription. */
	summary: text,
	/** addons.mozilla.org's summary, which may be longer. */
	amoSummary: text,
	description: z.strictObject({
		intro: z.array(text).min(1),
		doesHeading: text,
		does: z.array(text).min(1),
		neverDoesHeading: text,
		neverDoes: z.array(text).min(1),
		outro: z.array(text),
	}),
	singlePurpose: text,
	/**
	 * The store images of this language, written by `npm run screenshots` (scripts/screenshots.ts): the
	 * screenshots at 1280×800 and the small promo tile at 440×280 (test/meta/store-images.test.ts checks
	 * their pixels' dimensions), and the tile's one line under the name.
	 */
	images: z.strictObject({
		screenshots: z
			.array(z.string().regex(/^docs\/store\/images\/[a-z_A-Z-]+\/[a-z0-9-]+\.png$/))
			.min(1)
			.max(5),
		promoTile: z.string().regex(/^docs\/store\/images\/[a-z_A-Z-]+\/promo-tile\.png$/),
		promoTagline: text.max(60),
	}),
	/** One per permission of test/meta/permissions.ts PERMISSIONS, and one per HOST_GROUPS entry. */
	permissions: z.record(z.string(), text),
	remoteCode: z.strictObject({uses: z.literal(false), justification: text}),
	/** The dashboard's data-usage answers: the same in every language. */
	privacy: z.strictObject({
		collectsUserData: z.literal(false),
		dataTypes: z.array(z.string()).length(0),
		sellsOrTransfersData: z.literal(false),
		usesDataForUnrelatedPurposes: z.literal(false),
		usesDataForCreditworthiness: z.literal(false),
		firefoxDataCollection: z.array(z.string()),
		policyUrl: z.url(),
		statement: text,
	}),
});

export type Listing = z.infer<typeof listingSchema>;

export const LISTING_DIR = 'docs/store';
const FILE = /^listing\.([a-zA-Z_-]+)\.json$/;

/** Every listing file, validated; the language in the file name must be the one inside. */
export function loadListings(root: string): Listing[] {
	const dir = path.join(root, LISTING_DIR);
	return readdirSync(dir)
		.filter((file) => FILE.test(file))
		.sort()
		.map((file) => {
			const raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown;
			const result = listingSchema.safeParse(raw);
			if (!result.success)
				throw new Error(
					`${LISTING_DIR}/${file}:\n${result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
				);
			const language = FILE.exec(file)![1];
			if (result.data.language !== language)
				throw new Error(`${LISTING_DIR}/${file} says "language": "${result.data.language}"`);
			return result.data;
		});
}

/** The description as both stores take it: plain text, paragraphs and "• " lists separated by blank lines. */
export function renderDescription(listing: Listing): string {
	const {intro, doesHeading, does, neverDoesHeading, neverDoes, outro} = listing.description;
	const list = (items: string[]) => items.map((item) => `• ${item}`).join('\n');
	return [...intro, doesHeading, list(does), neverDoesHeading, list(neverDoes), ...outro].join('\n\n');
}

/** Chrome's one "Host permission justification" field: the optional host permissions, then the content scripts. */
export function hostJustification(listing: Listing, hostNames: string[]): string {
	return hostNames.map((name) => listing.permissions[name] ?? '').join('\n\n');
}

export type Context = {
	/** locales/<language>/messages.json */
	messages: Record<string, {message: string}>;
	/** Every permission the extension asks for (test/meta/permissions.ts), then the optional host permissions. */
	permissionNames: string[];
	hostPermissionNames: string[];
	/** manifest.json's browser_specific_settings.gecko.data_collection_permissions.required */
	firefoxDataCollection: unknown;
	homepage: string;
};

/** French typography: a no-break space before : ; ? ! and inside « », as in locales/fr (test/meta/locales.test.ts). */
const FRENCH_SPACING = / [:;?!»]|« |[^\u00a0\u202f ][:;?!](?=\s|$)|«(?!\u00a0)|(?<!\u00a0)»/;

/** Every text of a listing with where it is, for the typography and length checks. */
function texts(listing: Listing): Array<[string, string]> {
	const {description} = listing;
	return [
		['name', listing.name],
		['summary', listing.summary],
		['amoSummary', listing.amoSummary],
		...description.intro.map((t, i): [string, string] => [`description.intro.${i}`, t]),
		['description.doesHeading', description.doesHeading],
		...description.does.map((t, i): [string, string] => [`description.does.${i}`, t]),
		['description.neverDoesHeading', description.neverDoesHeading],
		...description.neverDoes.map((t, i): [string, string] => [`description.neverDoes.${i}`, t]),
		...description.outro.map((t, i): [string, string] => [`description.outro.${i}`, t]),
		['singlePurpose', listing.singlePurpose],
		['images.promoTagline', listing.images.promoTagline],
		...Object.entries(listing.permissions).map(([name, t]): [string, string] => [`permissions.${name}`, t]),
		['remoteCode.justification', listing.remoteCode.justification],
		['privacy.statement', listing.privacy.statement],
	];
}

/** What is wrong with a listing: lengths per store, agreement with the package, coverage, typography. */
export function listingProblems(listing: Listing, context: Context): string[] {
	const problems: string[] = [];
	const at = (field: string) => `${listing.language}: ${field}`;
	const max = (field: string, value: string, limit: number, store: string) => {
		if ([...value].length > limit)
			problems.push(`${at(field)} is ${[...value].length} characters, over ${store}'s ${limit}`);
	};
	max('name', listing.name, LIMITS.chromeName, 'the Chrome Web Store');
	max('name', listing.name, LIMITS.amoName, 'addons.mozilla.org');
	max('summary', listing.summary, LIMITS.chromeSummary, 'the Chrome Web Store');
	max('amoSummary', listing.amoSummary, LIMITS.amoSummary, 'addons.mozilla.org');
	const description = renderDescription(listing);
	max('description', description, LIMITS.description, 'the Chrome Web Store');
	max('singlePurpose', listing.singlePurpose, LIMITS.singlePurpose, 'our cap for the dashboard');
	for (const [name, justification] of Object.entries(listing.permissions))
		max(`permissions.${name}`, justification, LIMITS.justification, 'our cap for the dashboard');
	max(
		'host permission justification',
		hostJustification(listing, [...context.hostPermissionNames, ...HOST_GROUPS]),
		LIMITS.justification,
		'our cap for the dashboard',
	);

	if (listing.name !== context.messages['extName']?.message)
		problems.push(`${at('name')} is not the package's name (extName): the stores take it from the manifest`);
	if (listing.summary !== context.messages['extDescription']?.message)
		problems.push(`${at('summary')} is not the manifest's description (extDescription), which Chrome shows`);

	const expected = [...context.permissionNames, ...HOST_GROUPS];
	for (const name of expected)
		if (!listing.permissions[name]) problems.push(`${at('permissions')}: no justification for \`${name}\``);
	for (const name of Object.keys(listing.permissions))
		if (!expected.includes(name))
			problems.push(`${at('permissions')}: a justification for \`${name}\`, which the extension does not ask for`);

	if (JSON.stringify(listing.privacy.firefoxDataCollection) !== JSON.stringify(context.firefoxDataCollection))
		problems.push(`${at('privacy.firefoxDataCollection')} is not the manifest's data_collection_permissions.required`);
	if (
		!listing.privacy.policyUrl.startsWith(`${context.homepage}/`) ||
		!listing.privacy.policyUrl.endsWith('/PRIVACY.md')
	)
		problems.push(`${at('privacy.policyUrl')} must be PRIVACY.md in the repository (${context.homepage})`);

	for (const [field, value] of texts(listing)) {
		if (/['"]/.test(value)) problems.push(`${at(field)}: a straight quote or apostrophe (use ’ “ ” or « »)`);
		if (listing.language === 'fr' && FRENCH_SPACING.test(value))
			problems.push(`${at(field)}: French needs a no-break space before : ; ? ! and inside « »`);
		if (/\s$|^\s|\s{2}/.test(value.replace(/[\u00a0\u202f]/g, 'x'))) problems.push(`${at(field)}: stray spaces`);
	}
	return problems;
}

/** Every field, labelled with the store and the form field it goes into. */
export function pasteSheet(listing: Listing, hostPermissionNames: string[]): string {
	const section = (title: string, body: string) => `=== ${title} (${[...body].length} characters)\n${body}\n`;
	const permissionNames = Object.keys(listing.permissions).filter(
		(name) => !hostPermissionNames.includes(name) && !(HOST_GROUPS as readonly string[]).includes(name),
	);
	return [
		section('Both stores: name (from the package)', listing.name),
		section('Chrome Web Store: summary (from the package)', listing.summary),
		section('addons.mozilla.org: summary', listing.amoSummary),
		section('Both stores: description', renderDescription(listing)),
		section(
			'Both stores: screenshots (1280×800, in this order; npm run screenshots makes them)',
			listing.images.screenshots.join('\n'),
		),
		section('Chrome Web Store: small promo tile (440×280)', listing.images.promoTile),
		section('Chrome Web Store, Privacy practices: single purpose', listing.singlePurpose),
		...permissionNames.map((name) =>
			section(`Chrome Web Store, Privacy practices: justification for ${name}`, listing.permissions[name]!),
		),
		section(
			'Chrome Web Store, Privacy practices: host permission justification',
			hostJustification(listing, [...hostPermissionNames, ...HOST_GROUPS]),
		),
		section(
			'Chrome Web Store, Privacy practices: remote code',
			`No, I am not using remote code.\n${listing.remoteCode.justification}`,
		),
		section(
			'Chrome Web Store, Privacy practices: data usage',
			[
				'Collected data types: none (tick no box).',
				'Tick all three certifications: no sale or transfer, no unrelated use, no creditworthiness or lending.',
				`Privacy policy URL: ${listing.privacy.policyUrl}`,
				listing.privacy.statement,
			].join('\n'),
		),
	].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
	const language = process.argv[2] ?? 'en';
	const listing = loadListings(root).find((entry) => entry.language === language);
	if (!listing) {
		console.error(`No ${LISTING_DIR}/listing.${language}.json. Usage: npm run store:listing -- <language>`);
		process.exit(1);
	}
	const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
		optional_host_permissions?: string[];
		host_permissions?: string[];
	};
	process.stdout.write(
		pasteSheet(listing, [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])]),
	);
}
