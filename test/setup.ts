import {vi, beforeEach} from 'vitest';
import {fake, resetFakeBrowser} from './fake-browser';
// Every language's messages, as the background and the pages have them (the popup's own loading is tested apart).
import '../src/core/every-catalogue';

// Every module reaches the browser API through src/core/browser.ts; tests replace its `browser` by an in-memory
// fake, fresh for each test (src/core/browser.test.ts tests the real module). The Proxy lets a test swap fake.current.
vi.mock('../src/core/browser', () => ({
	browser: new Proxy({}, {get: (_target, key) => (fake.current as unknown as Record<PropertyKey, unknown>)[key]}),
}));

beforeEach(() => {
	resetFakeBrowser();
});
