import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {LANGUAGES} from '../../src/core/languages';
import {generateCatalogues} from '../../scripts/messages';
import {englishTexts, readCurated, serializeTexts} from '../../scripts/data/i18n-extract';
import {placeholders as curatedPlaceholders} from '../../scripts/data/i18n-texts';

type Messages = Record<
	string,
	{message: string; description?: string; placeholders?: Record<string, {content: string}>}
>;
const read = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/messages.json`, 'utf8')) as Messages;
/** Every language of the extension: a missing catalogue fails below, by name (never skipped). */
const languages = [...LANGUAGES];
const translated = languages.filter((lang) => lang !== 'en');
const en = read('en');
const readCuratedTexts = (lang: string) =>
	JSON.parse(readFileSync(`scripts/data/curated/i18n/${lang}.json`, 'utf8')) as Record<string, string>;
const curatedEn = readCuratedTexts('en');

/**
 * Messages that may read exactly as in English, and why. Everything else left identical to English in
 * another language is an untranslated message.
 */
const SAME_AS_ENGLISH: Readonly<Record<string, string>> = {
	extName: 'the product’s name',
	extShortName: 'the product’s name',
	actionTitle: 'the product’s name',
	authorPrivacyGuides: 'Privacy Guides’ name',
	labelColon:
		'punctuation only: most languages write the colon and its space as English does (French adds a no-break space)',
	journeyVisitLine: 'placeholders and a colon only',
	importSiteDroppedRow: 'placeholders and a colon only',
};
/** Per language: words spelled the same as in English. */
const SAME_AS_ENGLISH_IN: Readonly<Partial<Record<string, Record<string, string>>>> = {
	fr: {
		source: 'the French word is “Source”',
		factAudits: '“Audits” in French',
		linkDocumentation: '“Documentation” in French',
	},
};
/** Curated texts that may read as in English: a service's name when it is a brand (product names are not translated). */
const curatedSameAsEnglish = (key: string) => /^services\/[^/]+\/name$/.test(key);

/** Typography per language, for every text but English (messages and curated texts alike). */
function typographyIssues(lang: string, text: string): string[] {
	const issues: string[] = [];
	if (/['"]/.test(text)) issues.push('a straight quote or apostrophe');
	if (lang === 'fr' && / [:;?!»]|« |[^\u00a0\u202f ][:;?!](?=\s|$)/.test(text))
		issues.push('French spacing: a no-break space before : ; ? ! and inside « »');
	if (lang === 'de' && /[«»”]/.test(text)) issues.push('German quotes are „…“');
	if (lang === 'ru' && /[“”„]/.test(text)) issues.push('Russian quotes are «…»');
	if ((lang === 'zh-TW' || lang === 'zh-Hant') && /[\u3400-\u9fff][,;:?!()]|[,;:?!(][\u3400-\u9fff]/.test(text))
		issues.push('Chinese punctuation is full-width next to Chinese text (，；：？！（）)');
	return issues;
}
const placeholders = (text: string) => [...text.matchAll(/\$([A-Z0-9_]+)\$/g)].map((m) => m[1]).sort();

describe('locales', () => {
	it('has a catalogue for every language of the extension, and no other', () => {
		expect(readdirSync('locales').sort()).toEqual([...LANGUAGES].sort());
	});

	it('src/core/catalogues.ts and src/core/catalogues/<lang>.ts are what npm run messages writes from locales/', async () => {
		const files = await generateCatalogues();
		expect([...files.keys()].sort()).toEqual(
			['src/core/catalogues.ts', ...LANGUAGES.map((lang) => `src/core/catalogues/${lang}.ts`)].sort(),
		);
		expect(readdirSync('src/core/catalogues').sort()).toEqual(LANGUAGES.map((lang) => `${lang}.ts`).sort());
		for (const [file, text] of files) expect(readFileSync(file, 'utf8'), file).toBe(text);
	});

	it.each(translated)('%s leaves no message in English but the reasoned exceptions', (lang) => {
		const messages = read(lang);
		const same = Object.keys(en).filter(
			(key) =>
				messages[key]?.message === en[key]!.message &&
				!(key in SAME_AS_ENGLISH) &&
				!(key in (SAME_AS_ENGLISH_IN[lang] ?? {})),
		);
		expect(same).toEqual([]);
	});

	it.each(translated)('%s follows its typography in every message', (lang) => {
		const wrong = Object.entries(read(lang)).flatMap(([key, entry]) =>
			typographyIssues(lang, entry.message).map((issue) => `${key}: ${issue}`),
		);
		expect(wrong).toEqual([]);
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

describe('the curated texts’ translations (scripts/data/curated/i18n)', () => {
	it('en.json is every text of ours in the curated files (npm run data:i18n)', async () => {
		expect(readFileSync('scripts/data/curated/i18n/en.json', 'utf8')).toBe(
			serializeTexts(englishTexts(await readCurated())),
		);
	});

	it.each(translated)('%s.json exists, with exactly the keys of en.json, each non-empty, same placeholders', (lang) => {
		expect(existsSync(`scripts/data/curated/i18n/${lang}.json`), `${lang}.json`).toBe(true);
		const texts = readCuratedTexts(lang);
		expect(Object.keys(texts).sort()).toEqual(Object.keys(curatedEn).sort());
		for (const [key, text] of Object.entries(texts)) {
			expect(text.trim(), `${lang} ${key}`).not.toBe('');
			expect(curatedPlaceholders(text), `${lang} ${key}`).toEqual(curatedPlaceholders(curatedEn[key] ?? ''));
		}
	});

	it.each(translated)('%s.json leaves no text in English but brand names', (lang) => {
		const texts = readCuratedTexts(lang);
		expect(Object.keys(curatedEn).filter((key) => texts[key] === curatedEn[key] && !curatedSameAsEnglish(key))).toEqual(
			[],
		);
	});

	it.each(translated)('%s.json follows its typography', (lang) => {
		const wrong = Object.entries(readCuratedTexts(lang)).flatMap(([key, text]) =>
			typographyIssues(lang, text).map((issue) => `${key}: ${issue}`),
		);
		expect(wrong).toEqual([]);
	});

	it('the typography checks catch what they are for', () => {
		expect(typographyIssues('fr', "l'option : oui")).toEqual([
			'a straight quote or apostrophe',
			'French spacing: a no-break space before : ; ? ! and inside « »',
		]);
		expect(typographyIssues('de', '«Fotos»')).toEqual(['German quotes are „…“']);
		expect(typographyIssues('de', '„Fotos“')).toEqual([]);
		expect(typographyIssues('ru', '“Фото”')).toEqual(['Russian quotes are «…»']);
		expect(typographyIssues('zh-TW', '照片,相簿')).toEqual([
			'Chinese punctuation is full-width next to Chinese text (，；：？！（）)',
		]);
		expect(typographyIssues('zh-TW', '照片，相簿 Google Photos')).toEqual([]);
		expect(typographyIssues('he', 'צה"ל')).toEqual(['a straight quote or apostrophe']);
	});
});
