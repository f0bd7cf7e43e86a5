import {describe, expect, it} from 'vitest';
import {DEFAULTS} from '../core/settings';
import {withEntry, withoutEntry, withoutService} from './service-lists';

describe('the lists of services', () => {
	it('adds an entry once and keeps the list sorted', () => {
		expect(withEntry(['flickr', 'icloud'], 'google-photos')).toEqual(['flickr', 'google-photos', 'icloud']);
		expect(withEntry(['flickr', 'icloud'], 'flickr')).toEqual(['flickr', 'icloud']);
		expect(withEntry([], 'photos.example.net')).toEqual(['photos.example.net']);
	});

	it('takes an entry out, keeping the rest in order', () => {
		expect(withoutEntry(['flickr', 'google-photos', 'icloud'], 'google-photos')).toEqual(['flickr', 'icloud']);
		expect(withoutEntry(['flickr'], 'icloud')).toEqual(['flickr']);
	});

	it('takes a service out of the hidden or the snoozed list only', () => {
		const settings = {
			...DEFAULTS,
			hiddenServices: ['flickr', 'icloud'],
			snoozedUntil: {flickr: 5, 'google-photos': 6},
		};
		expect(withoutService(settings, 'hidden', 'flickr')).toEqual({hiddenServices: ['icloud']});
		expect(withoutService(settings, 'snoozed', 'flickr')).toEqual({snoozedUntil: {'google-photos': 6}});
		expect(settings.hiddenServices).toEqual(['flickr', 'icloud']);
	});
});
