import { liveQuery, type Subscription } from 'dexie';
import {
	creditsInYear,
	paceOf,
	rules,
	serverDay,
	streakOf,
	targetsOf,
	TRACKS,
	type Credits,
	type Pace,
	type Streak,
	type Track
} from '$lib/credits';
import type { LessonMeta } from '$lib/content';
import { CREDITS_KEY, type CreditYear } from '$lib/sync';
import { account } from './account.svelte';
import { storage } from './storage.svelte';

/** One track's year: the target, what was earned, and the pace that finishes on time. */
export interface TrackYear {
	track: Track;
	target: number;
	earned: number;
	pace: Pace;
}

/**
 * 学分 this year, for /me: earned per track from the points the server confirmed (the same count
 * the server makes), against the organisation's targets (kept from the last sync, else the
 * rules'), with the pace to finish on time; and the study streak, today's waiting study included.
 */
class CreditsView {
	/** The server's figures from the last sync (targets, organisation). */
	server = $state<CreditYear | null>(null);
	#sub: Subscription | null = null;

	async start(): Promise<void> {
		if (this.#sub) return;
		const db = await storage.db();
		if (db === null) return;
		this.#sub = liveQuery(() => db.cache.get(CREDITS_KEY)).subscribe((row) => {
			this.server = (row?.value as CreditYear | undefined) ?? null;
		});
	}

	/** The server day now. */
	today(): string {
		return serverDay(Date.now() + account.clockOffset);
	}

	/** This year's tracks, with lesson tracks looked up in `lessons`. */
	tracks(lessons: readonly LessonMeta[]): TrackYear[] {
		const today = this.today();
		const trackOf = new Map(lessons.map((l) => [l.id, l.track]));
		const earned: Credits = creditsInYear(
			account.thisYear.map((r) => ({
				type: r.type,
				status: r.status,
				points: r.points,
				serverDay: r.serverDay,
				lessonTrack: trackOf.get(r.lessonId) ?? null
			})),
			Number(today.slice(0, 4))
		);
		const targets = targetsOf(this.server?.targets);
		const perLesson = rules.activities['lesson.completed'].points;
		return TRACKS.map((track) => ({
			track,
			target: targets[track],
			earned: earned[track],
			pace: paceOf(targets[track], earned[track], today, perLesson)
		}));
	}

	get streak(): Streak {
		return streakOf(account.studyDays, this.today());
	}
}

export const creditsView = new CreditsView();
