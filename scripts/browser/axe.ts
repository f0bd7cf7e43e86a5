/**
 * axe-core in a real browser page, extension pages included: its source is evaluated by the driver
 * (CDP Runtime.evaluate, WebDriver BiDi script.evaluate), which the page's Content Security Policy does
 * not govern, so the extension's CSP stays as strict as it ships.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'puppeteer-core';
import {REPO} from './paths';

const AXE_SOURCE = readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');

export type AxeViolation = {id: string; impact: string | null; help: string; nodes: string[]};

/** Runs axe (WCAG 2.x A and AA rules plus best practices) and returns the violations, summarised. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	const loaded = await page.evaluate(() => typeof (globalThis as {axe?: unknown}).axe === 'object');
	if (!loaded) await page.evaluate(AXE_SOURCE);
	const json = await page.evaluate(async () => {
		const axe = (
			globalThis as unknown as {
				axe: {
					run(
						context: Document,
						options: object,
					): Promise<{
						violations: Array<{id: string; impact: string | null; help: string; nodes: Array<{target: unknown[]}>}>;
					}>;
				};
			}
		).axe;
		const result = await axe.run(document, {
			runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
			resultTypes: ['violations'],
		});
		return JSON.stringify(
			result.violations.map((v) => ({
				id: v.id,
				impact: v.impact,
				help: v.help,
				nodes: v.nodes.map((n) => JSON.stringify(n.target)),
			})),
		);
	});
	return JSON.parse(json) as AxeViolation[];
}

/** Light or dark: the extension pages follow data-theme (the setting) as well as prefers-color-scheme. */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
	await page.evaluate((value) => {
		document.documentElement.dataset['theme'] = value;
	}, theme);
}
