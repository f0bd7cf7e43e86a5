/**
 * The benchmark installs a COPY of the built extension (never dist/ itself) with one page added: an empty
 * extension page, bench/empty.html, the baseline the popup is measured against (and, for the content
 * script's floor, a second copy with a minimal content.js: floorCopy below). It marks
 * `popup-rendered` and sets body[data-ready="1"] after its first frame, as the popup does once it has
 * rendered (Preact runs effects after the frame is painted), so both are measured the same way.
 */
import {cp, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';

export const EMPTY_PAGE = 'bench/empty.html';

const EMPTY_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Empty</title></head>
<body>
<script src="empty.js"></script>
</body>
</html>
`;
const EMPTY_JS = `requestAnimationFrame(() => setTimeout(() => { document.body.dataset.ready = '1'; performance.mark('popup-rendered'); }));\n`;

export async function benchCopy(dist: string, into: string): Promise<string> {
	await rm(into, {recursive: true, force: true});
	await mkdir(path.dirname(into), {recursive: true});
	await cp(dist, into, {recursive: true});
	await mkdir(path.join(into, 'bench'), {recursive: true});
	await writeFile(path.join(into, EMPTY_PAGE), EMPTY_HTML);
	await writeFile(path.join(into, 'bench/empty.js'), EMPTY_JS);
	return into;
}

/**
 * The content script's floor: what any extension pays to show something from its background on a page.
 * A copy of the extension whose content.js only sends the one message the real one must send (pageVisit,
 * answered by the real background) and, on the answer, adds one empty element to the page.
 *
 * With `contentJs` (BENCH_FLOOR_JS, see scripts/bench.ts), the copy gets that file as its content.js instead: an
 * A/B of two builds of the content script in one run, the "floor" arm being the other build.
 */
const FLOOR_JS = `chrome.runtime.sendMessage({type: 'pageVisit', payload: {url: location.href}}).then(() => document.body.append(document.createElement('div')));\n`;

export async function floorCopy(dist: string, into: string, contentJs?: string): Promise<string> {
	await benchCopy(dist, into);
	await writeFile(path.join(into, 'content.js'), contentJs === undefined ? FLOOR_JS : await readFile(contentJs));
	return into;
}
