/**
 * The in-page banner: one host <div> on the page, a closed shadow root, its own <style>. Built with DOM
 * calls and textContent only (never HTML strings), and without Preact, to keep the content script tiny.
 *
 * Manners: fixed in a corner (never shifts the page's layout), never takes focus, announced politely,
 * keyboard operable (its buttons are in the tab order; Escape closes it), light and dark, right-to-left
 * ready, reduced motion honoured. Synthetic events from the page (isTrusted false) are ignored.
 */
import type {BannerAction, BannerModel} from '../core/message-map';
import css from './banner.css';
import {ANNOUNCE_DELAY_MS, CONFIRMATION_MS} from './banner-timing';
import {el, fixedHost, removeStale} from './dom';

export type BannerCallbacks = {
	/** A choice button; resolves when the background has stored it (rejects if it could not). */
	onAction: (action: BannerAction) => Promise<unknown>;
	onCompare: () => void;
	/** "Start moving": the guided move page for this service. */
	onMove: () => void;
	onOpenSettings: () => void;
	/** "Turn off everywhere…": the options, at the banner's switch. */
	onTurnOff: () => void;
	/** The banner went away (closed, or after a choice). */
	onClose?: () => void;
};

export type MountedBanner = {host: HTMLElement; remove: () => void};

/** Marks the banner inside its closed shadow root, so that a later copy of the script finds a banner an earlier, cut-off copy left. */
const MARK = 'data-photo-privacy-advisor';

export function mountBanner(model: BannerModel, callbacks: BannerCallbacks): MountedBanner {
	// Firefox injects the new version into open pages when the extension updates; the old copy is dead
	// but its banner stays, with buttons that no longer work: one banner, the live one.
	removeStale(MARK);
	const host = fixedHost();
	const root = host.attachShadow({mode: 'closed'});
	// Every text, the later ones too, came with the model (core/banner-texts.ts): once the extension is
	// updated or reloaded under the page, this copy of the script can no longer reach its messages
	// (Chromium throws "Extension context invalidated"), and a button must still be able to answer.
	const {texts} = model;

	// One click listener for all the buttons (on the banner, below), not one each: measured, a listener
	// per button cost the content script about a millisecond more on the bench's photo page.
	const onClicks = new Map<EventTarget, () => void>();
	const button = (label: string, className: string, onClick: () => void, title?: string) => {
		const node = el('button', {type: 'button', class: className}, label);
		if (title) node.title = title;
		onClicks.set(node, onClick);
		return node;
	};
	const close = button('×', 'close', () => dismiss());
	close.setAttribute('aria-label', texts.close);
	close.title = texts.close;

	// One polite live region: first (visually hidden) it announces the banner, since screen readers do
	// not read a live region that arrives with its content; after a choice it shows the confirmation.
	const status = el('p', {class: 'status announce', role: 'status'});
	const actions = el(
		'div',
		{class: 'actions'},
		button(texts.compare, 'primary', () => callbacks.onCompare()),
		button(texts.move, 'secondary', () => callbacks.onMove()),
		button(texts.notNow, 'secondary', () => choose('snooze', texts.snoozed), texts.notNowHint),
	);
	const more = el(
		'div',
		{class: 'more'},
		button(texts.hide, 'link', () => choose('hide', texts.hidden)),
		// Not a choice made here: it opens the options at the switch, where the person confirms (no page can
		// trick that click into turning the extension off everywhere).
		button(texts.turnOff, 'link', () => callbacks.onTurnOff(), texts.turnOffHint),
	);
	const body = el(
		'div',
		{class: 'body'},
		el('p', {}, model.concern),
		el('p', {class: 'tools'}, texts.alternatives),
		actions,
		more,
	);
	const banner = el(
		'section',
		// Language and direction inside the shadow root too: the host carries nothing of ours.
		{
			class: `banner theme-${model.theme}`,
			role: 'region',
			'aria-labelledby': 'ppa-heading',
			lang: model.lang,
			dir: model.dir,
			[MARK]: '',
		},
		el('h2', {id: 'ppa-heading'}, texts.heading),
		body,
		status,
		close,
	);
	root.append(el('style', {}, css), banner);

	let closed = false;
	const remove = () => {
		if (closed) return;
		closed = true;
		clearTimeout(timer);
		clearTimeout(announce);
		removeEventListener('keydown', onKeydown);
		host.remove(); // the banner's own listeners go with it
	};
	function dismiss() {
		if (closed) return;
		remove();
		callbacks.onClose?.();
	}

	// Whether the person is on the banner (pointer over it, or focus in it): a confirmation never goes
	// away under them. Focus is tracked from the start; the pointer from the choice on (see `choose`).
	let hovering = false;
	let focused = false;
	/** The kind of pointer of the last click on a button of the banner: "mouse", "pen", "touch", or "" for a key. */
	let pointer: string | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const holdOrRelease = () => {
		clearTimeout(timer);
		if (confirming && !hovering && !focused) timer = setTimeout(dismiss, CONFIRMATION_MS);
	};
	let confirming = false;
	// One listener object for all the banner's events (no closure, no abort registration each: the content
	// script's cost is counted on every photo page): a button's click, and the pointer and focus coming and going.
	const onBannerEvent = {
		handleEvent(event: Event) {
			if (closed) return;
			switch (event.type) {
				case 'click': {
					const target = event.isTrusted && (event.target as Element).closest('button');
					if (!target) return;
					pointer = (event as Partial<PointerEvent>).pointerType;
					onClicks.get(target)?.();
					return;
				}
				case 'pointerenter':
				case 'pointerleave':
					hovering = event.type === 'pointerenter';
					break;
				default:
					focused = event.type === 'focusin';
			}
			holdOrRelease();
		},
	};
	for (const type of ['click', 'focusin', 'focusout']) banner.addEventListener(type, onBannerEvent);

	/** After a choice: the banner's body gives way to a confirmation, then the banner goes. */
	function choose(action: BannerAction, confirmation: string) {
		// The pointer matters from here on, and is listened for from here on: a document's first pointer listener
		// costs Chromium about 0.1 ms (measured), which a page with none of its own no longer pays for ours on
		// every load. Where the pointer is now, the click that chose says: a mouse's is on the banner. A finger, or a
		// pen that cannot hover, left before the click (its pointerleave came after pointerup), and its tap's `:hover`
		// sticks: nothing hovers (a pen that can hover gets the ordinary timeout, or holds the banner again by leaving
		// and coming back). A key says nothing of the pointer, and there `:hover` does.
		hovering = pointer === 'mouse' || (!pointer && banner.matches(':hover'));
		banner.addEventListener('pointerenter', onBannerEvent);
		banner.addEventListener('pointerleave', onBannerEvent);
		// The chosen button is about to go: keep a keyboard or screen-reader user's place in the banner.
		const hadFocus = root.activeElement !== null;
		for (const node of [...actions.children, ...more.children]) (node as HTMLButtonElement).disabled = true;
		callbacks.onAction(action).then(
			// In a private window, the confirmation also says the choice lasts for this private session only.
			() => confirm(texts.privateOnly ? `${confirmation} ${texts.privateOnly}` : confirmation, hadFocus),
			() => confirm(texts.failed, hadFocus),
		);
	}
	function confirm(message: string, moveFocus: boolean) {
		if (closed) return;
		// The confirmation keeps the banner's size, whatever was chosen: a page that measures the banner
		// (hit-testing is all it has) learns nothing of the choice from it. It scrolls if it must (banner.css).
		const {width, height} = banner.getBoundingClientRect();
		banner.style.setProperty('inline-size', `${width}px`);
		banner.style.setProperty('block-size', `${height}px`);
		const settings = button(texts.openSettings, 'secondary', () => callbacks.onOpenSettings());
		body.replaceWith(settings);
		status.classList.remove('announce');
		status.textContent = message;
		if (moveFocus) settings.focus();
		confirming = true;
		holdOrRelease();
	}

	// Escape closes the banner when it has the focus, or when the page has not used that Escape itself
	// (bubble phase: a site that handles its own Escape and stops or cancels it keeps the banner).
	function onKeydown(event: KeyboardEvent) {
		if (event.key !== 'Escape' || !event.isTrusted) return;
		if (event.composedPath().includes(host) || !event.defaultPrevented) dismiss();
	}
	addEventListener('keydown', onKeydown);
	(document.body ?? document.documentElement).append(host);
	const announce = setTimeout(() => {
		if (!status.textContent) status.textContent = `${texts.heading}. ${model.concern}`;
	}, ANNOUNCE_DELAY_MS);
	return {host, remove};
}
