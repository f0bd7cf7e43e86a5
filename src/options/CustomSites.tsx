/**
 * The person's own sites. Adding one validates what was typed (core/custom-sites.ts), then asks the
 * browser for that one site's permission in the same click (permissions.request must be called from
 * the click itself, before any await), then has the background register the content script. A site
 * whose permission is missing (refused in the browser's UI, or imported from a file) stays listed as
 * "no access", with a button to grant it.
 */
import {useRef, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {customSiteErrorText, customSitePattern, parseCustomSite} from '../core/custom-sites';
import {t} from '../core/i18n';
import type {CustomSiteStatus} from '../core/messages';
import {send} from '../core/messaging';
import {catalogueHosts, errorText, Status} from './shared';

/** Asks for a host's permission. Must be called synchronously from a click or submit handler. */
function requestAccess(host: string): Promise<boolean> {
	return browser.permissions.request({origins: [customSitePattern(host)]}).catch(() => false);
}

export function CustomSites({sites, onChange}: {sites: CustomSiteStatus[]; onChange: (sites: CustomSiteStatus[]) => void}) {
	const [input, setInput] = useState('');
	const [error, setError] = useState('');
	const [status, setStatus] = useState('');
	const inputRef = useRef<HTMLInputElement>(null);

	function add(event: Event) {
		event.preventDefault();
		const result = parseCustomSite(input, catalogueHosts(), sites.map((site) => site.host));
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
				setError(errorText(failure));
			}
		})();
	}

	function allow(host: string) {
		const access = requestAccess(host);
		void (async () => {
			const granted = await access;
			try {
				onChange(await send('getCustomSites', null));
				setStatus(granted ? t('customSiteAllowed', host) : t('customSiteDenied', host));
			} catch (failure) {
				setStatus(t('optionsSaveFailed', errorText(failure)));
			}
		})();
	}

	async function remove(host: string) {
		try {
			onChange(await send('removeCustomSite', {host}));
			setStatus(t('customSiteRemoved', host));
			inputRef.current?.focus();
		} catch (failure) {
			setStatus(t('optionsSaveFailed', errorText(failure)));
		}
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
			{sites.length === 0 ? (
				<p class="muted">{t('customSitesEmpty')}</p>
			) : (
				<ul class="rows" id="custom-site-list" aria-labelledby="custom-heading">
					{sites.map(({host, granted}) => (
						<li key={host} data-host={host} data-granted={granted ? '1' : '0'}>
							<span>
								<span class="host">{host}</span> <span class={granted ? 'badge ok' : 'badge warn'}>{granted ? t('customSiteActive') : t('customSiteNoAccess')}</span>
							</span>
							<span class="buttons">
								{!granted && (
									<button type="button" aria-label={t('customSiteAllowNamed', host)} onClick={() => allow(host)}>
										{t('customSiteAllow')}
									</button>
								)}
								<button type="button" aria-label={t('customSiteRemoveNamed', host)} onClick={() => void remove(host)}>
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
