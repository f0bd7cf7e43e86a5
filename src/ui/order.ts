/** Pure ordering rules for the advice surfaces (popup and comparison). */
import type {Platform, Tool} from '../data/schema';
import type {Settings} from '../core/settings-defaults';

/** runtime.getPlatformInfo().os → the dataset's platform names. */
export function platformOf(os: string | undefined): Platform | null {
	switch (os) {
		case 'mac':
			return 'macos';
		case 'win':
			return 'windows';
		case 'android':
			return 'android';
		case 'ios':
			return 'ios';
		case 'linux':
		case 'cros':
		case 'openbsd':
			return 'linux';
		default:
			return null;
	}
}

/** The person's platform first, every other download after it in Privacy Guides' order. */
export function orderDownloads<T extends {platform: Platform}>(
	downloads: readonly T[],
	platform: Platform | null,
): T[] {
	if (!platform) return [...downloads];
	return [...downloads.filter((d) => d.platform === platform), ...downloads.filter((d) => d.platform !== platform)];
}

/** The tools the preference asks for: cloud first for "both" and "cloud", self-hosted first for "self-hosted". */
export function toolsForPreference<T extends Pick<Tool, 'kind'>>(
	tools: readonly T[],
	preference: Settings['preference'],
): T[] {
	if (preference === 'both') return [...tools].sort((a, b) => Number(a.kind !== 'cloud') - Number(b.kind !== 'cloud'));
	return tools.filter((tool) => tool.kind === preference);
}
