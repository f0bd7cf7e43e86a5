/**
 * The benchmark installs a COPY of the built extension (never dist/ itself) with one page added: an empty
 * extension page, bench/empty.html, the baseline the popup is measured against. It marks
 * `popup-rendered` and sets body[data-ready="1"] after its first frame, as the popup does once it has
 * rendered (Preact runs effects after the frame is painted), so both are measured the same way.
 */
import {cp, mkdir, rm, writeFile} from 'node:fs/promises';
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
