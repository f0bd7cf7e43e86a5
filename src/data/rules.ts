/**
 * The catalogue's URL rules alone: what the content script needs to decide, from the URL, whether a
 * page is a catalogued service. The content bundle replaces this module with the same data as a
 * literal (scripts/build.ts), so the dataset's text never ships in the content script.
 */
import json from './dataset.json';
import type {Dataset} from './schema';
import type {RuleSet} from '../core/url-match';

const data = json as Dataset;

export const SERVICE_RULES: RuleSet[] = data.services.map(({id, match}) => ({id, rules: match.rules}));
export const NEVER_FLAG_RULES: RuleSet[] = data.neverFlag.map(({id, rules}) => ({id, rules}));
