/**
 * `npm run data:update -- PRIVACYGUIDES_ORG_CHECKOUT I18N_CHECKOUT [--lang LANG]...`: refreshes the Privacy
 * Guides pages from local git checkouts of privacyguides/privacyguides.org and privacyguides/i18n,
 * regenerates the dataset and prints the review report (scripts/data/update/update.ts).
 *
 * Exit codes: 0 updated (or already up to date) and the dataset regenerated; 1 the pages were copied but
 * the dataset could not be regenerated (the report says what to fix); 2 nothing written (bad arguments,
 * a checkout or a page missing: the message names it).
 */
import {isMain, ROOT} from './repo';
import {UpdateError, updateFromCheckouts} from './data/update/update';

const USAGE = `usage: npm run data:update -- PRIVACYGUIDES_ORG_CHECKOUT I18N_CHECKOUT [--lang LANG]...
  PRIVACYGUIDES_ORG_CHECKOUT  a git working tree of https://github.com/privacyguides/privacyguides.org
  I18N_CHECKOUT               a git working tree of https://github.com/privacyguides/i18n
  --lang LANG                 refresh only this Privacy Guides language (repeatable; default: English and
                              every language the extension ships)
`;

async function main(argv: readonly string[]): Promise<number> {
	const dirs: string[] = [];
	const langs: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '-h' || arg === '--help') {
			process.stdout.write(USAGE);
			return 0;
		}
		if (arg === '--lang') {
			const value = argv[++i];
			if (!value) {
				process.stderr.write(`--lang needs a value\n${USAGE}`);
				return 2;
			}
			langs.push(value);
		} else if (arg.startsWith('-')) {
			process.stderr.write(`unknown option ${arg}\n${USAGE}`);
			return 2;
		} else dirs.push(arg);
	}
	if (dirs.length !== 2) {
		process.stderr.write(`expected two checkouts, got ${dirs.length}\n${USAGE}`);
		return 2;
	}
	try {
		const result = await updateFromCheckouts({
			orgCheckout: dirs[0]!,
			i18nCheckout: dirs[1]!,
			root: ROOT,
			...(langs.length > 0 ? {langs} : {}),
		});
		process.stdout.write(result.report);
		return result.generationIssues.length > 0 ? 1 : 0;
	} catch (error) {
		if (error instanceof UpdateError) {
			process.stderr.write(`${error.message}\n`);
			return 2;
		}
		throw error;
	}
}

if (isMain(import.meta.url)) {
	process.exitCode = await main(process.argv.slice(2));
}
