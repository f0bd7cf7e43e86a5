/**
 * "How fresh this advice is" (issue 16) in real browsers: the comparison page and the options show the revision
 * dates of the Privacy Guides pages the advice comes from, in the reader's language, the month our own claims were
 * last checked, and a link to Privacy Guides' live page in that language; axe-core finds nothing there, light and
 * dark. English in both browsers, French in Chromium (Firefox's French needs its language pack: the French page
 * data are the same file in both browsers).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {describe, expect, test} from 'vitest';
import {axeViolations, setTheme} from '../../scripts/browser/axe';
import {launchChromium, launchFirefox, type ExtensionSession, type LaunchOptions} from '../../scripts/browser/browsers';
import {REPO} from '../../scripts/browser/paths';
import {dataset} from '../../src/data';
import {pageDates} from '../../src/ui/attribution';
import {formatDay, formatMonth} from '../../src/ui/format';

type Messages = Record<string, {message: string; placeholders?: Record<string, {content: string}>}>;
const read = (lang: string) =>
	JSON.parse(readFileSync(path.join(REPO, `locales/${lang}/messages.json`), 'utf8')) as Messages;
function message(messages: Messages, key: string, ...subs: string[]): string {
	const entry = messages[key];
	if (!entry) throw new Error(`No message ${key}`);
	return entry.message.replace(/\$([A-Z0-9_]+)\$/g, (_, name: string) => {
		const index = Number(entry.placeholders?.[name.toLowerCase()]?.content.slice(1));
		return subs[index - 1] ?? '';
	});
}

const READY = 'body[data-ready="1"]';

async function freshnessOf(page: Page) {
	await page.waitForSelector('#freshness', {timeout: 10_000});
	return page.$eval('#freshness', (section) => ({
		heading: section.querySelector('h2')?.textContent,
		pages: section.querySelector('.freshness-pages')?.textContent,
		ours: section.querySelector('.freshness-ours')?.textContent,
		link: section.querySelector('.freshness-check a')?.textContent,
		href: section.querySelector('.freshness-check a')?.getAttribute('href'),
		target: section.querySelector('.freshness-check a')?.getAttribute('target'),
	}));
}

function suite(
	name: string,
	launch: (options?: LaunchOptions) => Promise<ExtensionSession>,
	langs: Array<'en' | 'fr'>,
) {
	describe(name, () => {
		test.each(langs)(
			'%s: the comparison page and the options say how fresh the advice is, axe-clean light and dark',
			async (lang) => {
				const session = await launch(lang === 'fr' ? {lang} : {});
				const messages = read(lang);
				const dates = pageDates(lang, dataset)!;
				const expected = {
					heading: message(messages, 'freshnessHeading'),
					pages: message(messages, 'freshnessPages', formatDay(dates.oldest, lang), formatDay(dates.newest, lang)),
					ours: message(messages, 'freshnessOurs', formatMonth(dataset.claimsVerified, lang)),
					link: message(messages, 'freshnessCheck'),
					href: `https://www.privacyguides.org/${lang}/photo-management/`,
					target: '_blank',
				};
				try {
					for (const pagePath of ['compare/index.html', 'options/index.html']) {
						const page = await session.openExtensionPage(pagePath, READY);
						expect(await freshnessOf(page), pagePath).toEqual(expected);
						for (const theme of ['light', 'dark'] as const) {
							await setTheme(page, theme);
							const violations = await axeViolations(page);
							expect(violations, `${pagePath}, ${theme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
						}
						await page.close();
					}
					expect(session.sites.unexpected).toEqual([]);
				} finally {
					await session.close();
				}
			},
			120_000,
		);
	});
}

suite('Freshness, Chromium', (options) => launchChromium(options), ['en', 'fr']);
suite('Freshness, Firefox', (options) => launchFirefox(options), ['en']);
