// ESLint: type-aware rules (typescript-eslint) and the walls between the extension's contexts.
// The walls are written once here, as the imports each context may not make; the build's bundle check
// (scripts/build/walls.ts) proves the same for everything a bundle really contains, imports of imports too.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What a folder may not import, and why, as one regular expression over the import specifier (every context is
 * one folder under src/, so a relative specifier says where it leads). Type-only imports are allowed: they are erased.
 */
function walls(why, regex) {
	return {'no-restricted-imports': ['error', {patterns: [{regex, message: why, allowTypeImports: true}]}]};
}

const PAGES = 'popup|options|compare|ui';
const SHIPPED = {ignores: ['**/*.test.{ts,tsx}']};

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
			'no-restricted-syntax': [
				'error',
				{
					selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
					message: 'Nothing reaches the DOM as HTML: build nodes and set textContent.',
				},
				{selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML from strings.'},
				{selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings.'},
			],
			'no-eval': 'error',
			'no-new-func': 'error',
		},
	},
	{files: ['**/*.js'], ...tseslint.configs.disableTypeChecked},

	// The walls (house style 8.1).
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
		files: ['src/{core,data}/**/*.ts'],
		...SHIPPED,
		rules: walls(
			'core/ and data/ are context-free: they import no context folder.',
			`^\\.\\./(background|content|${PAGES})(/|$)`,
		),
	},
);
