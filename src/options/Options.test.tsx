// @vitest-environment happy-dom
/**
 * The options page against the real background handlers: the fake browser's runtime.sendMessage goes
 * through the router as if from the options page, so every click travels the whole way to storage.
 */
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {makeBackup} from '../core/backup';
import {DEFAULTS, SETTINGS_KEY, type Settings} from '../core/settings';
import {fake} from '../../test/fake-browser';
import {chooseFile, routeMessagesFrom, settle} from '../../test/pages';
import {Options} from './Options';
import {ALLOW_AT_ONCE} from './CustomSites';

let scratch: HTMLElement;
const stored = () => fake.current.storage.local.dump()[SETTINGS_KEY] as Settings | undefined;
const $ = <T extends Element = HTMLElement>(selector: string) => scratch.querySelector<T>(selector)!;
const text = (selector: string) => $(selector).textContent;

/** Message types the background answers with an error (as a failed handler does), while listed here. */
let failing = new Set<string>();

/** Opens the page afresh on these stored settings. */
async function reopen(settings: Partial<Settings>) {
	await act(() => render(null, scratch));
	await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS, ...settings}});
	await act(() => render(<Options />, scratch));
	await settle();
}

/** Chooses a file in the import field. */
async function importFile(content: string) {
	await chooseFile($<HTMLInputElement>('#data-import'), content);
}

/** Types a site and submits the form. */
async function addSite(site: string) {
	const input = $<HTMLInputElement>('#custom-site');
	input.value = site;
	await act(() => {
		input.dispatchEvent(new Event('input', {bubbles: true}));
	});
	await act(() => {
		$<HTMLFormElement>('form.add-site').requestSubmit();
	});
	await settle();
}

beforeEach(async () => {
	failing = new Set();
	routeMessagesFrom('options', (type) => failing.has(type));
	await fake.current.storage.local.set({
		[SETTINGS_KEY]: {...DEFAULTS, hiddenServices: ['flickr'], snoozedUntil: {'google-photos': Date.now() + 86_400_000}},
	});
	scratch = document.createElement('main');
	document.body.append(scratch);
	await act(() => render(<Options />, scratch));
	await settle();
});
afterEach(() => {
	render(null, scratch);
	scratch.remove();
	delete document.body.dataset['ready'];
});

describe('the options page', () => {
	it('labels every control and groups the choices', () => {
		for (const input of scratch.querySelectorAll('input')) {
			const labelled = input.closest('label') ?? scratch.querySelector(`label[for="${input.id}"]`);
			expect(labelled?.textContent?.trim(), input.id).toBeTruthy();
		}
		expect([...scratch.querySelectorAll('legend')].map((legend) => legend.textContent)).toEqual(
			expect.arrayContaining(['Alternatives to suggest', 'Theme']),
		);
		expect(scratch.querySelectorAll('[role="status"]').length).toBeGreaterThanOrEqual(5);
		expect(document.body.dataset['ready']).toBe('1');
	});

	it('lists hidden and snoozed services by name, each undoable', async () => {
		expect(text('#hidden-list li[data-service="flickr"] span')).toBe('Flickr');
		expect(text('#snoozed-list li[data-service="google-photos"] span')).toMatch(/^Google Photos, until /);
		await act(() => {
			$('#hidden-list button').click();
		});
		await settle();
		expect(stored()?.hiddenServices).toEqual([]);
		expect(text('#lists-status')).toBe('The banner will show again on Flickr.');
	});

	it('opened by the banner\'s "Turn off everywhere…": the switch is focused and highlighted, still on until the person unticks it', async () => {
		expect($('#turn-off-here')).toBeNull(); // not when opened otherwise
		location.hash = '#turn-off';
		try {
			await reopen({});
			const toggle = $<HTMLInputElement>('#banner-enabled');
			expect(document.activeElement).toBe(toggle);
			expect(toggle.checked).toBe(true);
			expect(toggle.closest('label')?.classList.contains('highlight')).toBe(true);
			expect(toggle.getAttribute('aria-describedby')).toBe('turn-off-here');
			expect(text('#turn-off-here')).toContain('untick this box');
			expect(stored()?.bannerEnabled).toBe(true);
			await act(() => toggle.click());
			await settle();
			expect(stored()?.bannerEnabled).toBe(false);
		} finally {
			location.hash = '';
		}
	});

	it('badge only: chosen in one click, saved, and what a website can see said in plain words either way', async () => {
		expect($<HTMLInputElement>('#page-mode-banner').checked).toBe(true);
		expect(text('#page-mode-seen')).toContain('cannot read what the banner says');
		await act(() => $<HTMLInputElement>('#page-mode-badge').click());
		await settle();
		expect(stored()?.badgeOnly).toBe(true);
		expect($<HTMLInputElement>('#page-mode-badge').checked).toBe(true);
		expect(text('#page-mode-seen')).toContain('sees nothing of the extension');
		await act(() => $<HTMLInputElement>('#page-mode-banner').click());
		await settle();
		expect(stored()?.badgeOnly).toBe(false);
	});

	it('refuses a snooze length outside 1–365 without saving it', async () => {
		const input = $<HTMLInputElement>('#snooze-days');
		for (const value of ['0', '366', '2.5', 'abc']) {
			input.value = value;
			await act(() => {
				input.dispatchEvent(new Event('input', {bubbles: true}));
				input.dispatchEvent(new Event('change', {bubbles: true}));
			});
			await settle();
			expect(input.getAttribute('aria-invalid'), value).toBe('true');
			expect(text('#banner-status')).toBe('Enter a whole number of days from 1 to 365.');
		}
		expect(stored()?.snoozeDays).toBe(7);
		input.value = '30';
		await act(() => {
			input.dispatchEvent(new Event('input', {bubbles: true}));
			input.dispatchEvent(new Event('change', {bubbles: true}));
		});
		await settle();
		expect(stored()?.snoozeDays).toBe(30);
	});

	it('applies the theme to the page', async () => {
		await act(() => $('#theme-dark').click());
		await settle();
		expect(document.documentElement.dataset['theme']).toBe('dark');
		expect(stored()?.theme).toBe('dark');
	});

	it('offers every language in its own name; a choice re-renders the page in it at once and is stored', async () => {
		const select = $<HTMLSelectElement>('select#language');
		expect([...select.options].map((option) => [option.value, option.textContent])).toEqual([
			['auto', 'Same as the browser'],
			['en', 'English'],
			['fr', 'Français'],
			['es', 'Español'],
			['it', 'Italiano'],
			['nl', 'Nederlands'],
			['de', 'Deutsch'],
			['ru', 'Русский'],
			['he', 'עברית'],
			['zh-TW', '中文（台灣）'],
			['zh-Hant', '中文（繁體）'],
		]);
		expect(select.value).toBe('auto');
		expect(text('#choices-heading')).toBe('Suggestions and appearance');
		select.value = 'fr';
		await act(() => {
			select.dispatchEvent(new Event('change', {bubbles: true}));
		});
		await settle();
		expect(stored()?.language).toBe('fr');
		expect(text('#choices-heading')).toBe('Suggestions et apparence');
		expect(document.documentElement.lang).toBe('fr');
		expect($<HTMLSelectElement>('select#language').value).toBe('fr');
		// Back to the browser's language (English here).
		$<HTMLSelectElement>('select#language').value = 'auto';
		await act(() => {
			$('select#language').dispatchEvent(new Event('change', {bubbles: true}));
		});
		await settle();
		expect(stored()?.language).toBe('auto');
		expect(text('#choices-heading')).toBe('Suggestions and appearance');
	});

	it('resets only after an inline confirmation (no blocking dialog), and Cancel changes nothing', async () => {
		const confirm = vi.fn(() => true);
		window.confirm = confirm;
		await act(() => $('#reset-all').click());
		expect(text('#reset-confirm-text')).toContain('cannot be undone');
		expect(document.activeElement?.id).toBe('reset-cancel');
		await act(() => $('#reset-cancel').click());
		expect(stored()?.hiddenServices).toEqual(['flickr']);
		expect(document.activeElement?.id).toBe('reset-all');
		await act(() => $('#reset-all').click());
		await act(() => $('#reset-confirm').click());
		await settle();
		expect(stored()).toEqual(DEFAULTS);
		expect(text('#reset-status')).toBe('Everything was reset.');
		expect(confirm).not.toHaveBeenCalled();
	});

	it.each([
		['{"format":"other","version":1}', 'This file is not an export of Photo Privacy Advisor. Nothing was changed.'],
		['not json', 'This file is not an export of Photo Privacy Advisor: it is not JSON. Nothing was changed.'],
		[
			'{"format":"photo-privacy-advisor","version":7}',
			'This file comes from a newer version of Photo Privacy Advisor. Update the extension, then import it again. Nothing was changed.',
		],
	])('a bad import (%s) says why and changes nothing', async (content, message) => {
		const before = fake.current.storage.local.dump();
		await importFile(content);
		expect(text('#data-status')).toBe(message);
		expect(fake.current.storage.local.dump()).toEqual(before);
	});

	it('refuses a custom site with a specific message, before asking for any permission', async () => {
		const request = vi.spyOn(fake.current.permissions, 'request');
		await addSite('photos.google.com');
		expect(text('#custom-status')).toBe('This site is already recognised: it is Google Photos.');
		expect($('#custom-site').getAttribute('aria-invalid')).toBe('true');
		expect(request).not.toHaveBeenCalled();
	});

	it('adds a custom site after its permission is granted, and removes it', async () => {
		await addSite('https://photos.example.net/albums');
		expect(text('#custom-status')).toBe(
			'photos.example.net was added. The banner will appear there from your next visit.',
		);
		expect($('#custom-site-list li').dataset['granted']).toBe('1');
		expect(fake.current.scripting.registered.size).toBe(1);
		await act(() => $<HTMLButtonElement>('#custom-site-list button').click());
		await settle();
		// It asks first, saying the site's journey days go with it; Escape keeps the site, focus back on Remove.
		expect(text('#custom-site-list li .confirm')).toBe(
			'Remove photos.example.net? Its access is given back, and the days you visited it are erased from Your journey. Remove and erase its daysCancel',
		);
		expect(document.activeElement?.getAttribute('data-action')).toBe('cancel-remove');
		await act(() => {
			document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
		});
		expect(scratch.querySelector('#custom-site-list li .confirm')).toBeNull();
		expect(document.activeElement?.getAttribute('data-action')).toBe('remove');
		expect(fake.current.scripting.registered.size).toBe(1);
		await act(() => $<HTMLButtonElement>('#custom-site-list [data-action="remove"]').click());
		await act(() => $<HTMLButtonElement>('#custom-site-list [data-action="confirm-remove"]').click());
		await settle();
		expect(fake.current.scripting.registered.size).toBe(0);
		expect([...fake.current.permissions.origins]).toEqual([]);
		expect(document.activeElement?.id).toBe('custom-site');
	});

	it('does not add a site whose permission is refused', async () => {
		fake.current.permissions.grantOnRequest = false;
		await addSite('photos.example.net');
		expect(text('#custom-status')).toBe(
			'Your browser did not give access to photos.example.net, so the banner cannot appear there.',
		);
		expect(stored()?.customSites).toEqual([]);
	});

	it('shows the journey as unavailable without IndexedDB, and everything else still works', () => {
		expect(text('#journey-unavailable')).toContain('Your journey is not available here');
		expect($<HTMLInputElement>('#banner-enabled').checked).toBe(true);
	});

	it('"Show again" asks the background to take out that one service, never sends the whole list', async () => {
		const messages: unknown[] = [];
		const send = fake.current.runtime.sendMessage as unknown as (message: unknown) => Promise<unknown>;
		fake.current.runtime.sendMessage = ((message: unknown) => {
			messages.push(message);
			return send(message);
		}) as never;
		await act(() => $<HTMLButtonElement>('#hidden-list li[data-service="flickr"] button').click());
		await settle();
		expect(messages).toEqual([{type: 'showAgain', payload: {list: 'hidden', service: 'flickr'}}]);
		expect(text('#lists-status')).toBe('The banner will show again on Flickr.');
		expect(stored()?.hiddenServices).toEqual([]);
	});

	it('"Show again" moves focus to the next row, then to the list\'s heading once it is empty', async () => {
		const later = Date.now() + 2 * 86_400_000;
		await reopen({
			hiddenServices: ['flickr', 'google-photos'],
			snoozedUntil: {'google-photos': later, flickr: later + 1},
		});
		const hiddenButton = (id: string) => $<HTMLButtonElement>(`#hidden-list li[data-service="${id}"] button`);
		hiddenButton('flickr').focus();
		await act(() => hiddenButton('flickr').click());
		await settle();
		expect(document.activeElement).toBe(hiddenButton('google-photos'));
		await act(() => hiddenButton('google-photos').click());
		await settle();
		expect(scratch.querySelector('#hidden-list')).toBeNull();
		expect(document.activeElement?.id).toBe('hidden-heading');
		expect($('#hidden-heading').tabIndex).toBe(-1);

		// The last row of a longer list: focus goes to the row before it.
		const snoozedButton = (id: string) => $<HTMLButtonElement>(`#snoozed-list li[data-service="${id}"] button`);
		snoozedButton('flickr').focus();
		await act(() => snoozedButton('flickr').click());
		await settle();
		expect(document.activeElement).toBe(snoozedButton('google-photos'));
		await act(() => snoozedButton('google-photos').click());
		await settle();
		expect(document.activeElement?.id).toBe('snoozed-heading');
		expect(stored()).toMatchObject({hiddenServices: [], snoozedUntil: {}});
	});

	it('"Allow" on a site without access moves focus to the row\'s "Remove" once access is granted', async () => {
		await reopen({customSites: ['photos.example.net']});
		const row = () => $('#custom-site-list li[data-host="photos.example.net"]');
		expect(row().dataset['granted']).toBe('0');
		const allow = row().querySelector<HTMLButtonElement>('button')!;
		expect(allow.textContent).toBe('Allow');
		allow.focus();
		await act(() => allow.click());
		await settle();
		expect(row().dataset['granted']).toBe('1');
		expect(document.activeElement).toBe(row().querySelector('button'));
		expect(document.activeElement?.textContent).toBe('Remove');
	});

	it('an import brings sites without access: one "Allow all" asks for all of them in one prompt', async () => {
		const sites = ['photos.example.net', 'pics.example.org', 'album.example.com'];
		await importFile(JSON.stringify(makeBackup({...DEFAULTS, customSites: sites}, null, Date.now())));
		expect(text('#data-status')).toBe(
			'Imported: your settings and journey are now those of the file. Your browser’s permissions do not travel in a file: allow your own sites under “Your own sites” above so the banner can appear there.',
		);
		expect(text('#custom-sites-missing')).toBe('3 of your sites have no access yet.');
		const request = vi.spyOn(fake.current.permissions, 'request');
		const allowAll = $<HTMLButtonElement>('#custom-sites-allow-all');
		expect(allowAll.textContent).toBe('Allow all');
		expect(allowAll.getAttribute('aria-describedby')).toBe('custom-sites-missing custom-sites-batch-hint');
		allowAll.focus();
		await act(() => allowAll.click());
		await settle();
		expect(request).toHaveBeenCalledTimes(1);
		expect(request.mock.calls[0]![0].origins).toEqual(sites.map((host) => `https://${host}/*`));
		expect(text('#custom-status')).toBe('Access granted to 3 sites. The banner will appear there.');
		expect(
			[...scratch.querySelectorAll<HTMLElement>('#custom-site-list li')].map((li) => li.dataset['granted']),
		).toEqual(['1', '1', '1']);
		expect(fake.current.scripting.registered.size).toBe(3);
		expect(scratch.querySelector('#custom-sites-allow-all, #custom-sites-missing')).toBeNull();
		// The button went with the access: focus is on the first row's control, not lost to the page.
		expect(document.activeElement).toBe($('#custom-site-list li button'));
	});

	it('a hostile import of 100 sites keeps the valid ones, says host by host why the others were dropped, and "Allow all" asks for 10 at a time', async () => {
		const valid = Array.from({length: 25}, (_, i) => `photos${String(i).padStart(2, '0')}.example.net`);
		const hostile = [
			'photos.google.com', // catalogued
			'www.flickr.com', // catalogued
			'ente.io', // never-flag
			'nas.local', // local
			'router.lan', // local
			'mail.google.com', // unrelated, on a catalogued service's domain
			'google.com',
			valid[0]!, // duplicate
		];
		const filler = Array.from({length: 100 - valid.length - hostile.length}, (_, i) => `x${i}.box.local`);
		const file = makeBackup({...DEFAULTS}, null, Date.now());
		const sites = [...valid, ...hostile, ...filler];
		expect(sites).toHaveLength(100);
		await importFile(JSON.stringify({...file, settings: {...file.settings, customSites: sites}}));
		expect(stored()?.customSites).toEqual(valid);
		const dropped = [...scratch.querySelectorAll<HTMLElement>('#import-dropped li')];
		expect(dropped).toHaveLength(75);
		expect(text('#import-dropped-heading')).toBe(
			'75 of the file’s own sites were not added, for the reasons “Add site” would refuse them:',
		);
		const reason = (host: string) => dropped.find((li) => li.dataset['host'] === host)?.textContent;
		expect(reason('photos.google.com')).toBe(
			'photos.google.com: This site is already recognised: it is Google Photos.',
		);
		expect(reason('ente.io')).toMatch(/^ente\.io: .*Ente/);
		expect(reason('nas.local')).toMatch(/^nas\.local: /);
		expect(reason('router.lan')).toBe(reason('nas.local')!.replace('nas.local', 'router.lan'));
		expect(reason('mail.google.com')).toMatch(
			/^mail\.google\.com: This site is on google\.com, the domain of Google Photos/,
		);
		expect(dropped.filter((li) => li.dataset['host'] === valid[0]).map((li) => li.textContent)).toEqual([
			`${valid[0]}: ${fake.current.i18n.getMessage('customSiteErrorDuplicate', valid[0])}`,
		]);

		// "Allow all" names the exact hosts it asks for, 10 at a time.
		expect(ALLOW_AT_ONCE).toBe(10);
		const request = vi.spyOn(fake.current.permissions, 'request');
		expect([...scratch.querySelectorAll('#custom-sites-batch li')].map((li) => li.textContent)).toEqual(
			valid.slice(0, 10),
		);
		expect(text('#custom-sites-batch-hint')).toBe(
			'Your browser will ask for these 10 sites in one prompt (at most 10 at a time; the next ones come after):',
		);
		expect(text('#custom-sites-allow-all')).toBe('Allow the first 10');
		await act(() => $<HTMLButtonElement>('#custom-sites-allow-all').click());
		await settle();
		expect(request.mock.calls[0]![0].origins).toEqual(valid.slice(0, 10).map((host) => `https://${host}/*`));
		expect([...scratch.querySelectorAll('#custom-sites-batch li')].map((li) => li.textContent)).toEqual(
			valid.slice(10, 20),
		);
		await act(() => $<HTMLButtonElement>('#custom-sites-allow-all').click());
		await settle();
		expect(text('#custom-sites-allow-all')).toBe('Allow all');
		expect(scratch.querySelectorAll('#custom-sites-batch li')).toHaveLength(5);
		expect(request.mock.calls.every(([call]) => (call.origins ?? []).length <= ALLOW_AT_ONCE)).toBe(true);
	});

	it('"Allow all" refused: it says so, nothing is registered, and the button stays with focus', async () => {
		await reopen({customSites: ['photos.example.net', 'pics.example.org']});
		fake.current.permissions.grantOnRequest = false;
		const allowAll = $<HTMLButtonElement>('#custom-sites-allow-all');
		allowAll.focus();
		await act(() => allowAll.click());
		await settle();
		expect(text('#custom-status')).toBe(
			'Your browser did not give access to these sites, so the banner cannot appear there. You can still allow each one on its own.',
		);
		expect(fake.current.scripting.registered.size).toBe(0);
		expect(document.activeElement).toBe($('#custom-sites-allow-all'));
	});

	it('a refused "Allow all" does not cancel a later "Allow": focus still follows the row that was granted', async () => {
		await reopen({customSites: ['photos.example.net', 'pics.example.org']});
		const answers: Array<(granted: boolean) => void> = [];
		vi.spyOn(fake.current.permissions, 'request').mockImplementation(
			() => new Promise<boolean>((resolve) => answers.push(resolve)),
		);
		await act(() => $<HTMLButtonElement>('#custom-sites-allow-all').click()); // its prompt stays open...
		const row = () => $('#custom-site-list li[data-host="pics.example.org"]');
		const allow = row().querySelector<HTMLButtonElement>('[data-action="allow"]')!;
		allow.focus();
		await act(() => allow.click()); // ...while the person allows one site on its own
		answers[0]!(false);
		await settle();
		expect(text('#custom-status')).toBe(
			'Your browser did not give access to these sites, so the banner cannot appear there. You can still allow each one on its own.',
		);
		fake.current.permissions.origins.add('https://pics.example.org/*');
		answers[1]!(true);
		await settle();
		expect(text('#custom-status')).toBe('Access to pics.example.org granted. The banner will appear there.');
		expect(document.activeElement).toBe(row().querySelector('[data-action="remove"]'));
	});

	it('a prompt that answers "granted" without granting is reported as refused', async () => {
		await reopen({customSites: ['photos.example.net']});
		vi.spyOn(fake.current.permissions, 'request').mockResolvedValue(true);
		await act(() => $<HTMLButtonElement>('#custom-site-list [data-action="allow"]').click());
		await settle();
		expect(text('#custom-status')).toBe(
			'Your browser did not give access to photos.example.net, so the banner cannot appear there.',
		);
		expect($('#custom-site-list li').dataset['granted']).toBe('0');
	});

	it('"Allow all" only when two or more sites lack access; an import into a browser that has given access says nothing more', async () => {
		await reopen({customSites: ['photos.example.net']});
		expect(scratch.querySelector('#custom-sites-allow-all')).toBeNull();
		expect($('#custom-site-list li button').textContent).toBe('Allow');
		await fake.current.permissions.request({origins: ['https://photos.example.net/*', 'https://pics.example.org/*']});
		await importFile(
			JSON.stringify(
				makeBackup({...DEFAULTS, customSites: ['photos.example.net', 'pics.example.org']}, null, Date.now()),
			),
		);
		expect(text('#data-status')).toBe('Imported: your settings and journey are now those of the file.');
		expect(scratch.querySelector('#custom-sites-allow-all')).toBeNull();
	});

	it('a section that cannot be loaded says so on its own; the rest of the page, export and reset included, still works', async () => {
		failing = new Set(['getCustomSites']);
		await reopen({});
		expect(text('#custom-sites-unavailable')).toBe(
			'Your own sites could not be loaded (getCustomSites failed.). Reload the page to try again.',
		);
		expect(scratch.querySelector('#custom-site')).toBeNull();
		expect($<HTMLInputElement>('#banner-enabled').checked).toBe(true);
		await act(() => $('#reset-all').click());
		await act(() => $('#reset-confirm').click());
		await settle();
		expect(text('#reset-status')).toBe(
			'Everything was reset, but this page could not show the result (getCustomSites failed.). Reload the page.',
		);
		expect(stored()).toEqual(DEFAULTS);

		failing = new Set(['getSettings', 'getJourney']);
		await reopen({});
		expect(text('#settings-unavailable')).toBe('Your settings could not be loaded: getSettings failed.');
		expect(scratch.querySelector('#banner-enabled')).toBeNull();
		expect(text('#journey-unavailable')).toBe(
			'Your journey could not be loaded (getJourney failed.). Reload the page to try again.',
		);
		expect(scratch.querySelector('#custom-site-list, #custom-site')).not.toBeNull();
		expect(scratch.querySelector('#data-export')).not.toBeNull();
		expect(scratch.querySelector('#reset-all')).not.toBeNull();
	});

	it('an import that worked says so even when the page then fails to show it', async () => {
		failing = new Set(['getSettings']);
		await importFile(JSON.stringify(makeBackup({...DEFAULTS, snoozeDays: 12}, null, Date.now())));
		expect(text('#data-status')).toBe(
			'The import worked, but this page could not show your new settings (getSettings failed.). Reload the page.',
		);
		expect(stored()?.snoozeDays).toBe(12);
	});

	it('names an invalid part of a file in words, never by its field name', async () => {
		const backup = makeBackup({...DEFAULTS, snoozeDays: 7}, null, Date.now());
		await importFile(JSON.stringify({...backup, settings: {...backup.settings, snoozeDays: 9000}}));
		expect(text('#data-status')).toBe('This file is damaged (the settings section is not valid). Nothing was changed.');
		await importFile(JSON.stringify({...backup, journey: {visits: 'x'}}));
		expect(text('#data-status')).toBe('This file is damaged (the journey section is not valid). Nothing was changed.');
	});

	it('says how fresh the advice is, last on the page', () => {
		const sections = [...scratch.querySelectorAll('section')];
		expect(sections.at(-1)?.id).toBe('freshness');
		expect(text('#freshness .freshness-ours')).toBe(
			'Our own claims (marked “Our assessment”) were last checked against their sources in November 2026.',
		);
		expect($('#freshness .freshness-check a').getAttribute('href')).toBe(
			'https://www.privacyguides.org/en/photo-management/',
		);
	});

	it('names the bad move of a file by its row, its service and what is wrong, and changes nothing', async () => {
		const before = fake.current.storage.local.dump();
		const move = {service: 'google-photos', tool: 'ente-photos', started: 1, done: []};
		const file = (moves: unknown[]) =>
			JSON.stringify(makeBackup({...DEFAULTS, snoozeDays: 2}, {visits: [], checklist: [], moves: moves as never}, 1));
		await importFile(file([move, {...move, service: 'flickr', tool: 'picasa'}]));
		expect(text('#data-status')).toBe(
			'This file is damaged: move 2 (from flickr) is not valid, its alternative is not one this extension knows. Nothing was changed.',
		);
		await importFile(file([{...move, done: ['request', 'unzip']}]));
		expect(text('#data-status')).toBe(
			'This file is damaged: move 1 (from google-photos) is not valid, its list of steps done names an unknown step or one step twice. Nothing was changed.',
		);
		await importFile(file([{...move, service: 'myspace'}]));
		expect(text('#data-status')).toBe(
			'This file is damaged: move 1 (from myspace) is not valid, its service is neither a catalogued service nor one of the file’s own sites. Nothing was changed.',
		);
		expect(fake.current.storage.local.dump()).toEqual(before);
	});

	it('gives back the permission of a site the background refuses, unless the site is listed after all', async () => {
		failing = new Set(['addCustomSite']);
		await addSite('photos.example.net');
		expect(text('#custom-status')).toBe('addCustomSite failed.');
		expect([...fake.current.permissions.origins]).toEqual([]);
		expect(scratch.querySelector('#custom-site-list')).toBeNull();

		// Added from another tab meanwhile: this page's list was out of date, the background refuses the
		// duplicate, and the site (with its permission) is now listed here with its "Remove".
		failing = new Set();
		await fake.current.storage.local.set({[SETTINGS_KEY]: {...DEFAULTS, customSites: ['photos.example.org']}});
		await addSite('photos.example.org');
		expect([...fake.current.permissions.origins]).toEqual(['https://photos.example.org/*']);
		expect($('#custom-site-list li[data-host="photos.example.org"]').dataset['granted']).toBe('1');
	});
});
