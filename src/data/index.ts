/**
 * Typed access to the whole embedded dataset, every language, for the background and the options page.
 * Never the content script (it gets a small BannerModel from the background) nor the popup and the
 * comparison page: they load only their language's file, without the URL rules (./pages.ts).
 *
 * The JSON is validated against ./schema.ts when it is generated, at build time and in the tests, so
 * it is not parsed again at run time.
 */
import json from './dataset.json';
import type {Dataset, Service, Tool} from './schema';

export {localize} from './localize';

export const dataset = json as Dataset;

const servicesById = new Map(dataset.services.map((service) => [service.id, service]));
const toolsById = new Map(dataset.tools.map((tool) => [tool.id, tool]));

export function serviceById(id: string): Service | undefined {
	return servicesById.get(id);
}

export function toolById(id: string): Tool | undefined {
	return toolsById.get(id);
}
