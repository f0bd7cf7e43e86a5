/**
 * Which alternatives to show, in which order: the one rule the banner (through the background), the
 * popup and the comparison page all follow, so that they never disagree.
 *
 * Context-free and free of zod (types only), so both the background and the pages import it.
 */
import type {Settings} from './settings';
import type {Tool} from '../data/schema';

/**
 * The tools the preference asks for: for "both", every cloud tool before every self-hosted one, each
 * group in the catalogue's order; for "cloud" or "self-hosted", only that kind, in the catalogue's order.
 */
export function toolsForPreference<T extends Pick<Tool, 'kind'>>(
	tools: readonly T[],
	preference: Settings['preference'],
): T[] {
	if (preference === 'both') return [...tools].sort((a, b) => Number(a.kind !== 'cloud') - Number(b.kind !== 'cloud'));
	return tools.filter((tool) => tool.kind === preference);
}
