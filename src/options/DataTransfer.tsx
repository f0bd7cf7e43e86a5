/**
 * Export and import. Export asks the background for the backup (core/backup.ts) and saves it through a
 * Blob and a download link (no "downloads" permission). Import reads the chosen file here, checks all
 * of it (size, JSON, format, version, every field) and only then sends it; on any problem it says what
 * is wrong and nothing changes.
 */
import {useState} from 'preact/hooks';
import {errorMessage} from '../core/errors';
import {
	MAX_BACKUP_BYTES,
	parseBackup,
	type BackupError,
	type BackupPart,
	type MoveCatalogue,
	type MoveProblem,
} from '../core/backup';
import {localDay} from '../core/journey';
import {t} from '../core/i18n';
import {send} from '../core/send';
import type {CustomSiteStatus} from '../core/message-map';
import {catalogueHosts, screenCustomSites, type DroppedSite} from '../core/custom-sites';
import {serviceById, toolById} from '../data';
import {Status} from './Status';

/** Each invalid part in the person's words, never a field name of the file. */
const PART_LABELS = {
	version: 'importPartVersion',
	exportedAt: 'importPartExportDate',
	settings: 'importPartSettings',
	journey: 'importPartJourney',
	structure: 'importPartStructure',
} as const satisfies Record<BackupPart, string>;

/** What is wrong with a move of the file, in the person's words. */
const MOVE_PROBLEMS = {
	service: 'importMoveService',
	tool: 'importMoveTool',
	started: 'importMoveStarted',
	done: 'importMoveDone',
	duplicate: 'importMoveDuplicate',
	structure: 'importMoveStructure',
} as const satisfies Record<MoveProblem, string>;

/** A move may name a catalogued service (or one of the file's own sites) and a catalogued alternative. */
const MOVE_CATALOGUE: MoveCatalogue = {
	service: (key) => serviceById(key) !== undefined,
	tool: (id) => toolById(id) !== undefined,
};

function importErrorText(error: BackupError): string {
	switch (error.code) {
		case 'too-large':
			return t('importErrorTooLarge');
		case 'not-json':
			return t('importErrorNotJson');
		case 'foreign':
			return t('importErrorForeign');
		case 'newer':
			return t('importErrorNewer');
		case 'invalid':
			return t('importErrorInvalid', t(PART_LABELS[error.part]));
		case 'invalid-move':
			return t('importErrorMove', [
				String(error.row),
				error.service ?? t('importMoveNoService'),
				t(MOVE_PROBLEMS[error.problem]),
			]);
		case 'too-many-moves':
			return t('importErrorTooManyMoves');
	}
}

/** `onImported` shows the imported state and resolves with the custom sites as they now stand. */
export function DataTransfer({onImported}: {onImported: () => Promise<CustomSiteStatus[]>}) {
	const [status, setStatus] = useState('');
	/** The file's sites that the rules of "Add site" refused at the last import, each with its reason. */
	const [dropped, setDropped] = useState<DroppedSite[]>([]);

	async function exportFile() {
		try {
			const backup = await send('exportData', null);
			const name = `photo-privacy-advisor-${localDay(Date.now())}.json`;
			const url = URL.createObjectURL(new Blob([`${JSON.stringify(backup, null, 2)}\n`], {type: 'application/json'}));
			const link = document.createElement('a');
			link.href = url;
			link.download = name;
			link.hidden = true;
			document.body.append(link);
			link.click();
			link.remove();
			setTimeout(() => URL.revokeObjectURL(url), 60_000);
			setStatus(t('dataExported', name));
		} catch (error) {
			setStatus(t('dataExportFailed', errorMessage(error)));
		}
	}

	async function importFile(input: HTMLInputElement) {
		const file = input.files?.[0];
		input.value = ''; // choosing the same file again fires "change" again
		if (!file) return;
		setDropped([]);
		if (file.size > MAX_BACKUP_BYTES) {
			setStatus(t('importErrorTooLarge'));
			return;
		}
		let text: string;
		try {
			text = await file.text();
		} catch {
			setStatus(t('importErrorRead'));
			return;
		}
		// Every site of the file goes through the rules of "Add site"; the refused ones are listed after the import.
		const result = parseBackup(text, (sites) => screenCustomSites(sites, catalogueHosts()), MOVE_CATALOGUE);
		if (!result.ok) {
			setStatus(importErrorText(result.error));
			return;
		}
		try {
			await send('importData', result.backup);
		} catch (error) {
			setStatus(t('importFailed', errorMessage(error)));
			return;
		}
		setDropped(result.droppedSites ?? []);
		// The import is done: a page that then fails to show it must not say that nothing changed.
		try {
			const sites = await onImported();
			// A browser's permissions do not travel in a file: sites it has not given access to yet wait above.
			setStatus(sites.some((site) => !site.granted) ? t('dataImportedWithSites') : t('dataImported'));
		} catch (error) {
			setStatus(t('dataImportedReloadFailed', errorMessage(error)));
		}
	}

	return (
		<section aria-labelledby="data-heading">
			<h2 id="data-heading">{t('dataHeading')}</h2>
			<p>{t('dataIntro')}</p>
			<p class="buttons">
				<button type="button" id="data-export" onClick={() => void exportFile()}>
					{t('dataExport')}
				</button>
				<label class="file-button">
					<span>{t('dataImport')}</span>
					<input
						type="file"
						id="data-import"
						accept="application/json,.json"
						onChange={(event) => void importFile(event.currentTarget)}
					/>
				</label>
			</p>
			<Status id="data-status" text={status} />
			{dropped.length > 0 && (
				<div class="notice" id="import-dropped">
					<p id="import-dropped-heading">{t('importSitesDropped', String(dropped.length))}</p>
					<ul aria-labelledby="import-dropped-heading">
						{dropped.map(({host, reason}, index) => (
							<li key={`${index}:${host}`} data-host={host}>
								{t('importSiteDroppedRow', [host, reason])}
							</li>
						))}
					</ul>
				</div>
			)}
		</section>
	);
}
