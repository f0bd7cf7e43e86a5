import {describe, expect, it} from 'vitest';
import {orderDownloads, platformOf} from './order';

describe('platformOf', () => {
	it.each([
		['mac', 'macos'],
		['win', 'windows'],
		['android', 'android'],
		['linux', 'linux'],
		['cros', 'linux'],
		['fuchsia', null],
		[undefined, null],
	])('%s → %s', (os, platform) => expect(platformOf(os)).toBe(platform));
});

describe('orderDownloads', () => {
	const downloads = [
		{platform: 'android' as const, label: 'Google Play'},
		{platform: 'ios' as const, label: 'App Store'},
		{platform: 'windows' as const, label: 'Windows'},
		{platform: 'android' as const, label: 'Android'},
	];
	it("puts the person's platform first and keeps every other one, in order", () => {
		expect(orderDownloads(downloads, 'windows').map((d) => d.label)).toEqual([
			'Windows',
			'Google Play',
			'App Store',
			'Android',
		]);
		expect(orderDownloads(downloads, 'android').map((d) => d.label)).toEqual([
			'Google Play',
			'Android',
			'App Store',
			'Windows',
		]);
		expect(orderDownloads(downloads, null)).toEqual(downloads);
		expect(orderDownloads(downloads, 'linux')).toEqual(downloads);
	});
});
