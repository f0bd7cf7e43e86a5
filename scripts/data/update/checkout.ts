/**
 * Reading a page and its provenance from a local git checkout: the file as committed at HEAD (never
 * uncommitted edits, so the content is exactly what the recorded commit holds), and the last commit
 * that changed it, with its commit date (`git log -1 --format=%H %cs HEAD -- PATH`).
 */
import {execFileSync} from 'node:child_process';

export interface CheckoutFile {
	content: string;
	/** Full hash of the last commit that changed the file. */
	commit: string;
	/** That commit's date, YYYY-MM-DD. */
	date: string;
}

function git(dir: string, args: readonly string[]): string {
	return execFileSync('git', ['-C', dir, ...args], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 64 * 1024 * 1024,
	});
}

/** Why `dir` is not a usable git working tree, or undefined when it is one. */
export function checkoutProblem(dir: string): string | undefined {
	try {
		const inside = git(dir, ['rev-parse', '--is-inside-work-tree']).trim();
		if (inside !== 'true') return `${dir} is not a git working tree`;
		git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
		return undefined;
	} catch {
		return `${dir} is not a git working tree with at least one commit`;
	}
}

/** Whether `path` is a folder at HEAD of the checkout. */
export function hasFolder(dir: string, path: string): boolean {
	try {
		return git(dir, ['cat-file', '-t', `HEAD:${path}`]).trim() === 'tree';
	} catch {
		return false;
	}
}

/** The file at HEAD with its last commit, or undefined when HEAD has no such file. */
export function readCheckoutFile(dir: string, path: string): CheckoutFile | undefined {
	let content: string;
	try {
		if (git(dir, ['cat-file', '-t', `HEAD:${path}`]).trim() !== 'blob') return undefined;
		content = git(dir, ['show', `HEAD:${path}`]);
	} catch {
		return undefined;
	}
	const [commit, date] = git(dir, ['log', '-1', '--format=%H %cs', 'HEAD', '--', path]).trim().split(' ');
	if (!commit || !date) return undefined;
	return {content, commit, date};
}
