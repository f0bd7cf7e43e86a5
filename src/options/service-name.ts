import {dataLanguage} from '../core/i18n';
import {localize, serviceById} from '../data';

/** A catalogued service's name in the data language; a custom site is named by its host. */
export function serviceName(id: string): string {
	const service = serviceById(id);
	return service ? localize(service.name, dataLanguage()) : id;
}
