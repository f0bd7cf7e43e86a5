import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';

type Messages = Record<
	string,
	{message: string; description?: string; placeholders?: Record<string, {content: string}>}
>;
const read = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/messages.json`, 'utf8')) as Messages;
const languages = readdirSync('locales');
const en = read('en');
const placeholders = (text: string) => [...text.matchAll(/\$([A-Z0-9_]+)\$/g)].map((m) => m[1]).sort();

describe('locales', () => {
	it('has English and French', () => {
		expect(languages.sort()).toEqual(['en', 'fr']);
	});

	it.each(languages)('%s has exactly the English keys, each non-empty, with the same placeholders', (lang) => {
		const messages = read(lang);
		expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
		for (const [key, entry] of Object.entries(messages)) {
			expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
			expect(placeholders(entry.message), `${lang}.${key}`).toEqual(placeholders(en[key]!.message));
			for (const name of placeholders(entry.message))
				expect(entry.placeholders?.[name!.toLowerCase()], `${lang}.${key} ${name}`).toBeDefined();
		}
	});

	it.each(languages)('%s says its own code in localeCode', (lang) => {
		expect(read(lang)['localeCode']?.message).toBe(lang);
	});

	it.each(languages)('%s: the store description fits in 132 characters', (lang) => {
		expect(read(lang)['extDescription']!.message.length).toBeLessThanOrEqual(132);
	});

	it('French keeps its punctuation on the line: a no-break space before : ; ? ! and inside « »', () => {
		for (const [key, entry] of Object.entries(read('fr'))) {
			expect(entry.message, key).not.toMatch(/ [:;?!»]|« |[^\u00a0\u202f ][:;?!](?=\s|$)/);
		}
	});

	it.each(languages)('%s uses typographic apostrophes and quotes, never straight ones', (lang) => {
		for (const [key, entry] of Object.entries(read(lang))) expect(entry.message, `${lang}.${key}`).not.toMatch(/['"]/);
	});

	it('every English message says what it is for', () => {
		for (const [key, entry] of Object.entries(en)) expect(entry.description, key).toBeTruthy();
	});

	it('every __MSG_x__ in manifest.json exists', () => {
		const manifest = readFileSync('manifest.json', 'utf8');
		const keys = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
		expect(keys.length).toBeGreaterThan(0);
		for (const key of keys) expect(en[key], key).toBeDefined();
	});

	it('every t() key used in src exists in English', () => {
		const files = readdirSync('src', {recursive: true, encoding: 'utf8'}).filter(
			(f) => /\.tsx?$/.test(f) && !f.includes('.test.'),
		);
		for (const file of files) {
			const source = readFileSync(`src/${file}`, 'utf8');
			for (const match of source.matchAll(/\bt\('([^']+)'/g))
				expect(en[match[1]!], `${file}: ${match[1]}`).toBeDefined();
		}
	});
});
