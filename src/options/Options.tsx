import {useEffect, useState} from 'preact/hooks';
import {t} from '../core/i18n';
import {send} from '../core/messaging';
import type {Settings, SettingsPatch} from '../core/settings';

export function Options() {
	const [settings, setSettings] = useState<Settings | null>(null);
	const [status, setStatus] = useState('');

	useEffect(() => {
		send('getSettings', null)
			.then(setSettings)
			.catch((error: unknown) => setStatus(t('optionsSaveFailed', String(error))));
	}, []);
	useEffect(() => {
		if (settings) document.body.dataset['ready'] = '1';
	}, [settings]);

	async function update(patch: SettingsPatch) {
		try {
			setSettings(await send('updateSettings', patch));
			setStatus(t('optionsSaved'));
		} catch (error) {
			setStatus(t('optionsSaveFailed', error instanceof Error ? error.message : String(error)));
		}
	}

	return (
		<>
			<h1>{t('optionsTitle')}</h1>
			{settings && (
				<label class="check">
					<input
						type="checkbox"
						id="banner-enabled"
						checked={settings.bannerEnabled}
						onChange={(event) => void update({bannerEnabled: event.currentTarget.checked})}
					/>
					{t('optionsBannerEnabled')}
				</label>
			)}
			<p role="status">{status}</p>
		</>
	);
}
