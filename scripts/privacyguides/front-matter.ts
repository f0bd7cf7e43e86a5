// Front matter of a Privacy Guides page: the YAML block between a first `---` line and the next
// `---` (or `...`) line. Only what the importer needs of YAML is read, one `key: value` per line:
//   - plain values (a ` # comment` after them dropped), "double-quoted" (JSON escapes) and
//     'single-quoted' ('' is a quote) values
//   - block scalars `key: |` (lines kept) and `key: >` (lines folded with spaces), their lines indented
//   - nested values, list items and comments are skipped; a key given twice is an error
// The importer reads `title:` (required) and `description:` from it (page.ts).
import type {SourceLine} from './blocks';
import {ImportError} from './context';

export interface FrontMatter {
	values: Map<string, {value: string; line: number}>;
	bodyStart: number; // index into lines
}

/** Reads the front matter at the top of `lines`; throws when there is none or it is unclosed. */
export function parseFrontMatter(lines: SourceLine[], file: string): FrontMatter {
	if (lines.length === 0 || lines[0]!.text.trimEnd() !== '---') {
		throw new ImportError(
			file,
			1,
			'no front matter: a Privacy Guides page starts with a "---" line, then "title: …", then "---"',
		);
	}
	let end = 1;
	while (end < lines.length && !/^(---|\.\.\.)\s*$/.test(lines[end]!.text)) end++;
	if (end >= lines.length) throw new ImportError(file, 1, 'unclosed front matter: no closing "---" line');

	const values = new Map<string, {value: string; line: number}>();
	for (let k = 1; k < end; k++) {
		const {text, no} = lines[k]!;
		const m = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/.exec(text);
		if (!m) continue; // nested values, list items, comments
		const key = m[1]!;
		let raw = m[2] ?? '';
		let value: string;
		if (values.has(key)) throw new ImportError(file, no, `front matter key "${key}" appears twice`);
		if (raw.startsWith('"')) {
			try {
				value = JSON.parse(raw) as string;
				if (typeof value !== 'string') throw new Error('not a string');
			} catch {
				throw new ImportError(file, no, `front matter "${key}": malformed double-quoted value ${raw}`);
			}
		} else if (raw.startsWith("'")) {
			if (!/^'(?:[^']|'')*'$/.test(raw)) {
				throw new ImportError(file, no, `front matter "${key}": malformed single-quoted value ${raw}`);
			}
			value = raw.slice(1, -1).replace(/''/g, "'");
		} else if (/^[|>][+-]?$/.test(raw)) {
			const folded = raw.startsWith('>');
			const block: string[] = [];
			while (k + 1 < end && (/^\s+\S/.test(lines[k + 1]!.text) || lines[k + 1]!.text.trim() === '')) {
				block.push(lines[k + 1]!.text.trim());
				k++;
			}
			value = folded ? block.join(' ') : block.join('\n');
		} else {
			raw = raw.replace(/[ \t]+#.*$/, '');
			value = raw;
		}
		values.set(key, {value: value.trim(), line: no});
	}
	return {values, bodyStart: end + 1};
}
