/**
 * Our own texts in the curated files (scripts/data/curated/*.json), by stable key, so that each
 * language's translation lives in one flat file: scripts/data/curated/i18n/<code>.json (key → text).
 *
 * A text is an object with a string `en` (plus, in moves.json, its `by` and `source`). Its key is its
 * JSON path: the file's name without `.json`, then each property, with an array element named by its
 * `id` (an evaluation by `tool/criterion`) and by its position only where it has no id (the steps of a
 * move, a tool's audits). Example: `services/google-photos/access/concern`,
 * `moves/services/google-photos/request/0`.
 *
 * Not ours, so not here: Privacy Guides' words (threats.json's labels and explanations come from its
 * definitions page in each language), page ids (`sourcePages`, `definitions`) and URLs (`url`).
 */

/** The curated files whose texts are ours, in key order. */
export const TEXT_FILES = [
	'tools.json',
	'evaluations.json',
	'services.json',
	'never-flag.json',
	'page.json',
	'moves.json',
] as const;

/** Properties never walked: page ids, URLs, and reviewers' comments. */
const SKIPPED = new Set(['sourcePages', 'definitions', 'url', 'comment']);

export type TextRef = {key: string; node: Record<string, unknown>};

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Is this object one of our texts ({en: "…", fr?: …, by?, source?})? */
function isText(value: Record<string, unknown>): boolean {
	return typeof value.en === 'string';
}

function elementName(element: unknown, index: number): string {
	if (isRecord(element)) {
		if (typeof element.id === 'string') return element.id;
		if (typeof element.tool === 'string' && typeof element.criterion === 'string')
			return `${element.tool}/${element.criterion}`;
	}
	return String(index);
}

/**
 * Every text of one curated file, by key, in document order. Two array elements with the same id give
 * the same key twice: the generator reports the duplicate itself, and en.json refuses it (i18n-extract.ts).
 */
function textsOf(file: string, json: unknown): TextRef[] {
	const refs: TextRef[] = [];
	const walk = (value: unknown, key: string): void => {
		if (Array.isArray(value)) {
			value.forEach((element, i) => walk(element, `${key}/${elementName(element, i)}`));
			return;
		}
		if (!isRecord(value)) return;
		if (isText(value)) {
			refs.push({key, node: value});
			return;
		}
		for (const [name, child] of Object.entries(value)) if (!SKIPPED.has(name)) walk(child, `${key}/${name}`);
	};
	walk(json, file.replace(/\.json$/, ''));
	return refs;
}

/** The texts of every text file (parsed JSON by file name), by key. */
export function allTexts(curated: Readonly<Record<string, unknown>>): TextRef[] {
	return TEXT_FILES.flatMap((file) => textsOf(file, curated[file]));
}

/** The placeholders a text uses ({service}, {tool}), sorted, for parity checks. */
export function placeholders(text: string): string[] {
	return [...text.matchAll(/\{[a-zA-Z]+\}/g)].map((match) => match[0]).sort();
}

/**
 * The curated files with every text completed from its translations (translations[lang][key]), each text's
 * languages in LANGUAGES order: the one place a curated text gets its other languages. Every text in the
 * files must be English only (a translation inline would be a second source of truth); a missing
 * translation file, key or text is an issue naming the file and key: there is no fallback to English.
 */
export function withTranslations(
	curated: Readonly<Record<string, unknown>>,
	translations: Readonly<Partial<Record<string, unknown>>>,
	languages: readonly string[],
	issues: string[],
): Record<string, unknown> {
	const out: Record<string, unknown> = {...curated};
	const files = new Map<string, Record<string, unknown>>();
	for (const lang of languages) {
		const file = translations[lang];
		if (file === undefined) issues.push(`scripts/data/curated/i18n/${lang}.json: missing (see its README)`);
		else if (!isRecord(file)) issues.push(`scripts/data/curated/i18n/${lang}.json: not a JSON object of key → text`);
		else files.set(lang, file);
	}
	const known = new Set<string>();
	for (const name of TEXT_FILES) {
		if (curated[name] === undefined) continue;
		// A copy without shared objects (a test's spread copy shares a text with its original).
		const copy: unknown = JSON.parse(JSON.stringify(curated[name]));
		out[name] = copy;
		for (const {key, node} of textsOf(name, copy)) {
			known.add(key);
			const {en, ...rest} = node;
			for (const lang of Object.keys(rest))
				if (lang !== 'by' && lang !== 'source')
					issues.push(
						`${name}: ${key} has "${lang}" inline: a translation lives in scripts/data/curated/i18n/${lang}.json only`,
					);
			const texts: Record<string, unknown> = {en};
			for (const [lang, file] of files) {
				const text = file[key];
				if (typeof text === 'string' && text.trim() !== '') texts[lang] = text;
				else issues.push(`scripts/data/curated/i18n/${lang}.json: missing ${key}`);
			}
			for (const property of Object.keys(node)) delete node[property];
			Object.assign(node, texts, rest);
		}
	}
	// Unknown keys, among the files given (the dataset's build and the moves' each check their own).
	const given = new Set(
		TEXT_FILES.filter((name) => curated[name] !== undefined).map((name) => name.replace(/\.json$/, '')),
	);
	for (const [lang, file] of files)
		for (const key of Object.keys(file))
			if (!known.has(key) && given.has(key.split('/')[0]!))
				issues.push(`scripts/data/curated/i18n/${lang}.json: unknown key ${key}`);
	return out;
}
