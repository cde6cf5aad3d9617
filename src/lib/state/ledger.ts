import { liveQuery, type Subscription } from 'dexie';
import { rules, serverDay, type ActivityType, type RecordRow } from '$lib/credits';
import {
	acceptedOfType,
	eventsSince,
	eventYears,
	latestEvents,
	studyDays,
	yearEvents,
	type GongxueDb,
	type LedgerRow
} from '$lib/db';
import { storage } from './storage.svelte';

// Live reads of one member's confirmed events, each by index (see db/ledger.ts): what /me, the
// home page and the growth record show, kept current as syncs add rows. None reads the whole
// ledger, which grows by thousands of rows a year.

/** Entries of the ledger listed on /me, newest first. */
export const LATEST = 100;
const DAY_MS = 86_400_000;

/** What the account keeps of the signed-in member's ledger, each fed by its own query. */
export interface LedgerFeeds {
	/** The latest LATEST events, newest first. */
	latest(rows: LedgerRow[]): void;
	/** Events since yesterday (server days): today's points against the daily caps. */
	recent(rows: LedgerRow[]): void;
	/** This year's events: 学分 by track. */
	year(rows: LedgerRow[]): void;
	/** Every server day with accepted study: the streak. */
	days(days: string[]): void;
	/** Every accepted quiz answer, right or not: the home page's weakest categories. */
	quiz(answers: { lessonId: string; right: boolean }[]): void;
}

/** Follow `user`'s ledger into `feeds`; `now` is the server's clock (ms). */
export function followLedger(
	db: GongxueDb,
	user: string,
	now: () => number,
	feeds: LedgerFeeds,
	onError: (e: unknown) => void
): Subscription[] {
	const study = Object.keys(rules.activities);
	return [
		liveQuery(() => latestEvents(db, user, LATEST)).subscribe(feeds.latest, onError),
		liveQuery(() => eventsSince(db, user, serverDay(now() - DAY_MS))).subscribe(
			feeds.recent,
			onError
		),
		liveQuery(() => yearEvents(db, user, Number(serverDay(now()).slice(0, 4)))).subscribe(
			feeds.year,
			onError
		),
		liveQuery(() => studyDays(db, user, study)).subscribe(feeds.days, onError),
		liveQuery(() => acceptedOfType(db, user, 'quiz.answered')).subscribe(
			(rows) =>
				feeds.quiz(rows.map((r) => ({ lessonId: r.lessonId, right: r.reason !== 'wrong-answer' }))),
			onError
		)
	];
}

/** Points earned on server day `day` per activity, against each daily cap. */
export function pointsOn(rows: readonly LedgerRow[], day: string) {
	return (Object.keys(rules.activities) as ActivityType[]).map((type) => ({
		type,
		cap: rules.activities[type].dailyCap,
		points: rows
			.filter((r) => r.type === type && r.serverDay === day)
			.reduce((sum, r) => sum + r.points, 0)
	}));
}

/** Run `query` live against the device database into `next`; returns the stop. Without a
 * database (no storage in this browser) `next` gets `none` once. */
function watch<T>(query: (db: GongxueDb) => Promise<T>, none: T, next: (v: T) => void) {
	let sub: Subscription | null = null;
	let stopped = false;
	void storage.db().then((db) => {
		if (stopped) return;
		if (db === null) next(none);
		else sub = liveQuery(() => query(db)).subscribe(next, (e) => storage.report(e));
	});
	return () => {
		stopped = true;
		sub?.unsubscribe();
	};
}

/** The growth record's year: `user`'s events of `year`, live. Returns the stop. */
export function watchYear(user: string, year: number, next: (rows: RecordRow[]) => void) {
	return watch((db) => yearEvents(db, user, year), [], next);
}

/** The years `user` has events in, newest first, live. Returns the stop. */
export function watchYears(user: string, next: (years: number[]) => void) {
	return watch((db) => eventYears(db, user), [], next);
}
