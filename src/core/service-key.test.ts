import {describe, expect, it} from 'vitest';
import {journeySchema} from './backup';
import {requestSchemas} from './message-map';
import {DEFAULTS, settingsSchema} from './settings';
import {serviceKeySchema} from './service-key';

const KEYS = {
	valid: ['google-photos', 'photos.example.net', 'xn--bcher-kva.example', 'a', 'a'.repeat(253)],
	invalid: ['', 'Google-Photos', 'photos example', 'photos/example', 'é.example', 'a'.repeat(254), 'a_b'],
};

/** Every place that takes a service key, as "is this key accepted there?". */
const places: Record<string, (key: string) => boolean> = {
	'settings.hiddenServices': (key) => settingsSchema.safeParse({...DEFAULTS, hiddenServices: [key]}).success,
	'settings.snoozedUntil': (key) => settingsSchema.safeParse({...DEFAULTS, snoozedUntil: {[key]: 1}}).success,
	'journey visit': (key) =>
		journeySchema.safeParse({visits: [{service: key, day: '2026-11-03'}], checklist: []}).success,
	'journey checklist': (key) =>
		journeySchema.safeParse({
			visits: [],
			checklist: [{service: key, exported: true, imported: false, deleted: false}],
		}).success,
	'message showAgain': (key) => requestSchemas.showAgain.safeParse({list: 'hidden', service: key}).success,
	'message setChecklistStep': (key) =>
		requestSchemas.setChecklistStep.safeParse({service: key, step: 'exported', done: true}).success,
};

describe('the service key', () => {
	it('is a catalogue id or a lowercase host, up to 253 characters', () => {
		for (const key of KEYS.valid) expect(serviceKeySchema.safeParse(key).success, key).toBe(true);
		for (const key of KEYS.invalid) expect(serviceKeySchema.safeParse(key).success, key).toBe(false);
	});

	it.each(Object.keys(places))('is what %s accepts, no more and no less', (place) => {
		for (const key of KEYS.valid) expect(places[place]!(key), key).toBe(true);
		for (const key of KEYS.invalid) expect(places[place]!(key), key).toBe(false);
	});
});
