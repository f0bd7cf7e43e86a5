// @vitest-environment happy-dom
/**
 * The move page against the real background handlers (the fake browser's sendMessage goes through the router
 * as if from the page): start a move with its export page's permission, tick steps, end it.
 */
import 'fake-indexeddb/auto';
import {IDBFactory} from 'fake-indexeddb';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {handlers} from '../background/handlers';
import {closeJourneyDb} from '../background/journey-db';
import {route} from '../background/router';
import {fake, resetFakeBrowser} from '../../test/fake-browser';
import {Move} from './Move';

let scratch: HTMLElement;
const self = {extensionId: 'test-extension-id', extensionOrigin: 'chrome-extension://test-extension-id/'};
const pageSender = {id: 'test-extension-id', url: 'chrome-extension://test-extension-id/move/index.html'};

async function settle() {
	for (let i = 0; i < 20; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}
async function show(service: string | null, tool: string | null = null) {
	await act(() => render(<Move service={service} tool={tool} />, scratch));
	await settle();
}
const text = (selector: string) => [...scratch.querySelectorAll(selector)].map((el) => el.textContent?.trim());
async function click(element: Element | null | undefined) {
	if (!element) throw new Error('nothing to click');
	await act(() => (element as HTMLElement).click());
	await settle();
}

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
	fake.current.runtime.sendMessage = ((message: unknown) => route(message, pageSender, handlers, self)) as never;
	scratch = document.createElement('main');
	document.body.append(scratch);
});
afterEach(async () => {
	render(null, scratch);
	scratch.remove();
	delete document.body.dataset['ready'];
	await closeJourneyDb();
});

describe('the move page', () => {
	it('shows Google Photos → Ente Photos in six steps with their authors, before it starts', async () => {
		await show('google-photos', 'ente-photos');
		expect(scratch.querySelector('h1')?.textContent).toBe('Move from Google Photos to Ente Photos');
		expect(text('.steps h3')).toEqual([
			'Request the export',
			'Download it',
			'Prepare it',
			'Import it',
			'Check that the counts match',
			'Only then, delete the old library',
		]);
		expect(scratch.querySelector('[data-step="request"] .claim')?.getAttribute('data-by')).toBe('provider');
		expect(scratch.querySelector('[data-step="prepare"] .claim')?.textContent).toMatch(
			/^Unzip every archive into one parent folder.*\(The alternative’s guide says, Source\)$/,
		);
		expect(text('[aria-labelledby="lost-heading"] .claim')[0]).toMatch(/^Shared albums are not exported reliably/);
		expect(scratch.querySelectorAll('input[type=checkbox]')).toHaveLength(0);
		expect(scratch.textContent).toContain('show a small helper on takeout.google.com');
	});

	it('start asks for the export page only, then the steps can be ticked and the checklist follows', async () => {
		const asked: unknown[] = [];
		const request = fake.current.permissions.request.bind(fake.current.permissions);
		fake.current.permissions.request = async (details: {origins?: string[]}) => {
			asked.push(details);
			return request(details);
		};
		await show('google-photos', 'ente-photos');
		await click(scratch.querySelector('button.primary'));
		expect(asked).toEqual([{origins: ['https://takeout.google.com/*']}]);
		expect(scratch.querySelector('[role=status]')?.textContent).toBe('The helper will appear on takeout.google.com.');
		expect(scratch.querySelector('.progress')?.textContent).toBe('Step 1 of 6');
		await click(scratch.querySelector('[data-step="request"] input'));
		await click(scratch.querySelector('[data-step="download"] input'));
		expect(scratch.querySelector('.progress')?.textContent).toBe('Step 3 of 6');
		const journey = await handlers.getJourney(null, pageSender);
		expect(journey.available && journey.summary.checklist).toEqual([
			{service: 'google-photos', exported: true, imported: false, deleted: false},
		]);
		expect([...fake.current.scripting.registered.keys()]).toEqual(['export-helper:google-photos']);
		await click(scratch.querySelector('.actions button'));
		expect(scratch.querySelector('[role=status]')?.textContent).toBe(
			'This move has ended. Its ticks stay in your journey in the options.',
		);
		expect([...fake.current.permissions.origins]).toEqual([]);
		expect([...fake.current.scripting.registered.keys()]).toEqual([]);
	});

	it('a refused permission still starts the move, and says the helper will not appear', async () => {
		fake.current.permissions.grantOnRequest = false;
		await show('google-photos', 'ente-photos');
		await click(scratch.querySelector('button.primary'));
		expect(scratch.querySelector('[role=status]')?.textContent).toMatch(/^Without the permission the helper/);
		expect(scratch.querySelector('.progress')?.textContent).toBe('Step 1 of 6');
	});

	it('a move without its helper (refused, or from an imported file) offers to allow it again, keeping its steps', async () => {
		fake.current.permissions.grantOnRequest = false;
		await show('google-photos', 'ente-photos');
		expect(scratch.querySelector('#allow-helper')).toBeNull();
		await click(scratch.querySelector('button.primary'));
		await click(scratch.querySelector('[data-step="request"] input'));
		expect(scratch.querySelector('.helper-off')?.textContent).toMatch(
			/^The helper does not appear on takeout.google.com: the browser has not allowed it/,
		);
		fake.current.permissions.grantOnRequest = true;
		await click(scratch.querySelector('#allow-helper'));
		expect(scratch.querySelector('[role=status]')?.textContent).toBe('The helper will appear on takeout.google.com.');
		expect(scratch.querySelector('#allow-helper')).toBeNull();
		expect(scratch.querySelector('.progress')?.textContent).toBe('Step 2 of 6');
		expect([...fake.current.scripting.registered.keys()]).toEqual(['export-helper:google-photos']);
	});

	it('a service with no export page asks for no permission', async () => {
		let asked = 0;
		fake.current.permissions.request = () => {
			asked++;
			return Promise.resolve(true);
		};
		await show('dropbox-photos', 'photoprism');
		await click(scratch.querySelector('button.primary'));
		expect(asked).toBe(0);
		expect(scratch.querySelector('.progress')?.textContent).toBe('Step 1 of 6');
	});

	it('without a service: the list of services to start from', async () => {
		await show(null);
		expect(scratch.querySelector('h1')?.textContent).toBe('Choose the service you are leaving.');
		expect(text('.services a')).toContain('Google Photos');
	});

	it.each(['en', 'fr'])('%s: complete and typeset (curly apostrophes; in French, no-break spaces)', async (lang) => {
		const browser = resetFakeBrowser(lang);
		browser.runtime.sendMessage = ((message: unknown) => route(message, pageSender, handlers, self)) as never;
		for (const [service, tool] of [
			['google-photos', 'ente-photos'],
			['icloud-photos', 'photoprism'],
			['amazon-photos', 'ente-photos'],
		] as const) {
			render(null, scratch);
			await show(service, tool);
			const text = scratch.textContent ?? '';
			// No missing message (t() shows its key), no placeholder left.
			expect(text.match(/\{(service|tool)\}/)).toBeNull();
			for (const node of scratch.querySelectorAll('h1, h2, h3, button, label, p, li'))
				expect(node.textContent?.trim()).not.toMatch(/^(move|helper)[A-Z_]\w*$/);
			if (lang === 'fr') expect(scratch.querySelector('h1')?.textContent).toMatch(/^Passer de /);
			const wrong = lang === 'fr' ? / [:;?!»]|« |[^\u00a0\u202f ][:;?!](?=\s|$)|'/g : /'/g;
			expect([...text.matchAll(new RegExp(`.{0,25}(?:${wrong.source}).{0,25}`, 'g'))].map((m) => m[0])).toEqual([]);
		}
	});
});
