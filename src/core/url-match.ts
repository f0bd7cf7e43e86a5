/**
 * The precise URL matcher: decides from the whole URL whether a page belongs to a catalogued service.
 *
 * Content-script match patterns can only say "this host, this path prefix"; they cannot tell
 * amazon.com/photos from amazon.com/photoshop-elements, nor read a query parameter reliably. So the
 * patterns (generated from the same rules, see `matchPatternsFor`) decide where the script may run,
 * and this module decides, from the whole URL, whether the page is really a photo service.
 *
 * Context-free: no browser API, no DOM. Used by the content script, the background and the build.
 */

/** Mirrors `urlRuleSchema` in src/data/schema.ts (kept structural so the content bundle stays tiny). */
export type Rule = {
	readonly hosts: readonly string[];
	readonly paths?: readonly string[] | undefined;
	readonly exclude?: readonly string[] | undefined;
	readonly query?: Readonly<Record<string, string>> | undefined;
};
export type RuleSet = {readonly id: string; readonly rules: readonly Rule[]};

/** Parses an https URL, or returns undefined for anything else (other schemes, garbage, non-strings). */
export function parseHttpsUrl(input: unknown): URL | undefined {
	if (typeof input !== 'string' || input.length > 8192) return undefined;
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		return undefined;
	}
	return url.protocol === 'https:' ? url : undefined;
}

export function hostMatches(host: string, pattern: string): boolean {
	if (pattern.startsWith('*.')) {
		const parent = pattern.slice(1); // ".example.com"
		return host.length > parent.length && host.endsWith(parent);
	}
	return host === pattern;
}

/** "/photos" matches /photos, /photos/ and /photos/x, never /photoshop; "*" is one non-empty segment. */
export function pathMatches(path: string, pattern: string): boolean {
	const want = pattern.split('/').slice(1);
	if (want.at(-1) === '') want.pop(); // "/photos/" means the same as "/photos"
	const have = path.split('/').slice(1);
	if (want.length === 0) return true; // "/" matches every path
	if (have.length < want.length) return false;
	return want.every((segment, i) => {
		const actual = have[i]!;
		return segment === '*' ? actual !== '' : actual === segment;
	});
}

export function ruleMatches(url: URL, rule: Rule): boolean {
	if (url.protocol !== 'https:') return false;
	const host = url.hostname;
	if (!rule.hosts.some((pattern) => hostMatches(host, pattern))) return false;
	if (rule.paths && !rule.paths.some((pattern) => pathMatches(url.pathname, pattern))) return false;
	if (rule.exclude?.some((pattern) => pathMatches(url.pathname, pattern))) return false;
	if (rule.query) {
		for (const [name, value] of Object.entries(rule.query)) {
			if (url.searchParams.get(name) !== value) return false;
		}
	}
	return true;
}

/** Whether one of the rules of `sets` names `host` (and passes `test`, if given). */
export function someRuleOnHost(host: string, sets: readonly RuleSet[], test: (rule: Rule) => boolean = () => true) {
	return sets.some((set) =>
		set.rules.some((rule) => test(rule) && rule.hosts.some((pattern) => hostMatches(host, pattern))),
	);
}

/**
 * Whether the address within `host` can change which of `sets` a page belongs to: one of their rules names the
 * host with paths, exclusions or a query. Where none does, the host alone decides, and a navigation within a page
 * (which cannot change its host) cannot change the answer.
 */
export function addressDecides(host: string, sets: readonly RuleSet[]): boolean {
	return someRuleOnHost(
		host,
		sets,
		(rule) => rule.paths !== undefined || rule.exclude !== undefined || rule.query !== undefined,
	);
}

/**
 * The id of the first service whose rules match `input`, or undefined. Anything listed in `never`
 * (the private alternatives) wins over every service.
 */
export function findService(
	input: unknown,
	services: readonly RuleSet[],
	never: readonly RuleSet[] = [],
): string | undefined {
	const url = parseHttpsUrl(input);
	if (!url) return undefined;
	if (never.some((entry) => entry.rules.some((rule) => ruleMatches(url, rule)))) return undefined;
	return services.find((service) => service.rules.some((rule) => ruleMatches(url, rule)))?.id;
}

/**
 * Content-script match patterns for a service. With inject "host" the script runs on the rules' whole
 * hosts, so that it can follow client-side navigation into and out of the photos area.
 */
export function matchPatternsFor(rules: readonly Rule[], inject: 'rules' | 'host'): string[] {
	const patterns = new Set<string>();
	for (const rule of rules) {
		for (const host of rule.hosts) {
			if (inject === 'host' || !rule.paths) {
				patterns.add(`https://${host}/*`);
				continue;
			}
			for (const path of rule.paths) {
				// A "*" segment is a "*" in a match pattern too; the pattern is wider, the matcher exact.
				const prefix = path.replace(/\/$/, '');
				patterns.add(prefix === '' ? `https://${host}/*` : `https://${host}${prefix}*`);
			}
		}
	}
	return [...patterns].sort();
}
