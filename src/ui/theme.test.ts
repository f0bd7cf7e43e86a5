// @vitest-environment happy-dom
/** The pages' theme: asked for once at start-up, or taken from settings the page asked for anyway (the popup). */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {fake} from '../../test/fake-browser';
import {DEFAULTS, SETTINGS_KEY} from '../core/settings-defaults';

const send = vi.fn(async (_type: string, _payload?: unknown): Promise<unknown> => ({...DEFAULTS, theme: 'light'}));
vi.mock('../core/send', () => ({send: (type: string, payload: unknown) => send(type, payload)}));

afterEach(() => send.mockClear());

const emit = (theme: unknown) => {
	for (const listener of fake.current.storage.onChanged.list)
		listener({[SETTINGS_KEY]: {newValue: {...DEFAULTS, theme}}}, 'local');
};

describe('followTheme', () => {
	it('asks for the stored theme, then follows the changes another page stores', async () => {
		const {followTheme} = await import('./theme');
		const root = document.createElement('html');
		await followTheme(undefined, root);
		expect(send).toHaveBeenCalledWith('getSettings', null);
		expect(root.dataset['theme']).toBe('light');
		emit('dark');
		expect(root.dataset['theme']).toBe('dark');
	});

	it('takes a theme the page asked for anyway (the popup’s first view), without asking again, and follows it', async () => {
		const {followTheme} = await import('./theme');
		const root = document.createElement('html');
		await followTheme(Promise.resolve('dark'), root);
		expect(root.dataset['theme']).toBe('dark');
		expect(send).not.toHaveBeenCalled();
		emit('light');
		expect(root.dataset['theme']).toBe('light');
	});

	it('keeps a change stored while the theme was on its way: it is the newer', async () => {
		const {followTheme} = await import('./theme');
		let answer: (theme: 'dark') => void = () => {};
		const root = document.createElement('html');
		const applied = followTheme(new Promise((resolve) => (answer = resolve)), root);
		emit('light');
		answer('dark');
		await applied;
		expect(root.dataset['theme']).toBe('light');
		// The same when the page asks: an answer read before the change does not undo it.
		send.mockImplementationOnce(async () => {
			emit('dark');
			return {...DEFAULTS, theme: 'light'};
		});
		const asked = document.createElement('html');
		await followTheme(undefined, asked);
		expect(asked.dataset['theme']).toBe('dark');
	});

	it('stays automatic when the background cannot answer, and never takes an unknown theme', async () => {
		send.mockRejectedValueOnce(new Error('No answer'));
		const {followTheme} = await import('./theme');
		const root = document.createElement('html');
		await followTheme(undefined, root);
		expect(root.dataset['theme']).toBe('auto');
		emit('sepia');
		expect(root.dataset['theme']).toBe('auto');
	});
});
