/**
 * Contests (知识竞赛), timed and scored by the server: the same pure code tells a device what
 * the server will do. A live contest reveals one question at a time by server time; each is open
 * for `seconds`, then its key shows for REVEAL_SECONDS before the next. An answer scores FULL_SCORE
 * if right at once, falling linearly to half at the time limit; a wrong or late answer scores 0.
 */

/** Points of a right answer given the instant its question opens. */
export const FULL_SCORE = 100;
/** Seconds each question's key shows before the next question opens (live mode). */
export const REVEAL_SECONDS = 5;

export interface LiveTiming {
	/** When the first question opens (ms, server time). */
	startsAt: number;
	/** Questions in the contest. */
	count: number;
	/** Seconds each question is open. */
	seconds: number;
}

export type LivePhase =
	| { phase: 'lobby'; opensAt: number }
	| { phase: 'open'; index: number; opensAt: number; closesAt: number }
	| { phase: 'reveal'; index: number; closesAt: number; nextAt: number | null }
	| { phase: 'finished'; endedAt: number };

/** Where a live contest stands at `now` (server time). */
export function livePhase(t: LiveTiming, now: number): LivePhase {
	if (now < t.startsAt) return { phase: 'lobby', opensAt: t.startsAt };
	const slot = (t.seconds + REVEAL_SECONDS) * 1000;
	const index = Math.floor((now - t.startsAt) / slot);
	if (index >= t.count) return { phase: 'finished', endedAt: liveEnd(t) };
	const { opensAt, closesAt } = liveQuestion(t, index);
	if (now < closesAt) return { phase: 'open', index, opensAt, closesAt };
	return { phase: 'reveal', index, closesAt, nextAt: index + 1 < t.count ? opensAt + slot : null };
}

/** When question `index` of a live contest opens and closes (ms, server time). */
export function liveQuestion(t: LiveTiming, index: number): { opensAt: number; closesAt: number } {
	const opensAt = t.startsAt + index * (t.seconds + REVEAL_SECONDS) * 1000;
	return { opensAt, closesAt: opensAt + t.seconds * 1000 };
}

/** When a live contest's last key has shown. */
export function liveEnd(t: LiveTiming): number {
	return t.startsAt + t.count * (t.seconds + REVEAL_SECONDS) * 1000;
}

/**
 * An answer's score: FULL_SCORE for a right answer at once, falling linearly to half at the
 * limit; 0 for a wrong one; null when it came after the limit (refused).
 */
export function answerScore(correct: boolean, elapsedMs: number, limitMs: number): number | null {
	if (elapsedMs > limitMs) return null;
	if (!correct) return 0;
	const used = Math.max(0, elapsedMs) / limitMs;
	return Math.round(FULL_SCORE * (1 - used / 2));
}

export interface Standing {
	user: string;
	total: number;
	/** Milliseconds spent on answered questions: the tie-break (less is better). */
	ms: number;
}

/** Rank a contest's standings: most points first, then the quicker; ties share a place. */
export function rank<T extends Standing>(rows: readonly T[]): (T & { place: number })[] {
	const sorted = [...rows].sort((a, b) => b.total - a.total || a.ms - b.ms);
	let place = 0;
	return sorted.map((r, i) => {
		const prev = sorted[i - 1];
		if (!prev || prev.total !== r.total || prev.ms !== r.ms) place = i + 1;
		return { ...r, place };
	});
}

export interface WindowTiming {
	/** When the window opens (ms, server time). */
	startsAt: number;
	/** When it closes: no question is shown or answered after it. */
	endsAt: number;
	count: number;
	seconds: number;
}

/** A question of a window contest the server has shown one member, and whether they answered. */
export interface Shown {
	position: number;
	/** When the server showed it to them (ms, server time): their clock for it starts there. */
	revealedAt: number;
	answered: boolean;
}

export type WindowPhase =
	| { phase: 'lobby'; opensAt: number }
	/** The member's next question waits for them to ask for it. */
	| { phase: 'ready'; index: number; endsAt: number }
	| { phase: 'open'; index: number; opensAt: number; closesAt: number }
	/** The member has played every question; results come when the window closes. */
	| { phase: 'done'; endsAt: number }
	| { phase: 'finished'; endedAt: number };

/**
 * Where a window contest ("same-set duel") stands for one member at `now`: every member plays
 * the same questions in the same order once, any time in the window; each question is timed from
 * when the server showed it to that member, and is closed by the window's end too.
 */
export function windowPhase(t: WindowTiming, now: number, shown: readonly Shown[]): WindowPhase {
	if (now < t.startsAt) return { phase: 'lobby', opensAt: t.startsAt };
	if (now >= t.endsAt) return { phase: 'finished', endedAt: t.endsAt };
	let last: Shown | null = null;
	for (const s of shown) if (last === null || s.position > last.position) last = s;
	if (last !== null && !last.answered) {
		const closesAt = Math.min(last.revealedAt + t.seconds * 1000, t.endsAt);
		if (now < closesAt) {
			return { phase: 'open', index: last.position, opensAt: last.revealedAt, closesAt };
		}
	}
	const index = last === null ? 0 : last.position + 1;
	if (index >= t.count) return { phase: 'done', endsAt: t.endsAt };
	return { phase: 'ready', index, endsAt: t.endsAt };
}
