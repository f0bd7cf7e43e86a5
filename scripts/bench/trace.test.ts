import {describe, expect, it} from 'vitest';
import {contentScriptCost, type Trace} from './trace';

const SCRIPT = 'chrome-extension://abc/content.js';
const PAGE = 'https://photos.google.com/static/app.js';
/** The trace clock's value when the profiler started (µs); the Profile event itself is recorded at another time. */
const START = 100_000;

/**
 * A trace of one page load, times in µs after START. The script: compiled 1000–1800 inside its first run
 * 1000–4000, a timer 10000–10200, and a continuation after the background's answer at 12000–12100 that no
 * trace event names. The profile: root, the script, a DOM call from the script, the page's script. The events
 * are not in time order (a trace's are not either).
 */
function trace(withStart = true): Trace {
	const nodes = [
		{id: 1, callFrame: {url: '', functionName: '(root)'}},
		{id: 2, parent: 1, callFrame: {url: SCRIPT, functionName: 'check'}},
		{id: 3, parent: 2, callFrame: {url: '', functionName: 'append'}},
		{id: 4, parent: 1, callFrame: {url: PAGE, functionName: 'index'}},
	];
	const event = (name: string, ts: number, dur: number, url = SCRIPT) => ({
		name,
		ph: 'X',
		pid: 1,
		tid: 1,
		ts: START + ts,
		dur,
		args: {data: {url}},
	});
	const chunk = (cpuProfile: {nodes: typeof nodes; samples: number[]}, timeDeltas: number[]) => ({
		name: 'ProfileChunk',
		ph: 'P',
		pid: 1,
		tid: 1,
		ts: START + 20_000,
		id: '0x1',
		args: {data: {cpuProfile, timeDeltas}},
	});
	return {
		traceEvents: [
			event('FunctionCall', 10_000, 200),
			{...event('v8.compile', 1000, 800), args: {fileName: SCRIPT}},
			event('EvaluateScript', 1000, 3000),
			event('EvaluateScript', 500, 9000, PAGE),
			{
				name: 'Profile',
				ph: 'P',
				pid: 1,
				tid: 1,
				ts: 7,
				id: '0x1',
				args: {data: {startTime: withStart ? START : undefined}},
			},
			// Samples at 1500 (root), 2000 (the script), 2500 (its DOM call), 3000 (the page's), 12000 (the script),
			// 12100 (root), in two chunks.
			chunk({nodes: nodes.slice(0, 3), samples: [1, 2, 3]}, [1500, 500, 500]),
			chunk({nodes: nodes.slice(3), samples: [4, 2, 1]}, [500, 9000, 100]),
		],
	};
}

describe('contentScriptCost', () => {
	it('measures the script by its trace events, its samples, its compile, and all of them once', () => {
		const cost = contentScriptCost(trace(), SCRIPT, PAGE);
		expect(cost.evaluateMs).toBeCloseTo(3.2); // 1000–4000 and 10000–10200: the compile is inside the first run
		expect(cost.sampledMs).toBeCloseTo(1.1); // 2000–2500, 2500–3000 (a DOM call under the script), 12000–12100
		expect(cost.samples).toBe(3);
		expect(cost.compileMs).toBeCloseTo(0.8);
		// The samples at 2000–3000 are inside the first run's event, counted once; the continuation is in no event.
		// Placed on the wrong clock (the Profile event's ts), they would all fall outside and make 4.3.
		expect(cost.allMs).toBeCloseTo(3.3);
		expect(cost.pageScriptSampledMs).toBeCloseTo(9);
	});

	it('finds nothing of a script that did not run', () => {
		const cost = contentScriptCost(trace(), 'chrome-extension://other/content.js');
		expect(cost).toEqual({evaluateMs: 0, sampledMs: 0, compileMs: 0, allMs: 0, samples: 0, pageScriptSampledMs: 0});
	});

	it('counts no time for a sample recorded out of order (a negative delta)', () => {
		const t = trace() as {traceEvents: Array<{args?: {data?: {timeDeltas?: number[]}}}>};
		// The sample after the script's continuation comes 50 µs "before" it: the continuation covers nothing.
		t.traceEvents[6]!.args!.data!.timeDeltas = [500, 9000, -50];
		const cost = contentScriptCost(t as Trace, SCRIPT, PAGE);
		expect(cost.sampledMs).toBeCloseTo(1.0);
		expect(cost.allMs).toBeCloseTo(3.2);
	});

	it('refuses samples of the script it cannot place in time', () => {
		expect(() => contentScriptCost(trace(false), SCRIPT)).toThrow(/no start time/);
	});
});
