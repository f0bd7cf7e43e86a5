/** Small statistics for the benchmark: medians and quartiles of samples, and their ratios. */
export type Summary = {n: number; median: number; p25: number; p75: number; min: number; max: number};

function quantile(sorted: number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(values: number[]): Summary {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	return {
		n: sorted.length,
		median: round(quantile(sorted, 0.5)),
		p25: round(quantile(sorted, 0.25)),
		p75: round(quantile(sorted, 0.75)),
		min: round(sorted[0] ?? Number.NaN),
		max: round(sorted[sorted.length - 1] ?? Number.NaN),
	};
}

export const round = (v: number, digits = 2) =>
	Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : Number.NaN;

/** median(with) / median(without), to 3 decimals. */
export const ratio = (withExt: Summary, without: Summary) => round(withExt.median / without.median, 3);
