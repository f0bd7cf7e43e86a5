/**
 * Draws the extension's own icon (a photo under a padlock: an original design, never the Privacy
 * Guides shield nor a tool's logo) into icons/icon-<size>.png for every size the stores need.
 * Deterministic: shapes are signed-distance functions, supersampled 4×4, encoded as PNG with zlib.
 *
 *   npx tsx scripts/make-icons.ts
 */
import {writeFileSync} from 'node:fs';
import {deflateSync} from 'node:zlib';
import {isMain} from './repo';

export const SIZES = [16, 32, 48, 96, 128] as const;

type RGBA = [number, number, number, number];
const PURPLE: RGBA = [91, 33, 182, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const GOLD: RGBA = [255, 196, 61, 255];

// Shapes in a 0..1 square; each returns a signed distance (negative inside).
const roundedBox = (x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number) => {
	const qx = Math.abs(x - cx) - hw + r;
	const qy = Math.abs(y - cy) - hh + r;
	return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x: number, y: number, cx: number, cy: number, r: number) => Math.hypot(x - cx, y - cy) - r;
const triangle = (x: number, y: number, ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => {
	const side = (px: number, py: number, qx: number, qy: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
	const s1 = side(ax, ay, bx, by);
	const s2 = side(bx, by, cx, cy);
	const s3 = side(cx, cy, ax, ay);
	return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0) ? -1 : 1;
};

/** Colour of one sample point, painter's order. */
function sample(x: number, y: number): RGBA | null {
	if (roundedBox(x, y, 0.5, 0.5, 0.48, 0.48, 0.18) > 0) return null;
	let color: RGBA = PURPLE;
	// The photo: a white frame with a mountain and a sun.
	const frame = roundedBox(x, y, 0.44, 0.46, 0.3, 0.24, 0.05);
	if (frame <= 0) color = WHITE;
	if (roundedBox(x, y, 0.44, 0.46, 0.25, 0.19, 0.02) <= 0) color = PURPLE;
	if (triangle(x, y, 0.2, 0.64, 0.38, 0.4, 0.56, 0.64) < 0) color = WHITE;
	if (triangle(x, y, 0.44, 0.64, 0.56, 0.48, 0.68, 0.64) < 0) color = WHITE;
	if (circle(x, y, 0.58, 0.36, 0.055) <= 0) color = GOLD;
	// The padlock, bottom right, over the photo.
	const shackleOuter = circle(x, y, 0.74, 0.66, 0.1);
	const shackleInner = circle(x, y, 0.74, 0.66, 0.055);
	if (shackleOuter <= 0 && shackleInner > 0 && y < 0.7) color = GOLD;
	if (roundedBox(x, y, 0.74, 0.8, 0.15, 0.12, 0.03) <= 0.02 && roundedBox(x, y, 0.74, 0.8, 0.15, 0.12, 0.03) > 0)
		color = PURPLE;
	if (roundedBox(x, y, 0.74, 0.8, 0.15, 0.12, 0.03) <= 0) color = GOLD;
	if (circle(x, y, 0.74, 0.78, 0.025) <= 0 || roundedBox(x, y, 0.74, 0.83, 0.012, 0.04, 0.01) <= 0) color = PURPLE;
	return color;
}

export function render(size: number): Buffer {
	const n = 4;
	const pixels = Buffer.alloc(size * size * 4);
	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			const acc = [0, 0, 0, 0];
			for (let sy = 0; sy < n; sy++) {
				for (let sx = 0; sx < n; sx++) {
					const c = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
					if (!c) continue;
					acc[0]! += c[0] * c[3];
					acc[1]! += c[1] * c[3];
					acc[2]! += c[2] * c[3];
					acc[3]! += c[3];
				}
			}
			const o = (py * size + px) * 4;
			const alpha = acc[3]!;
			pixels[o] = alpha ? Math.round(acc[0]! / alpha) : 0;
			pixels[o + 1] = alpha ? Math.round(acc[1]! / alpha) : 0;
			pixels[o + 2] = alpha ? Math.round(acc[2]! / alpha) : 0;
			pixels[o + 3] = Math.round(alpha / (n * n));
		}
	}
	return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({length: 256}, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(data: Buffer): number {
	let c = 0xffffffff;
	for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 6; // RGBA
	const raw = Buffer.alloc((width * 4 + 1) * height);
	for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw, {level: 9})),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

if (isMain(import.meta.url)) {
	for (const size of SIZES) writeFileSync(new URL(`../icons/icon-${size}.png`, import.meta.url), render(size));
	writeFileSync(new URL('../icons/icon-512.png', import.meta.url), render(512));
	console.log('icons/: wrote', [...SIZES, 512].join(', '));
}
