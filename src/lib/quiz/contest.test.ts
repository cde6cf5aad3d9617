import { describe, expect, it } from 'vitest';
import { answerScore, FULL_SCORE, liveEnd, livePhase, rank, REVEAL_SECONDS } from './contest';

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
