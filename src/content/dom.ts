/**
 * The DOM pieces the in-page banner (banner.ts) and the export-page helper (export-helper.ts) share: nodes
 * built with DOM calls and text only (never HTML strings), and the fixed host element their closed shadow
 * roots hang from, which the page's own styles cannot move or hide.
 */
/**
 * Taken from the prototype once: a page's `<form name="createElement">` is `document.createElement` in the
 * page's world, and a name the browser does not define itself (`<img name="prerendering">` in Firefox) shows
 * through to the content script's world too.
 */
const make: Document['createElement'] = Document.prototype.createElement.bind(document);

export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Record<string, string>,
	...children: Array<Node | string>
) {
	const node = make(tag);
	for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
	node.append(...children);
	return node;
}

/** A host element marked with `mark` (so a later copy of the script finds it), fixed above the page. */
export function fixedHost(mark: string): HTMLDivElement {
	const host = make('div');
	host.setAttribute(mark, '');
	host.setAttribute(
		'style',
		'all: initial !important; position: fixed !important; inset: auto !important; z-index: 2147483647 !important;',
	);
	return host;
}
