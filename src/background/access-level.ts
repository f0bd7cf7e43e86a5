/**
 * Chromium only: storage.local and storage.session are readable by the extension's own pages and
 * background alone (TRUSTED_CONTEXTS), never by a content script running next to a page. It is
 * Chromium's default; it is set explicitly at every start so that no later default or mistake can open
 * it. Firefox has no setAccessLevel (the call is skipped): there, content scripts cannot read
 * storage.session at all, and this extension's content script never reads storage (its state comes from
 * the background).
 */
import {browser} from '../core/browser';

declare module 'webextension-polyfill' {
	// eslint-disable-next-line @typescript-eslint/no-namespace
	namespace Storage {
		interface StorageArea {
			/** Chromium 102+ (storage.local: Chromium 114+); absent in Firefox. */
			setAccessLevel?(details: {accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS'}): Promise<void>;
		}
	}
}

export async function restrictStorageAccess(): Promise<void> {
	await browser.storage.local.setAccessLevel?.({accessLevel: 'TRUSTED_CONTEXTS'});
	await browser.storage.session.setAccessLevel?.({accessLevel: 'TRUSTED_CONTEXTS'});
}
