/**
 * The export-page helper: a separate, tiny content script that the background registers on one export page
 * (Google Takeout, privacy.apple.com, …) only while the person has a move from that service in progress and has
 * granted that host (background/moves.ts). It never reads the page: it sends only its own address, and the
 * background answers with what to pick on this page for the chosen alternative, or null (then nothing shows).
 *
 * Same manners as the banner (banner.ts, whose stylesheet it shares): a closed shadow root, DOM calls and
 * textContent only, fixed in the opposite corner from the banner, never takes focus, Escape closes it, every
 * text made at mount, synthetic events ignored.
 */
import type {HelperModel} from '../core/message-map';
import {send} from '../core/send';
import css from './banner.css';
import {el, fixedHost, removeStale} from './dom';

/** Marks the helper inside its closed shadow root (see dom.ts, removeStale). */
const MARK = 'data-photo-privacy-advisor-helper';
const LOADED = Symbol.for('photo-privacy-advisor-helper');
const scope = globalThis as typeof globalThis & {[LOADED]?: true};

export function mountHelper(model: HelperModel, onRequested: () => Promise<{step: number | null}>): HTMLElement {
	removeStale(MARK);
	const controller = new AbortController();
	const {signal} = controller;
	const host = fixedHost();
	const {labels} = model;
	const root = host.attachShadow({mode: 'closed'});
	const later = {done: labels.requestedDone, failed: labels.failed};
	const step = (value: number | null) => (value ? (labels.steps[value] ?? '') : '');

	const remove = () => {
		controller.abort();
		host.remove();
	};
	const close = el('button', {type: 'button', class: 'close', 'aria-label': labels.close, title: labels.close}, '×');
	close.addEventListener('click', (event) => event.isTrusted && remove(), {signal});
	const progress = el('p', {class: 'tools'}, step(model.step));
	const status = el('p', {class: 'status', role: 'status'});
	const source = model.source
		? [' ', el('a', {href: model.source, target: '_blank', rel: 'noopener noreferrer'}, labels.source)]
		: [];
	const body = el(
		'div',
		{class: 'body'},
		progress,
		el('p', {}, model.text),
		el('p', {class: 'tools'}, `${model.author}.`, ...source),
	);
	if (!model.requested) {
		const requested = el('button', {type: 'button', class: 'primary'}, labels.requested);
		requested.addEventListener(
			'click',
			(event) => {
				if (!event.isTrusted) return;
				requested.disabled = true;
				onRequested().then(
					(answer) => {
						requested.remove();
						progress.textContent = step(answer.step);
						status.textContent = later.done;
					},
					() => {
						requested.disabled = false;
						status.textContent = later.failed;
					},
				);
			},
			{signal},
		);
		body.append(el('div', {class: 'actions'}, requested));
	}
	const helper = el(
		'section',
		{
			class: `banner helper theme-${model.theme}`,
			role: 'region',
			'aria-labelledby': 'ppa-helper-heading',
			lang: model.lang,
			dir: model.dir,
			[MARK]: '',
		},
		el('h2', {id: 'ppa-helper-heading'}, model.title),
		body,
		status,
		close,
	);
	// The banner's look, in the other corner (on Amazon both can be on the same page): .helper in banner.css.
	root.append(el('style', {}, css), helper);
	addEventListener(
		'keydown',
		(event) => {
			if (event.key !== 'Escape' || !event.isTrusted) return;
			if (event.composedPath().includes(host) || !event.defaultPrevented) remove();
		},
		{signal},
	);
	(document.body ?? document.documentElement).append(host);
	return host;
}

async function run(): Promise<void> {
	const url = location.href;
	const model = await send('helperVisit', {url});
	if (model) mountHelper(model, () => send('helperRequested', {url}));
}

if (!scope[LOADED] && typeof document !== 'undefined' && location.protocol === 'https:') {
	scope[LOADED] = true;
	void run().catch(() => {});
}
