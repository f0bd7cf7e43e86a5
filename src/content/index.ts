/**
 * The content script. Runs at document_idle on the catalogued services' pages (match patterns come
 * from the catalogue at build time). It decides from the URL whether this page is a photo service,
 * asks the background for a small banner model and mounts the banner. It never touches the page's
 * storage (IndexedDB, localStorage, cookies belong to the website): all state lives in the background.
 */
import {findService} from '../core/url-match';
import {send} from '../core/messaging';
import {NEVER_FLAG_RULES, SERVICE_RULES} from '../data/rules';
import {mountBanner} from './banner';

const LOADED = Symbol.for('photo-privacy-advisor');
const scope = globalThis as typeof globalThis & {[LOADED]?: true};

async function main(): Promise<void> {
	if (scope[LOADED]) return; // injected twice (extension reload, registered and declared scripts)
	scope[LOADED] = true;
	const url = location.href;
	if (!findService(url, SERVICE_RULES, NEVER_FLAG_RULES)) return;
	const model = await send('pageVisit', {url});
	if (model) mountBanner(model);
}

main().catch(() => {
	// The background could not answer (extension updated or reloaded under this page): show nothing.
});
