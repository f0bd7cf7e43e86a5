import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {buildMoves, frenchTypographyIssues, generateMoves, MovesBuildError} from '../../scripts/data/build-moves';
import {testTranslations} from '../../scripts/data/test-translations';
import {dataset} from '.';
import {exportOrigin, exportPageOf, movePlan, moves} from './moves';
import {MOVE_STEPS} from '../core/moves';
import {LANGUAGES} from './schema';

/** Our translations, with stand-ins for the languages whose file has not landed yet. */
const translations = testTranslations();
const catalogue = {services: dataset.services.map((s) => s.id), tools: dataset.tools.map((t) => t.id)};
type Curated = {
	services: Record<string, {request: Array<{source?: string}>}>;
	tools: Record<string, {from: Record<string, object>}>;
};
const curated = () => JSON.parse(readFileSync('scripts/data/curated/moves.json', 'utf8')) as Curated;

describe('moves data', () => {
	test('src/data/moves.json is what the generator writes', async () => {
		expect(readFileSync('src/data/moves.json', 'utf8')).toBe(await generateMoves());
	});

	test('a provider or project claim without its source is refused, with where it is', () => {
		const input = curated();
		delete input.services['google-photos']!.request[0]!.source;
		expect(() => buildMoves(input, catalogue, translations)).toThrow(
			/services\.google-photos\.request\.0.*needs its source/s,
		);
	});

	test('an unknown service or alternative is refused', () => {
		const input = curated();
		input.services['nope-photos'] = input.services['flickr']!;
		input.tools['ente-photos']!.from['nowhere'] = {};
		const withCopies = testTranslations();
		for (const texts of Object.values(withCopies))
			for (const [key, text] of Object.entries(texts))
				if (key.startsWith('moves/services/flickr/')) texts[key.replace('/flickr/', '/nope-photos/')] = text;
		const error = (() => {
			try {
				buildMoves(input, catalogue, withCopies);
			} catch (caught) {
				return caught;
			}
		})();
		expect(error).toBeInstanceOf(MovesBuildError);
		expect((error as MovesBuildError).issues).toEqual([
			'services.nope-photos: not a catalogued service',
			'tools.ente-photos.from.nowhere: not a catalogued service',
		]);
	});

	test('a missing translation is refused, naming the file and key (never English instead)', () => {
		const partial = testTranslations();
		Reflect.deleteProperty(partial['de']!, 'moves/generic/check/0');
		Reflect.deleteProperty(partial, 'he');
		expect(() => buildMoves(curated(), catalogue, partial)).toThrow(
			/i18n\/he\.json: missing \(see its README\)\n.*i18n\/de\.json: missing moves\/generic\/check\/0$/,
		);
		expect(() => buildMoves(curated(), catalogue, translations)).not.toThrow();
	});

	test('French typography is checked', () => {
		expect(frenchTypographyIssues('Choisissez\u00a0: l’option')).toEqual([]);
		expect(frenchTypographyIssues("Choisissez : l'option")).toEqual([
			'a straight apostrophe (use ’)',
			'no no-break space before : ; ? or !',
		]);
		expect(frenchTypographyIssues('« J’aime »')).toEqual(['no no-break space inside « »']);
	});

	test('every catalogued service has a plan to every alternative, every step with at least one claim', () => {
		for (const service of dataset.services)
			for (const tool of dataset.tools)
				for (const lang of LANGUAGES) {
					const plan = movePlan({service: service.id, tool: tool.id}, {service: 'S', tool: 'T'}, lang);
					expect(plan.steps.map((s) => s.step)).toEqual([...MOVE_STEPS]);
					for (const step of plan.steps)
						expect(step.claims.length, `${service.id} ${tool.id} ${step.step}`).toBeGreaterThan(0);
					for (const claim of [...plan.steps.flatMap((s) => s.claims), ...plan.notCarried]) {
						expect(claim.text).not.toMatch(/\{(service|tool)\}/);
						if (claim.by !== 'ours') expect(claim.source).toMatch(/^https:\/\//);
					}
				}
	});

	test('Google Photos → Ente: Takeout choices from Google, unzip into one folder from Ente, shared albums said', () => {
		const plan = movePlan(
			{service: 'google-photos', tool: 'ente-photos'},
			{service: 'Google Photos', tool: 'Ente'},
			'en',
		);
		const [request, , prepare, importing, check, remove] = plan.steps;
		expect(request!.claims[0]).toMatchObject({
			by: 'provider',
			source: 'https://support.google.com/accounts/answer/3024190',
		});
		expect(prepare!.claims[0]!.text).toMatch(/one parent folder/);
		expect(prepare!.claims[0]!.by).toBe('project');
		expect(importing!.claims[0]!.text).toMatch(/Google takeout/);
		expect(check!.claims[0]!.text).toBe(
			'Compare the number of photos and videos in Ente with the number in Google Photos, and open a few albums and old dates to see that they look right.',
		);
		expect(remove!.claims[0]!.text).toMatch(/^Only when the counts match/);
		expect(plan.notCarried.map((c) => c.text)[0]).toBe('Shared albums are not exported reliably by Takeout.');
		expect(plan.exportPage?.match).toBe('https://takeout.google.com/*');
	});

	test('a custom site gets the generic steps, naming it', () => {
		const plan = movePlan(
			{service: 'photos.example.net', tool: 'ente-photos'},
			{service: 'photos.example.net', tool: 'Ente'},
			'fr',
		);
		expect(plan.steps[0]!.claims[0]!.text).toContain('photos.example.net');
		expect(plan.steps[0]!.claims[0]!.by).toBe('ours');
		expect(plan.exportPage).toBeUndefined();
	});

	test('export pages: six services, one https host each', () => {
		expect(
			Object.keys(moves.services)
				.filter((id) => exportPageOf(id))
				.sort(),
		).toEqual(['amazon-photos', 'facebook-photos', 'flickr', 'google-photos', 'icloud-photos', 'onedrive-photos']);
		expect(exportOrigin('https://www.amazon.com/photos*')).toBe('https://www.amazon.com/*');
		expect(exportOrigin(exportPageOf('google-photos')!)).toBe('https://takeout.google.com/*');
	});
});
