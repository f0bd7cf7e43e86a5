import {browser} from '../core/browser';

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
	for (const name in attrs) node.setAttribute(name, attrs[name]!);
	node.append(...children);
	return node;
}

/**
 * A bare host element: nothing of ours on it, neither attribute nor style, for the page to read or match (its
 * place above the page is the shadow stylesheet's `:host` rule, important, which the page's rules cannot beat).
 */
export function fixedHost(): HTMLDivElement {
	return make('div');
}

/**
 * Removes the hosts an earlier, cut-off copy of the script left (Firefox injects the new version into open pages
 * when the extension updates). Ours are known by `mark` on the top element inside their closed shadow root, where
 * only an extension sees (Firefox's openOrClosedShadowRoot; Chromium's dom API), or on the host itself (0.1.0).
 * A host is always a child of <body> or <html>, so only their children are looked at, never the whole page.
 */
export function removeStale(mark: string): void {
	// Chromium never injects a content script into a page already open (not on install, update or reload): a
	// cut-off copy there keeps its banner and takes it away itself (index.ts, orphaned). Nothing to look for, and
	// looking costs the content script a wrapper for every child of <html> and <body> on every photo page.
	if (!__FIREFOX__) return;
	// The extension API's `dom` is read only for a candidate: its first read builds the namespace's binding, which
	// (measured on the bench's photo page) cost Chromium about 0.8 ms on every page load, most with no host to look in.
	let dom: {openOrClosedShadowRoot?: (element: Element) => ShadowRoot | null} | undefined;
	for (const parent of [document.documentElement, document.body])
		for (const node of [...(parent?.children ?? [])]) {
			if (node.hasAttribute(mark)) node.remove();
			// Only a bare <div> can be one of ours (fixedHost): the page's own elements cost no look inside.
			else if (node.localName === 'div' && !node.attributes.length) {
				dom ??= (browser as {dom?: typeof dom} | undefined)?.dom;
				const root =
					dom?.openOrClosedShadowRoot?.(node) ??
					(node as Element & {openOrClosedShadowRoot?: ShadowRoot | null}).openOrClosedShadowRoot;
				if (root?.querySelector(`[${mark}]`)) node.remove();
			}
		}
}
