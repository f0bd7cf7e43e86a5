// @vitest-environment happy-dom
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {BannerModel} from '../core/messages';
import {mountBanner} from './banner';

const model: BannerModel = {
	serviceId: 'google-photos',
	serviceName: 'Google Photos <img src=x onerror=alert(1)>',
	concern: 'Google can see your photos. <b>bold</b>',
	tools: ['Ente Photos', 'PhotoPrism'],
	lang: 'en',
	dir: 'ltr',
};

// The shadow root is closed: tests reach it the way the browser does, by spying on attachShadow.
const original = HTMLElement.prototype.attachShadow;
function mountAndCapture(onClose?: () => void) {
	let root: ShadowRoot | undefined;
	vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
		root = original.call(this, init);
		return root;
	});
	const banner = mountBanner(model, onClose);
	return {banner, root: root!};
}

afterEach(() => {
	document.body.replaceChildren();
});

describe('mountBanner', () => {
	it('adds exactly one host node, with a closed shadow root', () => {
		const {banner} = mountAndCapture();
		expect(document.body.children).toHaveLength(1);
		expect(banner.host.shadowRoot).toBeNull();
		expect(HTMLElement.prototype.attachShadow).toHaveBeenCalledWith({mode: 'closed'});
	});

	it('shows the page\'s and the data\'s text as text, never as HTML', () => {
		const {root} = mountAndCapture();
		expect(root.querySelector('h2')?.textContent).toBe('Google Photos <img src=x onerror=alert(1)> can see your photos');
		expect(root.querySelector('img, b')).toBeNull();
		expect(root.querySelector('p')?.textContent).toBe('Google can see your photos. <b>bold</b>');
		expect(root.querySelector('.tools')?.textContent).toBe('Private alternatives: Ente Photos, PhotoPrism');
	});

	it('is a polite, labelled region and does not take focus', () => {
		const {root} = mountAndCapture();
		const region = root.querySelector('[role="region"]')!;
		expect(region.getAttribute('aria-live')).toBe('polite');
		expect(root.getElementById(region.getAttribute('aria-labelledby')!)?.tagName).toBe('H2');
		expect(document.activeElement).toBe(document.body);
	});

	it('closes with its button and with Escape, removing its listeners', () => {
		const onClose = vi.fn();
		const first = mountAndCapture(onClose);
		(first.root.querySelector('button.close') as HTMLButtonElement).click();
		expect(document.body.children).toHaveLength(0);
		expect(onClose).toHaveBeenCalledTimes(1);

		mountAndCapture(onClose);
		document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}));
		expect(document.body.children).toHaveLength(0);
		expect(onClose).toHaveBeenCalledTimes(2);
		document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}));
		expect(onClose).toHaveBeenCalledTimes(2);
	});
});
