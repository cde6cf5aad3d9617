import { describe, expect, it } from 'vitest';
import {
	answerScore,
	FULL_SCORE,
	liveEnd,
	livePhase,
	rank,
	REVEAL_SECONDS,
	windowPhase
} from './contest';

const t = { startsAt: 1_000_000, count: 3, seconds: 20 };
const slot = (t.seconds + REVEAL_SECONDS) * 1000;

describe('a live contest by server time', () => {
	it('waits in the lobby until the start', () => {
		expect(livePhase(t, t.startsAt - 1)).toEqual({ phase: 'lobby', opensAt: t.startsAt });
	});

	it('opens each question for its seconds, then shows its key, then opens the next', () => {
		expect(livePhase(t, t.startsAt)).toEqual({
			phase: 'open',
			index: 0,
			opensAt: t.startsAt,
			closesAt: t.startsAt + 20_000
		});
		expect(livePhase(t, t.startsAt + 20_000)).toEqual({
			phase: 'reveal',
			index: 0,
			closesAt: t.startsAt + 20_000,
			nextAt: t.startsAt + slot
		});
		expect(livePhase(t, t.startsAt + slot)).toMatchObject({ phase: 'open', index: 1 });
		expect(livePhase(t, t.startsAt + 2 * slot + 20_000)).toMatchObject({
			phase: 'reveal',
			index: 2,
			nextAt: null
		});
	});

	it('is finished once the last key has shown', () => {
		expect(livePhase(t, liveEnd(t))).toEqual({ phase: 'finished', endedAt: liveEnd(t) });
		expect(liveEnd(t)).toBe(t.startsAt + 3 * slot);
	});
});

describe('scoring an answer', () => {
	it('gives a full score at once, falling linearly to half at the limit', () => {
		expect(answerScore(true, 0, 20_000)).toBe(FULL_SCORE);
		expect(answerScore(true, 10_000, 20_000)).toBe(75);
		expect(answerScore(true, 20_000, 20_000)).toBe(FULL_SCORE / 2);
	});

	it('gives nothing for a wrong answer, and refuses a late one', () => {
		expect(answerScore(false, 1_000, 20_000)).toBe(0);
		expect(answerScore(true, 20_001, 20_000)).toBeNull();
	});
});

describe('ranking', () => {
	it('puts most points first, the quicker first among equals, and shares a place on a full tie', () => {
		const ranked = rank([
			{ user: 'a', total: 150, ms: 9000 },
			{ user: 'b', total: 180, ms: 12000 },
			{ user: 'c', total: 150, ms: 7000 },
			{ user: 'd', total: 150, ms: 7000 }
		]);
		expect(ranked.map((r) => [r.user, r.place])).toEqual([
			['b', 1],
			['c', 2],
			['d', 2],
			['a', 4]
		]);
	});
});

describe('a window contest for one member', () => {
	const w = { startsAt: 1_000_000, endsAt: 1_000_000 + 3_600_000, count: 2, seconds: 20 };

	it('waits before the window, then waits for the member to ask for the first question', () => {
		expect(windowPhase(w, w.startsAt - 1, [])).toEqual({ phase: 'lobby', opensAt: w.startsAt });
		expect(windowPhase(w, w.startsAt + 5_000, [])).toEqual({
			phase: 'ready',
			index: 0,
			endsAt: w.endsAt
		});
	});

	it('times a question from when it was shown to this member, not from the window', () => {
		const shownAt = w.startsAt + 600_000;
		const shown = [{ position: 0, revealedAt: shownAt, answered: false }];
		expect(windowPhase(w, shownAt + 19_999, shown)).toEqual({
			phase: 'open',
			index: 0,
			opensAt: shownAt,
			closesAt: shownAt + 20_000
		});
		// Unanswered at the limit: the next question waits.
		expect(windowPhase(w, shownAt + 20_000, shown)).toMatchObject({ phase: 'ready', index: 1 });
		// Answered: the next one waits at once.
		expect(windowPhase(w, shownAt + 1_000, [{ ...shown[0]!, answered: true }])).toMatchObject({
			phase: 'ready',
			index: 1
		});
	});

	it('is done once every question was shown and closed, and finished when the window closes', () => {
		const shown = [
			{ position: 0, revealedAt: w.startsAt, answered: true },
			{ position: 1, revealedAt: w.startsAt + 5_000, answered: true }
		];
		expect(windowPhase(w, w.startsAt + 6_000, shown)).toEqual({ phase: 'done', endsAt: w.endsAt });
		expect(windowPhase(w, w.endsAt, shown)).toEqual({ phase: 'finished', endedAt: w.endsAt });
	});

	it('closes a question shown just before the window ends at the end', () => {
		const shown = [{ position: 0, revealedAt: w.endsAt - 5_000, answered: false }];
		expect(windowPhase(w, w.endsAt - 1_000, shown)).toMatchObject({
			phase: 'open',
			closesAt: w.endsAt
		});
	});
});
