/**
 * A vitest reporter that says which tests passed only on a retry, so that a flaky test is seen, never
 * hidden: at the end of the run it prints every such test (file, full name, how many retries, and what
 * failed first), and writes the same to .tmp/e2e-retries.json and a readable .tmp/e2e-retries.txt (both
 * written on every run, empty lists when no test needed a retry).
 *
 * There is no global retry (vitest.config.ts): a test may be retried only where a named browser timing
 * cause is written beside its `{retry: N}`.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Reporter, TestModule, Vitest} from 'vitest/node';

type RetriedTest = {
	/** The test file, relative to the repository. */
	file: string;
	/** Describe blocks and test name, joined by " > ". */
	name: string;
	/** Failed attempts before the one that passed. */
	retries: number;
	/** The first line of each failed attempt's error. */
	errors: string[];
};

/** Every test in `modules` that passed, but not on its first attempt. */
function retriedTests(modules: ReadonlyArray<TestModule>): RetriedTest[] {
	const retried: RetriedTest[] = [];
	for (const module of modules)
		for (const test of module.children.allTests('passed')) {
			const retries = test.diagnostic()?.retryCount ?? 0;
			if (retries === 0) continue;
			retried.push({
				file: module.relativeModuleId,
				name: test.fullName,
				retries,
				errors: (test.result().errors ?? []).map((error) => error.message.split('\n')[0] ?? ''),
			});
		}
	return retried;
}

function retrySummary(retried: RetriedTest[]): string {
	if (retried.length === 0) return 'Passed only on retry: none.';
	const lines = retried.map(
		(test) =>
			`- ${test.file} > ${test.name} (${test.retries} ${test.retries === 1 ? 'retry' : 'retries'})` +
			test.errors.map((error) => `\n    first failed with: ${error}`).join(''),
	);
	return [`Passed only on retry: ${retried.length}`, ...lines].join('\n');
}

export default class RetryReporter implements Reporter {
	#vitest: Vitest | undefined;

	onInit(vitest: Vitest): void {
		this.#vitest = vitest;
	}

	onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
		const root = this.#vitest?.config.root ?? process.cwd();
		const retried = retriedTests(modules);
		const summary = retrySummary(retried);
		const dir = path.join(root, '.tmp');
		mkdirSync(dir, {recursive: true});
		writeFileSync(path.join(dir, 'e2e-retries.json'), `${JSON.stringify(retried, null, 2)}\n`);
		writeFileSync(path.join(dir, 'e2e-retries.txt'), `${summary}\n`);
		const log = this.#vitest?.logger.log.bind(this.#vitest.logger) ?? console.log;
		log(`\n${summary}\n(written to .tmp/e2e-retries.json and .tmp/e2e-retries.txt)\n`);
	}
}
