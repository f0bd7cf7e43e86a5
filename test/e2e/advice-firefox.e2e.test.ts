/** The popup and the comparison in Firefox ESR, in English and French (see harness/advice.ts). */
import {describe} from 'vitest';
import {firefoxFrenchAvailable, launchFirefox} from '../../scripts/browser/browsers';
import {adviceSuite} from './suites/advice';

adviceSuite('Firefox: popup and comparison', () => launchFirefox());
// Firefox shows extensions in French only with its French language pack (.ci/run installs it).
describe.skipIf(!firefoxFrenchAvailable() && !process.env['CI'])('with the French language pack', () => {
	adviceSuite('Firefox: popup and comparison, in French', () => launchFirefox({lang: 'fr'}), 'fr');
});
