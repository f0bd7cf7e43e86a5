/** Detection and the banner's choices in Chromium (see harness/detection.ts). */
import {launchChromium} from '../../scripts/browser/browsers';
import {choicesSuite, detectionSuite} from './suites/detection';

detectionSuite('Chromium: detection', (options) => launchChromium(options));
choicesSuite('Chromium: banner choices', (options) => launchChromium(options));
