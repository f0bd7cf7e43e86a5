import {useEffect, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {dataLanguage, t} from '../core/i18n';
import {send} from '../core/messaging';
import {dataset, localize, serviceById} from '../data';

type State = {status: 'loading'} | {status: 'ready'; serviceId: string | null};

export function Popup({tabId}: {tabId: number | null}) {
	const [state, setState] = useState<State>({status: 'loading'});
	const lang = dataLanguage();
	useEffect(() => {
		if (tabId === null) {
			setState({status: 'ready', serviceId: null});
			return;
		}
		send('getTabState', {tabId})
			.then(({serviceId}) => setState({status: 'ready', serviceId}))
			.catch(() => setState({status: 'ready', serviceId: null}));
	}, [tabId]);
	useEffect(() => {
		if (state.status === 'ready') document.body.dataset['ready'] = '1';
	}, [state.status]);

	if (state.status === 'loading') return null;
	const service = state.serviceId ? serviceById(state.serviceId) : undefined;
	return (
		<>
			{service ? (
				<h1 data-service={service.id}>{t('popupDetected', localize(service.name, lang))}</h1>
			) : (
				<p class="muted">{t('popupNeutral')}</p>
			)}
			<h2>{t('popupRecommended')}</h2>
			<ul class="tools">
				{dataset.tools.map((tool) => (
					<li key={tool.id} data-tool={tool.id}>
						<strong>{tool.name}</strong> — {localize(tool.tagline, lang)}
					</li>
				))}
			</ul>
			<footer>
				<a
					href={browser.runtime.getURL('options/index.html')}
					onClick={(event) => {
						event.preventDefault();
						void browser.runtime.openOptionsPage();
					}}
				>
					{t('popupOpenOptions')}
				</a>
			</footer>
		</>
	);
}
