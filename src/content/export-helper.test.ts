// @vitest-environment happy-dom
import {afterEach, describe, expect, it, vi} from 'vitest';
import {seeClosedRoots} from '../../test/closed-roots';
import type {HelperModel} from '../core/message-map';
import {mountHelper} from './export-helper';

const model: HelperModel = {
	service: 'google-photos',
	title: 'Moving from Google Photos to Ente Photos',
	text: 'Choose Deselect all, tick only Google Photos <b>bold</b>',
	author: 'Our advice',
	source: 'https://support.google.com/accounts/answer/3024190',
	requested: false,
	step: 1,
	total: 6,
	theme: 'auto',
	lang: 'en',
	dir: 'ltr',
	labels: {
		close: 'Close',
		source: 'Source',
		requested: 'I have requested my export',
		requestedDone: 'Export requested: next, download it when it is ready.',
		failed: 'Your choice could not be saved. You can make it in the settings.',
		steps: ['', 'Step 1 of 6', 'Step 2 of 6', 'Step 3 of 6', 'Step 4 of 6', 'Step 5 of 6', 'Step 6 of 6'],
	},
};

/** Mounts with the shadow root captured (it is closed: the page cannot reach it, the test can). */
function mount(m = model, onRequested = vi.fn(() => Promise.resolve({step: 2}))) {
	let root!: ShadowRoot;
	// eslint-disable-next-line @typescript-eslint/unbound-method -- called with its receiver below
	const attach = HTMLElement.prototype.attachShadow;
	vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
		root = attach.call(this, init);
		return root;
	});
	const host = mountHelper(m, onRequested);
	vi.restoreAllMocks();
	return {host, root, onRequested};
}
/** A person's click or key (happy-dom's events are untrusted unless told otherwise). */
function trusted<E extends Event>(event: E): E {
	Object.defineProperty(event, 'isTrusted', {value: true});
	return event;
}
const press = (button: Element) => button.dispatchEvent(trusted(new MouseEvent('click', {bubbles: true})));

afterEach(() => {
	document.body.replaceChildren();
});

describe('the export-page helper', () => {
	it('says what to pick, who says it and its source, as text only, in a closed shadow root', () => {
		const {host, root} = mount();
		expect(host.shadowRoot).toBeNull();
		expect(root.querySelector('h2')?.textContent).toBe('Moving from Google Photos to Ente Photos');
		expect(root.querySelector('.body')?.textContent).toContain('tick only Google Photos <b>bold</b>');
		expect(root.querySelector('b')).toBeNull();
		expect(root.querySelector('a')?.getAttribute('href')).toBe('https://support.google.com/accounts/answer/3024190');
		expect(root.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
		expect(root.querySelector('.body')?.textContent).toContain('Step 1 of 6');
		expect(document.activeElement).toBe(document.body);
	});

	it('"I have requested my export" asks the background once, then shows the next step', async () => {
		const {root, onRequested} = mount();
		const button = root.querySelector('button.primary')!;
		expect(button.textContent).toBe('I have requested my export');
		button.dispatchEvent(new MouseEvent('click'));
		expect(onRequested).not.toHaveBeenCalled(); // synthetic, from the page: ignored
		press(button);
		expect(onRequested).toHaveBeenCalledTimes(1);
		await vi.waitFor(() => expect(root.querySelector('button.primary')).toBeNull());
		expect(root.querySelector('[role=status]')?.textContent).toBe(
			'Export requested: next, download it when it is ready.',
		);
		expect(root.querySelector('.body')?.textContent).toContain('Step 2 of 6');
	});

	it('no request button once the step is done; Escape and × close it', () => {
		const {root} = mount({...model, requested: true, step: 2});
		expect(root.querySelector('button.primary')).toBeNull();
		expect(root.querySelector('.body')?.textContent).toContain('Step 2 of 6');
		expect(document.body.children).toHaveLength(1);
		document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
		expect(document.body.children).toHaveLength(1); // synthetic Escape from the page: ignored
		document.dispatchEvent(trusted(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})));
		expect(document.body.children).toHaveLength(0);
		const again = mount();
		press(again.root.querySelector('.close')!);
		expect(document.body.children).toHaveLength(0);
	});

	it('a second mount replaces the first (found inside its closed shadow root, as Firefox lets an extension see it)', () => {
		const unsee = seeClosedRoots();
		mount();
		mount();
		unsee();
		expect(document.body.children).toHaveLength(1);
		expect(document.body.children[0]!.getAttributeNames()).toEqual([]); // nothing of ours on the host
	});
});
