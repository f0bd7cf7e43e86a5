/**
 * What Privacy Guides changed between two revisions of one page, computed from the importer's page
 * models (scripts/privacyguides/parse.ts `importPage`), never from a text diff: a reflowed paragraph or
 * an edited comment is no change; a tool added or removed, a link, a download, an audit, a criterion's
 * wording, a threat tag, a threat's definition is one. Each change names its subject, so that
 * review.ts can tell which of our claims it concerns.
 */
import {
	importPage,
	type ImportedCriteriaPage,
	type ImportedPage,
	type ImportedThreatsPage,
} from '../../privacyguides/parse';
import type {ImportedTool} from '../../privacyguides/types';

type ChangeSubject =
	/** A tool's card: names are its bold name and its heading (either may be translated or misspelt). */
	| {kind: 'tool'; names: readonly string[]}
	/** A criterion of the page's criteria section, by level and position. */
	| {kind: 'criterion'; level: 'minimum' | 'best-case'; index: number}
	| {kind: 'threat-tags'}
	| {kind: 'intro'}
	| {kind: 'title'}
	/** A threat's definition on the common-threats page, by its name on the older page. */
	| {kind: 'definition'; name: string}
	/** Anything else on the page (the general-criteria page's priorities and sections). */
	| {kind: 'page'};

type ChangeKind =
	| 'tool-added'
	| 'tool-removed'
	| 'link-added'
	| 'link-removed'
	| 'link-changed'
	| 'download-added'
	| 'download-removed'
	| 'download-changed'
	| 'audit-added'
	| 'audit-removed'
	| 'summary-changed'
	| 'criterion-added'
	| 'criterion-removed'
	| 'criterion-reworded'
	| 'threat-tag-added'
	| 'threat-tag-removed'
	| 'threat-tag-renamed'
	| 'intro-changed'
	| 'title-changed'
	| 'definition-added'
	| 'definition-removed'
	| 'definition-changed'
	| 'section-changed';

export interface PageChange {
	kind: ChangeKind;
	subject: ChangeSubject;
	/** One line for the report, e.g. `Ente Photos: privacy policy link changed: https://a → https://b`. */
	text: string;
}

const LINK_NAMES: Readonly<Record<string, string>> = {
	homepage: 'homepage',
	privacyPolicy: 'privacy policy',
	documentation: 'documentation',
	sourceCode: 'source code',
	contribute: 'contribute',
};

const quote = (text: string) => `“${text}”`;

function anchorOf(url: string): string {
	return url.includes('#') ? url.slice(url.indexOf('#') + 1) : url;
}

/** The links of the notes after a card that speak of an audit (as scripts/data/build-dataset.ts reads them). */
function auditLinks(tool: ImportedTool): string[] {
	return [
		...new Set(
			tool.notes.filter((note) => /audit/i.test(note.text)).flatMap((note) => note.links.map((link) => link.url)),
		),
	];
}

function toolNames(tool: ImportedTool): string[] {
	return [...new Set([tool.name, ...(tool.heading ? [tool.heading.at(-1)!] : [])])];
}

/** Tools matched by bold name, else by heading: a card renamed on one side but not the other still pairs. */
function pairTools(before: readonly ImportedTool[], after: readonly ImportedTool[]) {
	const key = (name: string) => name.trim().toLowerCase();
	const pairs: [ImportedTool, ImportedTool][] = [];
	const left = [...after];
	const removed: ImportedTool[] = [];
	for (const old of before) {
		const names = toolNames(old).map(key);
		const i = left.findIndex((tool) => toolNames(tool).some((name) => names.includes(key(name))));
		if (i === -1) removed.push(old);
		else pairs.push([old, left.splice(i, 1)[0]!]);
	}
	return {pairs, removed, added: left};
}

function compareTools(before: ImportedPage, after: ImportedPage): PageChange[] {
	const changes: PageChange[] = [];
	const {pairs, removed, added} = pairTools(before.tools, after.tools);
	for (const tool of removed)
		changes.push({
			kind: 'tool-removed',
			subject: {kind: 'tool', names: toolNames(tool)},
			text: `${tool.name}: no longer on the page`,
		});
	for (const tool of added)
		changes.push({kind: 'tool-added', subject: {kind: 'tool', names: toolNames(tool)}, text: `${tool.name}: added`});
	for (const [old, now] of pairs) {
		const subject = {kind: 'tool', names: [...new Set([...toolNames(old), ...toolNames(now)])]} as const;
		const name = now.name;
		const keys = [...new Set([...Object.keys(old.links), ...Object.keys(now.links)])];
		for (const key of keys) {
			const a = old.links[key];
			const b = now.links[key];
			const label = LINK_NAMES[key] ?? key;
			if (a === b) continue;
			if (a === undefined) changes.push({kind: 'link-added', subject, text: `${name}: ${label} link added: ${b}`});
			else if (b === undefined)
				changes.push({kind: 'link-removed', subject, text: `${name}: ${label} link removed (was ${a})`});
			else changes.push({kind: 'link-changed', subject, text: `${name}: ${label} link changed: ${a} → ${b}`});
		}
		// Downloads by icon (the platform; labels are translated), in order when an icon repeats.
		const byIcon = (tool: ImportedTool) => {
			const seen = new Map<string, number>();
			return new Map(
				tool.downloads.map((download) => {
					const n = (seen.get(download.icon) ?? 0) + 1;
					seen.set(download.icon, n);
					return [n === 1 ? download.icon : `${download.icon} #${n}`, download] as const;
				}),
			);
		};
		const oldDownloads = byIcon(old);
		const newDownloads = byIcon(now);
		for (const [icon, download] of oldDownloads) {
			const next = newDownloads.get(icon);
			if (!next)
				changes.push({
					kind: 'download-removed',
					subject,
					text: `${name}: download ${icon} removed (was ${download.url})`,
				});
			else if (next.url !== download.url)
				changes.push({
					kind: 'download-changed',
					subject,
					text: `${name}: download ${icon} changed: ${download.url} → ${next.url}`,
				});
		}
		for (const [icon, download] of newDownloads) {
			if (!oldDownloads.has(icon))
				changes.push({kind: 'download-added', subject, text: `${name}: download ${icon} added: ${download.url}`});
		}
		const oldAudits = auditLinks(old);
		const newAudits = auditLinks(now);
		for (const url of newAudits)
			if (!oldAudits.includes(url)) changes.push({kind: 'audit-added', subject, text: `${name}: audit added: ${url}`});
		for (const url of oldAudits)
			if (!newAudits.includes(url))
				changes.push({kind: 'audit-removed', subject, text: `${name}: audit removed: ${url}`});
		if (old.summary !== now.summary)
			changes.push({
				kind: 'summary-changed',
				subject,
				text: `${name}: description reworded: ${quote(old.summary)} → ${quote(now.summary)}`,
			});
	}
	return changes;
}

function compareCriteria(before: ImportedPage, after: ImportedPage): PageChange[] {
	const changes: PageChange[] = [];
	for (const level of ['minimum', 'best-case'] as const) {
		const key = level === 'minimum' ? 'minimum' : 'bestCase';
		const a = before.criteria[key];
		const b = after.criteria[key];
		for (let index = 0; index < Math.max(a.length, b.length); index++) {
			const subject = {kind: 'criterion', level, index} as const;
			const where = `${level} criterion ${index + 1}`;
			const old = a[index];
			const now = b[index];
			if (old === now) continue;
			if (old === undefined) changes.push({kind: 'criterion-added', subject, text: `${where} added: ${quote(now!)}`});
			else if (now === undefined)
				changes.push({kind: 'criterion-removed', subject, text: `${where} removed: ${quote(old)}`});
			else
				changes.push({kind: 'criterion-reworded', subject, text: `${where} reworded: ${quote(old)} → ${quote(now)}`});
		}
	}
	return changes;
}

function compareThreatTags(before: ImportedPage, after: ImportedPage): PageChange[] {
	const changes: PageChange[] = [];
	const subject = {kind: 'threat-tags'} as const;
	const oldTags = new Map(before.threats.map((tag) => [anchorOf(tag.url), tag]));
	const newTags = new Map(after.threats.map((tag) => [anchorOf(tag.url), tag]));
	for (const [anchor, tag] of newTags) {
		const old = oldTags.get(anchor);
		if (!old) changes.push({kind: 'threat-tag-added', subject, text: `threat tag added: ${tag.label} (#${anchor})`});
		else if (old.label !== tag.label)
			changes.push({
				kind: 'threat-tag-renamed',
				subject,
				text: `threat tag #${anchor} renamed: ${quote(old.label)} → ${quote(tag.label)}`,
			});
	}
	for (const [anchor, tag] of oldTags)
		if (!newTags.has(anchor))
			changes.push({kind: 'threat-tag-removed', subject, text: `threat tag removed: ${tag.label} (#${anchor})`});
	return changes;
}

function compareCategoryPages(before: ImportedPage, after: ImportedPage): PageChange[] {
	const changes: PageChange[] = [];
	if (before.intro !== after.intro)
		changes.push({
			kind: 'intro-changed',
			subject: {kind: 'intro'},
			text: `introduction reworded: ${quote(before.intro)} → ${quote(after.intro)}`,
		});
	changes.push(...compareThreatTags(before, after), ...compareTools(before, after), ...compareCriteria(before, after));
	return changes;
}

function compareThreatsPages(before: ImportedThreatsPage, after: ImportedThreatsPage): PageChange[] {
	const changes: PageChange[] = [];
	const oldDefs = new Map(before.definitions.map((d) => [d.icon, d]));
	const newDefs = new Map(after.definitions.map((d) => [d.icon, d]));
	for (const [icon, old] of oldDefs) {
		const subject = {kind: 'definition', name: old.name} as const;
		const now = newDefs.get(icon);
		if (!now) changes.push({kind: 'definition-removed', subject, text: `threat ${quote(old.name)} removed`});
		else {
			if (now.name !== old.name)
				changes.push({
					kind: 'definition-changed',
					subject,
					text: `threat ${quote(old.name)} renamed ${quote(now.name)}`,
				});
			if (now.explanation !== old.explanation)
				changes.push({
					kind: 'definition-changed',
					subject,
					text: `threat ${quote(old.name)}: definition reworded: ${quote(old.explanation)} → ${quote(now.explanation)}`,
				});
		}
	}
	for (const [icon, now] of newDefs)
		if (!oldDefs.has(icon))
			changes.push({
				kind: 'definition-added',
				subject: {kind: 'definition', name: now.name},
				text: `threat ${quote(now.name)} added`,
			});
	return changes;
}

function compareCriteriaPages(before: ImportedCriteriaPage, after: ImportedCriteriaPage): PageChange[] {
	const changes: PageChange[] = [];
	const subject = {kind: 'page'} as const;
	const pairs = (
		a: readonly {key: string; text: string}[],
		b: readonly {key: string; text: string}[],
		what: string,
	) => {
		const old = new Map(a.map((x) => [x.key, x.text]));
		const now = new Map(b.map((x) => [x.key, x.text]));
		for (const [key, text] of old) {
			const next = now.get(key);
			if (next === undefined) changes.push({kind: 'section-changed', subject, text: `${what} ${quote(key)} removed`});
			else if (next !== text)
				changes.push({
					kind: 'section-changed',
					subject,
					text: `${what} ${quote(key)} reworded: ${quote(text)} → ${quote(next)}`,
				});
		}
		for (const key of now.keys())
			if (!old.has(key)) changes.push({kind: 'section-changed', subject, text: `${what} ${quote(key)} added`});
	};
	pairs(
		before.priorities.map((p) => ({key: p.name, text: p.text})),
		after.priorities.map((p) => ({key: p.name, text: p.text})),
		'priority',
	);
	const section = (s: ImportedCriteriaPage['sections'][number]) => ({
		key: s.heading,
		text: [s.text, ...s.items.map((item) => `- ${item}`)].join('\n'),
	});
	pairs(before.sections.map(section), after.sections.map(section), 'section');
	if (before.intro !== after.intro)
		changes.push({
			kind: 'section-changed',
			subject,
			text: `introduction reworded: ${quote(before.intro)} → ${quote(after.intro)}`,
		});
	return changes;
}

/** Imports a page (throws the importer's FILE:LINE: error when it cannot). */
export function importForComparison(markdown: string, file: string, lang: string, pagePath: string) {
	return importPage(markdown, {file, lang, pagePath});
}

/** Every change between two revisions of one page, as the importer reads them. Empty when the models are equal. */
export function comparePages(
	before: ReturnType<typeof importForComparison>,
	after: ReturnType<typeof importForComparison>,
): PageChange[] {
	const changes: PageChange[] = [];
	if (before.page.title !== after.page.title)
		changes.push({
			kind: 'title-changed',
			subject: {kind: 'title'},
			text: `title changed: ${quote(before.page.title)} → ${quote(after.page.title)}`,
		});
	if (before.kind === 'category' && after.kind === 'category')
		changes.push(...compareCategoryPages(before.page as ImportedPage, after.page as ImportedPage));
	else if (before.kind === 'threats' && after.kind === 'threats')
		changes.push(...compareThreatsPages(before.page as ImportedThreatsPage, after.page as ImportedThreatsPage));
	else if (before.kind === 'criteria' && after.kind === 'criteria')
		changes.push(...compareCriteriaPages(before.page as ImportedCriteriaPage, after.page as ImportedCriteriaPage));
	return changes;
}
