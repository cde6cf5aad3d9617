import rulesTable from './rules.json' with { type: 'json' };

/**
 * The point rules, one implementation for the client estimate and the server (pocketbase hooks
 * run a bundled copy of this file). Pure: callers look the facts up and pass them in.
 */

export type ActivityType =
	| 'lesson.completed'
	| 'quiz.answered'
	| 'daily.answered'
	| 'challenge.completed'
	| 'meeting.checkin';

/** Practice (每日答题, 挑战答题): about bank questions, not a lesson. */
export const PRACTICE_TYPES: readonly string[] = ['daily.answered', 'challenge.completed'];

/** Most answers one 挑战答题 run may carry. */
export const CHALLENGE_MAX = 200;

/** One activity's rule. Points are whole numbers; caps count points per server day. */
export interface ActivityRule {
	points: number;
	/** First completion only: a lesson, or a question, earns points once per member. */
	oncePerSubject: boolean;
	/** Only a correct answer earns points. For a challenge run, points are per right answer
	 * before the first mistake. */
	correctOnly?: boolean;
	/** Least study time for a lesson to count, in seconds… */
	minSeconds?: number;
	/** …or this share of the lesson's estimated minutes, whichever is more. */
	minShareOfMinutes?: number;
	/** Most points this activity earns a member in one server day. */
	dailyCap: number;
}

/** Credit for the author of a shared lesson (共享党课) when others complete it, and when a
 * shared lesson becomes 精品党课. */
export interface SharingRule {
	/** Points to the author per member who completes the lesson, once per learner. */
	pointsPerLearner: number;
	/** Most sharer points an author earns in one server day. */
	dailyCap: number;
	featured: {
		/** Distinct members who completed the lesson… */
		minLearners: number;
		/** …and the share of their quiz answers that were right (when it has a quiz). */
		minAccuracy: number;
	};
}

/** What a contest's leader may award: points for taking part and for the first places. */
export interface ContestRule {
	/** Most points for taking part, and for any one place. */
	maxPoints: number;
	/** How many places may earn points (1st, 2nd, …). */
	places: number;
}

/** What a member reports doing (志愿服务, 主题党日, attending a 支部会议). */
export type ServiceKind = 'volunteer' | 'theme-day' | 'meeting';

/** Service activities, approved by a leader, and 支部会议签到 by QR code. */
export interface ServiceRule {
	/** Points per hour, by kind; an activity's points are its hours × this, rounded down. */
	kinds: Record<ServiceKind, { pointsPerHour: number }>;
	/** Hours are reported in steps of this many hours… */
	hourStep: number;
	/** …up to this many for one activity. */
	maxHours: number;
	/** Most points approved activities earn a member in one month (of the activities' dates). */
	monthlyCap: number;
	/** How long after its date an activity may still be submitted, in days. */
	submitWithinDays: number;
	/** When a check-in counts: from `earlyMinutes` before the meeting starts to `lateMinutes`
	 * after it ends, by the device's clock, which may run at most `clockSkewMinutes` ahead of the
	 * server's; and it must reach the server within `syncDays` of the meeting's end. */
	checkin: {
		earlyMinutes: number;
		lateMinutes: number;
		syncDays: number;
		clockSkewMinutes: number;
	};
}

export interface Rules {
	version: number;
	/** The server day's time zone as a fixed offset (China has no daylight saving), in minutes. */
	utcOffsetMinutes: number;
	activities: Record<ActivityType, ActivityRule>;
	sharing: SharingRule;
	service: ServiceRule;
	contests: ContestRule;
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
	| 'not-in-daily-set'
	| 'daily-cap'
	| 'unknown-meeting'
	| 'other-branch'
	| 'bad-token'
	| 'outside-window'
	| 'monthly-cap';

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
	/** 每日答题: whether the question is in the member's set for the answer's day. */
	inDailySet?: boolean;
	/** 挑战答题: right answers before the first mistake, by the grader's keys; null when a
	 * question of the run is unknown. */
	runLength?: number | null;
	/** 支部会议签到: the meeting as the server knows it; null when there is no such meeting. */
	meeting?: MeetingFacts | null;
	/** 支部会议签到: when the member checked in, by the device's clock, and when the server
	 * received it (ms). */
	checkinAt?: number;
	receivedAt?: number;
}

/** A meeting a check-in names, as the server knows it. */
export interface MeetingFacts {
	/** It is a meeting of the member's own branch. */
	ownBranch: boolean;
	/** The code the member scanned is the meeting's. */
	tokenMatches: boolean;
	/** When it starts and ends (ms). */
	startsAt: number;
	endsAt: number;
}

const MINUTE = 60_000;

/** Whether a check-in at `at` (device clock), received by the server at `receivedAt`, is in
 * time for the meeting: see `ServiceRule.checkin`. */
export function checkinInTime(
	meeting: { startsAt: number; endsAt: number },
	at: number,
	receivedAt: number,
	table: Rules = rules
): boolean {
	const c = table.service.checkin;
	return (
		at >= meeting.startsAt - c.earlyMinutes * MINUTE &&
		at <= meeting.endsAt + c.lateMinutes * MINUTE &&
		at <= receivedAt + c.clockSkewMinutes * MINUTE &&
		receivedAt <= meeting.endsAt + c.syncDays * 1440 * MINUTE
	);
}

const isText = (v: unknown, max: number): v is string =>
	typeof v === 'string' && v.length > 0 && v.length <= max;

const isAnswer = (v: unknown): boolean =>
	Array.isArray(v) &&
	v.length > 0 &&
	v.length <= 12 &&
	v.every((a) => typeof a === 'string' && a.length <= 200);

/** Most 练习题库 a daily set may be drawn from. */
export const MAX_PRACTICE_BANKS = 50;

const isDay = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Check an event's payload; returns the reason it is malformed, or null. */
export function payloadProblem(type: string, payload: unknown): Reason | null {
	if (!(type in rules.activities)) return 'unknown-type';
	if (typeof payload !== 'object' || payload === null) return 'bad-payload';
	const p = payload as Record<string, unknown>;
	if (type === 'daily.answered') {
		// `banks`: the 练习题库 in the pool the day's set was drawn from (none: built-in only).
		const banks =
			p.banks === undefined ||
			(Array.isArray(p.banks) &&
				p.banks.length <= MAX_PRACTICE_BANKS &&
				p.banks.every((b) => isText(b, 32)));
		return isDay(p.day) && isText(p.questionId, 64) && isAnswer(p.answer) && banks
			? null
			: 'bad-payload';
	}
	if (type === 'challenge.completed') {
		const answers = p.answers;
		const ok =
			isText(p.run, 64) &&
			Array.isArray(answers) &&
			answers.length > 0 &&
			answers.length <= CHALLENGE_MAX &&
			answers.every(
				(a) =>
					typeof a === 'object' &&
					a !== null &&
					isText((a as Record<string, unknown>).questionId, 64) &&
					isAnswer((a as Record<string, unknown>).answer)
			);
		return ok ? null : 'bad-payload';
	}
	if (type === 'meeting.checkin') {
		return isText(p.meetingId, 32) && isText(p.token, 64) ? null : 'bad-payload';
	}
	if (!isText(p.lessonId, 64)) return 'bad-payload';
	if (type === 'lesson.completed') {
		const ok = typeof p.seconds === 'number' && p.seconds >= 0 && p.seconds < 86_400;
		return ok ? null : 'bad-payload';
	}
	return isText(p.questionId, 64) && isAnswer(p.answer) ? null : 'bad-payload';
}

/**
 * The lesson, question or run an event is about: what "first completion only" counts. A daily
 * answer counts once per question and day; a challenge once per run; a check-in once per meeting.
 */
export function subjectOf(type: string, payload: Record<string, unknown>): string {
	if (type === 'daily.answered') return `${String(payload.day)}:${String(payload.questionId)}`;
	if (type === 'challenge.completed') return String(payload.run);
	if (type === 'meeting.checkin') return String(payload.meetingId);
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
	let points = rule.points;
	if (type === 'daily.answered') {
		if (facts.correct === null)
			return { status: 'rejected', points: 0, reason: 'unknown-question' };
		if (facts.inDailySet === false)
			return { status: 'accepted', points: 0, reason: 'not-in-daily-set' };
		if (rule.correctOnly && !facts.correct)
			return { status: 'accepted', points: 0, reason: 'wrong-answer' };
	} else if (type === 'challenge.completed') {
		if (facts.runLength === null || facts.runLength === undefined)
			return { status: 'rejected', points: 0, reason: 'unknown-question' };
		if (facts.runLength === 0) return { status: 'accepted', points: 0, reason: 'wrong-answer' };
		points = rule.points * facts.runLength;
	} else if (type === 'meeting.checkin') {
		const meeting = facts.meeting ?? null;
		if (meeting === null) return { status: 'rejected', points: 0, reason: 'unknown-meeting' };
		if (!meeting.ownBranch) return { status: 'rejected', points: 0, reason: 'other-branch' };
		if (!meeting.tokenMatches) return { status: 'rejected', points: 0, reason: 'bad-token' };
		if (!checkinInTime(meeting, facts.checkinAt ?? NaN, facts.receivedAt ?? NaN, table))
			return { status: 'accepted', points: 0, reason: 'outside-window' };
	} else if (facts.lesson === null) {
		return { status: 'rejected', points: 0, reason: 'unknown-lesson' };
	} else if (type === 'lesson.completed') {
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

/** The event type of an author's credit for a learner of their shared lesson (server-made). */
export const SHARER_EVENT = 'lesson.shared-completed';
/** Server-made events of a contest's settlement: taking part, and placing. */
export const CONTEST_JOINED = 'contest.joined';
export const CONTEST_PLACED = 'contest.placed';
/** Server-made: a leader approved a member's service activity (志愿服务, 主题党日, …). */
export const SERVICE_APPROVED = 'service.approved';
/** Server-made, no points: the member moved branch (组织关系转接), for the growth record. */
export const TRANSFER_EVENT = 'transfer.accepted';
/** Every event type the server makes itself: a device never pushes these. */
export const SERVER_EVENTS: readonly string[] = [
	SHARER_EVENT,
	CONTEST_JOINED,
	CONTEST_PLACED,
	SERVICE_APPROVED,
	TRANSFER_EVENT
];

/** Whether a contest's points are within the rule: whole numbers from 0 to the most, and no
 * more places than the rule allows. */
export function contestPointsValid(
	participation: number,
	places: readonly number[],
	table: Rules = rules
): boolean {
	const ok = (n: number) => Number.isInteger(n) && n >= 0 && n <= table.contests.maxPoints;
	return ok(participation) && places.length <= table.contests.places && places.every(ok);
}

/**
 * A contest participant's points, written by the server once the contest ends: `participation`
 * for anyone who answered, and the points of their place (ties share a place, and its points).
 */
export function contestPoints(
	setup: { participation: number; places: readonly number[] },
	standing: { place: number; answered: number }
): { joined: number; placed: number } {
	if (standing.answered < 1) return { joined: 0, placed: 0 };
	return { joined: setup.participation, placed: setup.places[standing.place - 1] ?? 0 };
}

/**
 * What another member's completion of a shared lesson is worth to its author: once per learner,
 * within the author's daily cap. (Studying one's own lesson earns no sharer credit at all.)
 */
export function sharerVerdict(
	facts: { alreadyCredited: boolean; pointsToday: number },
	table: Rules = rules
): Verdict {
	if (facts.alreadyCredited) return { status: 'accepted', points: 0, reason: 'already-credited' };
	const points = table.sharing.pointsPerLearner;
	const room = Math.max(0, table.sharing.dailyCap - facts.pointsToday);
	if (points > room) return { status: 'accepted', points: room, reason: 'daily-cap' };
	return { status: 'accepted', points, reason: null };
}

/** Whether a shared lesson is 精品党课: enough distinct learners, and (when it has a quiz and
 * answers) a good enough share of right answers. `accuracy` is null without answers. */
export function isFeatured(
	stats: { learners: number; accuracy: number | null },
	table: Rules = rules
): boolean {
	const f = table.sharing.featured;
	return (
		stats.learners >= f.minLearners && (stats.accuracy === null || stats.accuracy >= f.minAccuracy)
	);
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
