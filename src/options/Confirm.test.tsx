// @vitest-environment happy-dom
import {render} from 'preact';
import {act} from 'preact/test-utils';
import {describe, expect, it, vi} from 'vitest';
import {ConfirmButton} from './Confirm';
import {scratchMain} from '../../test/scratch';

const scratch = scratchMain();
const ids = {button: 'go', question: 'go-question', confirm: 'go-confirm', cancel: 'go-cancel'};
const $ = (id: string) => scratch.el.querySelector<HTMLButtonElement>(`#${id}`);

async function show(onConfirm: () => Promise<unknown> | void, onOpen?: () => void) {
	await act(() =>
		render(
			<ConfirmButton
				ids={ids}
				label="Erase"
				question="Erase everything?"
				confirmLabel="Erase now"
				onConfirm={onConfirm}
				onOpen={onOpen}
			/>,
			scratch.el,
		),
	);
}
async function open() {
	await act(() => $(ids.button)!.click());
}

describe('ConfirmButton', () => {
	it('asks first, with focus on Cancel, and Cancel changes nothing and brings focus back', async () => {
		const onConfirm = vi.fn();
		const onOpen = vi.fn();
		await show(onConfirm, onOpen);
		await open();
		expect(onOpen).toHaveBeenCalledOnce();
		expect($(ids.button)).toBeNull();
		expect(scratch.el.querySelector('[role="group"]')?.getAttribute('aria-labelledby')).toBe(ids.question);
		expect($(ids.question)?.textContent).toBe('Erase everything?');
		expect(document.activeElement?.id).toBe(ids.cancel);
		await act(() => $(ids.cancel)!.click());
		expect(onConfirm).not.toHaveBeenCalled();
		expect(document.activeElement?.id).toBe(ids.button);
	});

	it('cancels on Escape, focus back on the button', async () => {
		const onConfirm = vi.fn();
		await show(onConfirm);
		await open();
		await act(() => {
			$(ids.cancel)!.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));
		});
		expect(onConfirm).not.toHaveBeenCalled();
		expect(document.activeElement?.id).toBe(ids.button);
	});

	it('runs an action that returns nothing and closes at once', async () => {
		const onConfirm = vi.fn();
		await show(onConfirm);
		await open();
		await act(() => $(ids.confirm)!.click());
		expect(onConfirm).toHaveBeenCalledOnce();
		expect(document.activeElement?.id).toBe(ids.button);
	});

	it('keeps the question, its button disabled, while the action runs, then closes even if it failed', async () => {
		for (const outcome of ['resolve', 'reject'] as const) {
			let settle!: () => void;
			const onConfirm = vi.fn(
				() =>
					new Promise<void>((resolve, reject) => {
						settle = outcome === 'resolve' ? resolve : () => reject(new Error('failed'));
					}),
			);
			await show(onConfirm);
			await open();
			await act(() => $(ids.confirm)!.click());
			expect($(ids.confirm)?.disabled).toBe(true);
			await act(() => $(ids.confirm)!.click());
			expect(onConfirm).toHaveBeenCalledOnce();
			await act(async () => {
				settle();
				await Promise.resolve();
			});
			expect($(ids.confirm)).toBeNull();
			expect(document.activeElement?.id, outcome).toBe(ids.button);
		}
	});
});
