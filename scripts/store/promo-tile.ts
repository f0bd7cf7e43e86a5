/**
 * The small promo tile of the Chrome Web Store (440×280), as a page Chromium renders (scripts/screenshots.ts):
 * the extension's own icon and name, and the listing's one-line tagline. Nothing else: no mock-up of any screen.
 * The texts are escaped (they come from the locales and the listing files).
 */
import {escapeHtml as escape} from '../html';

export function promoTileHtml({
	lang,
	name,
	tagline,
	icon,
}: {
	lang: string;
	name: string;
	tagline: string;
	icon: string;
}) {
	return `<!doctype html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<title>${escape(name)}</title>
<style>
	html, body { margin: 0; width: 440px; height: 280px; overflow: hidden; }
	body {
		display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 14px;
		background: linear-gradient(160deg, #f5f0ff 0%, #e6dcff 100%); color: #1d1535;
		font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; text-align: center;
	}
	img { width: 96px; height: 96px; }
	h1 { margin: 0; font-size: 30px; line-height: 1.1; font-weight: 700; }
	p { margin: 0 28px; font-size: 17px; line-height: 1.3; color: #4a3d73; }
</style>
</head>
<body>
<img alt="" src="${escape(icon)}">
<h1>${escape(name)}</h1>
<p>${escape(tagline)}</p>
</body>
</html>`;
}
