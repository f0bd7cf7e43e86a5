import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {isMain, ROOT} from './repo';

describe('isMain', () => {
	it('recognises the script node was started with, whatever characters its path has', () => {
		const script = path.join(ROOT, 'a folder', 'données', 'x.ts');
		expect(isMain(pathToFileURL(script).href, script)).toBe(true);
		expect(isMain(pathToFileURL(script).href, path.relative(process.cwd(), script))).toBe(true);
	});

	it('is false for a module that was imported, and when node was started without a script', () => {
		const script = path.join(ROOT, 'scripts', 'sizes.ts');
		expect(isMain(pathToFileURL(script).href, path.join(ROOT, 'node_modules', '.bin', 'vitest'))).toBe(false);
		expect(isMain(pathToFileURL(script).href, undefined)).toBe(false);
	});
});

describe('ROOT', () => {
	it('is the folder that holds scripts/ and the package.json', () => {
		expect(existsSync(path.join(ROOT, 'package.json'))).toBe(true);
		expect(path.join(ROOT, 'scripts')).toBe(path.dirname(fileURLToPath(import.meta.url)));
	});
});
