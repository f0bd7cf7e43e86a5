import {describe, expect, it} from 'vitest';
import {dataset, localize} from '../data';
import {customSiteErrorText, customSitePattern, knownHosts, parseCustomSite} from './custom-sites';
import {MAX_CUSTOM_SITES} from './settings';

const known = knownHosts(dataset, (service) => localize(service.name, 'en'));
const parse = (input: string, existing: string[] = []) => parseCustomSite(input, known, existing);

describe('parseCustomSite', () => {
	it.each([
		['photos.example.net', 'photos.example.net'],
		['  Photos.Example.NET  ', 'photos.example.net'],
		['https://photos.example.net/u/0/albums?x=1#top', 'photos.example.net'],
		['http://photos.example.net', 'photos.example.net'],
		['https://user:secret@photos.example.net:8443/', 'photos.example.net'],
		['photos.example.net.', 'photos.example.net'],
		['fotos.bücher.example', 'fotos.xn--bcher-kva.example'],
		['example.org', 'example.org'],
	])('normalises %j to the host %j', (input, host) => {
		expect(parse(input)).toEqual({ok: true, host});
	});

	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['photos example net', 'invalid'],
		['*.example.net', 'invalid'],
		['exa_mple.net', 'invalid'],
		['ftp://photos.example.net', 'scheme'],
		['file:///home/me/photos', 'scheme'],
		['javascript:alert(1)', 'invalid'],
		['192.168.1.20', 'ip'],
		['https://10.0.0.2:2342/', 'ip'],
		['https://[::1]/', 'ip'],
		['0x7f.1', 'ip'],
		['nas', 'local'],
		['localhost', 'local'],
		['photoprism.local', 'local'],
		['photos.home.arpa', 'local'],
		['immich.internal', 'local'],
	])('refuses %j (%s)', (input, code) => {
		const result = parse(input);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.error.code).toBe(code);
	});

	it('refuses a host the catalogue knows, naming the service', () => {
		expect(parse('https://photos.google.com/u/0')).toEqual({
			ok: false,
			error: {code: 'catalogued', name: 'Google Photos'},
		});
		expect(parse('www.flickr.com')).toMatchObject({ok: false, error: {code: 'catalogued'}});
	});

	it('refuses a host on the never-flag list, naming it', () => {
		const ente = dataset.neverFlag.find((entry) => entry.id.includes('ente'))!;
		const host = ente.rules[0]!.hosts[0]!.replace(/^\*\./, 'x.');
		expect(parse(host)).toEqual({ok: false, error: {code: 'never-flag', name: ente.name}});
	});

	it('refuses the person’s own NAS and MEGA’s site, without claiming they are end-to-end encrypted', () => {
		const nas = parse('https://mynas.quickconnect.to/');
		expect(nas).toEqual({ok: false, error: {code: 'never-flag', name: 'Synology QuickConnect'}});
		expect(parse('mega.io')).toMatchObject({ok: false, error: {code: 'never-flag', name: 'MEGA'}});
		if (!nas.ok)
			expect(customSiteErrorText(nas.error)).toBe(
				'Synology QuickConnect is on the list of services the extension never flags, so it cannot be added.',
			);
	});

	it('refuses a site already in the list, and a full list', () => {
		expect(parse('photos.example.net', ['photos.example.net'])).toEqual({
			ok: false,
			error: {code: 'duplicate', host: 'photos.example.net'},
		});
		const full = Array.from({length: MAX_CUSTOM_SITES}, (_, i) => `s${i}.example.net`);
		expect(parse('photos.example.net', full)).toEqual({ok: false, error: {code: 'too-many'}});
	});

	it('says every refusal in words', () => {
		for (const input of ['', 'a b', 'ftp://x.example', '10.0.0.1', 'nas', 'photos.google.com']) {
			const result = parse(input);
			if (result.ok) throw new Error(input);
			const text = customSiteErrorText(result.error);
			expect(text).not.toMatch(/^customSite/);
			expect(text.length).toBeGreaterThan(10);
		}
	});

	it('asks for exactly one https host', () => {
		expect(customSitePattern('photos.example.net')).toBe('https://photos.example.net/*');
	});
});
