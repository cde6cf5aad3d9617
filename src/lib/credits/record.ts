import { CONTEST_JOINED, CONTEST_PLACED, rules, SHARER_EVENT, TRANSFER_EVENT } from './engine';
import { creditsInYear, streakOf, type Credits, type Track } from './targets';

/** One confirmed event as the record reads it (a device's ledger row has this shape). */
export interface RecordRow {
	type: string;
	status: string;
	points: number;
	reason: string | null;
	/** YYYY-MM-DD, Beijing time. */
	serverDay: string;
	/** When it happened (ms). */
	at: number;
	lessonId: string;
	payload: Record<string, unknown>;
}

/** A member's year in the growth record (党员成长档案), from the points the server confirmed. */
export interface YearRecord {
	year: number;
	credits: Credits;
	/** Lessons completed that year, by id, in order. */
	lessons: { id: string; track: Track | null; at: number }[];
	quiz: { answers: number; right: number };
	practice: { daily: number; challenges: number };
	contests: { name: string; place: number | null }[];
	/** The member's shared lessons others studied that year, with their learners. */
	shared: { lessonId: string; learners: number }[];
	/** Service, meetings and other approved activities, by the ledger's own words. */
	activities: { type: string; at: number; points: number; payload: Record<string, unknown> }[];
	/** Moves between branches (组织关系转接) that year, in order: when, from which, to which. */
	moves: { at: number; from: string; to: string }[];
	/** Points that year, and the longest study streak in it. */
	points: number;
	longestStreak: number;
}

/** Event types of a study day: a member's own (device) events, meeting check-ins included. */
const STUDY = new Set(Object.keys(rules.activities));
/** Types with a section of their own; the rest (service, meetings…) are listed as activities. */
const KNOWN = new Set([
	'lesson.completed',
	'quiz.answered',
	'daily.answered',
	'challenge.completed',
	SHARER_EVENT,
	CONTEST_JOINED,
	CONTEST_PLACED,
	TRANSFER_EVENT
]);

/** The years a member has history in, newest first (always including `thisYear`). */
export function recordYears(history: readonly RecordRow[], thisYear: number): number[] {
	return yearsToShow(
		history.map((r) => Number(r.serverDay.slice(0, 4))),
		thisYear
	);
}

/** The years to offer in the growth record: those with history (`years`, read by index on a
 * device) and `thisYear`, newest first, once each. */
export function yearsToShow(years: readonly number[], thisYear: number): number[] {
	return [...new Set([thisYear, ...years])].filter((y) => y > 2000).sort((a, b) => b - a);
}

/**
 * One year of the growth record. `trackOf` gives a lesson's track (必修/选修); `today` (a server
 * day) ends the last streak of the current year.
 */
export function yearRecord(
	history: readonly RecordRow[],
	year: number,
	trackOf: (lessonId: string) => Track | null,
	today: string
): YearRecord {
	const prefix = `${year}-`;
	const rows = history.filter((r) => r.serverDay.startsWith(prefix) && r.status === 'accepted');
	const record: YearRecord = {
		year,
		credits: creditsInYear(
			rows.map((r) => ({
				type: r.type,
				status: r.status,
				points: r.points,
				serverDay: r.serverDay,
				lessonTrack: trackOf(r.lessonId)
			})),
			year
		),
		lessons: [],
		quiz: { answers: 0, right: 0 },
		practice: { daily: 0, challenges: 0 },
		contests: [],
		shared: [],
		activities: [],
		moves: [],
		points: 0,
		longestStreak: 0
	};
	const learners = new Map<string, Set<string>>();
	const contests = new Map<string, { name: string; place: number | null }>();
	const days = new Set<string>();
	const sorted = [...rows].sort((a, b) => a.at - b.at);
	for (const r of sorted) {
		record.points += r.points;
		if (STUDY.has(r.type)) days.add(r.serverDay);
		switch (r.type) {
			case 'lesson.completed':
				if (r.reason !== 'too-short' && !record.lessons.some((l) => l.id === r.lessonId)) {
					record.lessons.push({ id: r.lessonId, track: trackOf(r.lessonId), at: r.at });
				}
				break;
			case 'quiz.answered':
				record.quiz.answers++;
				if (r.reason !== 'wrong-answer') record.quiz.right++;
				break;
			case 'daily.answered':
				record.practice.daily++;
				break;
			case 'challenge.completed':
				record.practice.challenges++;
				break;
			case SHARER_EVENT: {
				const set = learners.get(r.lessonId) ?? new Set<string>();
				set.add(String(r.payload.learner ?? ''));
				learners.set(r.lessonId, set);
				break;
			}
			case CONTEST_JOINED:
			case CONTEST_PLACED: {
				const id = String(r.payload.contestId ?? '');
				const entry = contests.get(id) ?? { name: String(r.payload.name ?? ''), place: null };
				if (r.type === CONTEST_PLACED) entry.place = Number(r.payload.place) || null;
				contests.set(id, entry);
				break;
			}
			case TRANSFER_EVENT:
				record.moves.push({
					at: r.at,
					from: String(r.payload.from ?? ''),
					to: String(r.payload.to ?? '')
				});
				break;
			default:
				if (!KNOWN.has(r.type)) {
					record.activities.push({ type: r.type, at: r.at, points: r.points, payload: r.payload });
				}
		}
	}
	record.shared = [...learners].map(([lessonId, set]) => ({ lessonId, learners: set.size }));
	record.contests = [...contests.values()];
	const end = `${year}-12-31` < today ? `${year}-12-31` : today;
	record.longestStreak = streakOf([...days], end).longest;
	return record;
}
