/**
 * One task at a time: `serialQueue()` gives a function that runs each task it is handed once every
 * task handed before it has settled, in the order they came. A task that fails rejects its own promise
 * only; the next one still runs. Each call of `serialQueue()` is a queue of its own.
 *
 * Used wherever two quick changes must not overlap: the settings' writes (background/store.ts), the
 * custom sites' registrations (background/custom-sites.ts), the content script's visits and leaves.
 */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function serialQueue(): SerialQueue {
	let tail: Promise<unknown> = Promise.resolve();
	return (task) => {
		const result = tail.then(task);
		tail = result.catch(() => undefined);
		return result;
	};
}
