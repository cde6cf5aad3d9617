import { describe, expect, it } from 'vitest';
import { GRADUATE_DAYS, isDue, missedCard, reviewCard, type ReviewCard } from './review';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 11, 1, 2); // 10:00 in Beijing

/** Review `card` on the day it is due, answering as given; the days between reviews. */
function climb(card: ReviewCard, answers: boolean[]) {
	const gaps: number[] = [];
	let graduated = false;
	for (const correct of answers) {
		const r = reviewCard(card, correct, card.due);
		gaps.push(Math.round((r.card.due - card.due) / DAY));
		card = r.card;
		graduated = r.graduated;
	}
	return { card, gaps, graduated };
}

describe('错题本 scheduling (FSRS through ts-fsrs)', () => {
	it('a missed question comes back the next day, not before', () => {
		const card = missedCard(t0);
		expect(isDue(card, t0)).toBe(false);
		expect(isDue(card, t0 + DAY - 1)).toBe(false);
		expect(isDue(card, t0 + DAY)).toBe(true);
	});

	it('right answers space the reviews at growing intervals until the question leaves the book', () => {
		const { gaps, graduated } = climb(missedCard(t0), [true, true, true]);
		expect(gaps[0]).toBeLessThan(gaps[1]!);
		expect(gaps[1]).toBeLessThan(gaps[2]!);
		expect(gaps[2]).toBeGreaterThanOrEqual(GRADUATE_DAYS);
		expect(graduated).toBe(true);
	});

	it('stays in the book while the intervals are short, and a miss brings it back soon', () => {
		const twice = climb(missedCard(t0), [true, true]);
		expect(twice.graduated).toBe(false);
		const missed = climb(twice.card, [false]);
		expect(missed.graduated).toBe(false);
		expect(missed.gaps[0]).toBeLessThan(twice.gaps[1]!);
		expect(missed.card.lapses).toBe(twice.card.lapses + 1);
	});

	it('gives the same schedule for the same answers (no random fuzz): every device agrees', () => {
		const a = climb(missedCard(t0), [true, false, true, true]);
		const b = climb(missedCard(t0), [true, false, true, true]);
		expect(a.card).toEqual(b.card);
	});

	it('stores as plain numbers that survive IndexedDB and JSON', () => {
		const card = climb(missedCard(t0), [true]).card;
		expect(JSON.parse(JSON.stringify(card))).toEqual(card);
		expect(typeof card.due).toBe('number');
		expect(reviewCard(JSON.parse(JSON.stringify(card)), true, card.due)).toEqual(
			reviewCard(card, true, card.due)
		);
	});
});
