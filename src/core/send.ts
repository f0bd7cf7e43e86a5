/**
 * The client side of messaging: `send(type, payload)` from a content script or an extension page.
 * Kept free of zod so the content script stays small; the background validates (see messages.ts).
 */
import {browser} from './browser';
import type {MessageType, Reply, Request, Response} from './message-map';

export async function send<K extends MessageType>(type: K, payload: Request<K>): Promise<Response<K>> {
	const reply = await browser.runtime.sendMessage<unknown, Reply<Response<K>> | undefined>({type, payload});
	if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new Error(`No answer to "${type}"`);
	if (!reply.ok) throw new Error(reply.error);
	return reply.value;
}
