/**
 * The promises in Chromium (see harness/promises.ts): hostile pages, corrupted storage, no network.
 * E2E_EXTENSION_DIR_CHROMIUM runs them on another unpacked build (the no-network test must fail on one that leaks).
 */
import {launchChromium} from '../../scripts/browser/browsers';
import {promisesSuite} from './suites/promises';

const extensionDir = process.env['E2E_EXTENSION_DIR_CHROMIUM'];
promisesSuite('Chromium: promises', (options) => launchChromium({...options, ...(extensionDir ? {extensionDir} : {})}));
