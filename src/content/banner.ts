/**
 * The in-page banner: one host <div> on the page, a closed shadow root, its own <style>. Built with DOM
 * calls and textContent only (never HTML strings), and without Preact, to keep the content script tiny.
 * It never takes focus and never shifts the page's layout (position: fixed); Escape closes it.
 */
import type {BannerModel} from '../core/messages';
import {t} from '../core/i18n';
import css from './banner.css';

export type MountedBanner = {host: HTMLElement; remove: () => void};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: Array<Node | string>) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
	node.append(...children);
	return node;
}

export function mountBanner(model: BannerModel, onClose: () => void = () => {}): MountedBanner {
	const controller = new AbortController();
	const host = document.createElement('div');
	host.setAttribute('style', 'all: initial !important; position: fixed !important; inset: auto !important; z-index: 2147483647 !important;');
	host.dir = model.dir;
	host.lang = model.lang;
	const root = host.attachShadow({mode: 'closed'});
	const headingId = 'ppa-heading';
	const close = el('button', {class: 'close', type: 'button', 'aria-label': t('bannerClose'), title: t('bannerClose')}, '×');
	const banner = el(
		'section',
		{class: 'banner', role: 'region', 'aria-labelledby': headingId, 'aria-live': 'polite'},
		el('h2', {id: headingId}, t('bannerHeading', model.serviceName)),
		el('p', {}, model.concern),
		el('p', {class: 'tools'}, t('bannerAlternatives', model.tools.join(', '))),
		close,
	);
	root.append(el('style', {}, css), banner);

	const remove = () => {
		controller.abort();
		host.remove();
	};
	const dismiss = () => {
		remove();
		onClose();
	};
	close.addEventListener('click', dismiss, {signal: controller.signal});
	document.addEventListener(
		'keydown',
		(event) => {
			if (event.key === 'Escape' && !event.defaultPrevented) dismiss();
		},
		{signal: controller.signal, capture: true},
	);
	(document.body ?? document.documentElement).append(host);
	return {host, remove};
}
