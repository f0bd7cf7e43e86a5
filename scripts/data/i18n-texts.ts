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
 * Every text of one curated file, by key, in document order. Throws on a key met twice (two array
 * elements with the same id), which would make a translation ambiguous.
 */
export function textsOf(file: string, json: unknown): TextRef[] {
	const refs: TextRef[] = [];
	const seen = new Set<string>();
	const walk = (value: unknown, key: string): void => {
		if (Array.isArray(value)) {
			value.forEach((element, i) => walk(element, `${key}/${elementName(element, i)}`));
			return;
		}
		if (!isRecord(value)) return;
		if (isText(value)) {
			if (seen.has(key)) throw new Error(`${file}: two texts have the key ${key}`);
			seen.add(key);
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
