import { missedCard, reviewCard } from '$lib/quiz/review';
import { addEvent } from './progress';
import type { AnswerRow, GongxueDb, MistakeRow, PracticeRow } from './schema';

/**
 * Practice on the device: 每日答题 sets, 挑战答题 runs and the 错题本. Every answer is kept with
 * its set in the same transaction as the event it sends (a scored daily answer, a finished
 * challenge run) and as the 错题本 entry a miss makes: nothing is lost, nothing counted twice.
 */

/** A practice set not yet answered. */
function newSet(
	id: string,
	kind: PracticeRow['kind'],
	member: string,
	day: string,
	round: number,
	questionIds: string[],
	now: number
): PracticeRow {
	return {
		id,
		kind,
		member,
		day,
		round,
		questionIds,
		answers: [],
		startedAt: now,
		finishedAt: null
	};
}

/** The id of a member's daily set for a day and round. */
export const dailyId = (member: string, day: string, round: number) =>
	`daily:${member}:${day}:${round}`;

/** A daily set, made the first time it is opened and kept as drawn. */
export async function openDaily(
	db: GongxueDb,
	member: string,
	day: string,
	round: number,
	questionIds: string[],
	now: number,
	banks: string[] = []
): Promise<PracticeRow> {
	return db.transaction('rw', db.practice, async () => {
		const id = dailyId(member, day, round);
		const stored = await db.practice.get(id);
		if (stored) return stored;
		const row = { ...newSet(id, 'daily', member, day, round, questionIds, now), banks };
		await db.practice.add(row);
		return row;
	});
}

/** A question missed at `now` goes into the 错题本, or back to the start of its climb. */
export async function addMistake(db: GongxueDb, questionId: string, now: number): Promise<void> {
	const row = await db.mistakes.get(questionId);
	const card = missedCard(now);
	await db.mistakes.put(
		row
			? { ...row, card, missedAt: now, misses: row.misses + 1, graduatedAt: null }
			: {
					questionId,
					card,
					note: '',
					firstMissedAt: now,
					missedAt: now,
					misses: 1,
					graduatedAt: null
				}
	);
}

/**
 * An answer in a daily set. Round 0 is scored: its answer goes to the server as a
 * `daily.answered` event; 再来一组 rounds are practice only. A wrong answer enters the 错题本.
 */
export async function answerDaily(
	db: GongxueDb,
	id: string,
	answer: AnswerRow
): Promise<PracticeRow> {
	return db.transaction('rw', [db.practice, db.outbox, db.meta, db.mistakes], async () => {
		const row = await db.practice.get(id);
		if (!row) throw new Error(`practice ${id} not found`);
		if (row.answers.some((a) => a.questionId === answer.questionId)) return row;
		row.answers.push(answer);
		if (row.answers.length >= row.questionIds.length) row.finishedAt = answer.at;
		await db.practice.put(row);
		if (row.round === 0) {
			await addEvent(
				db,
				'daily.answered',
				{
					day: row.day,
					questionId: answer.questionId,
					answer: answer.given,
					...(row.banks?.length ? { banks: row.banks } : {})
				},
				answer.at
			);
		}
		if (!answer.correct) await addMistake(db, answer.questionId, answer.at);
		return row;
	});
}

/** A new 挑战答题 run over `questionIds` (already in the run's order). */
export async function startChallenge(
	db: GongxueDb,
	run: string,
	member: string,
	day: string,
	questionIds: string[],
	now: number
): Promise<PracticeRow> {
	const row = newSet(`challenge:${run}`, 'challenge', member, day, 0, questionIds, now);
	await db.practice.add(row);
	return row;
}

/**
 * An answer in a challenge run. The run ends at the first mistake (or when the member stops, or
 * the questions run out): then, and only then, the whole run goes to the server as one
 * `challenge.completed` event, which the server re-grades.
 */
export async function answerChallenge(
	db: GongxueDb,
	id: string,
	answer: AnswerRow | null,
	now: number
): Promise<PracticeRow> {
	return db.transaction('rw', [db.practice, db.outbox, db.meta, db.mistakes], async () => {
		const row = await db.practice.get(id);
		if (!row) throw new Error(`practice ${id} not found`);
		if (row.finishedAt !== null) return row;
		if (answer !== null && !row.answers.some((a) => a.questionId === answer.questionId)) {
			row.answers.push(answer);
			if (!answer.correct) await addMistake(db, answer.questionId, answer.at);
		}
		const over = answer === null || !answer.correct || row.answers.length >= row.questionIds.length;
		if (over) {
			row.finishedAt = now;
			if (row.answers.length > 0) {
				await addEvent(
					db,
					'challenge.completed',
					{
						run: row.id.slice('challenge:'.length),
						answers: row.answers.map((a) => ({ questionId: a.questionId, answer: a.given }))
					},
					now
				);
			}
		}
		await db.practice.put(row);
		return row;
	});
}

/** A review of a 错题本 question: its next schedule; it leaves the book once recalled well. */
export async function reviewMistake(
	db: GongxueDb,
	questionId: string,
	correct: boolean,
	now: number
): Promise<MistakeRow | null> {
	return db.transaction('rw', db.mistakes, async () => {
		const row = await db.mistakes.get(questionId);
		if (!row || row.graduatedAt !== null) return row ?? null;
		const r = reviewCard(row.card, correct, now);
		const next: MistakeRow = {
			...row,
			card: r.card,
			graduatedAt: r.graduated ? now : null,
			...(correct ? {} : { missedAt: now, misses: row.misses + 1 })
		};
		await db.mistakes.put(next);
		return next;
	});
}

/** The member's note on a 错题本 question. */
export async function noteMistake(db: GongxueDb, questionId: string, note: string): Promise<void> {
	await db.mistakes.update(questionId, { note: note.slice(0, 500) });
}
