/**
 * What a page can observe of the extension, in Firefox (see suites/observe.ts).
 * E2E_EXTENSION_DIR_FIREFOX runs it on another unpacked build (an older one, to see these tests fail).
 */
import {launchFirefox} from '../../scripts/browser/browsers';
import {observeSuite} from './suites/observe';

const extensionDir = process.env['E2E_EXTENSION_DIR_FIREFOX'];
observeSuite('Firefox: what a page can observe', () => launchFirefox(extensionDir ? {extensionDir} : {}));
