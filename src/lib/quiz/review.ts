import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';

/**
 * The 错题本's schedule: every missed question gets a spaced-repetition card (FSRS, through
 * ts-fsrs) and comes back for review when it is due; a right answer pushes it further out, a
 * wrong one brings it back soon. A question leaves the book once a right answer schedules it at
 * least GRADUATE_DAYS away: recalled correctly at growing intervals (1, 3, then 8 days).
 */

/** A card as the device stores it: plain numbers (ms since epoch for times). */
export interface ReviewCard {
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: number;
	lastReview: number | null;
}

/** A right answer that schedules the next review this many days out takes the question out. */
export const GRADUATE_DAYS = 21;

// Whole-day intervals without random fuzz: the same answers give the same schedule on every
// device and in every test.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

function toStored(c: Card): ReviewCard {
	return {
		due: c.due.getTime(),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsedDays: c.elapsed_days,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
		lastReview: c.last_review ? c.last_review.getTime() : null
	};
}

function fromStored(c: ReviewCard): Card {
	return {
		due: new Date(c.due),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: c.elapsedDays,
		scheduled_days: c.scheduledDays,
		learning_steps: c.learningSteps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
		last_review: c.lastReview === null ? undefined : new Date(c.lastReview)
	};
}

/** A question just missed at `now`: it enters the book and is due again a day later. */
export function missedCard(now: number): ReviewCard {
	return toStored(scheduler.next(createEmptyCard(new Date(now)), new Date(now), Rating.Again).card);
}

/** Whether a card is due for review at `now`. */
export function isDue(card: ReviewCard, now: number): boolean {
	return card.due <= now;
}

/**
 * A review answered at `now`: the card's next schedule, and whether the question has now been
 * recalled well enough to leave the book. Missing it again (in review or anywhere else) starts
 * its climb over.
 */
export function reviewCard(
	card: ReviewCard,
	correct: boolean,
	now: number
): { card: ReviewCard; graduated: boolean } {
	const next = toStored(
		scheduler.next(fromStored(card), new Date(now), correct ? Rating.Good : Rating.Again).card
	);
	return { card: next, graduated: correct && next.scheduledDays >= GRADUATE_DAYS };
}
