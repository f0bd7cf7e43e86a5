/** The popup and the comparison in Chromium, in English and French (see harness/advice.ts). */
import {launchChromium} from '../../scripts/browser/browsers';
import {adviceSuite} from './suites/advice';

adviceSuite('Chromium: popup and comparison', () => launchChromium());
adviceSuite('Chromium: popup and comparison, in French', () => launchChromium({lang: 'fr'}), 'fr');
