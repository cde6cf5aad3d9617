import { sha256Hex } from '../content/hash';

/**
 * 每日答题 and 挑战答题 draws. A member's questions for a day are chosen by a seed of member and
 * date, so every device (and the server) draws the same set from the same pool: each question
 * is ranked by the SHA-256 of seed and question id, and the lowest ranks are taken. The draw does
 * not depend on the pool's order, and a question added to the pool moves at most one other out.
 */

/** Questions in a day's quiz. */
export const DAILY_SIZE = 5;

function ranked(seed: string, pool: readonly string[]): string[] {
	const unique = [...new Set(pool)];
	const rank = new Map(unique.map((id) => [id, sha256Hex(`${seed}\n${id}`)]));
	return unique.sort((a, b) =>
		rank.get(a)! < rank.get(b)! ? -1 : rank.get(a)! > rank.get(b)! ? 1 : 0
	);
}

/**
 * The question ids of a member's quiz for a server day (YYYY-MM-DD): `round` 0 is the day's
 * scored set; rounds 1, 2, … are 再来一组, practice sets drawn from the questions not yet in
 * that day's earlier rounds (from the whole pool again once it runs out).
 */
export function dailySet(
	member: string,
	day: string,
	pool: readonly string[],
	round = 0,
	size = DAILY_SIZE
): string[] {
	const order = ranked(`daily\n${member}\n${day}`, pool);
	if (order.length === 0) return [];
	const start = (round * size) % order.length;
	const set = order.slice(start, start + size);
	// The pool ran out part-way: the set is topped up from the start of the order.
	for (let i = 0; set.length < Math.min(size, order.length); i++) set.push(order[i]!);
	return set;
}

/** The order of a 挑战答题 run: the whole pool, shuffled by member and the run's own id. */
export function challengeOrder(member: string, run: string, pool: readonly string[]): string[] {
	return ranked(`challenge\n${member}\n${run}`, pool);
}

/** A challenge's score: the right answers before the first mistake. */
export function runLength(correct: readonly boolean[]): number {
	const miss = correct.indexOf(false);
	return miss < 0 ? correct.length : miss;
}

/**
 * A member's practice pool on a server day: the built-in questions, then those of the practice
 * banks (练习题库, whose `from` is the first server day they are open) open on that day (as the server counts them: a bank joins the day after it was
 * published, so a day's set never changes under the member).
 */
export function poolOn(
	builtin: readonly string[],
	banks: readonly { from: string; questions: readonly { id: string }[] }[],
	day: string
): string[] {
	const ids = new Set(builtin);
	for (const bank of banks) {
		if (bank.from === '' || bank.from > day) continue;
		for (const q of bank.questions) ids.add(q.id);
	}
	return [...ids];
}
