/**
 * The guided move: one page per move (it outlives the popup; a move takes days). The steps in order, each with
 * the concrete choices and who says so, what will not come along, and the person's own ticks, kept in the
 * journey database by the background (ticking here is ticking the options' checklist, and back).
 *
 * Starting a move from a service with an export page asks, in the same click, for that page's host permission
 * (optional, https://host/*): the background then shows a small helper there. Ending the move gives it back.
 */
import {useEffect, useState} from 'preact/hooks';
import {browser} from '../core/browser';
import {dataLanguage, t, type MessageKey} from '../core/i18n';
import type {MovesState, MoveStatus} from '../core/message-map';
import {MOVE_STEPS, movePagePath, type MoveStep} from '../core/moves';
import {comparisonUrl} from '../core/pages';
import {send} from '../core/send';
import {dataset, localize, serviceById, toolById} from '../data';
import {exportOrigin, movePlan, type ShownClaim} from '../data/moves';
import {ExternalLink, SourceLink} from '../ui/advice';
import {useSettings} from '../ui/hooks';
import {toolsForPreference} from '../core/tool-order';

const hostOf = (match: string) => new URL(match.replace(/\*$/, '')).host;

function Claim({claim}: {claim: ShownClaim}) {
	const by = t(`moveBy_${claim.by}` as MessageKey);
	return (
		<li class="claim" data-by={claim.by}>
			{claim.text} <span class="by">({by}</span>
			{claim.source ? (
				<>
					<span class="by">, </span>
					<SourceLink href={claim.source} what={claim.text.slice(0, 60)} />
				</>
			) : null}
			<span class="by">)</span>
		</li>
	);
}

/** The page: the move of `service` to `tool` (the preferred alternative when none is named). */
export function Move({service, tool: requestedTool}: {service: string | null; tool: string | null}) {
	const lang = dataLanguage();
	const [settings] = useSettings();
	const [state, setState] = useState<MovesState | undefined>(undefined);
	const [error, setError] = useState<string | null>(null);
	const [notice, setNotice] = useState<string | null>(null);
	const [chosenTool, setChosenTool] = useState<string | null>(requestedTool);

	useEffect(() => {
		send('getMoves', null)
			.then(setState)
			.catch(() => setState({available: false}));
	}, []);
	const ready = state !== undefined && settings !== null;
	useEffect(() => {
		if (ready) document.body.dataset['ready'] = '1';
	}, [ready]);
	if (!ready) return <p class="muted">{t('popupLoading')}</p>;

	const catalogued = service ? serviceById(service) : undefined;
	const known = service && (catalogued || settings.customSites.includes(service));
	if (!service || !known) return <ServicePicker state={state} />;

	const move = state.available ? state.moves.find((m) => m.service === service) : undefined;
	const tools = toolsForPreference(dataset.tools, settings.preference);
	const toolId =
		move?.tool ?? (chosenTool && toolById(chosenTool) ? chosenTool : (tools[0]?.id ?? dataset.tools[0]!.id));
	const tool = toolById(toolId)!;
	const names = {service: catalogued ? localize(catalogued.name, lang) : service, tool: tool.name};
	const plan = movePlan({service, tool: toolId}, names, lang);
	const origin = plan.exportPage ? exportOrigin(plan.exportPage.match) : undefined;

	const run = async (work: () => Promise<MoveStatus[]>) => {
		setError(null);
		try {
			setState({available: true, moves: await work()});
		} catch (caught) {
			setError(caught instanceof Error ? caught.message : String(caught));
		}
	};
	const start = () => {
		setNotice(null);
		// The permission first, in the click itself (a user gesture is required); a refusal starts the move anyway.
		const asked = origin ? browser.permissions.request({origins: [origin]}).catch(() => false) : Promise.resolve(true);
		void asked.then((granted) => {
			if (origin) setNotice(t(granted ? 'moveHelperOn' : 'moveHelperDenied', hostOf(plan.exportPage!.match)));
			return run(() => send('startMove', {service, tool: toolId}));
		});
	};
	/** A move without its helper (permission refused, or the move came from an imported file): ask again. */
	const allowHelper = () => {
		if (!origin || !move) return;
		void browser.permissions
			.request({origins: [origin]})
			.catch(() => false)
			.then((granted) => {
				setNotice(t(granted ? 'moveHelperOn' : 'moveHelperDenied', hostOf(plan.exportPage!.match)));
				// Starting again keeps the move's steps and start date, and registers the helper now allowed.
				return granted ? run(() => send('startMove', {service, tool: move.tool})) : undefined;
			});
	};
	const tick = (step: MoveStep, done: boolean) => void run(() => send('setMoveStep', {service, step, done}));
	const end = () => {
		setNotice(t('moveEnded'));
		void run(() => send('endMove', {service}));
	};

	return (
		<>
			<header>
				<p class="eyebrow">{t('extName')}</p>
				<h1>{t('moveTitle', [names.service, names.tool])}</h1>
				<p class="muted">{t('moveIntro')}</p>
				{!move && (
					<p class="tool-choice">
						<label for="tool">{t('moveChooseTool')}</label>{' '}
						<select id="tool" value={toolId} onChange={(event) => setChosenTool(event.currentTarget.value)}>
							{tools.map((candidate) => (
								<option key={candidate.id} value={candidate.id}>
									{candidate.name}
								</option>
							))}
						</select>
					</p>
				)}
			</header>
			{!state.available && <p role="alert">{t('moveUnavailable')}</p>}
			{error && <p role="alert">{error}</p>}
			{notice && <p role="status">{notice}</p>}
			{state.available && !move && (
				<section class="start">
					{plan.exportPage && <p>{t('moveStartHelper', hostOf(plan.exportPage.match))}</p>}
					<button type="button" class="primary" onClick={start}>
						{t('moveStart')}
					</button>
				</section>
			)}
			{move && (
				<p class="progress" data-step={move.step ?? 'done'}>
					<strong>
						{move.step ? t('moveProgress', [String(move.step), String(MOVE_STEPS.length)]) : t('moveAllDone')}
					</strong>
				</p>
			)}
			{move && move.helper === false && plan.exportPage && (
				<p class="helper-off">
					{t('moveHelperOff', hostOf(plan.exportPage.match))}{' '}
					<button type="button" id="allow-helper" onClick={allowHelper}>
						{t('moveHelperAllow')}
					</button>
				</p>
			)}
			<section aria-labelledby="steps-heading">
				<h2 id="steps-heading">{t('moveSteps')}</h2>
				<ol class="steps">
					{plan.steps.map(({step, claims}) => {
						const done = move?.done.includes(step) ?? false;
						return (
							<li key={step} data-step={step} class={done ? 'done' : undefined}>
								<h3 id={`step-${step}`}>{t(`moveStep_${step}` as MessageKey)}</h3>
								<ul class="claims">
									{claims.map((claim) => (
										<Claim key={claim.text} claim={claim} />
									))}
								</ul>
								{move && (
									<label class="tick">
										<input
											type="checkbox"
											checked={done}
											aria-describedby={`step-${step}`}
											onChange={(event) => tick(step, event.currentTarget.checked)}
										/>{' '}
										{t('moveStepDone')}
									</label>
								)}
							</li>
						);
					})}
				</ol>
			</section>
			<section aria-labelledby="lost-heading">
				<h2 id="lost-heading">{t('moveNotCarried')}</h2>
				<ul class="claims">
					{plan.notCarried.map((claim) => (
						<Claim key={claim.text} claim={claim} />
					))}
				</ul>
			</section>
			{move && (
				<p class="actions">
					<button type="button" class={move.step === null ? 'primary' : undefined} onClick={end}>
						{move.step === null ? t('moveFinish') : t('moveAbandon')}
					</button>
				</p>
			)}
			<footer class="muted">
				<ExternalLink href={comparisonUrl(null)}>{t('popupCompareAll')}</ExternalLink>
			</footer>
		</>
	);
}

/** No service named (or an unknown one): the moves in progress, and every service to start from. */
function ServicePicker({state}: {state: MovesState}) {
	const lang = dataLanguage();
	const moves = state.available ? state.moves : [];
	return (
		<>
			<header>
				<p class="eyebrow">{t('extName')}</p>
				<h1>{t('moveMissing')}</h1>
			</header>
			{moves.length > 0 && (
				<section aria-labelledby="progress-heading">
					<h2 id="progress-heading">{t('moveInProgress')}</h2>
					<ul>
						{moves.map((move) => (
							<li key={move.service}>
								<a href={browser.runtime.getURL(movePagePath(move.service, move.tool))}>
									{serviceById(move.service) ? localize(serviceById(move.service)!.name, lang) : move.service}
								</a>{' '}
								{move.step ? t('moveProgress', [String(move.step), String(MOVE_STEPS.length)]) : t('moveAllDone')}
							</li>
						))}
					</ul>
				</section>
			)}
			<section aria-labelledby="services-heading">
				<h2 id="services-heading">{t('moveChooseService')}</h2>
				<ul class="services">
					{dataset.services.map((service) => (
						<li key={service.id}>
							<a href={browser.runtime.getURL(movePagePath(service.id))}>{localize(service.name, lang)}</a>
						</li>
					))}
				</ul>
			</section>
		</>
	);
}
