import {describe, expect, it} from 'vitest';
import {fake} from '../../test/fake-browser';
import {SETTINGS_KEY, SETTINGS_VERSION} from '../core/settings';
import {readSettings, updateSettings} from './store';

describe('settings writes', () => {
	it('a repair written back while a change is made never lands over the change', async () => {
		// Storage that answers reads after a varying delay, as a busy browser does.
		const area = fake.current.storage.local;
		const get = area.get.bind(area);
		area.get = async (keys) => {
			const snapshot = await get(keys); // read now, answered later
			await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
			return snapshot;
		};
		for (let run = 0; run < 20; run++) {
			// An older document: every read wants to write back its migrated form.
			await area.set({[SETTINGS_KEY]: {version: 1, bannerEnabled: true, snoozeDays: 9}});
			await Promise.all([readSettings(), updateSettings({bannerEnabled: false}), readSettings(), readSettings()]);
			const stored = area.dump()[SETTINGS_KEY] as Record<string, unknown>;
			expect(stored, `run ${run}`).toMatchObject({version: SETTINGS_VERSION, bannerEnabled: false, snoozeDays: 9});
		}
	});

	it('a write-back that fails still gives the repaired settings, and the next read tries again', async () => {
		const area = fake.current.storage.local;
		await area.set({[SETTINGS_KEY]: {version: 1, bannerEnabled: false, snoozeDays: 9}});
		const set = area.set.bind(area);
		let refuse = true;
		area.set = async (items) => {
			if (refuse) throw new Error('QuotaExceededError');
			return set(items);
		};
		expect(await readSettings()).toMatchObject({version: SETTINGS_VERSION, bannerEnabled: false, snoozeDays: 9});
		expect(area.dump()[SETTINGS_KEY]).toMatchObject({version: 1});
		refuse = false;
		await readSettings();
		expect(area.dump()[SETTINGS_KEY]).toMatchObject({version: SETTINGS_VERSION, bannerEnabled: false, snoozeDays: 9});
	});

	it('quick successive changes computed from the current settings all land', async () => {
		await Promise.all(
			['a', 'b', 'c', 'd'].map((id) =>
				updateSettings((current) => ({hiddenServices: [...current.hiddenServices, id]})),
			),
		);
		expect((await readSettings()).hiddenServices).toEqual(['a', 'b', 'c', 'd']);
	});
});
