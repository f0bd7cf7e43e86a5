// The general-criteria page (criteria-page.ts): intro, priorities ("**Name**: text") and sections.
import {describe, expect, it} from 'vitest';
import {readGeneralCriteria} from './criteria-page';
import {blocksOf, context, importError, PG} from './test-helpers';

const ctx = context('about/criteria');

describe('readGeneralCriteria', () => {
	it('reads the intro, each priority (name without its colon, in any typography) and each section', () => {
		const md = [
			'Below are some general priorities.',
			'',
			'- **Security**: Tools should follow security best practices.',
			'- **Sécurité** : les outils devraient suivre les bonnes pratiques.',
			'- **安全性**：工具應盡可能遵循最佳安全實踐。',
			'- **Documentation:** Tools should have clear [documentation](../basics/x.md).',
			'',
			'## Financial Disclosure',
			'',
			'We do not make money from recommending certain products.',
			'',
			'## Developer Self-Submissions',
			'',
			'We have these requirements.',
			'',
			'- Must disclose affiliation.',
			'',
			'- Must explain what the project brings.',
			'    - What new problem(s) does it solve?',
		].join('\n');
		expect(readGeneralCriteria(blocksOf(md), ctx)).toEqual({
			intro: 'Below are some general priorities.',
			priorities: [
				{name: 'Security', text: 'Tools should follow security best practices.', links: [], line: 3},
				{name: 'Sécurité', text: 'les outils devraient suivre les bonnes pratiques.', links: [], line: 4},
				{name: '安全性', text: '工具應盡可能遵循最佳安全實踐。', links: [], line: 5},
				{
					name: 'Documentation',
					text: 'Tools should have clear documentation.',
					links: [{label: 'documentation', url: `${PG}/en/basics/x/`}],
					line: 6,
				},
			],
			sections: [
				{
					heading: 'Financial Disclosure',
					text: 'We do not make money from recommending certain products.',
					items: [],
					line: 8,
				},
				{
					heading: 'Developer Self-Submissions',
					text: 'We have these requirements.',
					items: [
						'Must disclose affiliation.',
						'Must explain what the project brings.\n- What new problem(s) does it solve?',
					],
					line: 12,
				},
			],
		});
	});

	it.each([
		[
			'no list before the first heading',
			'Intro.\n\n## A\n\n- x\n',
			'x.md:1: no list of general criteria ("- **Name**: text") before the first heading',
		],
		[
			'a priority without a bold name',
			'Intro.\n\n- Security: tools.\n',
			'x.md:3: general criterion does not start with its **bold** name',
		],
		['a priority with no text', '- **Security**:\n', 'x.md:1: general criterion has no name or no text'],
	])('refuses %s', (_name, markdown, message) => {
		expect(importError(() => readGeneralCriteria(blocksOf(markdown), ctx))).toBe(message);
	});
});
