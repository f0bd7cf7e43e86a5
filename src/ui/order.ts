/**
 * Pure ordering rules for the advice pages (popup and comparison): the person's platform first. Which
 * tools to show, in which order, is core/tool-order.ts (the banner follows it too).
 */
import type {Platform} from '../data/schema';

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
