import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {NEVER_FLAG_RULES, SERVICE_RULES} from '../data/rules';
import {
	addressDecides,
	findService,
	hostMatches,
	matchPatternsFor,
	parseHttpsUrl,
	pathMatches,
	ruleMatches,
	type RuleSet,
} from './url-match';

const services: RuleSet[] = [
	{id: 'google-photos', rules: [{hosts: ['photos.google.com']}]},
	{id: 'amazon-photos', rules: [{hosts: ['www.amazon.com', 'www.amazon.de'], paths: ['/photos']}]},
	{id: 'onedrive', rules: [{hosts: ['onedrive.live.com'], query: {view: '8'}}]},
	{id: 'facebook', rules: [{hosts: ['www.facebook.com'], paths: ['/*/photos', '/media/set']}]},
	{id: 'smugmug', rules: [{hosts: ['*.smugmug.com']}]},
];
const never: RuleSet[] = [{id: 'ente', rules: [{hosts: ['photos.ente.com']}]}];

describe('parseHttpsUrl', () => {
	it('accepts https URLs only', () => {
		expect(parseHttpsUrl('https://photos.google.com/')?.hostname).toBe('photos.google.com');
		for (const bad of [
			'http://photos.google.com/',
			'ftp://x.org/',
			'javascript:alert(1)',
			'not a url',
			'',
			42,
			null,
			undefined,
			{},
		]) {
			expect(parseHttpsUrl(bad)).toBeUndefined();
		}
		expect(parseHttpsUrl(`https://photos.google.com/${'a'.repeat(9000)}`)).toBeUndefined();
	});
});

describe('hostMatches', () => {
	it('matches exact hosts and, with "*.", subdomains only', () => {
		expect(hostMatches('photos.google.com', 'photos.google.com')).toBe(true);
		expect(hostMatches('google.com', 'photos.google.com')).toBe(false);
		expect(hostMatches('evilphotos.google.com', 'photos.google.com')).toBe(false);
		expect(hostMatches('alice.smugmug.com', '*.smugmug.com')).toBe(true);
		expect(hostMatches('a.b.smugmug.com', '*.smugmug.com')).toBe(true);
		expect(hostMatches('smugmug.com', '*.smugmug.com')).toBe(false);
		expect(hostMatches('evilsmugmug.com', '*.smugmug.com')).toBe(false);
		expect(hostMatches('smugmug.com.evil.org', '*.smugmug.com')).toBe(false);
	});
});

describe('pathMatches', () => {
	it.each([
		['/photos', '/photos', true],
		['/photos/', '/photos', true],
		['/photos/all', '/photos', true],
		['/photoshop-elements', '/photos', false],
		['/photo', '/photos', false],
		['/', '/photos', false],
		['/gp/photos', '/photos', false],
		['/alice/photos', '/*/photos', true],
		['/alice/photos/123', '/*/photos', true],
		['//photos', '/*/photos', false],
		['/photos', '/*/photos', false],
		['/anything', '/', true],
		['/photos/x', '/photos/', true],
	])('%s against %s → %s', (path, pattern, expected) => {
		expect(pathMatches(path, pattern)).toBe(expected);
	});
});

describe('findService', () => {
	it.each([
		['https://photos.google.com/', 'google-photos'],
		['https://photos.google.com/u/1/album/abc', 'google-photos'],
		['https://photos.google.com:443/share/x?key=y#frag', 'google-photos'],
		['https://www.amazon.com/photos', 'amazon-photos'],
		['https://www.amazon.de/photos/all?sort=x', 'amazon-photos'],
		['https://onedrive.live.com/?view=8', 'onedrive'],
		['https://onedrive.live.com/?id=root&view=8&photosData=%2Falbum', 'onedrive'],
		['https://www.facebook.com/alice/photos', 'facebook'],
		['https://www.facebook.com/media/set/?set=a.1', 'facebook'],
		['https://alice.smugmug.com/Family', 'smugmug'],
	])('%s is %s', (url, id) => {
		expect(findService(url, services, never)).toBe(id);
	});

	it.each([
		'https://google.com/',
		'https://www.google.com/search?q=photos.google.com',
		'https://evil.example/?u=https://photos.google.com/',
		'https://evil.example/photos.google.com/',
		'https://photos.google.com.evil.example/',
		'https://photos-google.com/',
		'https://photos.google.co/',
		'http://photos.google.com/',
		'https://photos.google.com@evil.example/',
		'https://www.amazon.com/',
		'https://www.amazon.com/photoshop-elements',
		'https://www.amazon.com/s?k=photos',
		'https://www.amazon.fr/photos',
		'https://amazon.com/photos',
		'https://onedrive.live.com/?view=1',
		'https://onedrive.live.com/?view=80',
		'https://onedrive.live.com/#view=8',
		'https://www.facebook.com/',
		'https://www.facebook.com/photos',
		'https://smugmug.com/',
		'https://photos.ente.com/',
		'not a url',
	])('%s is not a service', (url) => {
		expect(findService(url, services, never)).toBeUndefined();
	});

	it('never flags an alternative even when a service rule would match it', () => {
		const greedy: RuleSet[] = [{id: 'greedy', rules: [{hosts: ['*.ente.com']}]}];
		expect(findService('https://photos.ente.com/gallery', greedy, never)).toBeUndefined();
		expect(findService('https://other.ente.com/', greedy, never)).toBe('greedy');
	});

	it('never matches a host that is not a listed host or one of its subdomains (property)', () => {
		const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
		fc.assert(
			fc.property(fc.array(label, {minLength: 1, maxLength: 4}), fc.webPath(), (labels, path) => {
				const host = labels.join('.');
				const result = findService(`https://${host}${path}`, services, never);
				if (result === undefined) return true;
				const rule = services.find((s) => s.id === result)!.rules[0]!;
				return rule.hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
			}),
			{numRuns: 2000},
		);
	});

	it('never throws, whatever the input (property)', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.webUrl({withQueryParameters: true, withFragments: true}), fc.string(), fc.anything()),
				(input) => {
					findService(input, services, never);
				},
			),
			{numRuns: 2000},
		);
	});
});

describe('addressDecides', () => {
	it.each([
		['www.amazon.com', true], // paths
		['onedrive.live.com', true], // a query only
		['photos.google.com', false], // the whole host
		['alice.smugmug.com', false],
		['photos.ente.com', false],
		['example.org', false], // no rule: a site the person added
	])('in the fixtures, %s: %s', (host, decides) => {
		expect(addressDecides(host, [...services, ...never])).toBe(decides);
	});

	it('counts an exclusion alone', () => {
		expect(addressDecides('x.example', [{id: 'x', rules: [{hosts: ['x.example'], exclude: ['/search']}]}])).toBe(true);
	});

	// The catalogue as shipped: where the content script follows navigations from the start (src/content/index.ts).
	it.each([
		['www.amazon.com', true],
		['www.icloud.com', true],
		['www.flickr.com', true],
		['onedrive.live.com', true],
		['photos.google.com', false],
		['photos.onedrive.com', false],
		['photo.mybox.naver.com', false],
	])('in the catalogue, %s: %s', (host, decides) => {
		expect(addressDecides(host, [...SERVICE_RULES, ...NEVER_FLAG_RULES])).toBe(decides);
	});
});

describe('ruleMatches', () => {
	it('needs every query parameter to have its value', () => {
		const rule = {hosts: ['x.example'], query: {view: '8', a: 'b'}};
		expect(ruleMatches(new URL('https://x.example/?view=8&a=b'), rule)).toBe(true);
		expect(ruleMatches(new URL('https://x.example/?view=8'), rule)).toBe(false);
	});
});

describe('matchPatternsFor', () => {
	it('gives path patterns for "rules" and host patterns for "host"', () => {
		expect(matchPatternsFor([{hosts: ['www.amazon.com', 'www.amazon.de'], paths: ['/photos']}], 'rules')).toEqual([
			'https://www.amazon.com/photos*',
			'https://www.amazon.de/photos*',
		]);
		expect(matchPatternsFor([{hosts: ['www.amazon.com'], paths: ['/photos']}], 'host')).toEqual([
			'https://www.amazon.com/*',
		]);
		expect(matchPatternsFor([{hosts: ['photos.google.com']}], 'rules')).toEqual(['https://photos.google.com/*']);
		expect(matchPatternsFor([{hosts: ['www.facebook.com'], paths: ['/*/photos', '/']}], 'rules')).toEqual([
			'https://www.facebook.com/*',
			'https://www.facebook.com/*/photos*',
		]);
	});

	it('every URL the matcher accepts is covered by a generated pattern (property)', () => {
		const toRegex = (pattern: string) =>
			new RegExp(
				`^${pattern
					.replaceAll(/[.+?^${}()|[\]\\]/g, '\\$&')
					.replace('https://\\*\\.', 'https://([^/]+\\.)?')
					.replaceAll('*', '.*')}$`,
			);
		for (const service of services) {
			for (const inject of ['rules', 'host'] as const) {
				const patterns = matchPatternsFor(service.rules, inject).map(toRegex);
				for (const url of [
					'https://photos.google.com/u/0/',
					'https://www.amazon.de/photos/x',
					'https://onedrive.live.com/?view=8',
					'https://www.facebook.com/bob/photos',
					'https://bob.smugmug.com/a',
				]) {
					if (findService(url, [service]) === service.id) {
						const u = new URL(url);
						expect(patterns.some((p) => p.test(`https://${u.host}${u.pathname}${u.search}`))).toBe(true);
					}
				}
			}
		}
	});
});
