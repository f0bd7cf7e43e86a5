// @vitest-environment happy-dom
/** The pages' theme: asked for once at start-up, or taken from settings the page has already (the popup). */
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

	it('applies a theme the page already has at once, without asking (the popup’s first view), and follows it', async () => {
		const {followTheme} = await import('./theme');
		const root = document.createElement('html');
		const applied = followTheme('dark', root);
		// In the same task: the popup's first render and its theme land in one frame.
		expect(root.dataset['theme']).toBe('dark');
		await applied;
		expect(send).not.toHaveBeenCalled();
		emit('light');
		expect(root.dataset['theme']).toBe('light');
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
