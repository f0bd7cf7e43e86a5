// CLI: import one Privacy Guides markdown page and print it as JSON.
//   npm run --silent import:privacyguides -- PAGE.md [--lang xx] [--page-path self-hosting/file-management]
//                                             [--kind category|threats|criteria]
// Exit codes: 0 ok (JSON on stdout; the slips read through, if any, as FILE:LINE: warning: … lines on
// stderr), 1 bad input (FILE:LINE: message on stderr, nothing on stdout), 2 bad arguments (usage on
// stderr). Warnings stay out of the JSON on purpose: stdout is the page, exactly the output schema
// (scripts/privacyguides/types.ts), and a diagnostic belongs with the errors on stderr.
import {readFileSync} from 'node:fs';
import {
	ImportError,
	LOCATION_RULES,
	PAGE_KINDS,
	WARNING_KINDS,
	importPage,
	inferPageLocation,
	type PageKind,
} from './privacyguides/parse';
import {LANG_PATTERN} from './privacyguides/types';

const SHORT_USAGE = `usage: npm run --silent import:privacyguides -- PAGE.md [--lang LANG] [--page-path PATH] [--kind KIND]
       (--help explains how lang, the page path and the kind are inferred)
`;

const USAGE = `usage: npm run --silent import:privacyguides -- PAGE.md [--lang LANG] [--page-path PATH] [--kind KIND]

Imports one Privacy Guides page (mkdocs-material markdown) and prints one JSON object on stdout:
  category page (every page but the two below): title, description, lang, pagePath, url, threats,
    intro, tools, criteria (minimum, bestCase, groups)
  threats (basics/common-threats): title, description, lang, pagePath, url, intro, definitions
  criteria (about/criteria): title, description, lang, pagePath, url, intro, priorities, sections

options:
  --lang LANG        site language of the page, e.g. en, fr, he, zh-Hant
  --page-path PATH   the page's path in the docs tree without .md, e.g. photo-management or
                     self-hosting/file-management (an index page: os/index)
  --kind KIND        ${PAGE_KINDS.join(', ')}: the reader to use (default: by the page path)
  -h, --help         show this help

${LOCATION_RULES}

Slips it reads through (the page is imported, exit 0) are printed as FILE:LINE: warning: message on
stderr, one per line:
${Object.values(WARNING_KINDS)
	.map((what) => `  - ${what}`)
	.join('\n')}
On bad input it prints FILE:LINE: message on stderr and exits 1 (nothing on stdout).
Bad arguments exit 2.
`;

interface Args {
	file: string;
	lang?: string;
	pagePath?: string;
	kind?: PageKind;
}

/** The arguments, `{help: true}`, or what is wrong with them. */
function parseArgs(argv: string[]): Args | {help: true} | string {
	let file: string | undefined;
	let lang: string | undefined;
	let pagePath: string | undefined;
	let kind: PageKind | undefined;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '-h' || arg === '--help') return {help: true};
		const eq = /^(--lang|--page-path|--kind)=(.*)$/s.exec(arg);
		const name = eq ? eq[1] : arg;
		if (name === '--lang' || name === '--page-path' || name === '--kind') {
			const value = eq ? eq[2] : argv[++i];
			if (value === undefined || value === '') return `${name} needs a value`;
			if (name === '--kind') {
				if (kind !== undefined) return '--kind given twice';
				const known = PAGE_KINDS.find((k) => k === value);
				if (!known) return `invalid --kind "${value}" (expected ${PAGE_KINDS.join(', ')})`;
				kind = known;
			} else if (name === '--lang') {
				if (lang !== undefined) return '--lang given twice';
				if (!LANG_PATTERN.test(value)) return `invalid --lang "${value}" (expected e.g. en, fr, pt-BR, zh-Hant)`;
				lang = value;
			} else {
				if (pagePath !== undefined) return '--page-path given twice';
				if (!/^\/?[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*(?:\.md)?\/?$/.test(value)) {
					return `invalid --page-path "${value}" (expected e.g. photo-management or self-hosting/file-management)`;
				}
				pagePath = value;
			}
			continue;
		}
		if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
		if (file !== undefined) return `only one PAGE.md may be given (got ${file} and ${arg})`;
		file = arg;
	}
	if (file === undefined) return 'missing PAGE.md';
	return {file, lang, pagePath, kind};
}

function main(argv: string[]): number {
	const args = parseArgs(argv);
	if (typeof args !== 'string' && 'help' in args) {
		process.stdout.write(USAGE);
		return 0;
	}
	if (typeof args === 'string') {
		process.stderr.write(`import-privacyguides: ${args}\n${SHORT_USAGE}`);
		return 2;
	}
	if ('help' in args) {
		process.stdout.write(USAGE);
		return 0;
	}

	let markdown: string;
	try {
		markdown = new TextDecoder('utf-8', {fatal: true}).decode(readFileSync(args.file));
	} catch (error) {
		const reason =
			error instanceof TypeError
				? 'not valid UTF-8 text'
				: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
		process.stderr.write(`${args.file}:1: ${reason}\n`);
		return 1;
	}

	try {
		const inferred =
			args.lang === undefined || args.pagePath === undefined ? inferPageLocation(args.file, markdown) : null;
		const {page, warnings} = importPage(markdown, {
			file: args.file,
			lang: args.lang ?? inferred!.lang,
			pagePath: args.pagePath ?? inferred!.pagePath,
			kind: args.kind,
		});
		for (const warning of warnings) process.stderr.write(`${warning.message}\n`);
		process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
		return 0;
	} catch (error) {
		if (error instanceof ImportError) {
			process.stderr.write(`${error.message}\n`);
			return 1;
		}
		throw error;
	}
}

process.exitCode = main(process.argv.slice(2));
