/**
 * The promises in Firefox ESR (see harness/promises.ts): hostile pages, corrupted storage, no network.
 * E2E_EXTENSION_DIR_FIREFOX runs them on another unpacked build (the no-network test must fail on one that leaks).
 */
import {launchFirefox} from '../../scripts/browser/browsers';
import {promisesSuite} from './suites/promises';

const extensionDir = process.env['E2E_EXTENSION_DIR_FIREFOX'];
promisesSuite('Firefox: promises', (options) => launchFirefox({...options, ...(extensionDir ? {extensionDir} : {})}));
