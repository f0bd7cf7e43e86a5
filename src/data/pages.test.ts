/**
 * The pages' per-language files (src/data/pages/<lang>.json): each is the dataset in that one language,
 * nothing but what the pages show, and loadPageData gives a page its own language's file.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {PAGE_DATA_FILES, pageData, serializePageData} from '../../scripts/data/page-data';
import {localize} from './localize';
import {pagesForReader, privacyGuidesPage} from '../ui/attribution';
import {loadPageData, type PageData} from './pages';
import {LANGUAGES, type Attribution, type Dataset} from './schema';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataset = JSON.parse(readFileSync(path.join(ROOT, 'src/data/dataset.json'), 'utf8')) as Dataset;
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Every {en, fr?} object left in a JSON value, with its path. */
function bilingual(value: unknown, at = ''): string[] {
	if (Array.isArray(value)) return value.flatMap((item, i) => bilingual(item, `${at}[${i}]`));
	if (value === null || typeof value !== 'object') return [];
	if (typeof (value as {en?: unknown}).en === 'string') return [at];
	return Object.entries(value).flatMap(([key, item]) => bilingual(item, `${at}.${key}`));
}

/** Every attribution (`by`) in a JSON value. */
function attributions(value: unknown): Attribution[] {
	if (Array.isArray(value)) return value.flatMap(attributions);
	if (value === null || typeof value !== 'object') return [];
	const own = 'by' in value && typeof value.by === 'object' ? [value.by as Attribution] : [];
	return [...own, ...Object.values(value).flatMap(attributions)];
}

describe('the pages’ per-language files', () => {
	it('there is one per language', () => {
		expect(PAGE_DATA_FILES.map(({lang}) => lang)).toEqual([...LANGUAGES]);
	});

	describe.each(PAGE_DATA_FILES)('$file', ({lang, file}) => {
		const text = read(file);
		const data = JSON.parse(text) as PageData;

		it('is the dataset in that language, as the generator writes it', () => {
			expect(text).toBe(serializePageData(pageData(dataset, lang)));
			expect(data.lang).toBe(lang);
		});

		it('holds every text in that one language, none in both', () => {
			expect(bilingual(data)).toEqual([]);
			for (const [index, service] of dataset.services.entries()) {
				const shown = data.services[index]!;
				expect(shown.name).toBe(localize(service.name, lang));
				expect(shown.access.concern).toBe(localize(service.access.concern, lang));
				expect(shown.export.text).toBe(localize(service.export.text, lang));
				for (const [tool, route] of Object.entries(service.import))
					expect(shown.import[tool]?.text).toBe(localize(route.text, lang));
			}
			for (const [index, evaluation] of dataset.evaluations.entries())
				expect(data.evaluations[index]!.reason).toBe(localize(evaluation.reason, lang));
			expect(data.intro).toEqual({text: localize(dataset.intro.text, lang), by: dataset.intro.by});
			// Curated texts have every language (dataset.test.ts): a French file is French.
			if (lang !== 'en') expect(data.intro.text).toBe(dataset.intro.text[lang]);
			for (const [index, tool] of dataset.tools.entries())
				expect(data.tools[index]!.verdicts).toEqual({note: localize(tool.verdicts.note, lang), by: tool.verdicts.by});
		});

		it('keeps every tool, criterion, evaluation, threat and service, without the URL rules or the never-flag list', () => {
			const ids = (list: ReadonlyArray<{id: string}>) => list.map((item) => item.id);
			expect(ids(data.tools)).toEqual(ids(dataset.tools));
			expect(ids(data.criteria)).toEqual(ids(dataset.criteria));
			expect(ids(data.threats)).toEqual(ids(dataset.threats));
			expect(ids(data.services)).toEqual(ids(dataset.services));
			expect(data.evaluations).toHaveLength(dataset.evaluations.length);
			// The Privacy Guides pages in this language and in English (every claim's fallback), no other.
			expect(data.sources).toEqual(dataset.sources.filter((page) => page.lang === lang || page.lang === 'en'));
			expect('neverFlag' in data).toBe(false);
			expect(data.services.filter((service) => 'match' in service)).toEqual([]);
		});

		it('names, for every claim and in the footer, the same Privacy Guides page as the whole dataset does', () => {
			const claims = attributions(dataset);
			expect(claims.filter((by) => by.by === 'privacyguides').length).toBeGreaterThan(0);
			for (const by of claims) expect(privacyGuidesPage(by, lang, data)).toEqual(privacyGuidesPage(by, lang, dataset));
			expect(pagesForReader(lang, data)).toEqual(pagesForReader(lang, dataset));
		});

		it('is what loadPageData gives a page in that language, loaded once', async () => {
			const loaded = loadPageData(lang);
			expect(loadPageData(lang)).toBe(loaded);
			expect(await loaded).toEqual(data);
		});
	});
});
