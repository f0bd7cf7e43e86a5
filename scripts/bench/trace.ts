/**
 * Reading a Chromium trace (puppeteer page.tracing) for the content script's main-thread cost.
 *
 * Four measures, all filtered by the script's URL (chrome-extension://<id>/content.js):
 * - `evaluateMs`: the trace events the renderer main thread records with that URL (EvaluateScript:
 *   compile and first run; FunctionCall: timers and event listeners), their union in time;
 * - `sampledMs`: from the V8 sampling profiler in the same trace (category
 *   disabled-by-default-v8.cpu_profiler, one sample about every 100 µs): the time of every sample with a
 *   content.js frame anywhere on its stack, which also covers the continuations after the background's
 *   answers (promise microtasks that trace events do not name) and the DOM calls the script makes.
 *   It does not see the script's compile: V8 compiles the script before any of its frames is on the stack;
 * - `compileMs`: the script's `v8.compile` events (the script's own compile; a function compiled later, on
 *   its first call, is inside a frame of the script and so in `sampledMs`);
 * - `allMs`: everything either sees, once: the union in time of those trace events and those samples.
 *
 * Style, layout and paint of the banner are not JavaScript and appear in none of the four: they are in the
 * page's TaskDuration, compared side by side with and without the extension.
 */
type TraceEvent = {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	id?: string;
	args?: {
		data?: {
			url?: string;
			cpuProfile?: {nodes?: CpuNode[]; samples?: number[]};
			timeDeltas?: number[];
			startTime?: number;
		};
		fileName?: string;
	};
};
/** A trace as puppeteer's page.tracing writes it (JSON). */
export type Trace = {traceEvents: TraceEvent[]} | TraceEvent[];
type CpuNode = {id: number; parent?: number; callFrame: {url?: string; functionName?: string}};

export type ScriptCost = {
	evaluateMs: number;
	sampledMs: number;
	compileMs: number;
	allMs: number;
	samples: number;
	pageScriptSampledMs: number;
};

function union(intervals: Array<[number, number]>): number {
	const sorted = intervals.sort((a, b) => a[0] - b[0]);
	let total = 0;
	let end = -Infinity;
	for (const [s, e] of sorted) {
		if (e <= end) continue;
		total += e - Math.max(s, end);
		end = e;
	}
	return total;
}

export function contentScriptCost(trace: Trace, scriptUrl: string, pageScriptUrl?: string): ScriptCost {
	const events = Array.isArray(trace) ? trace : trace.traceEvents;
	const urlOf = (e: TraceEvent): string | undefined => e.args?.data?.url ?? e.args?.fileName;
	const named = events.filter(
		(e) =>
			e.ph === 'X' &&
			(e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile') &&
			urlOf(e) === scriptUrl,
	);
	const spanOf = (e: TraceEvent): [number, number] => [e.ts, e.ts + (e.dur ?? 0)];
	const spans = named.map(spanOf);
	const evaluateMs = union([...spans]) / 1000;
	const compileMs = union(named.filter((e) => e.name === 'v8.compile').map(spanOf)) / 1000;

	// Sampling profiler: per (pid, profile id), a start time (the Profile event), then nodes arriving in chunks and
	// samples with time deltas, on the trace's clock.
	const starts = new Map<string, number>();
	for (const e of events) if (e.name === 'Profile') starts.set(`${e.pid}:${e.id}`, e.args?.data?.startTime ?? NaN);
	const profiles = new Map<string, {nodes: Map<number, CpuNode>; samples: number[]; deltas: number[]; start: number}>();
	for (const e of events) {
		if (e.name !== 'ProfileChunk') continue;
		const key = `${e.pid}:${e.id}`;
		let p = profiles.get(key);
		if (!p) profiles.set(key, (p = {nodes: new Map(), samples: [], deltas: [], start: starts.get(key) ?? NaN}));
		const data = e.args?.data ?? {};
		for (const node of data.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
		p.samples.push(...(data.cpuProfile?.samples ?? []));
		p.deltas.push(...(data.timeDeltas ?? []));
	}
	let sampled = 0;
	let count = 0;
	let pageSampled = 0;
	for (const p of profiles.values()) {
		const cache = new Map<number, {ext: boolean; page: boolean}>();
		const classify = (id: number): {ext: boolean; page: boolean} => {
			const hit = cache.get(id);
			if (hit) return hit;
			const node = p.nodes.get(id);
			const own = {
				ext: node?.callFrame.url === scriptUrl,
				page: pageScriptUrl !== undefined && node?.callFrame.url === pageScriptUrl,
			};
			const parent = node?.parent !== undefined ? classify(node.parent) : {ext: false, page: false};
			const result = {ext: own.ext || parent.ext, page: own.page || parent.page};
			cache.set(id, result);
			return result;
		};
		// Sample i is taken at start + the deltas up to i, and covers the time until sample i + 1.
		let at = p.start;
		for (let i = 0; i + 1 < p.samples.length; i++) {
			at += p.deltas[i] ?? 0;
			const c = classify(p.samples[i]!);
			// V8 may record a sample slightly out of order (a negative delta): it covers no time.
			const span = Math.max(0, p.deltas[i + 1] ?? 0);
			if (c.ext) {
				sampled += span;
				count++;
				// Thrown, not guessed: `allMs` would silently leave these samples out, and a bench figure that is
				// quietly wrong is worse than a bench run that stops and says why.
				if (Number.isNaN(at)) throw new Error('A profile of the trace has no start time: cannot place its samples');
				spans.push([at, at + span]);
			}
			if (c.page) pageSampled += span;
		}
	}
	return {
		evaluateMs,
		sampledMs: sampled / 1000,
		compileMs,
		allMs: union(spans) / 1000,
		samples: count,
		pageScriptSampledMs: pageSampled / 1000,
	};
}
