/**
 * For tests of the generators' rules only: our translations as the repository has them where they exist
 * (scripts/data/curated/i18n/<lang>.json), and for a language without its file yet a stand-in made in memory,
 * the English text marked "[lang] ". Stand-ins never leave the test that makes them: the repository's own
 * files are checked by src/data/dataset.test.ts and test/meta/locales.test.ts.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {TRANSLATED_LANGUAGES} from '../../src/data/schema';

const I18N = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'curated/i18n');

export function testTranslations(): Record<string, Record<string, string>> {
	const english = JSON.parse(readFileSync(path.join(I18N, 'en.json'), 'utf8')) as Record<string, string>;
	return Object.fromEntries(
		TRANSLATED_LANGUAGES.map((lang) => {
			const file = path.join(I18N, `${lang}.json`);
			return [
				lang,
				existsSync(file)
					? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
					: Object.fromEntries(Object.entries(english).map(([key, text]) => [key, `[${lang}] ${text}`])),
			];
		}),
	);
}
