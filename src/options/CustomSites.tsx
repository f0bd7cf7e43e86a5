/**
 * The person's own sites. Adding one validates what was typed (core/custom-sites.ts), then asks the
 * browser for that one site's permission in the same click (permissions.request must be called from
 * the click itself, before any await), then has the background register the content script. A site
 * whose permission is missing (refused in the browser's UI, or imported from a file) stays listed as
 * "no access", with a button to grant it; when several are (after an import), "Allow all" asks for all of
 * them in one prompt. If the background then refuses the site, its permission is given back: no access
 * is left behind without a row to remove it.
 */
import {useLayoutEffect, useRef, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {errorMessage} from '../core/errors';
import {catalogueHosts, customSiteErrorText, customSitePattern, parseCustomSite} from '../core/custom-sites';
import {t} from '../core/i18n';
import type {CustomSiteStatus} from '../core/message-map';
import {send} from '../core/send';
import {saveFailedText, Status, useStatus} from './Status';

/** Asks for the hosts' permission, in one prompt. Must be called synchronously from a click or submit handler. */
function requestAccess(...hosts: string[]): Promise<boolean> {
	return browser.permissions.request({origins: hosts.map(customSitePattern)}).catch(() => false);
}

/** `allowing` for "Allow all" (hosts are lowercase names, never this). */
const ALL = '*';

type Props = {
	/** null when the list could not be loaded: `loadError` says why. */
	sites: CustomSiteStatus[] | null;
	loadError?: string;
	onChange: (sites: CustomSiteStatus[]) => void;
};

export function CustomSites({sites, loadError = '', onChange}: Props) {
	const [input, setInput] = useState('');
	const [error, setError] = useState('');
	const {status, setStatus, attempt} = useStatus();
	const inputRef = useRef<HTMLInputElement>(null);
	const listRef = useRef<HTMLUListElement>(null);
	/**
	 * The latest click on "Allow" (its host) or "Allow all" (ALL): once access is granted that button goes,
	 * and focus moves to the row's "Remove" (for "Allow all", the first row's first button). Each click is
	 * its own object, so a slower answer to an earlier click never cancels a later one.
	 */
	const allowing = useRef<{host: string} | null>(null);
	const forget = (intent: {host: string}) => {
		if (allowing.current === intent) allowing.current = null;
	};

	useLayoutEffect(() => {
		const host = allowing.current?.host;
		if (host === undefined) return;
		const list = listRef.current;
		const row = host === ALL ? null : list?.querySelector(`li[data-host="${host}"]`);
		if (host === ALL ? document.getElementById('custom-sites-allow-all') : row?.querySelector('[data-action="allow"]'))
			return; // not granted (yet): focus stays
		allowing.current = null;
		const focus = document.activeElement;
		if (focus && focus !== document.body && focus.isConnected) return; // the person has moved on
		const next =
			host === ALL
				? list?.querySelector<HTMLElement>('button')
				: row?.querySelector<HTMLElement>('[data-action="remove"]');
		(next ?? inputRef.current)?.focus();
	});

	if (sites === null) {
		return (
			<section aria-labelledby="custom-heading">
				<h2 id="custom-heading">{t('customSitesHeading')}</h2>
				<p class="notice" id="custom-sites-unavailable" role="status">
					{t('customSitesLoadFailed', loadError)}
				</p>
			</section>
		);
	}

	const missing = sites.filter((site) => !site.granted).map((site) => site.host);

	function add(event: Event) {
		event.preventDefault();
		const result = parseCustomSite(
			input,
			catalogueHosts(),
			(sites ?? []).map((site) => site.host),
		);
		if (!result.ok) {
			setError(customSiteErrorText(result.error));
			setStatus('');
			inputRef.current?.focus();
			return;
		}
		const {host} = result;
		setError('');
		const access = requestAccess(host); // in the submit event itself: the browser's prompt needs it
		void (async () => {
			if (!(await access)) {
				setStatus(t('customSiteDenied', host));
				return;
			}
			try {
				onChange(await send('addCustomSite', {site: host}));
				setInput('');
				setStatus(t('customSiteAdded', host));
			} catch (failure) {
				setError(errorMessage(failure));
				await giveBackAccess(host);
			}
		})();
	}

	/**
	 * The background refused a site whose permission was just granted: give the permission back, unless
	 * the site is listed after all (added meanwhile from another tab), where "Remove" can take it back.
	 */
	async function giveBackAccess(host: string) {
		const listed = await send('getCustomSites', null).catch(() => null);
		if (listed) onChange(listed);
		if (listed?.some((site) => site.host === host)) return;
		await browser.permissions.remove({origins: [customSitePattern(host)]}).catch(() => false);
	}

	/**
	 * Asks for `hosts` in one prompt, then reads the list back: what it says is what the browser really
	 * granted, whatever the prompt answered.
	 */
	function grant(hosts: string[], target: string) {
		const access = requestAccess(...hosts);
		const intent = {host: target};
		allowing.current = intent;
		void (async () => {
			const answered = await access;
			try {
				const next = await send('getCustomSites', null);
				const granted = answered ? hosts.filter((host) => next.some((site) => site.host === host && site.granted)) : [];
				if (granted.length === 0) forget(intent); // the button stays, and focus with it
				onChange(next);
				if (granted.length === 0)
					setStatus(hosts.length === 1 ? t('customSiteDenied', hosts[0]) : t('customSitesDeniedAll'));
				else if (granted.length === 1) setStatus(t('customSiteAllowed', granted[0]));
				else setStatus(t('customSitesAllowedAll', String(granted.length)));
			} catch (failure) {
				forget(intent);
				setStatus(saveFailedText(failure));
			}
		})();
	}

	function allow(host: string) {
		grant([host], host);
	}

	/** One prompt for every site without access (a file brings sites, never the browser's permission). */
	function allowAll(hosts: string[]) {
		grant(hosts, ALL);
	}

	async function remove(host: string) {
		if (await attempt(async () => onChange(await send('removeCustomSite', {host})), t('customSiteRemoved', host)))
			inputRef.current?.focus();
	}

	return (
		<section aria-labelledby="custom-heading">
			<h2 id="custom-heading">{t('customSitesHeading')}</h2>
			<p>{t('customSitesIntro')}</p>
			<form class="add-site" onSubmit={add} noValidate>
				<label for="custom-site">{t('customSiteLabel')}</label>
				<span class="inline">
					<input
						type="text"
						id="custom-site"
						ref={inputRef}
						value={input}
						spellcheck={false}
						autocomplete="off"
						autoCapitalize="none"
						aria-invalid={error ? 'true' : undefined}
						aria-describedby={error ? 'custom-site-error custom-site-hint' : 'custom-site-hint'}
						onInput={(event) => setInput(event.currentTarget.value)}
					/>
					<button type="submit" id="custom-site-add">
						{t('customSiteAdd')}
					</button>
				</span>
				<span id="custom-site-hint" class="hint">
					{t('customSiteHint')}
				</span>
				{error && (
					<span id="custom-site-error" class="hint error">
						{error}
					</span>
				)}
			</form>
			{missing.length > 1 && (
				<p class="inline notice" id="custom-sites-missing-row">
					<span id="custom-sites-missing">{t('customSitesMissing', String(missing.length))}</span>
					<button
						type="button"
						id="custom-sites-allow-all"
						aria-describedby="custom-sites-missing"
						onClick={() => allowAll(missing)}
					>
						{t('customSitesAllowAll')}
					</button>
				</p>
			)}
			{sites.length === 0 ? (
				<p class="muted">{t('customSitesEmpty')}</p>
			) : (
				<ul class="rows" id="custom-site-list" aria-labelledby="custom-heading" ref={listRef}>
					{sites.map(({host, granted}) => (
						<li key={host} data-host={host} data-granted={granted ? '1' : '0'}>
							<span>
								<span class="host">{host}</span>{' '}
								<span class={granted ? 'badge ok' : 'badge warn'}>
									{granted ? t('customSiteActive') : t('customSiteNoAccess')}
								</span>
							</span>
							<span class="buttons">
								{!granted && (
									<button
										type="button"
										data-action="allow"
										aria-label={t('customSiteAllowNamed', host)}
										onClick={() => allow(host)}
									>
										{t('customSiteAllow')}
									</button>
								)}
								<button
									type="button"
									data-action="remove"
									aria-label={t('customSiteRemoveNamed', host)}
									onClick={() => void remove(host)}
								>
									{t('customSiteRemove')}
								</button>
							</span>
						</li>
					))}
				</ul>
			)}
			<Status id="custom-status" text={error ? error : status} quiet={Boolean(error)} />
		</section>
	);
}
