/**
 * The pictures `npm run screenshots` makes (scripts/screenshots.ts), as the README and the store listings use them:
 * - every store image a listing names (docs/store/listing.<lang>.json `images`) exists at the store's size,
 *   read from the PNG itself: screenshots 1280×800, the small promo tile 440×280; docs/store/README.md shows each;
 * - the README shows the popup and the guided move in English and French, and every picture it links exists.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadListings} from '../../scripts/store-listing';

const ROOT = path.resolve(import.meta.dirname, '../..');
const listings = loadListings(ROOT);

/** A PNG's width and height, from its IHDR chunk (bytes 16–23), or an error saying what the file is not. */
function pngSize(bytes: Uint8Array): {width: number; height: number} {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte)) throw new Error('not a PNG');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new Error('a PNG without IHDR first');
	return {width: view.getUint32(16), height: view.getUint32(20)};
}

describe('store images', () => {
	it('reads the dimensions of a PNG, and refuses what is not one', () => {
		const png = readFileSync(path.join(ROOT, 'icons/icon-128.png'));
		expect(pngSize(png)).toEqual({width: 128, height: 128});
		expect(() => pngSize(new TextEncoder().encode('GIF89a, not a PNG at all'))).toThrow('not a PNG');
	});

	it.each(listings.map((listing) => [listing.language, listing] as const))(
		'%s: the screenshots are 1280×800 and the promo tile 440×280, each shown in docs/store/README.md',
		(_language, listing) => {
			const guide = readFileSync(path.join(ROOT, 'docs/store/README.md'), 'utf8');
			const sized = [
				...listing.images.screenshots.map((file) => ({file, width: 1280, height: 800})),
				{file: listing.images.promoTile, width: 440, height: 280},
			];
			expect(listing.images.screenshots.length).toBeGreaterThanOrEqual(3);
			for (const {file, width, height} of sized) {
				expect(existsSync(path.join(ROOT, file)), `${file} (npm run screenshots writes it)`).toBe(true);
				expect(pngSize(readFileSync(path.join(ROOT, file))), file).toEqual({width, height});
				expect(guide, `docs/store/README.md shows ${file}`).toContain(path.relative('docs/store', file));
			}
		},
	);
});

describe('README screenshots', () => {
	const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const linked = [...readme.matchAll(/\]\((docs\/screenshots\/[^)]+\.png)\)/g)].map((match) => match[1]!);

	it('shows the popup and the guided move in English and French, light and dark', () => {
		for (const name of ['popup-detected', 'move'])
			for (const lang of ['en', 'fr'])
				for (const scheme of ['light', 'dark'])
					expect(linked).toContain(`docs/screenshots/${name}-${lang}-${scheme}.png`);
	});

	it('links only pictures that exist', () => {
		expect(linked.length).toBeGreaterThan(10);
		for (const file of linked) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
	});
});
