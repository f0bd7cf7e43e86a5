import {describe, expect, it} from 'vitest';
import {BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, makeBackup, parseBackup, type MoveCatalogue} from './backup';
import {DEFAULTS, SETTINGS_VERSION} from './settings';

const journey = {
	visits: [{service: 'google-photos', day: '2026-11-02'}],
	checklist: [{service: 'google-photos', exported: true, imported: false, deleted: false}],
};
const good = makeBackup(
	{...DEFAULTS, snoozeDays: 3, customSites: ['photos.example.net']},
	journey,
	Date.UTC(2026, 10, 27),
);
const text = (value: unknown) => JSON.stringify(value);

describe('parseBackup', () => {
	it('reads back what it writes', () => {
		expect(good).toMatchObject({
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			exportedAt: '2026-11-27T00:00:00.000Z',
		});
		expect(parseBackup(text(good))).toEqual({ok: true, backup: good});
		expect(parseBackup(text({...good, journey: null}))).toEqual({ok: true, backup: {...good, journey: null}});
	});

	it('migrates older settings inside a file', () => {
		const v1 = {
			version: 1,
			bannerEnabled: false,
			snoozeDays: 3,
			hiddenServices: ['flickr'],
			snoozedUntil: {},
			preference: 'both',
			theme: 'dark',
		};
		const result = parseBackup(text({...good, settings: v1}));
		expect(result.ok && result.backup.settings).toEqual({
			...DEFAULTS,
			bannerEnabled: false,
			snoozeDays: 3,
			hiddenServices: ['flickr'],
			theme: 'dark',
		});
	});

	it.each([
		['a file over 1 MB', 'x'.repeat(MAX_BACKUP_BYTES + 1), {code: 'too-large'}],
		['text that is not JSON', 'photos!', {code: 'not-json'}],
		['an empty file', '', {code: 'not-json'}],
		['JSON of another extension', text({format: 'other-extension', version: 1}), {code: 'foreign'}],
		['a JSON array', text([good]), {code: 'foreign'}],
		['JSON null', 'null', {code: 'foreign'}],
		['a newer file', text({...good, version: BACKUP_VERSION + 1}), {code: 'newer'}],
		['newer settings', text({...good, settings: {...good.settings, version: SETTINGS_VERSION + 1}}), {code: 'newer'}],
		['no version', text({...good, version: undefined}), {code: 'invalid', part: 'version'}],
		['a text version', text({...good, version: '1'}), {code: 'invalid', part: 'version'}],
		[
			'bad settings',
			text({...good, settings: {...good.settings, snoozeDays: 9000, theme: 'pink'}}),
			{code: 'invalid', part: 'settings', fields: ['snoozeDays', 'theme']},
		],
		[
			'missing settings',
			text({...good, settings: undefined}),
			{code: 'invalid', part: 'settings', fields: ['settings']},
		],
		[
			'an IP as custom site',
			text({...good, settings: {...good.settings, customSites: ['10.0.0.1']}}),
			{code: 'invalid', part: 'settings', fields: ['customSites']},
		],
		[
			'a bad visit day',
			text({...good, journey: {...journey, visits: [{service: 'flickr', day: '2026-13-01'}]}}),
			{code: 'invalid', part: 'journey'},
		],
		[
			'a URL in a visit',
			text({
				...good,
				journey: {
					...journey,
					visits: [{service: 'flickr', day: '2026-11-01', url: 'https://www.flickr.com/photos/me'}],
				},
			}),
			{code: 'invalid', part: 'journey'},
		],
		['an unknown top-level field', text({...good, extra: true}), {code: 'invalid', part: 'structure'}],
		['a bad export date', text({...good, exportedAt: 'x'.repeat(65)}), {code: 'invalid', part: 'exportedAt'}],
	] as Array<[string, string, {code: string; part?: string}]>)('refuses %s, saying why', (_name, input, error) => {
		expect(parseBackup(input)).toEqual({ok: false, error});
	});
});

describe('parseBackup: the moves in progress', () => {
	const known: MoveCatalogue = {
		service: (key) => ['google-photos', 'flickr'].includes(key),
		tool: (id) => ['ente-photos', 'photoprism'].includes(id),
	};
	const move = {service: 'google-photos', tool: 'ente-photos', started: Date.UTC(2026, 10, 3), done: ['request']};
	const withMoves = (moves: unknown) => text({...good, journey: {...journey, moves}});

	it('reads back the moves it writes, with a move from one of the file’s own sites', () => {
		const moves = [move, {service: 'photos.example.net', tool: 'photoprism', started: 0, done: []}];
		const backup = makeBackup(good.settings, {...journey, moves: moves as never}, Date.UTC(2026, 10, 27));
		expect(parseBackup(text(backup), undefined, known)).toEqual({ok: true, backup});
	});

	it('still reads a file written before moves existed (no moves at all)', () => {
		const result = parseBackup(text(good), undefined, known);
		expect(result).toEqual({ok: true, backup: good});
		expect(result.ok && 'moves' in result.backup.journey!).toBe(false);
	});

	it.each([
		['an unknown step', {...move, done: ['request', 'unpack']}, 'done'],
		['a step twice', {...move, done: ['request', 'request']}, 'done'],
		['a negative start', {...move, started: -1}, 'started'],
		['a start as text', {...move, started: '2026-11-03'}, 'started'],
		['an unknown alternative', {...move, tool: 'picasa'}, 'tool'],
		['an unknown service', {...move, service: 'myspace'}, 'service'],
		['a service in capitals', {...move, service: 'Google Photos'}, 'service'],
		['an extra field', {...move, url: 'https://takeout.google.com/'}, 'structure'],
		['a missing field', {service: 'flickr', tool: 'ente-photos', done: []}, 'started'],
	] as Array<[string, Record<string, unknown>, string]>)(
		'refuses %s, naming the row and what is wrong',
		(_n, row, problem) => {
			const second = {...move, service: 'flickr'};
			expect(parseBackup(withMoves([second, row]), undefined, known)).toEqual({
				ok: false,
				error: {
					code: 'invalid-move',
					row: 2,
					service: typeof row['service'] === 'string' ? row['service'] : null,
					problem,
				},
			});
		},
	);

	it('refuses two moves from one service, a row that is not an object, moves that are not a list, and too many', () => {
		expect(parseBackup(withMoves([move, move]), undefined, known)).toEqual({
			ok: false,
			error: {code: 'invalid-move', row: 2, service: 'google-photos', problem: 'duplicate'},
		});
		expect(parseBackup(withMoves(['google-photos']), undefined, known)).toEqual({
			ok: false,
			error: {code: 'invalid-move', row: 1, service: null, problem: 'structure'},
		});
		expect(parseBackup(withMoves({0: move}), undefined, known)).toEqual({
			ok: false,
			error: {code: 'invalid', part: 'journey'},
		});
		expect(parseBackup(withMoves(Array.from({length: 1001}, () => move)), undefined, known)).toEqual({
			ok: false,
			error: {code: 'too-many-moves'},
		});
	});

	it('without a catalogue, checks the shape only (the message schema does the same)', () => {
		expect(parseBackup(withMoves([{...move, tool: 'picasa'}])).ok).toBe(true);
		expect(parseBackup(withMoves([{...move, done: ['x']}]))).toMatchObject({ok: false, error: {problem: 'done'}});
	});
});
