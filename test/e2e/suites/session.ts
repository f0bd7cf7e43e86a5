/**
 * The lifecycle every browser suite shares: one browser for the whole `describe` (launched in
 * beforeAll, closed in afterAll); before each test the extension put back as the session found it
 * (ExtensionSession.reset: tabs, storage, the journey database, custom sites), so no test, and no retry,
 * starts in the state an earlier one left; after each test its pages closed and the check that no page
 * request left the local fixtures (emptied there, so a stray request fails only the test that made it).
 * Call it inside `describe`; use the returned getter in the tests.
 */
import {afterAll, afterEach, beforeAll, beforeEach, expect} from 'vitest';
import type {ExtensionSession} from '../../../scripts/browser/browsers';

export function useSession(
	launch: () => Promise<ExtensionSession>,
	hooks: {afterLaunch?: (session: ExtensionSession) => void | Promise<void>} = {},
): () => ExtensionSession {
	let session: ExtensionSession | undefined;
	const get = () => {
		if (!session) throw new Error('The browser did not start (see beforeAll)');
		return session;
	};
	beforeAll(async () => {
		session = await launch();
		await hooks.afterLaunch?.(session);
	});
	afterAll(async () => {
		await session?.close();
	});
	beforeEach(async () => {
		await session?.reset();
	});
	afterEach(async () => {
		if (!session) return;
		await session.closePages();
		expect(session.sites.unexpected.splice(0)).toEqual([]);
	});
	return get;
}
