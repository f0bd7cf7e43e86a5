/**
 * Stopping the extension's service worker on purpose, as MV3 may at any time (Chromium only): CDP's
 * ServiceWorker domain, from an extension page of the same origin. Used by the test of a restarted
 * background (test/e2e/worker-restart-chromium.e2e.test.ts) and the bench's cold starts.
 */
import type {CDPSession, Page, WebWorker} from 'puppeteer-core';
import {poll} from './wait';

export class WorkerControl {
	readonly #cdp: CDPSession;
	readonly #scriptUrl: string;
	readonly #versions = new Map<string, {scriptURL: string; runningStatus: string}>();

	private constructor(cdp: CDPSession, origin: string) {
		this.#cdp = cdp;
		this.#scriptUrl = `${origin}background.js`;
		cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
			for (const version of event.versions) this.#versions.set(version.versionId, version);
		});
	}

	/** Watches the service worker of the extension at `origin` from `page` (an extension page). */
	static async attach(page: Page, origin: string): Promise<WorkerControl> {
		const control = new WorkerControl(await page.createCDPSession(), origin);
		await control.#cdp.send('ServiceWorker.enable');
		await poll(
			() => Promise.resolve(control.#ours()),
			(version) => version !== undefined,
			{what: 'the service worker version'},
		);
		return control;
	}

	#ours(): [string, {runningStatus: string}] | undefined {
		return [...this.#versions.entries()].find(([, version]) => version.scriptURL === this.#scriptUrl);
	}

	/** "running", "starting", "stopping" or "stopped". */
	get status(): string | undefined {
		return this.#ours()?.[1].runningStatus;
	}

	/**
	 * Stops the worker and waits until it has. Puppeteer's attachment to it (`worker`) goes first: a worker
	 * restarted with a debugger still attached waits for that debugger.
	 */
	async stop(worker: WebWorker): Promise<void> {
		await worker.client.detach().catch(() => {});
		const ours = this.#ours();
		if (!ours) throw new Error('No service worker version to stop');
		await this.#cdp.send('ServiceWorker.stopWorker', {versionId: ours[0]});
		await poll(
			() => Promise.resolve(this.status),
			(status) => status === 'stopped',
			{what: 'the worker to stop'},
		);
	}

	async close(): Promise<void> {
		await this.#cdp.send('ServiceWorker.disable').catch(() => {});
		await this.#cdp.detach().catch(() => {});
	}
}
