/**
 * The in-page banner's timing (banner.ts), apart from its DOM code so that the real-browser tests can wait for it
 * too (test/e2e/suites/suite.ts): constants only.
 */

/** The banner is announced once it is in the page (see `status` in banner.ts). */
export const ANNOUNCE_DELAY_MS = 150;

/** How long a confirmation stays after a choice, unless the person is interacting with it. */
export const CONFIRMATION_MS = 8000;
