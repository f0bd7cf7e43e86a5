/** Bounded polling, for conditions the drivers cannot wait for themselves (badge text, storage). */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function poll<T>(
	read: () => Promise<T>,
	done: (value: T) => boolean,
	{timeout = 10_000, interval = 50, what = 'condition'}: {timeout?: number; interval?: number; what?: string} = {},
): Promise<T> {
	const end = Date.now() + timeout;
	let last: T | undefined;
	let lastError: unknown;
	for (;;) {
		try {
			last = await read();
			if (done(last)) return last;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > end) {
			const detail = lastError
				? ` (last error: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)})`
				: ` (last value: ${JSON.stringify(last)})`;
			throw new Error(`Timed out after ${timeout} ms waiting for ${what}${detail}`);
		}
		await sleep(interval);
	}
}
