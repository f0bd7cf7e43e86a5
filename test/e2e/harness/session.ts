/**
 * The lifecycle every browser suite shares: one browser for the whole `describe` (launched in
 * beforeAll, closed in afterAll), and after each test its pages closed, an optional reset, and the
 * check that no page request left the local fixtures (emptied there, so a stray request fails only
 * the test that made it). Call it inside `describe`; use the returned getter in the tests.
 */
import {afterAll, afterEach, beforeAll, expect} from 'vitest';
import type {ExtensionSession} from './browsers';

export function useSession(
	launch: () => Promise<ExtensionSession>,
	hooks: {
		afterLaunch?: (session: ExtensionSession) => void | Promise<void>;
		afterEachTest?: (session: ExtensionSession) => Promise<void>;
	} = {},
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
	afterEach(async () => {
		if (!session) return;
		await session.closePages();
		await hooks.afterEachTest?.(session);
		expect(session.sites.unexpected.splice(0)).toEqual([]);
	});
	return get;
}
