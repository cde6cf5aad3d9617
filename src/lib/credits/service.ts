import { rules, type Rules, type ServiceKind, type Verdict } from './engine';

/**
 * Service activities (志愿服务, 主题党日, attendance at a 支部会议): what a member may submit and
 * what a leader's approval of it is worth. Pure, one implementation for the device's form and
 * the server's hooks (bundled into pocketbase/pb_hooks/lib/gongxue.js).
 */

/** The kinds, in the order the form offers them. */
export const SERVICE_KINDS: readonly ServiceKind[] = ['volunteer', 'theme-day', 'meeting'];

/** Longest note the server keeps (characters). */
export const SERVICE_NOTE_MAX = 500;

/** A photo's formats (checked by the server on the file's content) and size limit. */
export const SERVICE_PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
export const SERVICE_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** An activity as the member describes it. */
export interface ServiceActivity {
	kind: string;
	/** The day it took place, YYYY-MM-DD. */
	date: string;
	hours: number;
	note?: string;
}

/** What is wrong with an activity, for the form and the server to word. */
export type ServiceProblem =
	| 'unknown-kind'
	| 'bad-date'
	| 'future-date'
	| 'too-old'
	| 'bad-hours'
	| 'too-many-hours'
	| 'note-too-long';

const DAY = 86_400_000;

/** Whether the rules know this kind (not an inherited property: the server reads any text). */
const known = (kinds: object, kind: string) => Object.prototype.hasOwnProperty.call(kinds, kind);

/** Whether `date` is a real calendar day written YYYY-MM-DD. */
function isDate(date: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
	const ms = Date.parse(`${date}T00:00:00Z`);
	return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/**
 * Why an activity cannot be submitted on server day `today` (YYYY-MM-DD), or null: a known kind;
 * a date not after today and not older than the rules allow; hours in steps, from one step to the
 * most; a note within its length.
 */
export function serviceProblem(
	a: ServiceActivity,
	today: string,
	table: Rules = rules
): ServiceProblem | null {
	const rule = table.service;
	if (typeof a.kind !== 'string' || !known(rule.kinds, a.kind)) return 'unknown-kind';
	if (typeof a.date !== 'string' || !isDate(a.date)) return 'bad-date';
	if (a.date > today) return 'future-date';
	const oldest = new Date(Date.parse(`${today}T00:00:00Z`) - rule.submitWithinDays * DAY);
	if (a.date < oldest.toISOString().slice(0, 10)) return 'too-old';
	if (typeof a.hours !== 'number' || !Number.isFinite(a.hours) || a.hours <= 0) return 'bad-hours';
	const steps = a.hours / rule.hourStep;
	if (Math.abs(steps - Math.round(steps)) > 1e-9) return 'bad-hours';
	if (a.hours > rule.maxHours) return 'too-many-hours';
	if ((a.note ?? '').length > SERVICE_NOTE_MAX) return 'note-too-long';
	return null;
}

/** What an activity is worth before any cap: its hours × its kind's points per hour, rounded
 * down; 0 for an unknown kind. */
export function servicePoints(kind: string, hours: number, table: Rules = rules): number {
	const rule = table.service;
	if (!known(rule.kinds, kind)) return 0;
	const capped = Math.min(Math.max(0, hours), rule.maxHours);
	return Math.floor(capped * rule.kinds[kind as ServiceKind].pointsPerHour + 1e-9);
}

/** The month (YYYY-MM) an activity's date counts toward for the monthly cap. */
export const serviceMonth = (date: string) => date.slice(0, 7);

/**
 * What a leader's approval of an activity is worth: its points within the member's monthly cap,
 * counted over approved activities dated in the same month (`pointsThisMonth`).
 */
export function serviceVerdict(
	activity: { kind: string; hours: number },
	facts: { pointsThisMonth: number },
	table: Rules = rules
): Verdict {
	const points = servicePoints(activity.kind, activity.hours, table);
	const room = Math.max(0, table.service.monthlyCap - facts.pointsThisMonth);
	if (points > room) return { status: 'accepted', points: room, reason: 'monthly-cap' };
	return { status: 'accepted', points, reason: null };
}
