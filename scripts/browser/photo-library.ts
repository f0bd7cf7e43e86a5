/**
 * A realistic photo-library page for the benchmark and the screenshots, generated (deterministically) and
 * served locally by the request server (./sites.ts): a header with search, a sidebar of albums, a grid
 * of 360 photo tiles (48 thumbnails loaded eagerly, the rest lazily): a 90 KB document, a 9 KB
 * stylesheet and a 33 KB script that does what photo apps do on load: builds part of the DOM, indexes the
 * library, attaches listeners and lays the grid out.
 *
 * The same page is served for the photo service (photos.google.com, where the content script runs) and
 * for the non-photo site (www.example.com, where nothing of the extension may run), so the two
 * comparisons carry the same page weight. It is a neutral stand-in: no real site's name, logo or code.
 */
import type {HostContent, Resource, Site} from './sites';

/** The photo service (the content script runs there) and a site that is not one (nothing may run there). */
export const LIBRARY_PHOTO_URL = 'https://photos.google.com/';
export const LIBRARY_PLAIN_URL = 'https://www.example.com/';

const TILES = 360;
const EAGER = 48;
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/** A small deterministic PRNG (mulberry32), so every run serves exactly the same bytes. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A landscape "photo" as SVG: sky gradient, sun, two hills. About 500 bytes. */
function thumbnail(n: number): string {
	const r = random(n * 7919 + 1);
	const hue = Math.floor(r() * 360);
	const sun = `${Math.floor(40 + r() * 160)}`;
	const h1 = Math.floor(90 + r() * 40);
	const h2 = Math.floor(110 + r() * 40);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="180" viewBox="0 0 240 180"><defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,72%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},80%,88%)"/></linearGradient></defs><rect width="240" height="180" fill="url(#s)"/><circle cx="${sun}" cy="55" r="${Math.floor(14 + r() * 14)}" fill="hsl(${(hue + 180) % 360},90%,80%)"/><path d="M0 ${h1} Q60 ${h1 - 40} 120 ${h1} T240 ${h1 - 10} V180 H0Z" fill="hsl(${(hue + 120) % 360},35%,45%)"/><path d="M0 ${h2} Q80 ${h2 - 30} 160 ${h2 + 10} T240 ${h2} V180 H0Z" fill="hsl(${(hue + 140) % 360},40%,30%)"/></svg>`;
}

function page(title: string): string {
	const r = random(42);
	const tiles: string[] = [];
	for (let i = 0; i < TILES; i++) {
		const month = MONTHS[Math.floor(i / 30) % 12]!;
		const day = (i % 28) + 1;
		tiles.push(
			`<figure class="tile" data-id="${i}" tabindex="0"><img src="/thumbs/${i}.svg" alt="Photo ${i + 1}, ${day} ${month} 2025" width="240" height="180"${i < EAGER ? '' : ' loading="lazy"'}><figcaption><span class="date">${day} ${month}</span><span class="tag">${['Family', 'Trip', 'Garden', 'Friends', 'Pets'][Math.floor(r() * 5)]}</span></figcaption></figure>`,
		);
	}
	const albums = Array.from(
		{length: 24},
		(_, i) => `<li><a href="/albums/${i}">Album ${i + 1}</a> <span class="count">${Math.floor(r() * 400)}</span></li>`,
	).join('');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top"><div class="brand"><span class="logo" aria-hidden="true"></span>Photos</div><form class="search" role="search"><input type="search" placeholder="Search your photos" aria-label="Search your photos"></form><nav class="account"><button type="button">Upload</button><span class="avatar" aria-hidden="true">A</span></nav></header>
<div class="layout">
<aside class="side"><nav><ul class="main-nav"><li class="on"><a href="/">Photos</a></li><li><a href="/explore">Explore</a></li><li><a href="/sharing">Sharing</a></li><li><a href="/albums">Albums</a></li></ul><h2>Albums</h2><ul class="albums">${albums}</ul></nav><div class="storage"><div class="bar"><span style="width:62%"></span></div>9.3 GB of 15 GB used</div></aside>
<main class="grid-wrap"><h1>Recent</h1><section class="grid" aria-label="Your photos">${tiles.join('')}</section></main>
</div>
</body>
</html>
`;
}

function stylesheet(): string {
	const rules = [
		`*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#202124;background:#fff}`,
		`.top{position:sticky;top:0;z-index:2;display:flex;align-items:center;gap:24px;height:64px;padding:0 16px;background:#fff;border-bottom:1px solid #dadce0}`,
		`.brand{display:flex;align-items:center;gap:8px;font-size:22px;color:#5f6368;min-width:200px}.logo{width:28px;height:28px;border-radius:8px;background:linear-gradient(135deg,#5b8def,#36b37e)}`,
		`.search{flex:1;max-width:720px}.search input{width:100%;height:46px;border:0;border-radius:8px;padding:0 16px;background:#f1f3f4;font:inherit}`,
		`.account{display:flex;gap:12px;align-items:center;margin-left:auto}.account button{border:1px solid #dadce0;background:#fff;border-radius:4px;padding:8px 16px;font:inherit;color:#1a73e8}.avatar{display:grid;place-items:center;width:32px;height:32px;border-radius:50%;background:#7b1fa2;color:#fff}`,
		`.layout{display:flex}.side{width:256px;flex:none;padding:8px 0;height:calc(100vh - 64px);overflow:auto;position:sticky;top:64px}`,
		`.side ul{list-style:none;margin:0;padding:0}.side a{display:block;padding:8px 24px;color:inherit;text-decoration:none;border-radius:0 20px 20px 0}.side .on a{background:#e8f0fe;color:#1967d2}.side h2{font-size:12px;text-transform:uppercase;color:#5f6368;margin:16px 24px 4px}.albums li{display:flex;justify-content:space-between;align-items:center;padding-right:16px}.albums a{flex:1}.count{color:#80868b;font-size:12px}`,
		`.storage{margin:16px 24px;color:#5f6368;font-size:12px}.bar{height:4px;background:#e8eaed;border-radius:2px;margin-bottom:6px}.bar span{display:block;height:100%;background:#1a73e8;border-radius:2px}`,
		`.grid-wrap{flex:1;padding:8px 16px 24px}.grid-wrap h1{font-size:16px;font-weight:500;margin:12px 4px}`,
		`.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:4px}.tile{margin:0;position:relative;aspect-ratio:4/3;overflow:hidden;background:#f1f3f4;cursor:pointer}.tile img{width:100%;height:100%;object-fit:cover;display:block}`,
		`.tile figcaption{position:absolute;inset:auto 0 0 0;display:flex;justify-content:space-between;padding:4px 6px;font-size:11px;color:#fff;background:linear-gradient(transparent,rgba(0,0,0,.45));opacity:0;transition:opacity .15s}.tile:hover figcaption,.tile:focus figcaption,.tile.selected figcaption{opacity:1}.tile.selected{outline:3px solid #1a73e8;outline-offset:-3px}`,
	];
	rules.push(
		`@media (prefers-color-scheme: dark){body,.top,.account button{background:#1f1f1f;color:#e3e3e3}.top{border-color:#3c4043}.search input{background:#303134;color:#e3e3e3}.side .on a{background:#394457;color:#d3e3fd}.tile{background:#303134}.bar{background:#3c4043}}`,
	);
	// Padding with the kind of generated utility classes real apps ship (the weight, not the looks).
	for (let i = 0; i < 160; i++) rules.push(`.u-${i}{margin:${i % 16}px;padding:${i % 12}px;opacity:.${(i % 9) + 1}}`);
	return rules.join('\n');
}

function script(): string {
	return `"use strict";
(() => {
	const t0 = performance.now();
	// An index of the library, as a photo app builds one on load.
	const tiles = [...document.querySelectorAll('.tile')];
	const index = new Map();
	for (const tile of tiles) {
		const caption = tile.querySelector('figcaption').textContent;
		for (const word of caption.toLowerCase().split(/\\s+/)) {
			if (!index.has(word)) index.set(word, []);
			index.get(word).push(Number(tile.dataset.id));
		}
	}
	// Some CPU work: thumbnails' dominant colours, faked as hashing.
	let h = 2166136261;
	for (let i = 0; i < 400000; i++) { h ^= i & 255; h = Math.imul(h, 16777619); }
	// Listeners on every tile (selection, keyboard).
	for (const tile of tiles) {
		tile.addEventListener('click', () => tile.classList.toggle('selected'));
		tile.addEventListener('keydown', (e) => { if (e.key === 'Enter') tile.classList.toggle('selected'); });
	}
	// Search box filters the grid.
	const input = document.querySelector('.search input');
	input.addEventListener('input', () => {
		const ids = new Set(index.get(input.value.toLowerCase()) ?? []);
		for (const tile of tiles) tile.hidden = input.value !== '' && !ids.has(Number(tile.dataset.id));
	});
	// A "timeline" the app adds after the grid: built with DOM calls.
	const months = document.createElement('nav');
	months.className = 'timeline';
	for (let m = 0; m < 12; m++) { const a = document.createElement('a'); a.textContent = String(m + 1); a.href = '#m' + m; months.append(a); }
	document.querySelector('.grid-wrap').append(months);
	// Reads layout once (as virtualised grids do) then sets a size.
	const width = document.querySelector('.grid').getBoundingClientRect().width;
	document.documentElement.style.setProperty('--grid-width', width + 'px');
	window.__app = {index, hash: h, ms: performance.now() - t0};
})();
// Padding: the framework code a real app ships, parsed and compiled but mostly not run.
${Array.from({length: 220}, (_, i) => `function helper${i}(a, b) { const list = []; for (let k = 0; k < (a | 0) % ${i + 3}; k++) list.push(String(b) + k * ${i}); return list.join(','); }`).join('\n')}
`;
}

/** Every resource of the photo library, by path. */
function photoLibrary(title = 'Photos'): Site {
	const site = new Map<string, Resource>();
	site.set('/', {contentType: 'text/html; charset=utf-8', body: page(title)});
	site.set('/static/app.css', {contentType: 'text/css; charset=utf-8', body: stylesheet()});
	site.set('/static/app.js', {contentType: 'text/javascript; charset=utf-8', body: script()});
	for (let i = 0; i < TILES; i++) site.set(`/thumbs/${i}.svg`, {contentType: 'image/svg+xml', body: thumbnail(i)});
	return site;
}

/** The request server's hosts for the photo library: the same site on the photo service and the plain site. */
export function photoLibraryHosts(): Record<string, HostContent> {
	const site = photoLibrary();
	return {[new URL(LIBRARY_PHOTO_URL).hostname]: site, [new URL(LIBRARY_PLAIN_URL).hostname]: site};
}
