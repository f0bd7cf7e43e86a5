/** Detection and the banner's choices in Firefox ESR (see harness/detection.ts). */
import {launchFirefox} from '../../scripts/browser/browsers';
import {choicesSuite, detectionSuite} from './suites/detection';

detectionSuite('Firefox: detection', (options) => launchFirefox(options));
choicesSuite('Firefox: banner choices', (options) => launchFirefox(options));
