/** Where the repository is, and whether a script was started as a command: written once for the scripts. */
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository's root folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Whether the module whose `import.meta.url` is `moduleUrl` is the script node was started with
 * (`tsx scripts/x.ts`), rather than imported by another module or a test. Compares paths, not URL text,
 * so a checkout whose path has a space or a non-ASCII letter (percent-encoded in the URL) still works.
 */
export function isMain(moduleUrl: string, started: string | undefined = process.argv[1]): boolean {
	return started !== undefined && path.resolve(started) === fileURLToPath(moduleUrl);
}
