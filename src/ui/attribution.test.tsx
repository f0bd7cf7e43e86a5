// @vitest-environment happy-dom
/**
 * The attribution the reader sees: each Privacy Guides page in the reader's language with that page's
 * own revision (never one date for everything), and a "Source" that opens the page that says the claim.
 */
import {render} from 'preact';
import {describe, expect, it} from 'vitest';
import {resetFakeBrowser} from '../../test/fake-browser';
import {pageData} from '../../scripts/data/page-data';
import {dataset} from '../data';
import type {Attribution as By, Dataset, Language} from '../data/schema';
import {Attribution, Byline} from './advice';
import {formatDay} from './format';
import {pagesForReader, sourceHref} from './attribution';
import {scratchMain} from '../../test/scratch';

const scratch = scratchMain();

const page = (id: string) => dataset.sources.find((source) => source.id === id)!;

describe('revision per page and language', () => {
	it.each(['en', 'fr'] as const)('%s: each page shown is that language’s page, with its own revision date', (lang) => {
		const shown = pagesForReader(lang, dataset);
		expect(shown.map((p) => p.pagePath).sort()).toEqual([
			'basics/common-threats',
			'photo-management',
			'self-hosting/file-management',
		]);
		for (const p of shown) {
			expect(p.lang, p.id).toBe(lang);
			expect(p.date).toBe(page(p.id).date);
		}
	});

	it('the English footer names the English revisions, never the French page’s date', () => {
		resetFakeBrowser('en');
		render(<Attribution data={pageData(dataset, 'en')} />, scratch.el);
		const text = scratch.el.textContent ?? '';
		expect(text).toContain(`Photo Management, revision of ${formatDay('2025-11-05', 'en')}`);
		expect(text).toContain(`File Management, revision of ${formatDay('2025-09-14', 'en')}`);
		expect(text).toContain(`Common Threats, revision of ${formatDay('2025-05-10', 'en')}`);
		expect(text).not.toContain(formatDay('2026-06-17', 'en'));
		expect([...scratch.el.querySelectorAll('.source-pages a')].map((a) => a.getAttribute('href'))).toEqual([
			'https://www.privacyguides.org/en/basics/common-threats/',
			'https://www.privacyguides.org/en/photo-management/',
			'https://www.privacyguides.org/en/self-hosting/file-management/',
		]);
	});

	it('the French footer names the French pages, each with its own revision', () => {
		resetFakeBrowser('fr');
		render(<Attribution data={pageData(dataset, 'fr')} />, scratch.el);
		const text = scratch.el.textContent ?? '';
		expect(text).toContain(`Gestion des photos, révision du ${formatDay('2026-06-17', 'fr')}`);
		expect(text).toContain(`Gestion des fichiers, révision du ${formatDay('2025-10-20', 'fr')}`);
		expect(text).toContain(`Menaces courantes, révision du ${formatDay('2026-08-22', 'fr')}`);
		expect(text).not.toContain(formatDay('2025-11-05', 'fr'));
	});

	it('a page missing in the reader’s language falls back to English, with the English date', () => {
		const onlyEnglish: Pick<Dataset, 'sources'> = {sources: dataset.sources.filter((p) => p.lang === 'en')};
		expect(pagesForReader('fr', onlyEnglish).every((p) => p.lang === 'en')).toBe(true);
	});
});

describe('Byline', () => {
	const show = (by: By, lang: Language = 'en') => {
		resetFakeBrowser(lang);
		render(<Byline by={by} data={pageData(dataset, lang)} what="Free plan" />, scratch.el);
		return scratch.el.querySelector('.byline')!;
	};

	it('Privacy Guides: the page in the reader’s language, named with its revision', () => {
		const by: By = {by: 'privacyguides', pages: ['photo-management-en-2025-11-05', 'photo-management-fr-2026-06-17']};
		const fr = show(by, 'fr');
		expect(fr.textContent).toBe('Source\u00a0: Privacy Guides');
		const link = fr.querySelector('a')!;
		expect(link.getAttribute('href')).toBe('https://www.privacyguides.org/fr/photo-management/');
		expect(link.getAttribute('aria-label')).toBe(
			`Source pour Free plan\u00a0: Privacy Guides, Gestion des photos, révision du ${formatDay('2026-06-17', 'fr')}`,
		);
		expect(show(by, 'en').querySelector('a')?.getAttribute('aria-label')).toContain(
			`Photo Management, revision of ${formatDay('2025-11-05', 'en')}`,
		);
		expect(sourceHref(by, 'en', dataset)).toBe('https://www.privacyguides.org/en/photo-management/');
	});

	it('a provider: its name and its own page', () => {
		const element = show({by: 'provider', name: 'Meta', url: 'https://www.facebook.com/privacy/policy/'});
		expect(element.textContent).toBe('Source: Meta');
		expect(element.querySelector('a')?.getAttribute('href')).toBe('https://www.facebook.com/privacy/policy/');
	});

	it('a claim of ours: labelled as ours, with the month and the pages we checked', () => {
		const element = show({
			by: 'project',
			date: '2026-11',
			searched: ['https://500px.com/terms', 'https://www.adobe.com/'],
		});
		expect(element.textContent).toBe('Our assessment, November 2026 (pages checked: 500px.com/terms, adobe.com)');
		expect([...element.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
			'https://500px.com/terms',
			'https://www.adobe.com/',
		]);
	});
});
