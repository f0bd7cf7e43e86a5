/**
 * Bundle sizes and their budgets. Sizes are deterministic, so a budget may fail the build (unlike
 * timings, which only benchmarks measure).
 */
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';

export type Size = {target: string; file: string; bytes: number};

/** Budgets in bytes, by file name inside dist/<target>. */
export const BUDGETS: Record<string, number> = {
	'content.js': 12 * 1024,
};

export async function measure(dir: string, target: string): Promise<Size[]> {
	const sizes: Size[] = [];
	async function walk(sub: string) {
		for (const entry of await readdir(path.join(dir, sub), {withFileTypes: true})) {
			const rel = path.posix.join(sub, entry.name);
			if (entry.isDirectory()) await walk(rel);
			else if (/\.(js|css|html)$/.test(entry.name)) sizes.push({target, file: rel, bytes: (await stat(path.join(dir, rel))).size});
		}
	}
	await walk('');
	return sizes.sort((a, b) => a.file.localeCompare(b.file));
}

export function checkBudgets(sizes: Size[]): string[] {
	return sizes
		.filter((size) => BUDGETS[size.file] !== undefined && size.bytes > BUDGETS[size.file]!)
		.map((size) => `  ${size.target}/${size.file}: ${size.bytes} B > budget ${BUDGETS[size.file]} B`);
}

export function formatSizes(sizes: Size[]): string {
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	return sizes.map((s) => `${s.target.padEnd(8)} ${s.file.padEnd(24)} ${kb(s.bytes).padStart(9)}${BUDGETS[s.file] ? ` (budget ${kb(BUDGETS[s.file]!)})` : ''}`).join('\n');
}
