import {describe, expect, it} from 'vitest';
import {BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, makeBackup, parseBackup} from './backup';
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
