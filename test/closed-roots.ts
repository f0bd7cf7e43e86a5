/**
 * For happy-dom tests of the content scripts: lets them see closed shadow roots through
 * `Element.prototype.openOrClosedShadowRoot`, as Firefox lets an extension's content script (happy-dom has none).
 * The returned function puts everything back.
 */
export function seeClosedRoots(): () => void {
	const roots = new WeakMap<Element, ShadowRoot>();
	const proto = HTMLElement.prototype;
	// eslint-disable-next-line @typescript-eslint/unbound-method -- called with its element below, and put back
	const real = proto.attachShadow;
	proto.attachShadow = function (this: HTMLElement, init: ShadowRootInit) {
		const root = real.call(this, init);
		roots.set(this, root);
		return root;
	};
	Object.defineProperty(Element.prototype, 'openOrClosedShadowRoot', {
		configurable: true,
		get(this: Element) {
			return roots.get(this) ?? null;
		},
	});
	return () => {
		proto.attachShadow = real;
		delete (Element.prototype as {openOrClosedShadowRoot?: unknown}).openOrClosedShadowRoot;
	};
}
