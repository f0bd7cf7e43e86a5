/**
 * The walls between the extension's contexts (house style 8.1) are ESLint rules in eslint.config.js
 * (no-restricted-imports, one wall per folder of src/). This proves them with the project's own config: small
 * sources are linted as if they were files of each context, and each must be refused, naming its reason, or allowed.
 * - content may import no background or page code, no dataset beyond data/rules, no schemas, no idb, preact or zod
 *   (in a content script, IndexedDB is the website's; the script stays tiny);
 * - the background imports no content or page code; pages import no background or content code;
 * - core and data import no context folder;
 * - shipped code imports webextension-polyfill's types only, never its code (core/browser.ts takes the browser's
 *   own API); shipped code imports no test or build script, and uses no
 *   import() the walls could not see (but src/core/language-files.ts's of a catalogue or a page data file, by a
 *   literal path: no code);
 * - type-only imports are allowed everywhere (erased), and tests are not walled.
 */
import {ESLint} from 'eslint';
import tseslint from 'typescript-eslint';
import {describe, expect, it} from 'vitest';

// The walls need no type information (and files that do not exist cannot have any): only the rules that make them.
const eslint = new ESLint({
	overrideConfig: tseslint.configs.disableTypeChecked,
	ruleFilter: ({ruleId}) => ruleId === 'no-restricted-imports' || ruleId === 'no-restricted-syntax',
});

/** What ESLint says about `code` in `filePath`: the rule and its message, parse errors included (rule null). */
async function lint(filePath: string, code: string): Promise<Array<{rule: string | null; message: string}>> {
	const [result] = await eslint.lintText(`${code}\n`, {filePath});
	return result!.messages.map((message) => ({rule: message.ruleId, message: message.message}));
}

const CONTENT = 'The content script stays tiny';
const BACKGROUND = 'The background is no page';
const PAGES = 'Pages talk to the background by messages';
const CONTEXT_FREE = 'core/ and data/ are context-free';
const POLYFILL = 'Shipped code imports only the types of webextension-polyfill';
const TESTS = 'Shipped code never imports tests or build scripts';

const REFUSED: Array<[file: string, code: string, reason: string]> = [
	['src/content/x.ts', "import {z} from 'zod';", CONTENT],
	['src/content/x.ts', "import * as z from 'zod/mini';", CONTENT],
	['src/content/x.ts', "import {openDB} from 'idb';", CONTENT],
	['src/content/x.ts', "import {render} from 'preact';", CONTENT],
	['src/content/x.ts', "import {useState} from 'preact/hooks';", CONTENT],
	['src/content/x.ts', "import {readSettings} from '../background/store';", CONTENT],
	['src/content/x.ts', "export {readSettings} from '../background/store';", CONTENT],
	['src/content/x.ts', "import {dataset} from '../data';", CONTENT],
	['src/content/x.ts', "import {dataset} from '../data/index';", CONTENT],
	['src/content/x.ts', "import {datasetSchema} from '../data/schema';", CONTENT],
	['src/content/x.ts', "import json from '../data/dataset.json';", CONTENT],
	['src/content/x.ts', "import {DEFAULTS} from '../core/settings';", CONTENT],
	['src/content/x.ts', "import {parseBackup} from '../core/backup';", CONTENT],
	['src/content/x.ts', "import {Popup} from '../popup/Popup';", CONTENT],
	['src/content/x.ts', "import {toolsForPreference} from '../ui/order';", CONTENT],
	['src/background/x.ts', "import {Popup} from '../popup/Popup';", BACKGROUND],
	['src/background/x.ts', "import {mountBanner} from '../content/banner';", BACKGROUND],
	['src/background/x.ts', "import {toolsForPreference} from '../ui/order';", BACKGROUND],
	['src/options/x.tsx', "import {handlers} from '../background/handlers';", PAGES],
	['src/options/x.tsx', "import {openDB} from 'idb';", PAGES],
	['src/popup/x.tsx', "import {handlers} from '../background/handlers';", PAGES],
	['src/compare/x.tsx', "import {handlers} from '../background/handlers';", PAGES],
	['src/compare/x.tsx', "import {mountBanner} from '../content/banner';", PAGES],
	['src/ui/x.tsx', "import {readSettings} from '../background/store';", PAGES],
	['src/popup/x.tsx', "import * as z from 'zod/mini';", PAGES],
	['src/popup/x.tsx', "import {DEFAULTS} from '../core/settings';", PAGES],
	['src/compare/x.tsx', "import {datasetSchema} from '../data/schema';", PAGES],
	['src/move/x.tsx', "import {readMoves} from '../background/journey-db';", PAGES],
	['src/move/x.tsx', "import {requestSchemas} from '../core/message-map';", PAGES],
	['src/content/x.ts', "import {Move} from '../move/Move';", CONTENT],
	['src/background/x.ts', "import {Move} from '../move/Move';", BACKGROUND],
	['src/core/x.ts', "import {toolsForPreference} from '../ui/order';", CONTEXT_FREE],
	['src/core/x.ts', "import {readSettings} from '../background/store';", CONTEXT_FREE],
	['src/data/x.ts', "import {Popup} from '../popup/Popup';", CONTEXT_FREE],
	...[
		'content/x.ts',
		'background/x.ts',
		'options/x.tsx',
		'popup/x.tsx',
		'ui/x.tsx',
		'core/x.ts',
		'core/browser.ts',
		'data/x.ts',
	].map((file): [string, string, string] => [`src/${file}`, "import browser from 'webextension-polyfill';", POLYFILL]),
	['src/background/x.ts', "import {fake} from '../../test/fake-browser';", TESTS],
	['src/core/x.ts', "import {build} from '../../scripts/build';", TESTS],
	['src/content/x.ts', "void import('../background/store');", 'Static imports only'],
	['src/options/x.tsx', "void import('./Journey');", 'Static imports only'],
	['src/data/x.ts', "void import('./pages/en.json');", 'Static imports only'],
	['src/data/pages.ts', "void import('./pages/en.json');", 'Static imports only'],
	['src/core/language-files.ts', "void import('./schema');", 'Static imports only'],
	['src/core/language-files.ts', "void import('../ui/advice');", 'Static imports only'],
	['src/core/language-files.ts', 'void import(`../data/pages/${lang}.json`);', 'Static imports only'],
	['src/core/language-files.ts', 'void import(`./catalogues/${lang}`);', 'Static imports only'],
	['src/core/language-files.ts', "void import('./catalogues/fr/../../i18n');", 'Static imports only'],
	['src/popup/requests.ts', "void import('../core/catalogues/en');", 'Static imports only'],
];

const ALLOWED: Array<[file: string, code: string]> = [
	['src/content/x.ts', "import {findService} from '../core/url-match';"],
	['src/content/x.ts', "import {SERVICE_RULES} from '../data/rules';"],
	['src/content/x.ts', "import {send} from '../core/send';"],
	['src/content/x.ts', "import {mountBanner} from './banner';"],
	['src/content/x.ts', "import type {Settings} from '../core/settings';"],
	['src/content/x.ts', "import type {Dataset} from '../data/schema';"],
	['src/content/x.ts', "import type {BannerModel} from '../core/message-map';"],
	['src/content/x.ts', "import type {Handlers} from '../background/router';"],
	['src/background/x.ts', "import {openDB} from 'idb';"],
	['src/background/x.ts', "import * as z from 'zod/mini';"],
	['src/background/x.ts', "import {dataset} from '../data';"],
	['src/background/x.ts', "import {DEFAULTS} from '../core/settings';"],
	['src/options/x.tsx', "import {toolsForPreference} from '../ui/order';"],
	['src/options/x.tsx', "import {DEFAULTS} from '../core/settings';"],
	['src/options/x.tsx', "import {render} from 'preact';"],
	['src/options/x.tsx', "import type {Handlers} from '../background/router';"],
	['src/popup/x.tsx', "import {send} from '../core/send';"],
	['src/popup/x.tsx', "import type {Settings} from '../core/settings';"],
	['src/move/x.tsx', "import type {MovesState} from '../core/message-map';"],
	['src/move/x.tsx', "import {movePlan} from '../data/moves';"],
	['src/core/x.ts', "import {findService} from './url-match';"],
	['src/core/x.ts', "import {dataset} from '../data';"],
	['src/core/x.ts', "import * as z from 'zod/mini';"],
	['src/core/language-files.ts', "void import('../data/pages/fr.json');"],
	['src/core/language-files.ts', "void import('./catalogues/zh-Hant');"],
	['src/core/browser.ts', "import type {Browser} from 'webextension-polyfill';"],
	['src/background/x.ts', "import type {Runtime} from 'webextension-polyfill';"],
	['src/content/x.test.ts', "import {readSettings} from '../background/store';"],
	['src/background/x.test.ts', "import {fake} from '../../test/fake-browser';"],
];

describe('the walls between contexts refuse', () => {
	it.each(REFUSED)('%s: %s', async (file, code, reason) => {
		const findings = await lint(file, code);
		expect(findings).toHaveLength(1);
		expect(findings[0]!.rule).toMatch(/^no-restricted-(imports|syntax)$/);
		expect(findings[0]!.message).toContain(reason);
	});
});

describe('the walls between contexts allow', () => {
	it.each(ALLOWED)('%s: %s', async (file, code) => {
		expect(await lint(file, code)).toEqual([]);
	});
});
