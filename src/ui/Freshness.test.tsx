// @vitest-environment happy-dom
/**
 * "How fresh this advice is": the revision dates of the Privacy Guides pages the reader's advice comes from (per
 * language: the French reader's pages are the French ones where Privacy Guides has them), the month our own claims
 * were last checked, and the live page to check.
 */
import {render} from 'preact';
import {describe, expect, it} from 'vitest';
import {resetFakeBrowser} from '../../test/fake-browser';
import {pageData} from '../../scripts/data/page-data';
import {dataset} from '../data';
import {pageDates} from './attribution';
import {Freshness} from './Freshness';
import {scratchMain} from '../../test/scratch';

const scratch = scratchMain();

const text = (selector: string) => scratch.el.querySelector(selector)?.textContent;

describe('pageDates', () => {
	it('takes the pages in the reader’s language, else English, from the dataset or a language’s page data', () => {
		expect(pageDates('en', dataset)).toEqual({
			oldest: '2025-05-10',
			newest: '2025-11-05',
			live: 'https://www.privacyguides.org/en/photo-management/',
		});
		expect(pageDates('fr', dataset)).toEqual({
			oldest: '2025-10-20',
			newest: '2026-08-22',
			live: 'https://www.privacyguides.org/fr/photo-management/',
		});
		expect(pageDates('fr', pageData(dataset, 'fr'))).toEqual(pageDates('fr', dataset));
	});

	it('follows the data: a newer page moves the newest date, one page gives one date', () => {
		const newer = {
			...dataset,
			sources: dataset.sources.map((page) =>
				page.lang === 'en' && page.pagePath === 'photo-management' ? {...page, date: '2027-01-02'} : page,
			),
		};
		expect(pageDates('en', newer)?.newest).toBe('2027-01-02');
		const one = {...dataset, sources: dataset.sources.filter((page) => page.pagePath === 'photo-management')};
		expect(pageDates('en', one)).toMatchObject({oldest: '2025-11-05', newest: '2025-11-05'});
	});
});

describe('Freshness', () => {
	it('English: the pages’ dates, our last check, and the live page in a new tab', () => {
		resetFakeBrowser('en');
		render(<Freshness lang="en" data={dataset} id="freshness" />, scratch.el);
		expect(text('h2')).toBe('How fresh this advice is');
		expect(text('.freshness-pages')).toBe(
			'The Privacy Guides pages this advice comes from were revised between May 10, 2025 and November 5, 2025 (the versions built into this release of the extension).',
		);
		expect(text('.freshness-ours')).toBe(
			`Our own claims (marked “Our assessment”) were last checked against their sources in November 2026.`,
		);
		const link = scratch.el.querySelector<HTMLAnchorElement>('.freshness-check a')!;
		expect(link.textContent).toBe('Privacy Guides may have changed since; check here');
		expect(link.getAttribute('href')).toBe('https://www.privacyguides.org/en/photo-management/');
		expect(link.target).toBe('_blank');
		expect(link.rel).toBe('noopener noreferrer');
	});

	it('French: the French pages’ dates, in French, and the French live page', () => {
		resetFakeBrowser('fr');
		render(<Freshness lang="fr" data={pageData(dataset, 'fr')} id="freshness" />, scratch.el);
		expect(text('h2')).toBe('Fraîcheur de ces conseils');
		expect(text('.freshness-pages')).toBe(
			'Les pages de Privacy Guides dont viennent ces conseils ont été révisées entre le 20 octobre 2025 et le 22 août 2026 (les versions intégrées à cette version de l’extension).',
		);
		expect(text('.freshness-ours')).toBe(
			'Nos propres affirmations (marquées «\u00a0Notre évaluation\u00a0») ont été vérifiées auprès de leurs sources pour la dernière fois en novembre 2026.',
		);
		expect(text('.freshness-check a')).toBe('Privacy Guides a pu changer depuis\u00a0; vérifiez ici');
		expect(scratch.el.querySelector('.freshness-check a')?.getAttribute('href')).toBe(
			'https://www.privacyguides.org/fr/photo-management/',
		);
	});
});
