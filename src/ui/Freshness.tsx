/**
 * How fresh the advice is (issue 16), on the comparison page and in the options: the revision dates of the Privacy
 * Guides pages the advice comes from, in the reader's language (each page in that language where Privacy Guides has
 * it, else English: the pages the attribution lists), the month this project last checked its own claims
 * (curated data: claimsVerified), and a link to Privacy Guides' live page, which may have changed since.
 */
import {t} from '../core/i18n';
import type {Dataset, Language} from '../data/schema';
import {pageDates} from './attribution';
import {formatDay, formatMonth} from './format';

/** The dataset (options) or a language's page data (comparison page): both have these two fields. */
type FreshnessData = Pick<Dataset, 'sources' | 'claimsVerified'>;

export function Freshness({lang, data, id}: {lang: Language; data: FreshnessData; id: string}) {
	const dates = pageDates(lang, data);
	return (
		<section class="freshness" aria-labelledby={`${id}-heading`} id={id}>
			<h2 id={`${id}-heading`}>{t('freshnessHeading')}</h2>
			{dates && (
				<p class="freshness-pages">
					{dates.oldest === dates.newest
						? t('freshnessPagesOne', formatDay(dates.newest, lang))
						: t('freshnessPages', [formatDay(dates.oldest, lang), formatDay(dates.newest, lang)])}
				</p>
			)}
			<p class="freshness-ours">{t('freshnessOurs', formatMonth(data.claimsVerified, lang))}</p>
			{dates && (
				<p class="freshness-check">
					<a href={dates.live} target="_blank" rel="noopener noreferrer">
						{t('freshnessCheck')}
					</a>
				</p>
			)}
		</section>
	);
}
