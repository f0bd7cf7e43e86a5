/**
 * The walls between the extension's contexts (house style 8.1), checked on the imports themselves:
 * - content may not import background, popup, options, compare or ui, nor IndexedDB code (background/journey-db,
 *   core/journey, idb): in a content script, IndexedDB is the website's;
 * - background may not import content or any page;
 * - pages may not import background or content;
 * - core and data import no context folder;
 * - only core/browser.ts imports webextension-polyfill; nothing in src imports test/ or scripts/.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const files = readdirSync('src', {recursive: true, encoding: 'utf8'})
	.filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
	.map((file) => `src/${file}`);

/**
 * Every import and re-export specifier of a file that reaches the bundle (type-only imports are erased),
 * resolved to a repo path when relative.
 */
function importsOf(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	return [
		...source.matchAll(/(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/g),
		...source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
	].map((match) => {
		const spec = match[1]!;
		return spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)) : spec;
	});
}

const RULES: Array<{from: RegExp; forbidden: RegExp; why: string}> = [
	{
		from: /^src\/content\//,
		forbidden: /^(src\/(background|popup|options|compare|ui)\/|src\/core\/(db|journey|backup)|idb$|preact|zod)/,
		why: "the content script stays tiny and never touches the page's storage",
	},
	{
		from: /^src\/background\//,
		forbidden: /^src\/(content|popup|options|compare|ui)\//,
		why: 'the background is no page',
	},
	{
		from: /^src\/(popup|options|compare|ui)\//,
		forbidden: /^src\/(background|content)\//,
		why: 'pages talk to the background by messages',
	},
	{
		from: /^src\/(core|data)\//,
		forbidden: /^src\/(background|content|popup|options|compare|ui)\//,
		why: 'core and data are context-free',
	},
	{from: /^src\//, forbidden: /^(test|scripts)\//, why: 'shipped code never imports tests or build scripts'},
];

describe('import boundaries', () => {
	it('finds the source files', () => {
		expect(files.length).toBeGreaterThan(20);
	});

	it.each(RULES.map((rule) => [rule.from.source, rule] as const))('%s', (_name, rule) => {
		const offences = files
			.filter((file) => rule.from.test(file))
			.flatMap((file) =>
				importsOf(file)
					.filter((target) => rule.forbidden.test(target))
					.map((target) => `${file} → ${target} (${rule.why})`),
			);
		expect(offences).toEqual([]);
	});

	it('only core/browser.ts imports webextension-polyfill', () => {
		expect(files.filter((file) => importsOf(file).includes('webextension-polyfill'))).toEqual(['src/core/browser.ts']);
	});
});
