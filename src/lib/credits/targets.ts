/**
 * 学分: yearly targets per track (必修 and 选修), which activities count toward which, the pace
 * that finishes on time, and study streaks, all by server days (Beijing time). Pure; shared with
 * the server hooks and run against one table of cases on both.
 */
import { periodsOf, rules, type Rules } from './engine';

export type Track = 'required' | 'elective';
export const TRACKS: readonly Track[] = ['required', 'elective'];

/** Credits per track: a year's targets, or what was earned toward them. */
export type Credits = Record<Track, number>;

export interface TargetRule {
	/** The targets an organisation starts with. */
	yearly: Credits;
	/** The most an organisation may set for one track. */
	max: number;
	/** The track an activity's points count toward: 'lesson' for the lesson's own track. */
	counts: Record<string, Track | 'lesson'>;
}

export interface StreakRule {
	/** Missed days forgiven in each ISO week (Monday to Sunday) before a streak breaks. */
	forgivenPerWeek: number;
}

type Table = Rules & { targets: TargetRule; streaks: StreakRule };
const table0 = rules as Table;

/** The track an event's points count toward (a lesson's own for lesson events), or null. */
export function trackOf(
	type: string,
	lessonTrack: Track | null,
	table: Table = table0
): Track | null {
	const to = table.targets.counts[type];
	if (to === undefined) return null;
	return to === 'lesson' ? (lessonTrack ?? 'elective') : to;
}

/** Whether `t` is a valid set of targets: a whole number from 0 to the rule's most per track. */
export function targetsValid(t: unknown, table: Table = table0): t is Credits {
	if (typeof t !== 'object' || t === null) return false;
	const o = t as Record<string, unknown>;
	return TRACKS.every(
		(k) => Number.isInteger(o[k]) && (o[k] as number) >= 0 && (o[k] as number) <= table.targets.max
	);
}

/** An organisation's targets: its own when valid, else the rules'. */
export function targetsOf(own: unknown, table: Table = table0): Credits {
	return targetsValid(own, table)
		? { required: own.required, elective: own.elective }
		: { ...table.targets.yearly };
}

/** One event as credits count it: its points, its server day, and (for lessons) the lesson's track. */
export interface CreditEvent {
	type: string;
	status: string;
	points: number;
	/** YYYY-MM-DD, Beijing time. */
	serverDay: string;
	lessonTrack: Track | null;
}

/** Credits earned per track in a calendar year of server days. */
export function creditsInYear(
	events: readonly CreditEvent[],
	year: number,
	table: Table = table0
): Credits {
	const out: Credits = { required: 0, elective: 0 };
	const prefix = `${year}-`;
	for (const e of events) {
		if (e.status !== 'accepted' || e.points <= 0 || !e.serverDay.startsWith(prefix)) continue;
		const track = trackOf(e.type, e.lessonTrack, table);
		if (track !== null) out[track] += e.points;
	}
	return out;
}

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Days from `today` to the year's last day, both counted (a leap year has 366). */
export function daysLeftInYear(today: string): number {
	const end = Date.UTC(Number(today.slice(0, 4)), 11, 31);
	return Math.round((end - dayMs(today)) / DAY_MS) + 1;
}

export interface Pace {
	/** Credits still to earn (0 once reached). */
	left: number;
	daysLeft: number;
	/** Lessons a week that reach the target by the year's end (0 once reached). */
	lessonsPerWeek: number;
	/** Whether the year so far is at or ahead of an even pace. */
	onTrack: boolean;
}

/** The pace toward a yearly target on server day `today`, with lessons worth `perLesson`. */
export function paceOf(target: number, earned: number, today: string, perLesson: number): Pace {
	const left = Math.max(0, target - earned);
	const daysLeft = daysLeftInYear(today);
	const year = Number(today.slice(0, 4));
	const daysInYear = daysLeftInYear(`${year}-01-01`);
	const weeks = Math.max(1, daysLeft / 7);
	const lessonsPerWeek = left === 0 ? 0 : Math.ceil(left / Math.max(1, perLesson) / weeks);
	const due = (target * (daysInYear - daysLeft + 1)) / daysInYear;
	return { left, daysLeft, lessonsPerWeek, onTrack: earned >= Math.floor(due) };
}

/** The ISO week (`w2026-48`) a server day falls in. */
function weekOf(day: string): string {
	// periodsOf takes an instant and shifts it to Beijing time; noon Beijing is safely inside.
	return periodsOf(dayMs(day) + 4 * 3_600_000).week;
}

export interface Streak {
	/** Study days in the streak that reaches today (today may still be to come). */
	current: number;
	longest: number;
	/** Days forgiven in the current streak. */
	forgiven: number;
}

/**
 * Study streaks over server days: days in a row with any study, where up to the rule's missed
 * days in each ISO week are forgiven (the streak carries on; a forgiven day adds nothing), and
 * today, not yet over, never breaks it.
 */
export function streakOf(days: readonly string[], today: string, table: Table = table0): Streak {
	const studied = new Set(days.filter((d) => d <= today));
	if (studied.size === 0) return { current: 0, longest: 0, forgiven: 0 };
	const first = [...studied].sort()[0]!;
	let run = 0;
	let longest = 0;
	let forgiven = 0;
	let used = new Map<string, number>();
	for (let ms = dayMs(first); ms <= dayMs(today); ms += DAY_MS) {
		const day = dayOf(ms);
		if (studied.has(day)) {
			run++;
			longest = Math.max(longest, run);
			continue;
		}
		if (day === today) break;
		const week = weekOf(day);
		const n = used.get(week) ?? 0;
		if (run > 0 && n < table.streaks.forgivenPerWeek) {
			used.set(week, n + 1);
			forgiven++;
			continue;
		}
		run = 0;
		forgiven = 0;
		used = new Map();
	}
	return { current: run, longest, forgiven };
}
