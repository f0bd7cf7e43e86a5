/**
 * Every network request a browser makes, from its own log, and which of them the extension made.
 *
 * Request interception (sites.ts) sees a tab's requests only, the content script's included; it never
 * sees what the background or an extension page requests. The browsers' own network logs see all:
 *
 * - Chromium: `--log-net-log=FILE` (a JSON document, finished on close). Each request that reaches the
 *   network stack is a `URL_REQUEST_START_JOB` event whose params name the URL and the `initiator`
 *   origin; the extension's requests have `chrome-extension://<id>` there (and in the network isolation
 *   key). The browser's own requests (component updater, time, accounts) have "not an origin".
 *   A request the page's interception answers never reaches the network stack, so it is not there.
 *   Checked: a fetch() added to the background and to the options page of a scratch build, with the CSP
 *   loosened, shows up here with the extension as initiator (see netlog.test.ts).
 * - Firefox: `MOZ_LOG=timestamp,nsHttp:3,CSMLog:5` and `MOZ_LOG_FILE=FILE` (one file per process:
 *   FILE.moz_log, FILE.child-N.moz_log). CSMLog (the content security manager) logs every load it checks
 *   with its `channelURI`, `loadingPrincipal` and `triggeringPrincipal`: the extension's loads have a
 *   moz-extension:// principal, whatever their type (fetch, image, beacon) and even when the extension's
 *   CSP then blocks them (they are logged by the extension's child process before the check). nsHttp
 *   logs the request headers of each request sent, where a CORS request from the extension carries
 *   `Origin: moz-extension://...`. Both are read; either one marks a request as the extension's.
 *
 * The content script's own requests carry the page's origin in both browsers (MV3): the page
 * interception records them (`session.sites.unexpected`), which every test asserts is empty.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

export type LoggedRequest = {
	url: string;
	/** The origin or principal the browser attributes the request to ("" when it names none). */
	initiator: string;
	/** Which log line said so. */
	source: string;
	/** Whether the extension made (or tried to make) it. */
	byExtension: boolean;
};

export const FIREFOX_MOZ_LOG = 'timestamp,nsHttp:3,CSMLog:5';
const NETWORK = /^(https?|wss?|ftp):\/\//i;
const EXTENSION = /(chrome-extension|moz-extension):\/\//;

// ------------------------------------------------------------------------------------------- Chromium

type NetLogEvent = {type: number; params?: Record<string, unknown>; phase?: number};
type NetLog = {constants: {logEventTypes: Record<string, number>}; events: NetLogEvent[]};

/** A net log written until the browser was killed lacks its closing brackets: Chromium documents that as recoverable. */
function parseNetLogText(text: string): NetLog {
	try {
		return JSON.parse(text) as NetLog;
	} catch {
		const trimmed = text.trimEnd().replace(/,$/, '');
		return JSON.parse(`${trimmed}]}`) as NetLog;
	}
}

export function chromiumRequests(text: string): LoggedRequest[] {
	const log = parseNetLogText(text);
	const startJob = log.constants.logEventTypes['URL_REQUEST_START_JOB'];
	if (startJob === undefined) throw new Error('Not a Chromium net log: no URL_REQUEST_START_JOB event type');
	const requests: LoggedRequest[] = [];
	for (const event of log.events) {
		const params = event.params;
		if (event.type !== startJob || typeof params?.['url'] !== 'string') continue;
		const initiator = typeof params['initiator'] === 'string' ? params['initiator'] : '';
		const context = [initiator, params['network_isolation_key'], params['site_for_cookies']]
			.filter((v) => typeof v === 'string')
			.join(' ');
		requests.push({
			url: params['url'],
			initiator,
			source: 'URL_REQUEST_START_JOB',
			byExtension: EXTENSION.test(context),
		});
	}
	return requests;
}

// -------------------------------------------------------------------------------------------- Firefox

/** "2026-11-27 09:41:57.707643 UTC - [Parent 15923: Main Thread]: D/CSMLog   loadingPrincipal: "..."" */
const MOZ_LINE = /^\S+ \S+ UTC - \[([^\]]+)\]: [A-Z]\/(\w+) ?(.*)$/;

export function firefoxRequests(text: string): LoggedRequest[] {
	const requests: LoggedRequest[] = [];
	/** Per process and thread: the security check being read, and the request headers being read. */
	const checks = new Map<string, {uri?: string; loading?: string; triggering?: string}>();
	const headers = new Map<string, {requestLine?: string; host?: string; origin?: string}>();
	const finishCheck = (thread: string) => {
		const check = checks.get(thread);
		checks.delete(thread);
		if (!check?.uri || !NETWORK.test(check.uri)) return;
		const principal =
			[check.triggering, check.loading].find((p) => p && EXTENSION.test(p)) ?? check.triggering ?? check.loading ?? '';
		requests.push({
			url: check.uri,
			initiator: principal,
			source: `CSMLog [${thread}]`,
			byExtension: EXTENSION.test(principal),
		});
	};
	for (const line of text.split('\n')) {
		const match = MOZ_LINE.exec(line);
		if (!match) continue;
		const [, thread = '', module, rest = ''] = match;
		if (module === 'CSMLog') {
			if (rest.startsWith('doContentSecurityCheck')) {
				finishCheck(thread);
				checks.set(thread, {});
				continue;
			}
			const field = /^\s+(channelURI|loadingPrincipal|triggeringPrincipal): "?([^"]*)"?$/.exec(rest);
			const check = checks.get(thread);
			if (field && check) {
				if (field[1] === 'channelURI') check.uri = field[2];
				else if (field[1] === 'loadingPrincipal') check.loading = field[2];
				else check.triggering = field[2];
			}
		} else if (module === 'nsHttp') {
			if (rest === 'http request [') {
				headers.set(thread, {});
				continue;
			}
			const block = headers.get(thread);
			if (!block) continue;
			if (rest === ']') {
				headers.delete(thread);
				if (block.origin && EXTENSION.test(block.origin)) {
					const target = block.requestLine?.split(' ')[1] ?? '/';
					requests.push({
						url: `https://${block.host ?? '?'}${target}`,
						initiator: block.origin,
						source: `nsHttp Origin [${thread}]`,
						byExtension: true,
					});
				}
				continue;
			}
			const header = /^\s+([\w-]+): (.*)$/.exec(rest);
			if (!block.requestLine && /^\s+[A-Z]+ \S+ HTTP\//.test(rest)) block.requestLine = rest.trim();
			else if (header?.[1]?.toLowerCase() === 'host') block.host = header[2];
			else if (header?.[1]?.toLowerCase() === 'origin') block.origin = header[2];
		}
	}
	for (const thread of [...checks.keys()]) finishCheck(thread);
	return requests;
}

// --------------------------------------------------------------------------------------------- Files

/** All requests logged in `dir` (every launch that wrote there), by the browser that wrote them. */
export function readNetLogs(dir: string): {files: string[]; requests: LoggedRequest[]} {
	if (!existsSync(dir)) return {files: [], requests: []};
	const files = readdirSync(dir).sort();
	const requests: LoggedRequest[] = [];
	for (const file of files) {
		const text = readFileSync(path.join(dir, file), 'utf8');
		if (file.endsWith('.netlog.json')) requests.push(...chromiumRequests(text));
		else if (file.includes('.moz_log')) requests.push(...firefoxRequests(text));
	}
	return {files, requests};
}

/** "host ×count" for a summary line. */
export function hostsSummary(requests: LoggedRequest[]): string {
	const counts = new Map<string, number>();
	for (const request of requests) {
		let host = request.url;
		try {
			host = new URL(request.url).host;
		} catch {
			// not a URL: counted under itself
		}
		counts.set(host, (counts.get(host) ?? 0) + 1);
	}
	return [...counts]
		.sort((a, b) => b[1] - a[1])
		.map(([host, count]) => `${host} ×${count}`)
		.join(', ');
}
