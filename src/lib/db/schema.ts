import Dexie, { type EntityTable } from 'dexie';
import type { Lesson, Question } from '$lib/content';
import type { ReviewCard } from '$lib/quiz/review';

/** How far a member got with one lesson. */
export interface ProgressRow {
	lessonId: string;
	status: 'started' | 'completed';
	/** Furthest part of the lesson text scrolled into view, 0–1. */
	readRatio: number;
	/** Seconds spent on the lesson page while it was visible. */
	seconds: number;
	startedAt: number;
	/** Last time the member opened or studied the lesson (ms since epoch, device clock). */
	updatedAt: number;
	completedAt: number | null;
	/** Content hash of the lesson text that was studied. */
	hash: string;
}

/** One answer inside a quiz attempt. */
export interface AnswerRow {
	questionId: string;
	/** What the member gave: option keys, 'true'/'false', or one text per blank. */
	given: string[];
	correct: boolean;
	at: number;
}

/** One run through a lesson's quiz; kept forever, answers included. */
export interface AttemptRow {
	id: string;
	lessonId: string;
	questionIds: string[];
	answers: AnswerRow[];
	startedAt: number;
	/** null while the quiz is in progress (it resumes after a reload or an app update). */
	finishedAt: number | null;
}

export type EventType =
	| 'lesson.completed'
	| 'quiz.answered'
	| 'daily.answered'
	| 'challenge.completed'
	| 'meeting.checkin';

/** A practice set on the device: a day's 每日答题 (round 0 scored, later rounds 再来一组) or a
 * 挑战答题 run. */
export interface PracticeRow {
	/** `daily:<member>:<day>:<round>` or `challenge:<run id>`. */
	id: string;
	kind: 'daily' | 'challenge';
	/** Whose draw it is: the member's id, or the device's when signed out. */
	member: string;
	/** The server day it was drawn for (YYYY-MM-DD). */
	day: string;
	round: number;
	questionIds: string[];
	/** Daily sets: the 练习题库 whose questions were in the pool it was drawn from (the server
	 * draws the same set from the same pool). */
	banks?: string[];
	answers: AnswerRow[];
	startedAt: number;
	finishedAt: number | null;
}

/** A question in the 错题本: missed somewhere, scheduled for review until it is recalled. */
export interface MistakeRow {
	questionId: string;
	card: ReviewCard;
	/** The member's own note on the question. */
	note: string;
	/** When it was first and last missed, and how often. */
	firstMissedAt: number;
	missedAt: number;
	misses: number;
	/** Set when it left the book (recalled at growing intervals); null while in it. */
	graduatedAt: number | null;
}

/** A credit-bearing act waiting to reach the server; removed only when acknowledged. */
export interface OutboxRow {
	/** UUIDv7 made on the device: the idempotency key on the server. */
	id: string;
	type: EventType;
	/** The member signed in when it happened; null if nobody was (the next sign-in claims it). */
	user: string | null;
	device: string;
	/** Device clock when it happened; the server keeps its own time. */
	at: number;
	payload: Record<string, unknown>;
	/** Push attempts so far, and the last failure, for backoff and display. */
	tries: number;
	error: string | null;
	/** The server refused this event for good (its message); kept and shown, not retried. */
	refused: string | null;
}

/** An event the server has answered: its verdict and points, as the server decided them. */
export interface LedgerRow {
	/** The event id (UUIDv7). */
	id: string;
	type: string;
	user: string;
	/** Device clock when it happened. */
	at: number;
	/** The server's day (YYYY-MM-DD, Beijing time) that its caps counted it in. */
	serverDay: string;
	status: 'accepted' | 'rejected';
	points: number;
	/** Why it earned no or fewer points, as a reason code of the rules. */
	reason: string | null;
	/** What it was about, for the history: a lesson id, and a question id for answers. */
	lessonId: string;
	questionId: string | null;
	/** The payload as sent, so the event can be pushed again if the server ever lost it. */
	payload: Record<string, unknown>;
}

/** A leader's 练习题库 as the device keeps it (in the cache table), for offline practice. */
export interface PracticeBank {
	id: string;
	name: string;
	/** The first server day (YYYY-MM-DD) its questions are in the daily pool. */
	from: string;
	questions: Question[];
	/** The server's `updated`: the bank is fetched again only when it changes. */
	updated: string;
}

/** A 支部会议签到 on this device: one per member and meeting, written with its event. */
export interface CheckinRow {
	/** `<member>:<meeting id>` (`device:<meeting id>` when nobody was signed in). */
	id: string;
	meeting: string;
	member: string | null;
	/** The code scanned (the meeting's secret), as the event carries it. */
	token: string;
	/** Device clock when the member checked in. */
	at: number;
	/** The id of its `meeting.checkin` event. */
	event: string;
}

/** A service activity (志愿服务, 主题党日, 支部会议) the member submitted while it could not
 * reach the server: kept, photo included, and sent when the network is back. */
export interface ServiceQueueRow {
	/** The record id the server will store it under, made on the device: a repeated send (after a
	 * lost response) cannot store it twice. */
	id: string;
	member: string;
	kind: string;
	/** YYYY-MM-DD. */
	date: string;
	hours: number;
	note: string;
	photo: Blob | null;
	photoName: string;
	/** Device clock when it was submitted. */
	at: number;
	/** Why the last send failed: null (never tried or offline), or the server's refusal. */
	refused: string | null;
}

/** Figures the server computed, kept for offline display: totals and leaderboards. */
export interface CacheRow {
	key: string;
	value: unknown;
	/** When it was fetched (device clock, ms). */
	at: number;
}

/** A key/value row for small settings: the device id, persisted-storage state, the identity. */
export interface MetaRow {
	key: string;
	value: unknown;
}

/** The one IndexedDB database of the app. Schema changes only add versions with upgrades. */
export class GongxueDb extends Dexie {
	/** Lessons stored on the device beyond the built-in ones (downloads, shared lessons). */
	lessons!: EntityTable<Lesson, 'id'>;
	/** Progress per lesson. */
	progress!: EntityTable<ProgressRow, 'lessonId'>;
	/** Quiz attempts with every answer given. */
	attempts!: EntityTable<AttemptRow, 'id'>;
	/** Events not yet acknowledged by the server. */
	outbox!: EntityTable<OutboxRow, 'id'>;
	/** Device settings and identity. */
	meta!: EntityTable<MetaRow, 'key'>;
	/** Events the server acknowledged, with its verdicts: the member's point history. */
	ledger!: EntityTable<LedgerRow, 'id'>;
	/** Server figures for offline display: point totals, leaderboards. */
	cache!: EntityTable<CacheRow, 'key'>;
	practice!: EntityTable<PracticeRow, 'id'>;
	mistakes!: EntityTable<MistakeRow, 'questionId'>;
	/** 支部会议签到 made on this device. */
	checkins!: EntityTable<CheckinRow, 'id'>;
	/** Service activities waiting to be sent. */
	serviceQueue!: EntityTable<ServiceQueueRow, 'id'>;

	constructor(name = 'gongxue') {
		super(name);
		this.version(1).stores({
			lessons: 'id, category, track',
			progress: 'lessonId, status, updatedAt, completedAt',
			attempts: 'id, lessonId, startedAt, finishedAt',
			outbox: 'id, type, at',
			meta: 'key'
		});
		// Sync: events remember their member; the server's answers are kept in the ledger.
		this.version(2)
			.stores({
				outbox: 'id, type, at, user',
				ledger: 'id, user, serverDay, type, at',
				cache: 'key'
			})
			.upgrade((tx) =>
				tx
					.table('outbox')
					.toCollection()
					.modify((row: OutboxRow) => {
						row.user ??= null;
						row.refused ??= null;
					})
			);
		// Practice: daily sets and challenge runs, and the 错题本.
		this.version(3).stores({
			practice: 'id, kind, day, member',
			mistakes: 'questionId, missedAt, graduatedAt'
		});
		// Service: meeting check-ins, and activities waiting for the network.
		this.version(4).stores({
			checkins: 'id, meeting, member',
			serviceQueue: 'id, member, at'
		});
		// One member's events by time and by server day (a year, today, study days): /me and the
		// growth record read these ranges, never the whole ledger. New indexes only: no upgrade.
		this.version(5).stores({
			ledger:
				'id, user, serverDay, type, at, [user+at], [user+serverDay], [user+status+type+serverDay]'
		});
	}
}
