/**
 * Custom sites: a site the person considers a cloud photo service, added in the options.
 *
 * `parseCustomSite` turns what the person typed ("photos.example.net", "https://photos.example.net/u/0",
 * "HTTP://Photos.Example.NET:8443") into one host, or a specific reason to refuse it. It is pure and
 * synchronous on purpose: the options page must call `permissions.request` in the same click, with no
 * await before it, and it validates first so that it never asks for a site it would then refuse.
 * The background validates again before registering anything.
 *
 * Decisions:
 * - A custom site is one exact host over https (the extension only ever reads https pages). The
 *   scheme, port, path, query and credentials are dropped; the permission asked is `https://host/*`.
 * - IP addresses, single-label names ("nas", "localhost") and local-network suffixes (.local,
 *   .internal, .home.arpa, .lan...) are refused: they name machines on the person's own network —
 *   typically the self-hosted setup we recommend — where the banner's concern ("the provider can see
 *   your photos") would be false. A public IP serving a photo service over https is rare enough to
 *   leave out.
 * - Hosts the catalogue already knows are refused (the catalogue's rules are more precise, e.g. only
 *   the /photos area of amazon.com), and so are hosts on the never-flag list (services that encrypt
 *   end to end, like Ente): the message says which.
 */
import {dataset, localize} from '../data';
import type {Dataset, Language} from '../data/schema';
import {dataLanguage, t} from './i18n';
import {MAX_CUSTOM_SITES, customHostSchema} from './settings';
import {hostMatches} from './url-match';

export type CustomSiteError =
	| {code: 'empty'}
	| {code: 'invalid'}
	| {code: 'scheme'}
	| {code: 'ip'}
	| {code: 'local'}
	| {code: 'catalogued'; name: string}
	| {code: 'never-flag'; name: string}
	| {code: 'duplicate'; host: string}
	| {code: 'too-many'};
export type CustomSiteResult = {ok: true; host: string} | {ok: false; error: CustomSiteError};

const LOCAL_SUFFIXES = [
	'.local',
	'.localhost',
	'.internal',
	'.intranet',
	'.lan',
	'.home',
	'.home.arpa',
	'.localdomain',
	'.corp',
	'.private',
];

/** What the catalogue knows, reduced to names and hosts (names in the UI language). */
export type KnownHosts = ReadonlyArray<{name: string; hosts: readonly string[]; never: boolean}>;

export function knownHosts(
	dataset: Pick<Dataset, 'services' | 'neverFlag'>,
	nameOf: (service: Dataset['services'][number]) => string,
): KnownHosts {
	return [
		...dataset.neverFlag.map((entry) => ({
			name: entry.name,
			hosts: entry.rules.flatMap((rule) => rule.hosts),
			never: true,
		})),
		...dataset.services.map((service) => ({
			name: nameOf(service),
			hosts: service.match.rules.flatMap((rule) => rule.hosts),
			never: false,
		})),
	];
}

let catalogue: {lang: Language; hosts: KnownHosts} | undefined;
/** The embedded catalogue's hosts, named in the data language: what the options page and the background check against. */
export function catalogueHosts(): KnownHosts {
	const lang = dataLanguage();
	if (catalogue?.lang !== lang)
		catalogue = {lang, hosts: knownHosts(dataset, (service) => localize(service.name, lang))};
	return catalogue.hosts;
}

/** The match pattern (and permission origin) for a custom host: the options page asks for it, the background registers it. */
export function customSitePattern(host: string): string {
	return `https://${host}/*`;
}

function toUrl(input: string): URL | CustomSiteError {
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return {code: 'invalid'};
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return {code: 'scheme'};
	return url;
}

export function parseCustomSite(input: string, known: KnownHosts, existing: readonly string[] = []): CustomSiteResult {
	const text = input.trim();
	if (text === '') return {ok: false, error: {code: 'empty'}};
	if (text.length > 2048 || /\s/.test(text)) return {ok: false, error: {code: 'invalid'}};
	const url = toUrl(text);
	if (!(url instanceof URL)) return {ok: false, error: url};
	const host = url.hostname.replace(/\.$/, '');
	if (host.startsWith('[') || /^[\d.]+$/.test(host) || /^0x/i.test(host)) return {ok: false, error: {code: 'ip'}};
	if (!host.includes('.') || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix)))
		return {ok: false, error: {code: 'local'}};
	if (!customHostSchema.safeParse(host).success) return {ok: false, error: {code: 'invalid'}};
	for (const entry of known) {
		if (entry.hosts.some((pattern) => hostMatches(host, pattern))) {
			return {
				ok: false,
				error: entry.never ? {code: 'never-flag', name: entry.name} : {code: 'catalogued', name: entry.name},
			};
		}
	}
	if (existing.includes(host)) return {ok: false, error: {code: 'duplicate', host}};
	if (existing.length >= MAX_CUSTOM_SITES) return {ok: false, error: {code: 'too-many'}};
	return {ok: true, host};
}

/** The person-facing reason a site was refused, in the UI language. */
export function customSiteErrorText(error: CustomSiteError): string {
	switch (error.code) {
		case 'empty':
			return t('customSiteErrorEmpty');
		case 'invalid':
			return t('customSiteErrorInvalid');
		case 'scheme':
			return t('customSiteErrorScheme');
		case 'ip':
			return t('customSiteErrorIp');
		case 'local':
			return t('customSiteErrorLocal');
		case 'catalogued':
			return t('customSiteErrorCatalogued', error.name);
		case 'never-flag':
			return t('customSiteErrorNeverFlag', error.name);
		case 'duplicate':
			return t('customSiteErrorDuplicate', error.host);
		case 'too-many':
			return t('customSiteErrorTooMany', String(MAX_CUSTOM_SITES));
	}
}
