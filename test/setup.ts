import {vi, beforeEach} from 'vitest';
import {fake, resetFakeBrowser} from './fake-browser';

// Every module reaches the browser API through src/core/browser.ts, which imports the polyfill; tests
// replace it by an in-memory fake, fresh for each test. The Proxy lets a test swap fake.current.
vi.mock('webextension-polyfill', () => ({
	default: new Proxy({}, {get: (_target, key) => (fake.current as unknown as Record<PropertyKey, unknown>)[key]}),
}));

beforeEach(() => {
	resetFakeBrowser();
});
