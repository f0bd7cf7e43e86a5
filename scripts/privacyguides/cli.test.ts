import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {importCommonThreatsPage, importPrivacyGuidesPage, inferPageLocation, parsePrivacyGuidesPage} from './parse';

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

function run(...args: string[]): Run {
	const result = spawnSync('npx', ['tsx', 'scripts/import-privacyguides.ts', ...args], {
		encoding: 'utf8',
		timeout: 60_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

const PAGE = 'scripts/data/sources/privacyguides/self-hosting-file-management.en.2025-09-14.md';

describe('npx tsx scripts/import-privacyguides.ts', () => {
	it('prints one JSON object (2-space indent, trailing newline) for a page, inferring lang and page path', () => {
		const {status, stdout, stderr} = run(PAGE);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const markdown = readFileSync(PAGE, 'utf8');
		const expected = parsePrivacyGuidesPage(markdown, {file: PAGE, ...inferPageLocation(PAGE, markdown)});
		expect(stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
		const page = JSON.parse(stdout) as typeof expected;
		expect(page.pagePath).toBe('self-hosting/file-management');
		expect(page.url).toBe('https://www.privacyguides.org/en/self-hosting/file-management/');
		expect(page.tools.map((t) => t.name)).toEqual(['PhotoPrism', 'FreedomBox', 'Nextcloud']);
	}, 60_000);

	it('--lang and --page-path override the inference', () => {
		const {status, stdout} = run(PAGE, '--lang', 'de', '--page-path=self-hosting/file-management');
		expect(status).toBe(0);
		const page = JSON.parse(stdout) as {lang: string; url: string; threats: {url: string}[]};
		expect(page.lang).toBe('de');
		expect(page.url).toBe('https://www.privacyguides.org/de/self-hosting/file-management/');
		expect(page.threats[0]!.url).toBe(
			'https://www.privacyguides.org/de/basics/common-threats/#privacy-from-service-providers',
		);
	}, 60_000);

	it('a page with slips: the same JSON on stdout, FILE:LINE: warning: … lines on stderr, exit 0', () => {
		const file = 'scripts/data/sources/privacyguides/i18n/it/photo-management.md';
		const {status, stdout, stderr} = run(file);
		expect(status).toBe(0);
		const expected = importPrivacyGuidesPage(readFileSync(file, 'utf8'), {
			file,
			lang: 'it',
			pagePath: 'photo-management',
		});
		expect(stdout).toBe(`${JSON.stringify(expected.page, null, 2)}\n`);
		expect(stderr).toBe(
			`${file}:30: warning: Crowdin placeholder <0>…</0> in place of the <summary> of a <details>: read "Scarica" as its title\n`,
		);
		expect(expected.warnings.map((w) => w.message)).toEqual([stderr.trimEnd()]);
	}, 60_000);

	it('reads basics/common-threats with its own reader (definitions), by page path or --kind', () => {
		const file = 'scripts/data/sources/privacyguides/i18n/zh-TW/basics-common-threats.md';
		const {status, stdout, stderr} = run(file);
		expect(status).toBe(0);
		const expected = importCommonThreatsPage(readFileSync(file, 'utf8'), {
			file,
			lang: 'zh-TW',
			pagePath: 'basics/common-threats',
		});
		expect(stdout).toBe(`${JSON.stringify(expected.page, null, 2)}\n`);
		expect(stderr.trimEnd().split('\n')).toHaveLength(9);
		expect(stderr).toContain(`${file}:10: warning: definition marker ":" alone on its line`);
		// --kind category: the same page read as a category page (no tools), its slips not looked for.
		const asCategory = run(file, '--kind', 'category');
		expect(asCategory.status).toBe(0);
		expect(asCategory.stderr).toBe('');
		expect(Object.keys(JSON.parse(asCategory.stdout) as object)).toContain('tools');
	}, 60_000);

	it('a broken page: FILE:LINE: message on stderr, nothing on stdout, exit 1', () => {
		const file = 'test/fixtures/privacyguides/broken/unclosed-details.md';
		const {status, stdout, stderr} = run(file);
		expect(status).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toBe(
			`${file}:29: unclosed download list <details class="downloads">: </div> at line 42 comes before its </details>\n`,
		);
	}, 60_000);

	it("a wrong --page-path makes the page's own links inconsistent: error, exit 1", () => {
		const {status, stdout, stderr} = run(PAGE, '--page-path', 'file-management');
		expect(status).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toMatch(
			/^scripts\/data\/sources\/privacyguides\/self-hosting-file-management\.en\.2025-09-14\.md:10: relative link goes above the site root/,
		);
	}, 60_000);

	it.each([
		[[] as string[], 'missing PAGE.md'],
		[['a.md', 'b.md'], 'only one PAGE.md'],
		[['--lang'], '--lang needs a value'],
		[[PAGE, '--lang', 'English'], 'invalid --lang'],
		[[PAGE, '--page-path', '../x'], 'invalid --page-path'],
		[[PAGE, '--verbose'], 'unknown option --verbose'],
		[[PAGE, '--kind', 'faq'], 'invalid --kind "faq" (expected category, threats, criteria)'],
	])(
		'bad arguments %j exit 2 with usage',
		(args, message) => {
			const {status, stdout, stderr} = run(...args);
			expect(status).toBe(2);
			expect(stdout).toBe('');
			expect(stderr).toContain(message);
			expect(stderr).toContain('usage: npm run --silent import:privacyguides -- PAGE.md');
		},
		60_000,
	);

	it('--help documents the inference rules', () => {
		const {status, stdout} = run('--help');
		expect(status).toBe(0);
		expect(stdout).toContain('self-hosting-file-management → self-hosting/file-management');
		expect(stdout).toContain('i18n/<lang>/');
		expect(stdout).toContain('i18n/fr/basics-common-threats.md → basics/common-threats');
		expect(stdout).toContain('FILE:LINE: warning: message');
		expect(stdout).toContain('a Crowdin placeholder tag (<0>…</0>) left in the markup');
	}, 60_000);
});
