// Front matter (front-matter.ts): the `---` YAML block at the top of a page.
import {describe, expect, it} from 'vitest';
import {sourceLines} from './blocks';
import {parseFrontMatter} from './front-matter';
import {importError} from './test-helpers';

const read = (markdown: string) => parseFrontMatter(sourceLines(markdown, 'x.md'), 'x.md');
const values = (markdown: string) => Object.fromEntries(read(markdown).values);

describe('parseFrontMatter', () => {
	it('reads quoted and block values (from the former parse.test.ts)', () => {
		expect(values(`---\ntitle: "Cloud \\"Storage\\""\ndescription: >\n  Folded\n  text\n---\nx\n`)).toEqual({
			title: {value: 'Cloud "Storage"', line: 2},
			description: {value: 'Folded text', line: 3},
		});
		expect(values(`---\ntitle: 'It''s'\n---\n`)).toEqual({title: {value: "It's", line: 2}});
	});

	it('keeps literal block lines, drops trailing comments of plain values, skips nested values and lists', () => {
		const md = [
			'---',
			'title: Photo Management # a comment',
			'icon: material/image',
			'cover:',
			'  nested: skipped',
			'schema:',
			'  - item',
			'description: |',
			'  Line one',
			'',
			'  Line two',
			'empty:',
			'---',
		].join('\n');
		expect(values(md)).toEqual({
			title: {value: 'Photo Management', line: 2},
			icon: {value: 'material/image', line: 3},
			cover: {value: '', line: 4},
			schema: {value: '', line: 6},
			description: {value: 'Line one\n\nLine two', line: 8},
			empty: {value: '', line: 12},
		});
	});

	it('says where the body starts, after a closing --- or ... line', () => {
		expect(read('---\ntitle: T\n---\nBody').bodyStart).toBe(3);
		expect(read('---\ntitle: T\n...\n\nBody').bodyStart).toBe(3);
	});

	it.each([
		['no front matter', '# Title\n', 'x.md:1: no front matter: a Privacy Guides page starts with a "---" line'],
		['an empty file', '', 'x.md:1: no front matter'],
		['no closing line', '---\ntitle: T\n\nText\n', 'x.md:1: unclosed front matter: no closing "---" line'],
		['a key given twice', '---\ntitle: A\ntitle: B\n---\n', 'x.md:3: front matter key "title" appears twice'],
		[
			'a malformed double-quoted value',
			'---\ntitle: "open\n---\n',
			'x.md:2: front matter "title": malformed double-quoted value "open',
		],
		[
			'a malformed single-quoted value',
			"---\ntitle: 'it's'\n---\n",
			"x.md:2: front matter \"title\": malformed single-quoted value 'it's'",
		],
	])('refuses %s', (_name, markdown, message) => {
		expect(importError(() => read(markdown))).toContain(message);
	});
});
