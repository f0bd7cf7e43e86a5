// What changed between two revisions of a page, from the importer's models: the stored pages, edited.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../../repo';
import {comparePages, importForComparison} from './compare';

const read = (file: string) => readFileSync(path.join(ROOT, 'scripts/data/sources/privacyguides', file), 'utf8');
const PHOTO = read('photo-management.en.2025-11-05.md');

function edit(text: string, replacements: [string, string][]): string {
	let out = text;
	for (const [from, to] of replacements) {
		expect(out, from).toContain(from);
		out = out.replace(from, to);
	}
	return out;
}

function changes(before: string, after: string, pagePath: string, lang = 'en'): string[] {
	const load = (text: string) => importForComparison(text, 'x.md', lang, pagePath);
	return comparePages(load(before), load(after)).map((change) => `${change.kind}: ${change.text}`);
}

// A second card, built from Ente's (after its audit paragraph, before the criteria).
const CARD = `## Other Photos

<div class="admonition recommendation" markdown>

**Other Photos** is a photo service.

[:octicons-home-16: Homepage](https://other.example){ .md-button .md-button--primary }

</div>

## Criteria`;

describe('comparePages', () => {
	it('finds nothing when only the text around the model changed', () => {
		expect(
			changes(PHOTO, edit(PHOTO, [['cover: photo-management.webp', 'cover: photos.webp']]), 'photo-management'),
		).toEqual([]);
		expect(changes(PHOTO, `${PHOTO}\n<!-- a comment -->\n`, 'photo-management')).toEqual([]);
	});

	it('reports tools added and removed, downloads, descriptions, the intro, threat tags and criteria', () => {
		const after = edit(PHOTO, [
			['## Criteria', CARD],
			['- [:octicons-browser-16: Web](https://web.ente.io)', '- [:octicons-browser-16: Web](https://photos.ente.com)'],
			['- [:simple-linux: Linux](https://ente.io/download)\n', ''],
			['at least once a year.', 'at least once every year.'],
			["don't secure your photos", 'do not secure your photos'],
			[
				'- [:material-server-network: Service Providers](basics/common-threats.md#privacy-from-service-providers){ .pg-teal }\n',
				'',
			],
			['- Must be open source.', '- Must be open source.\n- Must not require a phone number.'],
		]);
		expect(changes(PHOTO, after, 'photo-management')).toEqual([
			expect.stringMatching(/^intro-changed: introduction reworded: “.*don't secure.*” → “.*do not secure.*”$/),
			'threat-tag-removed: threat tag removed: Service Providers (#privacy-from-service-providers)',
			'tool-added: Other Photos: added',
			'download-removed: Ente Photos: download simple-linux removed (was https://ente.io/download)',
			'download-changed: Ente Photos: download octicons-browser-16 changed: https://web.ente.io → https://photos.ente.com',
			expect.stringMatching(
				/^summary-changed: Ente Photos: description reworded: “.*once a year\.” → “.*once every year\.”$/s,
			),
			'criterion-added: minimum criterion 7 added: “Must not require a phone number.”',
		]);
		expect(changes(after, PHOTO, 'photo-management')).toContain('tool-removed: Other Photos: no longer on the page');
	});

	it('reports what Privacy Guides really changed between the stored English revisions of 2025', () => {
		expect(changes(read('photo-management.en.2025-07-22.md'), PHOTO, 'photo-management')).toEqual([
			'tool-removed: PhotoPrism: no longer on the page',
			'audit-added: Ente Photos: audit added: https://ente.io/blog/cern-audit',
		]);
	});

	it('reports a threat’s definition reworded on the common-threats page', () => {
		const before = read('common-threats.en.md');
		const after = edit(before, [['Being protected from things like malware', 'Being protected from malware']]);
		expect(changes(before, after, 'basics/common-threats')).toEqual([
			expect.stringMatching(
				/^definition-changed: threat “Passive Attacks”: definition reworded: “Being protected from things like malware.*” → “Being protected from malware.*”$/,
			),
		]);
	});

	it('reports the general criteria’s priorities and sections', () => {
		const before = read('criteria.en.md');
		const after = edit(before, [
			['wherever applicable.', 'everywhere.'],
			['- Must disclose affiliation', '- Must disclose any affiliation'],
		]);
		expect(changes(before, after, 'about/criteria')).toEqual([
			'section-changed: priority “Security” reworded: “Tools should follow security best practices wherever applicable.” → “Tools should follow security best practices everywhere.”',
			expect.stringMatching(/^section-changed: section “Developer Self-Submissions” reworded: /),
		]);
	});
});
