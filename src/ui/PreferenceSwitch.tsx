import {t, type MessageKey} from '../core/i18n';
import {PREFERENCES, type Settings} from '../core/settings-defaults';

const LABELS: Record<Settings['preference'], MessageKey> = {
	both: 'preferenceBoth',
	cloud: 'preferenceCloud',
	'self-hosted': 'preferenceSelfHosted',
};

/** "A cloud service" / "I host my own" / "Both": reorders and filters the advice; stored in the settings. */
export function PreferenceSwitch({
	value,
	onChange,
	name = 'preference',
}: {
	value: Settings['preference'];
	onChange: (value: Settings['preference']) => void;
	name?: string;
}) {
	return (
		<fieldset class="preference">
			<legend>{t('preferenceLegend')}</legend>
			{(['cloud', 'self-hosted', 'both'] as const)
				.filter((p) => PREFERENCES.includes(p))
				.map((preference) => (
					<label key={preference}>
						<input
							type="radio"
							name={name}
							value={preference}
							checked={value === preference}
							onChange={() => onChange(preference)}
						/>{' '}
						{t(LABELS[preference])}
					</label>
				))}
		</fieldset>
	);
}
