/** The extension in Firefox ESR (/usr/bin/firefox-esr, headless), driven over WebDriver BiDi by puppeteer-core. */
import {expect, test} from 'vitest';
import {firefoxFrenchAvailable, GECKO_ID, launchFirefox} from '../../scripts/browser/browsers';
import {extensionSuite, frenchSuite} from './suites/suite';

extensionSuite(
	'Firefox',
	() => launchFirefox(),
	(get) => {
		test('1b. Firefox: installExtension resolved to the gecko id, and extension pages open on the pinned UUID', () => {
			expect(get().extensionId).toBe(GECKO_ID);
			expect(get().origin).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/$/);
		});
	},
);

// Firefox ESR shows extensions in French only with a French language pack (see README.md).
frenchSuite(
	'Firefox, French UI (intl.locale.requested = fr)',
	() => launchFirefox({lang: 'fr'}),
	// CI installs the pack (.ci/run), so there the French run never skips: a missing pack fails it.
	firefoxFrenchAvailable() || process.env['CI']
		? undefined
		: 'no French language pack: install firefox-esr-l10n-fr (see test/e2e/README.md)',
);
