// ESLint: type-aware rules (typescript-eslint) and the walls between the extension's contexts.
// The walls are written once here, as the imports each context may not make; the build's bundle check
// (scripts/build/walls.ts) proves the same for everything a bundle really contains, imports of imports too.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Every shipped file, whatever its context: the browser API is the browser's own, taken in one module (its types
 * are webextension-polyfill's, which ships no code here), and nothing comes from tests or builds.
 */
const POLYFILL = {
	regex: '^webextension-polyfill$',
	message:
		'Shipped code imports only the types of webextension-polyfill, never its code: import `browser` from ' +
		"src/core/browser.ts (the browser's own API, in every context).",
	allowTypeImports: true,
};
const TESTS_AND_BUILD = {
	regex: '^(\\.\\./)+(test|scripts)(/|$)',
	message: 'Shipped code never imports tests or build scripts.',
};

/**
 * What a folder may not import, and why, as one regular expression over the import specifier (every context is
 * one folder under src/, so a relative specifier says where it leads). Type-only imports are allowed: they are erased.
 * Flat config replaces a rule's options rather than merging them, so each wall carries the rules common to src/.
 */
function walls(why, regex) {
	const patterns = [{regex, message: why, allowTypeImports: true}, TESTS_AND_BUILD, POLYFILL];
	return {'no-restricted-imports': ['error', {patterns}]};
}

const PAGES = 'popup|options|compare|move|ui';
const SHIPPED = {ignores: ['**/*.test.{ts,tsx}']};
const CONTEXT_FREE = [
	'core/ and data/ are context-free: they import no context folder.',
	`^\\.\\./(background|content|${PAGES})(/|$)`,
];

const NO_HTML = [
	{
		selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
		message: 'Nothing reaches the DOM as HTML: build nodes and set textContent.',
	},
	{selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML from strings.'},
	{selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings.'},
];

export default tseslint.config(
	{ignores: ['dist/', '.tmp/', 'node_modules/', 'docs/', 'test/e2e/fixtures/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
			globals: {...globals.browser, ...globals.node},
		},
		linterOptions: {reportUnusedDisableDirectives: 'error'},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports'}],
			'@typescript-eslint/no-import-type-side-effects': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'no-restricted-syntax': ['error', ...NO_HTML],
			'no-eval': 'error',
			'no-new-func': 'error',
		},
	},
	{files: ['**/*.js'], ...tseslint.configs.disableTypeChecked},
	{
		// Test doubles stand in for async APIs (browser.*, the background's handlers, the background's answers):
		// `async` keeps their contract, a promise and a throw turned into a rejection, with nothing to await.
		files: ['**/*.test.{ts,tsx}', 'test/fake-browser.ts'],
		rules: {'@typescript-eslint/require-await': 'off'},
	},

	// The walls (house style 8.1), proved by test/meta/walls.test.ts.
	{
		// The walls see static imports only; the shipped code has no reason for import().
		files: ['src/**/*.{ts,tsx}'],
		...SHIPPED,
		rules: {
			'no-restricted-syntax': [
				'error',
				...NO_HTML,
				{selector: 'ImportExpression', message: 'Static imports only: the walls between contexts see no import().'},
			],
		},
	},
	{
		// One narrow exception: src/core/language-files.ts loads each language's catalogue and page data, by a literal
		// path into src/core/catalogues/ or src/data/pages/: a string or JSON that imports nothing, so there is nothing
		// behind it for a wall to see; and the build's bundle walls (scripts/build/walls.ts) check what each bundle contains.
		files: ['src/core/language-files.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				...NO_HTML,
				{
					selector:
						'ImportExpression:not([source.value=/^(\\.\\/catalogues\\/[a-z]+(-[A-Za-z]+)?|\\.\\.\\/data\\/pages\\/[a-z]+(-[A-Za-z]+)?\\.json)$/])',
					message:
						'Static imports only: the walls between contexts see no import() (but of ./catalogues/<lang> and ../data/pages/<lang>.json).',
				},
			],
		},
	},
	{
		files: ['src/content/**/*.ts'],
		...SHIPPED,
		rules: walls(
			"The content script stays tiny and never touches the page's storage (there, IndexedDB is the website's): " +
				'no background or page code, no dataset beyond data/rules, no schemas, no idb, preact or zod.',
			`^(\\.\\./(background|${PAGES})(/|$)|\\.\\./data(/(index|schema|dataset\\.json))?$|\\.\\./core/(journey|backup|settings|message-map)$|idb$|preact|zod)`,
		),
	},
	{
		files: ['src/background/**/*.ts'],
		...SHIPPED,
		rules: walls(
			'The background is no page: it never imports content or page code.',
			`^\\.\\./(content|${PAGES})(/|$)`,
		),
	},
	{
		files: ['src/options/**/*.{ts,tsx}'],
		...SHIPPED,
		rules: walls(
			'Pages talk to the background by messages: they never import its code, the content script or idb.',
			'^(\\.\\./(background|content)(/|$)|idb$)',
		),
	},
	{
		files: ['src/{popup,compare,ui}/**/*.{ts,tsx}'],
		...SHIPPED,
		rules: walls(
			'Pages talk to the background by messages; the popup and the comparison page ship no zod ' +
				'(import constants and types, never schemas) and load only their language of the dataset (data/pages.ts).',
			'^(\\.\\./(background|content)(/|$)|idb$|zod|\\.\\./core/(message-map|backup|settings)$|\\.\\./data(/(index|schema|dataset\\.json))?$)',
		),
	},
	{
		files: ['src/move/**/*.{ts,tsx}'],
		...SHIPPED,
		rules: walls(
			'Pages talk to the background by messages; the move page ships no zod ' +
				'(import constants and types, never schemas).',
			'^(\\.\\./(background|content)(/|$)|idb$|zod|\\.\\./core/(message-map|backup|settings)$|\\.\\./data/schema$)',
		),
	},
	{files: ['src/{core,data}/**/*.ts'], ...SHIPPED, rules: walls(...CONTEXT_FREE)},
	// Build, bench and screenshot scripts drive browsers with scripts/browser/, never with test code.
	{
		files: ['scripts/**/*.ts'],
		...SHIPPED,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(\\.\\./)+test(/|$)',
							message: 'Scripts never import tests: shared browser-driving code lives in scripts/browser/.',
						},
					],
				},
			],
		},
	},
);
