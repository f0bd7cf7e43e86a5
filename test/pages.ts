/**
 * Extension pages (Preact) in unit tests, against the real background: the fake browser's
 * runtime.sendMessage goes through the router and the handlers as if sent from the page.
 */
import {act} from 'preact/test-utils';
import {handlers} from '../src/background/handlers';
import {route} from '../src/background/router';
import {fake} from './fake-browser';

const SELF = {extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id/'};

/**
 * From now on, the page's messages reach the background as from `page` (its index.html). A message whose
 * type `failing` names (asked at each message) is answered with an error instead, as a failed handler
 * answers.
 */
export function routeMessagesFrom(page: 'options' | 'popup', failing: (type: string) => boolean = () => false): void {
	const sender = {id: SELF.extensionId, url: `${SELF.extensionOrigin}${page}/index.html`};
	fake.current.runtime.sendMessage = ((message: {type: string}) =>
		failing(message.type)
			? Promise.resolve({ok: false, error: `${message.type} failed.`})
			: route(message, sender, handlers, SELF)) as never;
}

/** Lets the messages, storage and Preact's renders settle. */
export async function settle(): Promise<void> {
	for (let i = 0; i < 10; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Chooses a file with this content in a file input, then lets the page settle. */
export async function chooseFile(input: HTMLInputElement, content: string, name = 'backup.json'): Promise<void> {
	Object.defineProperty(input, 'files', {
		configurable: true,
		value: [new File([content], name, {type: 'application/json'})],
	});
	await act(() => {
		input.dispatchEvent(new Event('change', {bubbles: true}));
	});
	await settle();
}
