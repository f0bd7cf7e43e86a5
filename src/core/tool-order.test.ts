import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {dataset} from '../data';
import {toolsForPreference} from './tool-order';

const tool = (id: string, kind: 'cloud' | 'self-hosted') => ({id, kind});

describe('toolsForPreference', () => {
	it('puts cloud tools first for "both", even when the catalogue lists a self-hosted tool first', () => {
		const tools = [tool('a', 'self-hosted'), tool('b', 'cloud'), tool('c', 'self-hosted'), tool('d', 'cloud')];
		expect(toolsForPreference(tools, 'both').map((t) => t.id)).toEqual(['b', 'd', 'a', 'c']);
		expect(toolsForPreference([...dataset.tools].reverse(), 'both').map((t) => t.kind)).toEqual([
			'cloud',
			'self-hosted',
		]);
	});

	it('keeps only the kind asked for, in the catalogue order', () => {
		const tools = [tool('a', 'self-hosted'), tool('b', 'cloud'), tool('c', 'self-hosted'), tool('d', 'cloud')];
		expect(toolsForPreference(tools, 'cloud').map((t) => t.id)).toEqual(['b', 'd']);
		expect(toolsForPreference(tools, 'self-hosted').map((t) => t.id)).toEqual(['a', 'c']);
	});

	it('for any catalogue: "both" is the cloud tools then the self-hosted ones, each in catalogue order', () => {
		const kinds = fc.array(fc.constantFrom('cloud' as const, 'self-hosted' as const), {maxLength: 12});
		fc.assert(
			fc.property(kinds, (list) => {
				const tools = list.map((kind, i) => tool(String(i), kind));
				expect(toolsForPreference(tools, 'both')).toEqual([
					...toolsForPreference(tools, 'cloud'),
					...toolsForPreference(tools, 'self-hosted'),
				]);
				expect(toolsForPreference(tools, 'cloud').every((t) => t.kind === 'cloud')).toBe(true);
			}),
		);
	});

	it('never changes the list it is given', () => {
		const tools = [tool('a', 'self-hosted'), tool('b', 'cloud')];
		toolsForPreference(tools, 'both');
		expect(tools.map((t) => t.id)).toEqual(['a', 'b']);
	});
});

describe('toolsForPreference on the catalogue', () => {
	it('filters and orders by the preference', () => {
		expect(toolsForPreference(dataset.tools, 'both').map((t) => t.kind)).toEqual(['cloud', 'self-hosted']);
		expect(toolsForPreference(dataset.tools, 'cloud').map((t) => t.id)).toEqual(['ente-photos']);
		expect(toolsForPreference(dataset.tools, 'self-hosted').map((t) => t.id)).toEqual(['photoprism']);
	});
});
