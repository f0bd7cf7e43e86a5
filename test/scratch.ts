/**
 * A <main> in the document for each test of a component to render into: made before each test, its Preact tree
 * unmounted and the element removed after it. Call once at a test file's top level.
 */
import {render} from 'preact';
import {afterEach, beforeEach} from 'vitest';

export function scratchMain(): {el: HTMLElement} {
	const scratch = {el: undefined as unknown as HTMLElement};
	beforeEach(() => {
		scratch.el = document.createElement('main');
		document.body.append(scratch.el);
	});
	afterEach(() => {
		render(null, scratch.el);
		scratch.el.remove();
	});
	return scratch;
}
