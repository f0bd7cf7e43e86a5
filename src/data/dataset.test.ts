/**
 * The embedded dataset as data: valid, coherent, traceable, and exactly what `npm run data` writes.
 */
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {findService, ruleMatches, type RuleSet} from '../core/url-match';
import {checkDataset} from '../../scripts/data/build-dataset';
import {generate} from '../../scripts/generate-data';
import {datasetSchema, LANGUAGES, type Dataset} from './schema';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATASET_TEXT = readFileSync(path.join(ROOT, 'src/data/dataset.json'), 'utf8');
const raw: unknown = JSON.parse(DATASET_TEXT);
const dataset = raw as Dataset;

const ids = (list: readonly {id: string}[]) => list.map((item) => item.id);
const sorted = (list: readonly string[]) => [...list].sort();

/** Every string in a JSON value, with its path. */
function strings(value: unknown, at = ''): [string, string][] {
	if (typeof value === 'string') return [[at, value]];
	if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${at}[${i}]`));
	if (value !== null && typeof value === 'object')
		return Object.entries(value).flatMap(([key, item]) => strings(item, `${at}.${key}`));
	return [];
}

/** Every {en, fr?} text object in a JSON value, with its path. */
function texts(value: unknown, at = ''): [string, Record<string, unknown>][] {
	if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${at}[${i}]`));
	if (value === null || typeof value !== 'object') return [];
	const object = value as Record<string, unknown>;
	if (typeof object.en === 'string') return [[at, object]];
	return Object.entries(object).flatMap(([key, item]) => texts(item, `${at}.${key}`));
}

describe('dataset.json', () => {
	it('matches the schema', () => {
		const result = datasetSchema.safeParse(raw);
		expect(result.success ? [] : result.error.issues).toEqual([]);
	});

	it('passes the generator’s own invariants', () => {
		expect(checkDataset(dataset)).toEqual([]);
	});

	it('has unique ids, sorted where the order carries no meaning', () => {
		for (const list of [
			dataset.sources,
			dataset.tools,
			dataset.criteria,
			dataset.threats,
			dataset.services,
			dataset.neverFlag,
		]) {
			expect(new Set(ids(list)).size).toBe(list.length);
		}
		expect(ids(dataset.sources)).toEqual(sorted(ids(dataset.sources)));
		expect(ids(dataset.tools)).toEqual(sorted(ids(dataset.tools)));
		expect(ids(dataset.services)).toEqual(sorted(ids(dataset.services)));
		expect(ids(dataset.neverFlag)).toEqual(sorted(ids(dataset.neverFlag)));
		// Criteria keep the page's order (minimum first, then best case); evaluations follow tools, then criteria.
		expect(dataset.criteria.map((c) => c.level)).toEqual(
			[...dataset.criteria.map((c) => c.level)].sort((a, b) => (a === b ? 0 : a === 'minimum' ? -1 : 1)),
		);
		const order = dataset.evaluations.map(
			(e) => [ids(dataset.tools).indexOf(e.tool), ids(dataset.criteria).indexOf(e.criterion)] as const,
		);
		expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
		for (const service of dataset.services)
			expect(Object.keys(service.import)).toEqual(sorted(Object.keys(service.import)));
	});

	it('uses https for every URL, in fields and in text', () => {
		const all = strings(raw);
		const insecure = all.filter(
			([, value]) => /\bhttp:\/\//i.test(value) || /^(?!https:)[a-z][a-z0-9+.-]*:\/\//i.test(value),
		);
		expect(insecure).toEqual([]);
		const URL_FIELD =
			/(\.(url|source|homepage|privacyPolicy|documentation|sourceCode|contribute)|\.(url|recommendedOn)\.(en|fr)|\.(examples|counterexamples)\[\d+\])$/;
		const urlFields = all.filter(([at]) => URL_FIELD.test(at));
		expect(urlFields.length).toBeGreaterThan(100);
		expect(urlFields.filter(([, value]) => new URL(value).protocol !== 'https:')).toEqual([]);
	});

	it('resolves every reference', () => {
		const sourceIds = new Set(ids(dataset.sources));
		const toolIds = new Set(ids(dataset.tools));
		const criterionIds = new Set(ids(dataset.criteria));
		for (const tool of dataset.tools) expect(sourceIds, tool.id).toContain(tool.sourcePage);
		for (const criterion of dataset.criteria)
			if (criterion.by.by === 'privacyguides')
				for (const page of criterion.by.pages) expect(sourceIds, criterion.id).toContain(page);
		for (const evaluation of dataset.evaluations) {
			expect(toolIds).toContain(evaluation.tool);
			expect(criterionIds).toContain(evaluation.criterion);
		}
		for (const service of dataset.services) {
			for (const toolId of Object.keys(service.import)) expect(toolIds, `${service.id} → ${toolId}`).toContain(toolId);
		}
	});

	it('evaluates every tool against every criterion exactly once', () => {
		for (const tool of dataset.tools) {
			for (const criterion of dataset.criteria) {
				const matching = dataset.evaluations.filter((e) => e.tool === tool.id && e.criterion === criterion.id);
				expect(matching, `${tool.id} × ${criterion.id}`).toHaveLength(1);
			}
		}
		expect(dataset.evaluations).toHaveLength(dataset.tools.length * dataset.criteria.length);
	});

	it('has every language for every text: every tool, criterion, threat and service in each of the ten', () => {
		const found = texts(raw);
		expect(found.length).toBeGreaterThan(50);
		const missing = found.flatMap(([at, text]) =>
			LANGUAGES.filter((lang) => {
				const value = text[lang];
				return typeof value !== 'string' || value.trim() === '';
			}).map((lang) => `${at}.${lang}`),
		);
		expect(missing).toEqual([]);
		for (const lang of LANGUAGES) {
			for (const tool of dataset.tools) {
				expect(tool.summary[lang], `${tool.id} ${lang}`).toBeTruthy();
				expect(tool.recommendedOn[lang], `${tool.id} ${lang}`).toMatch(/^https:\/\/www\.privacyguides\.org\//);
			}
			for (const criterion of dataset.criteria) expect(criterion.text[lang], `${criterion.id} ${lang}`).toBeTruthy();
			for (const threat of dataset.threats) {
				expect(threat.label[lang], `${threat.id} ${lang}`).toBeTruthy();
				expect(threat.explanation[lang], `${threat.id} ${lang}`).toBeTruthy();
			}
			// Privacy Guides' page in each language, for every kind of page the advice comes from.
			expect(sorted(dataset.sources.filter((page) => page.lang === lang).map((page) => page.pagePath)), lang).toEqual([
				'basics/common-threats',
				'photo-management',
				'self-hosting/file-management',
			]);
		}
	});

	it("is typeset like the extension's own messages: curly apostrophes, no straight quotes but in English; in French, no-break spaces before : ; ? ! and inside « »", () => {
		const wrong: string[] = [];
		for (const [at, text] of texts(raw)) {
			for (const [lang, value] of Object.entries(text)) {
				if (typeof value !== 'string' || value.startsWith('https://')) continue;
				if (
					value.includes("'") ||
					(lang !== 'en' && value.includes('"')) ||
					(lang === 'fr' && / [:;?!»]|« |[^\u00a0\u202f ][:;?!](?=\s|$)/.test(value))
				)
					wrong.push(`${at}.${lang}: ${value}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('gives every service examples that match it and no other, and counterexamples that match nothing', () => {
		const services: RuleSet[] = dataset.services.map(({id, match}) => ({id, rules: match.rules}));
		const never: RuleSet[] = dataset.neverFlag.map(({id, rules}) => ({id, rules}));
		for (const service of dataset.services) {
			expect(service.match.examples.length, service.id).toBeGreaterThan(0);
			for (const example of service.match.examples) {
				const url = new URL(example);
				const matching = services.filter((s) => s.rules.some((rule) => ruleMatches(url, rule))).map((s) => s.id);
				expect(matching, example).toEqual([service.id]);
				expect(findService(example, services, never), example).toBe(service.id);
			}
			const hosts = service.match.rules.flatMap((rule) => rule.hosts);
			for (const counterexample of service.match.counterexamples) {
				expect(hosts, `${counterexample} is on one of ${service.id}'s hosts`).toContain(
					new URL(counterexample).hostname,
				);
				expect(findService(counterexample, services, never), counterexample).toBeUndefined();
			}
		}
	});

	it('never lets a service host equal or sit under a never-flag host', () => {
		const base = (host: string) => host.replace(/^\*\./, '');
		const covers = (parent: string, host: string) =>
			base(host) === base(parent) || base(host).endsWith(`.${base(parent)}`);
		const neverHosts = dataset.neverFlag.flatMap((entry) => entry.rules.flatMap((rule) => rule.hosts));
		for (const service of dataset.services) {
			for (const host of service.match.rules.flatMap((rule) => rule.hosts)) {
				for (const never of neverHosts) {
					expect(covers(never, host) || covers(host, never), `${service.id}: ${host} vs ${never}`).toBe(false);
				}
			}
		}
	});

	it('keeps unverified export routes honest', () => {
		for (const service of dataset.services) {
			for (const route of [service.export, ...Object.values(service.import)]) {
				if (route.verified) expect(route.by.by, service.id).toBe('provider');
				else expect(route.text.en, service.id).toMatch(/not verified/);
			}
			if (service.access.canSee === 'unknown') expect(service.access.concern.en, service.id).toMatch(/no evidence/i);
		}
	});

	it('is exactly what the generator writes, and so is each language’s page file (npm run data -- --check)', async () => {
		const files = await generate();
		expect([...files.keys()]).toEqual([
			'src/data/dataset.json',
			...LANGUAGES.map((lang) => `src/data/pages/${lang}.json`),
		]);
		expect(files.get('src/data/dataset.json')).toBe(DATASET_TEXT);
		for (const [file, text] of files) expect(readFileSync(path.join(ROOT, file), 'utf8'), file).toBe(text);
		expect(DATASET_TEXT.endsWith('}\n')).toBe(true);
		const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
		const {stdout} = await promisify(execFile)(tsx, ['scripts/generate-data.ts', '--check'], {cwd: ROOT});
		expect(stdout.match(/is up to date/g)).toHaveLength(files.size);
	}, 60_000);
});
