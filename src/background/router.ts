/**
 * Turns a raw runtime message into a handler call, or a clean error: the envelope and payload are
 * parsed with zod, the sender's tier is checked, and whatever a handler throws becomes
 * `{ok: false, error}`. It never throws and never answers with anything but a Reply.
 */
import type {Runtime} from '../core/browser';
import {errorMessage} from '../core/errors';
import {
	envelopeSchema,
	requestSchemas,
	senderTiers,
	type MessageType,
	type Reply,
	type Request,
	type Response,
} from '../core/message-map';

export type Handlers = {
	[K in MessageType]: (payload: Request<K>, sender: Runtime.MessageSender) => Promise<Response<K>>;
};

export type SenderCheck = {extensionId: string; extensionOrigin: string};

/** An extension page: our id, and a URL on our own origin (not a content script in some tab). */
export function isExtensionPage(sender: Runtime.MessageSender, self: SenderCheck): boolean {
	return (
		sender.id === self.extensionId && typeof sender.url === 'string' && sender.url.startsWith(self.extensionOrigin)
	);
}

/** A content script of ours, in the top frame of a tab. */
export function isContentScript(sender: Runtime.MessageSender, self: SenderCheck): boolean {
	return (
		sender.id === self.extensionId &&
		sender.tab?.id !== undefined &&
		sender.frameId === 0 &&
		!isExtensionPage(sender, self)
	);
}

function tryParse<T>(parse: () => T): T | undefined {
	try {
		return parse();
	} catch {
		return undefined;
	}
}

export async function route(
	message: unknown,
	sender: Runtime.MessageSender,
	handlers: Handlers,
	self: SenderCheck,
): Promise<Reply<unknown>> {
	// zod can itself throw on values no JSON produces (see core/settings.ts): such input is malformed too.
	const envelope = tryParse(() => envelopeSchema.safeParse(message));
	if (!envelope?.success) return {ok: false, error: 'Malformed message: expected {type, payload} with a known type'};
	const type = envelope.data.type;
	const extension = isExtensionPage(sender, self);
	if (senderTiers[type] === 'extension' ? !extension : !extension && !isContentScript(sender, self)) {
		return {ok: false, error: `"${type}" is not accepted from this sender`};
	}
	const payload = tryParse(() => requestSchemas[type].safeParse(envelope.data.payload));
	if (!payload) return {ok: false, error: `Invalid payload for "${type}"`};
	if (!payload.success) {
		const where = payload.error.issues.map((issue) => issue.path.join('.') || '(payload)').join(', ');
		return {ok: false, error: `Invalid payload for "${type}": ${where}`};
	}
	try {
		const handler = handlers[type] as (payload: unknown, sender: Runtime.MessageSender) => Promise<unknown>;
		return {ok: true, value: await handler(payload.data, sender)};
	} catch (error) {
		return {ok: false, error: errorMessage(error)};
	}
}
