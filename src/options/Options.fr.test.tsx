// @vitest-environment happy-dom
/**
 * The options page in French, with a journey (IndexedDB from fake-indexeddb): the wording a French
 * reader sees, and no English or internal field name inside a French sentence.
 */
import 'fake-indexeddb/auto';
import {IDBFactory} from 'fake-indexeddb';
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {makeBackup} from '../core/backup';
import {closeJourneyDb, setChecklistStep} from '../background/journey-db';
import {DEFAULTS, SETTINGS_KEY} from '../core/settings';
import {resetFakeBrowser} from '../../test/fake-browser';
import {chooseFile, routeMessagesFrom, settle} from '../../test/pages';
import {Options} from './Options';

let scratch: HTMLElement;
const $ = <T extends Element = HTMLElement>(selector: string) => scratch.querySelector<T>(selector)!;

beforeEach(async () => {
	globalThis.indexedDB = new IDBFactory();
	const fake = resetFakeBrowser('fr');
	routeMessagesFrom('options');
	await fake.storage.local.set({[SETTINGS_KEY]: DEFAULTS});
	await setChecklistStep('google-photos', 'exported', true);
	scratch = document.createElement('main');
	document.body.append(scratch);
	await act(() => render(<Options />, scratch));
	await settle();
});
afterEach(async () => {
	render(null, scratch);
	scratch.remove();
	delete document.body.dataset['ready'];
	await closeJourneyDb();
});

describe('the options page in French', () => {
	it('names the moving checklist and its steps plainly', () => {
		const checklist = $('fieldset.checklist[data-service="google-photos"]');
		expect(checklist.previousElementSibling?.textContent).toBe('Quitter ces services');
		expect(checklist.querySelector('legend')?.textContent).toBe('Google Photos');
		expect(checklist.querySelector('label[for="checklist-google-photos-exported"]')?.textContent).toBe(
			'J’ai exporté mes photos de ce service',
		);
		expect($<HTMLInputElement>('#checklist-google-photos-exported').checked).toBe(true);
	});

	it('says which part of a damaged file is invalid in French words', async () => {
		const backup = makeBackup(DEFAULTS, null, Date.now());
		const file = JSON.stringify({...backup, settings: {...backup.settings, snoozeDays: 9000}});
		await chooseFile($<HTMLInputElement>('#data-import'), file, 'sauvegarde.json');
		expect($('#data-status').textContent).toBe(
			'Ce fichier est endommagé (la section des paramètres n’est pas valide). Rien n’a été modifié.',
		);
	});

	it('names the bad move of a file in French', async () => {
		const move = {service: 'flickr', tool: 'ente-photos', started: -5, done: []};
		const file = JSON.stringify(makeBackup(DEFAULTS, {visits: [], checklist: [], moves: [move]}, Date.now()));
		await chooseFile($<HTMLInputElement>('#data-import'), file, 'sauvegarde.json');
		expect($('#data-status').textContent).toBe(
			'Ce fichier est endommagé\u00a0: le déménagement 1 (depuis flickr) n’est pas valide, sa date de début n’est pas une date valide. Rien n’a été modifié.',
		);
	});
});
