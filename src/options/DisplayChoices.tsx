/** Which alternatives to suggest (cloud, self-hosted or both), the theme and the language of every surface. */
import {t, type MessageKey} from '../core/i18n';
import {directionOf, LANGUAGE_NAMES, LANGUAGES} from '../core/languages';
import {LANGUAGE_SETTINGS, PREFERENCES, THEMES, type Settings} from '../core/settings';
import {Status, useSettingsStatus} from './Status';

const PREFERENCE_LABELS = {
	both: 'optionsPreferenceBoth',
	cloud: 'optionsPreferenceCloud',
	'self-hosted': 'optionsPreferenceSelfHosted',
} as const;
const THEME_LABELS = {auto: 'optionsThemeAuto', light: 'optionsThemeLight', dark: 'optionsThemeDark'} as const;

/** One radio button per value, each labelled, in a fieldset named `name`. */
function Choice<V extends string>({
	name,
	legend,
	values,
	labels,
	value,
	onChange,
}: {
	name: string;
	legend: string;
	values: readonly V[];
	labels: Record<V, MessageKey>;
	value: V;
	onChange: (value: V) => void;
}) {
	return (
		<fieldset>
			<legend>{legend}</legend>
			{values.map((choice) => (
				<p class="check" key={choice}>
					<input
						type="radio"
						name={name}
						id={`${name}-${choice}`}
						value={choice}
						checked={value === choice}
						onChange={() => onChange(choice)}
					/>
					<label for={`${name}-${choice}`}>{t(labels[choice])}</label>
				</p>
			))}
		</fieldset>
	);
}

type Props = {settings: Settings; onSettings: (settings: Settings) => void};

export function DisplayChoices({settings, onSettings}: Props) {
	const {status, save} = useSettingsStatus(onSettings);
	return (
		<section aria-labelledby="choices-heading">
			<h2 id="choices-heading">{t('optionsDisplayHeading')}</h2>
			<Choice
				name="preference"
				legend={t('optionsPreferenceLegend')}
				values={PREFERENCES}
				labels={PREFERENCE_LABELS}
				value={settings.preference}
				onChange={(preference) => save({preference})}
			/>
			<Choice
				name="theme"
				legend={t('optionsThemeLegend')}
				values={THEMES}
				labels={THEME_LABELS}
				value={settings.theme}
				onChange={(theme) => save({theme})}
			/>
			<p class="field">
				<label for="language">{t('optionsLanguageLabel')}</label>
				<select
					id="language"
					value={settings.language}
					aria-describedby="language-hint"
					onChange={(event) => {
						const language = LANGUAGE_SETTINGS.find((value) => value === event.currentTarget.value);
						if (language && language !== settings.language) save({language});
					}}
				>
					<option value="auto">{t('optionsLanguageAuto')}</option>
					{/* Each language in its own name and script, so that anyone finds theirs. */}
					{LANGUAGES.map((lang) => (
						<option key={lang} value={lang} lang={lang} dir={directionOf(lang)}>
							{LANGUAGE_NAMES[lang]}
						</option>
					))}
				</select>
			</p>
			<p id="language-hint" class="hint">
				{t('optionsLanguageHint')}
			</p>
			<Status id="choices-status" text={status} />
		</section>
	);
}
