import rulesTable from './rules.json' with { type: 'json' };

/**
 * The point rules, one implementation for the client estimate and the server (pocketbase hooks
 * run a bundled copy of this file). Pure: callers look the facts up and pass them in.
 */

export type ActivityType = 'lesson.completed' | 'quiz.answered';

/** One activity's rule. Points are whole numbers; caps count points per server day. */
export interface ActivityRule {
	points: number;
	/** First completion only: a lesson, or a question, earns points once per member. */
	oncePerSubject: boolean;
	/** Only a correct answer earns points. */
	correctOnly?: boolean;
	/** Least study time for a lesson to count, in seconds… */
	minSeconds?: number;
	/** …or this share of the lesson's estimated minutes, whichever is more. */
	minShareOfMinutes?: number;
	/** Most points this activity earns a member in one server day. */
	dailyCap: number;
}

export interface Rules {
	version: number;
	/** The server day's time zone as a fixed offset (China has no daylight saving), in minutes. */
	utcOffsetMinutes: number;
	activities: Record<ActivityType, ActivityRule>;
}

/** The rules in force: the one table shared with the server. */
export const rules: Rules = rulesTable as Rules;

/** Why an event earned no points, or fewer than its rule gives; the UI words these. */
export type Reason =
	| 'unknown-type'
	| 'bad-payload'
	| 'unknown-lesson'
	| 'unknown-question'
	| 'too-short'
	| 'already-credited'
	| 'wrong-answer'
	| 'daily-cap';

/** What an event is worth. Rejected events are kept and shown, with their reason. */
export interface Verdict {
	status: 'accepted' | 'rejected';
	points: number;
	reason: Reason | null;
}

/** What the caller knows about the event's situation. */
export interface Facts {
	/** The lesson as the server (or device) knows it; null when unknown. */
	lesson: { minutes: number; credits: number | null } | null;
	/** For an answer: whether it is right by the grader's own key; null when the question is unknown. */
	correct: boolean | null;
	/** The member already earned points for this lesson or question. */
	alreadyCredited: boolean;
	/** Points this activity already earned the member today (server day). */
	pointsToday: number;
}

const isText = (v: unknown, max: number): v is string =>
	typeof v === 'string' && v.length > 0 && v.length <= max;

/** Check an event's payload; returns the reason it is malformed, or null. */
export function payloadProblem(type: string, payload: unknown): Reason | null {
	if (!(type in rules.activities)) return 'unknown-type';
	if (typeof payload !== 'object' || payload === null) return 'bad-payload';
	const p = payload as Record<string, unknown>;
	if (!isText(p.lessonId, 64)) return 'bad-payload';
	if (type === 'lesson.completed') {
		const ok = typeof p.seconds === 'number' && p.seconds >= 0 && p.seconds < 86_400;
		return ok ? null : 'bad-payload';
	}
	const answer = p.answer;
	const ok =
		isText(p.questionId, 64) &&
		Array.isArray(answer) &&
		answer.length > 0 &&
		answer.length <= 12 &&
		answer.every((a) => typeof a === 'string' && a.length <= 200);
	return ok ? null : 'bad-payload';
}

/** The lesson or question an event is about: what "first completion only" counts. */
export function subjectOf(type: string, payload: Record<string, unknown>): string {
	return type === 'quiz.answered' ? String(payload.questionId) : String(payload.lessonId);
}

/** Least seconds of study for a lesson of `minutes` to earn points. */
export function minStudySeconds(rule: ActivityRule, minutes: number): number {
	return Math.max(rule.minSeconds ?? 0, Math.round(minutes * 60 * (rule.minShareOfMinutes ?? 0)));
}

/** What an event is worth under the rules, given the facts. */
export function evaluate(
	type: string,
	payload: unknown,
	facts: Facts,
	table: Rules = rules
): Verdict {
	const problem = payloadProblem(type, payload);
	if (problem !== null) return { status: 'rejected', points: 0, reason: problem };
	const rule = table.activities[type as ActivityType];
	const p = payload as Record<string, unknown>;
	if (facts.lesson === null) return { status: 'rejected', points: 0, reason: 'unknown-lesson' };
	let points = rule.points;
	if (type === 'lesson.completed') {
		if ((p.seconds as number) < minStudySeconds(rule, facts.lesson.minutes)) {
			return { status: 'accepted', points: 0, reason: 'too-short' };
		}
		points = facts.lesson.credits ?? rule.points;
	} else {
		if (facts.correct === null)
			return { status: 'rejected', points: 0, reason: 'unknown-question' };
		if (rule.correctOnly && !facts.correct)
			return { status: 'accepted', points: 0, reason: 'wrong-answer' };
	}
	if (rule.oncePerSubject && facts.alreadyCredited) {
		return { status: 'accepted', points: 0, reason: 'already-credited' };
	}
	const room = Math.max(0, rule.dailyCap - facts.pointsToday);
	if (points > room) return { status: 'accepted', points: room, reason: 'daily-cap' };
	return { status: 'accepted', points, reason: null };
}

/** The server day (YYYY-MM-DD) of an instant, in the rules' time zone. */
export function serverDay(ms: number, table: Rules = rules): string {
	return new Date(ms + table.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The leaderboard periods an instant belongs to: all time, its ISO week and its month. */
export function periodsOf(
	ms: number,
	table: Rules = rules
): { all: string; week: string; month: string } {
	const local = new Date(ms + table.utcOffsetMinutes * 60_000);
	// ISO 8601 week: weeks start on Monday; a week belongs to the year of its Thursday.
	const monday0 = (local.getUTCDay() + 6) % 7;
	const thursday = Date.UTC(
		local.getUTCFullYear(),
		local.getUTCMonth(),
		local.getUTCDate() - monday0 + 3
	);
	const isoYear = new Date(thursday).getUTCFullYear();
	const week = 1 + Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000));
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		all: 'all',
		week: `w${isoYear}-${pad(week)}`,
		month: `m${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}`
	};
}
