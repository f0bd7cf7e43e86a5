import {describe, expect, it} from 'vitest';
import {serialQueue} from './serial';

/** A promise the test settles by hand. */
function deferred<T = void>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return {promise, resolve, reject};
}

/** Lets every pending promise callback run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('serialQueue', () => {
	it('runs each task only after the one before it has finished, in the order given', async () => {
		const inTurn = serialQueue();
		const log: string[] = [];
		const first = deferred();
		const second = deferred();
		const a = inTurn(async () => {
			log.push('a starts');
			await first.promise;
			log.push('a ends');
			return 'A';
		});
		const b = inTurn(async () => {
			log.push('b starts');
			await second.promise;
			log.push('b ends');
			return 'B';
		});
		const c = inTurn(() => {
			log.push('c runs');
			return Promise.resolve('C');
		});
		await flush();
		expect(log).toEqual(['a starts']);
		second.resolve(); // b may not finish before it has even started
		await flush();
		expect(log).toEqual(['a starts']);
		first.resolve();
		expect(await Promise.all([a, b, c])).toEqual(['A', 'B', 'C']);
		expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c runs']);
	});

	it('gives a failed task its own rejection and still runs the next', async () => {
		const inTurn = serialQueue();
		const failing = inTurn(() => Promise.reject(new Error('disk full')));
		const throwing = inTurn(() => {
			throw new Error('thrown before any await');
		});
		const next = inTurn(() => Promise.resolve('written'));
		await expect(failing).rejects.toThrow('disk full');
		await expect(throwing).rejects.toThrow('thrown before any await');
		await expect(next).resolves.toBe('written');
	});

	it('keeps separate queues separate: one waiting task never holds up another queue', async () => {
		const one = serialQueue();
		const two = serialQueue();
		const blocker = deferred();
		const blocked = one(() => blocker.promise);
		await expect(two(() => Promise.resolve('free'))).resolves.toBe('free');
		blocker.resolve();
		await blocked;
	});
});
