/**
 * What a page can observe of the extension, in Chromium (see suites/observe.ts).
 * E2E_EXTENSION_DIR_CHROMIUM runs it on another unpacked build (an older one, to see these tests fail).
 */
import {launchChromium} from '../../scripts/browser/browsers';
import {observeSuite} from './suites/observe';

const extensionDir = process.env['E2E_EXTENSION_DIR_CHROMIUM'];
observeSuite('Chromium: what a page can observe', () => launchChromium(extensionDir ? {extensionDir} : {}));
