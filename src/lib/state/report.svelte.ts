import { rules, serverDay } from '$lib/credits';
import { m } from '$lib/i18n/studio';
import { classify, messageOf } from '$lib/sync';
import { account } from './account.svelte';
import { downloadCsv, downloadXlsx, safeFileName, type Table } from './export';

export type { Table };
import { storage } from './storage.svelte';

/** One member of a branch, as the report has them (pocketbase/pb_hooks/lib/report.js). */
export interface ReportMember {
	id: string;
	name: string;
	role: string;
	required: { done: number; total: number };
	pointsMonth: number;
	pointsAll: number;
	/** Their latest own event (ISO 8601), or null if they never studied. */
	lastActive: string | null;
}

/** A branch at a glance, for its secretary or the organisation's admin. */
export interface BranchReport {
	branch: { id: string; name: string };
	/** Period keys: `m2026-11`, `w2026-47`. */
	month: string;
	week: string;
	members: ReportMember[];
	/** Assigned or studied lessons, least completed first. */
	lessons: {
		lessonId: string;
		title: string;
		assigned: boolean;
		due: string | null;
		completed: number;
		of: number;
	}[];
	/** The questions the branch misses most, most often wrong first. */
	missed: {
		lessonId: string;
		lessonTitle: string;
		questionId: string;
		number: number | null;
		stem: string;
		answers: number;
		wrong: number;
		/** Wrong / answers, 0–1. */
		rate: number;
	}[];
	/** Eight weeks, oldest first. */
	weeks: { week: string; events: number; activeMembers: number; points: number }[];
}

/** Every branch of an organisation side by side, for its admin. */
export interface OrgOverview {
	organisation: { id: string; name: string };
	month: string;
	week: string;
	branches: {
		id: string;
		name: string;
		members: number;
		requiredDone: number;
		requiredTotal: number;
		pointsMonth: number;
		activeThisWeek: number;
	}[];
}

export type ReportData = BranchReport | OrgOverview;

/** A table to export: a sheet name and rows, the header row first. */
/** Whether the report is an admin's organisation overview. */
export function isOverview(r: ReportData): r is OrgOverview {
	return 'branches' in r;
}

/** Whether a branch has nothing to show yet: no lessons, no answers, no events in 8 weeks. */
export function isEmptyBranch(r: BranchReport): boolean {
	return r.lessons.length === 0 && r.missed.length === 0 && r.weeks.every((w) => w.events === 0);
}

/** A share as a whole percentage (0 when there is nothing to share). */
export function percent(part: number, whole: number): number {
	return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** A time (ms) in ISO 8601, UTC. */
function utc(ms: number): string {
	return new Date(ms).toISOString();
}

/** `m2026-11` → `2026-11`; `w2026-47` → `2026-47`. */
export function periodLabel(key: string): string {
	return key.replace(/^[mw]/, '');
}

/** The Monday (YYYY-MM-DD) an ISO week key (`w2026-47`) starts on; '' if it is not one. */
export function weekStart(key: string): string {
	const match = /^w(\d{4})-(\d{2})$/.exec(key);
	if (match === null) return '';
	const year = Number(match[1]);
	const week = Number(match[2]);
	// 4 January is always in week 1; its Monday starts week 1.
	const jan4 = Date.UTC(year, 0, 4);
	// Days since 1970-01-01, a Thursday: Monday is 0 below.
	const monday = jan4 - ((jan4 / 864e5 + 3) % 7) * 864e5;
	return utc(monday + (week - 1) * 7 * 864e5).slice(0, 10);
}

/** `2026-11-16` → `11/16`, for chart labels. */
export function shortDate(day: string): string {
	const [, month, date] = day.split('-');
	return month && date ? `${Number(month)}/${Number(date)}` : day;
}

/** An ISO time on the server's clock (China time), as `2026-11-22 08:10`; '' for null. */
export function stamp(iso: string | null): string {
	if (iso === null) return '';
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return '';
	return utc(ms + rules.utcOffsetMinutes * 6e4)
		.slice(0, 16)
		.replace('T', ' ');
}

/** An ISO time as a date on the server's clock, `11月22日`; '' for null. */
export function dayLabel(iso: string | null): string {
	const day = stamp(iso).slice(0, 10);
	const [, month, date] = day.split('-');
	return month && date ? `${Number(month)}月${Number(date)}日` : '';
}

/** How long ago, in server days: 今天, 昨天, 3 天前, 2 个月前, 从未. */
export function relativeDay(iso: string | null, now: number): string {
	const r = m.studio.report.relative;
	const ms = iso === null ? NaN : Date.parse(iso);
	if (Number.isNaN(ms)) return r.never;
	const days = Math.max(
		0,
		Math.round((Date.parse(serverDay(now)) - Date.parse(serverDay(ms))) / 864e5)
	);
	if (days === 0) return r.today;
	if (days === 1) return r.yesterday;
	if (days < 30) return r.days(days);
	if (days < 365) return r.months(Math.floor(days / 30));
	return r.years(Math.floor(days / 365));
}

const c = () => m.studio.report.exports.columns;
const roleName = (role: string) =>
	(m.account.roles as Record<string, string>)[role] ?? m.account.roles.member;

/** The members table: one row per member. */
export function memberTable(r: BranchReport): Table {
	const col = c();
	return {
		name: m.studio.report.exports.sheets.members,
		rows: [
			[
				col.name,
				col.role,
				col.requiredDone,
				col.requiredTotal,
				col.pointsMonth,
				col.pointsAll,
				col.lastActive
			],
			...r.members.map((x) => [
				x.name,
				roleName(x.role),
				x.required.done,
				x.required.total,
				x.pointsMonth,
				x.pointsAll,
				x.lastActive === null ? m.studio.report.relative.never : stamp(x.lastActive)
			])
		]
	};
}

/** The lessons table, least completed first as the report has them. */
export function lessonTable(r: BranchReport): Table {
	const col = c();
	const e = m.studio.report.exports;
	return {
		name: e.sheets.lessons,
		rows: [
			[col.lesson, col.lessonId, col.required, col.due, col.completed, col.of, col.completedPct],
			...r.lessons.map((l) => [
				l.title,
				l.lessonId,
				l.assigned ? e.yes : e.no,
				stamp(l.due),
				l.completed,
				l.of,
				percent(l.completed, l.of)
			])
		]
	};
}

/** The most-missed questions table. */
export function missedTable(r: BranchReport): Table {
	const col = c();
	return {
		name: m.studio.report.exports.sheets.missed,
		rows: [
			[col.stem, col.lesson, col.number, col.answers, col.wrong, col.wrongPct],
			...r.missed.map((q) => [
				q.stem,
				q.lessonTitle || q.lessonId,
				q.number,
				q.answers,
				q.wrong,
				Math.round(q.rate * 100)
			])
		]
	};
}

/** The weekly activity table, oldest week first. */
export function weekTable(r: BranchReport): Table {
	const col = c();
	return {
		name: m.studio.report.exports.sheets.weeks,
		rows: [
			[col.week, col.weekStart, col.active, col.events, col.points],
			...r.weeks.map((w) => [
				periodLabel(w.week),
				weekStart(w.week),
				w.activeMembers,
				w.events,
				w.points
			])
		]
	};
}

/** The organisation's branches side by side. */
export function branchTable(o: OrgOverview): Table {
	const col = c();
	return {
		name: m.studio.report.exports.sheets.branches,
		rows: [
			[
				col.branch,
				col.members,
				col.requiredDone,
				col.requiredTotal,
				col.requiredPct,
				col.pointsMonth,
				col.activeThisWeek
			],
			...o.branches.map((b) => [
				b.name,
				b.members,
				b.requiredDone,
				b.requiredTotal,
				percent(b.requiredDone, b.requiredTotal),
				b.pointsMonth,
				b.activeThisWeek
			])
		]
	};
}

/** Every table of a report, one per sheet of the Excel file. */
export function tablesOf(r: ReportData): Table[] {
	return isOverview(r)
		? [branchTable(r)]
		: [memberTable(r), lessonTable(r), missedTable(r), weekTable(r)];
}

/** The table of the CSV file: the members of a branch, or the branches of an organisation. */
export function csvTable(r: ReportData): Table {
	return isOverview(r) ? branchTable(r) : memberTable(r);
}

/** A file name such as `支部概况-第一支部-2026-11.csv`, safe on every system. */
export function fileName(r: ReportData, ext: 'csv' | 'xlsx'): string {
	const e = m.studio.report.exports;
	const [kind, name] = isOverview(r)
		? [e.orgFile, r.organisation.name]
		: [e.branchFile, r.branch.name];
	return `${kind}-${safeFileName(name)}-${periodLabel(r.month)}.${ext}`;
}

/** Why a report could not be shown. */
export type ReportProblem = 'signed-out' | 'offline' | 'refused' | 'failed';

/**
 * The branch report of /studio/report: fetched for a secretary or an admin, kept on the device
 * for offline reading, exported as CSV or Excel.
 */
class Report {
	data = $state<ReportData | null>(null);
	/** When the shown copy was fetched (device clock, ms). */
	at = $state<number | null>(null);
	/** True when the server could not be reached and the kept copy (if any) is shown. */
	offline = $state(false);
	problem = $state<ReportProblem | null>(null);
	/** The server's refusal in its own words (403, 404). */
	message = $state<string | null>(null);
	loading = $state(false);
	#seq = 0;
	/** The cache key of what is shown. */
	#key = '';

	/** Load the report of a branch (null: the secretary's own, or an admin's overview). */
	async load(branch: string | null): Promise<void> {
		const seq = ++this.#seq;
		const me = account.member;
		const pb = account.client();
		if (me === null) {
			this.#show(null, null, false, 'signed-out', null);
			return;
		}
		const key = `report:${me.id}:${branch ?? ''}`;
		// Another branch (or the overview) is asked for: what is shown is not it.
		if (key !== this.#key) this.#show(null, null, false, null, null);
		this.#key = key;
		this.loading = true;
		const db = await storage.db();
		let problem: ReportProblem = 'offline';
		let message: string | null = null;
		if (pb !== null) {
			try {
				const data = await pb.send<ReportData>('/api/gongxue/report', {
					query: branch ? { branch } : {},
					requestKey: null
				});
				const at = Date.now();
				await db?.cache.put({ key, value: data, at }).catch((e: unknown) => storage.report(e));
				if (seq !== this.#seq) return;
				this.#show(data, at, false, null, null);
				return;
			} catch (e) {
				const kind = classify(e);
				if (kind === 'auth' || kind === 'invalid') {
					problem = 'refused';
					message = messageOf(e);
				} else if (kind === 'server') problem = 'failed';
			}
		}
		if (problem === 'refused') {
			if (seq === this.#seq) this.#show(null, null, false, problem, message);
			return;
		}
		const row = await db?.cache.get(key).catch(() => undefined);
		if (seq !== this.#seq) return;
		const kept = (row?.value as ReportData | undefined) ?? null;
		this.#show(kept, row?.at ?? null, true, kept === null ? problem : null, null);
	}

	#show(
		data: ReportData | null,
		at: number | null,
		offline: boolean,
		problem: ReportProblem | null,
		message: string | null
	) {
		this.data = data;
		this.at = at;
		this.offline = offline;
		this.problem = problem;
		this.message = message;
		this.loading = false;
	}

	/** Download the members (or branches) table as CSV, for Excel and WPS. */
	exportCsv(): void {
		if (this.data === null) return;
		downloadCsv(csvTable(this.data), fileName(this.data, 'csv'));
	}

	/** Download every table as an Excel workbook, one sheet each. */
	async exportXlsx(): Promise<void> {
		if (this.data === null) return;
		await downloadXlsx(tablesOf(this.data), fileName(this.data, 'xlsx'));
	}
}

/** The report's one instance; studio routes import it from here, not from `$lib/state`. */
export const report = new Report();
