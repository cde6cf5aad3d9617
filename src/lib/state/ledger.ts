import { liveQuery, type Subscription } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';
import { rules, serverDay, type ActivityType } from '$lib/credits';
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
// ledger, which grows by thousands of rows a year, and the larger ones run only while shown.

const report = (e: unknown) => storage.report(e);

/** Entries of the ledger listed on /me, newest first. */
export const LATEST = 100;
const DAY_MS = 86_400_000;

/** What the account keeps current of the signed-in member's ledger: small, always followed. */
export interface LedgerFeeds {
	/** The latest LATEST events, newest first. */
	latest(rows: LedgerRow[]): void;
	/** Events since yesterday (server days): today's points against the daily caps. */
	recent(rows: LedgerRow[]): void;
}

/** Follow `user`'s latest and recent events into `feeds`; `now` is the server's clock (ms). */
export function followLedger(
	db: GongxueDb,
	user: string,
	now: () => number,
	feeds: LedgerFeeds,
	onError = report
): Subscription[] {
	return [
		liveQuery(() => latestEvents(db, user, LATEST)).subscribe(feeds.latest, onError),
		liveQuery(() => eventsSince(db, user, serverDay(now() - DAY_MS))).subscribe(
			feeds.recent,
			onError
		)
	];
}

/**
 * A live query that runs only while something on screen reads `current` (in a component or an
 * effect): the larger reads (a year, every study day, every quiz answer) cost nothing on pages
 * that do not show them, such as the growth record, which reads its own year.
 */
export class LazyFeed<T> {
	#value: T;
	#subscribe: () => void;

	constructor(query: () => Promise<T>, initial: T, onError: (e: unknown) => void) {
		this.#value = initial;
		this.#subscribe = createSubscriber((update) => {
			const sub = liveQuery(query).subscribe((v) => {
				this.#value = v;
				update();
			}, onError);
			return () => sub.unsubscribe();
		});
	}

	/** The latest result (`initial` until the first one). */
	get current(): T {
		this.#subscribe();
		return this.#value;
	}
}

/** `user`'s larger reads, each followed only while shown: a year's events (学分 by track, the
 * growth record; each year's last result is kept, so a year shown again shows at once while it is
 * read again), the years with any events, every server day with accepted study (the streak),
 * every accepted quiz answer (where the member's answers are weakest). */
export function lazyFeeds(db: GongxueDb, user: string, onError = report) {
	const study = Object.keys(rules.activities);
	const years = new Map<number, LazyFeed<LedgerRow[] | null>>();
	return {
		year(year: number): LazyFeed<LedgerRow[] | null> {
			const feed = years.get(year) ?? new LazyFeed(() => yearEvents(db, user, year), null, onError);
			years.set(year, feed);
			return feed;
		},
		years: new LazyFeed(() => eventYears(db, user), null, onError),
		days: new LazyFeed(() => studyDays(db, user, study), [], onError),
		quiz: new LazyFeed(
			async () =>
				(await acceptedOfType(db, user, 'quiz.answered')).map((r) => ({
					lessonId: r.lessonId,
					right: r.reason !== 'wrong-answer'
				})),
			[],
			onError
		)
	};
}

export type LedgerReads = ReturnType<typeof lazyFeeds>;

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
