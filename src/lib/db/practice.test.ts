import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	answerChallenge,
	answerDaily,
	GongxueDb,
	openAttempt,
	openDaily,
	recordAnswer,
	reviewMistake,
	startChallenge
} from '$lib/db';

let db: GongxueDb;
let n = 0;
const t0 = Date.UTC(2026, 11, 1, 2);
const DAY = 86_400_000;
const answer = (questionId: string, correct: boolean, at = t0) => ({
	questionId,
	given: [correct ? 'A' : 'B'],
	correct,
	at
});

beforeEach(async () => {
	db = new GongxueDb(`practice-${++n}`);
	await db.open();
});

afterEach(async () => {
	await db.delete();
});

describe('每日答题 on the device', () => {
	it('keeps the day’s set as drawn and sends each scored answer once, with its day', async () => {
		const set = await openDaily(db, 'm1', '2026-12-01', 0, ['q1', 'q2'], t0);
		expect(await openDaily(db, 'm1', '2026-12-01', 0, ['other'], t0)).toEqual(set);
		await answerDaily(db, set.id, answer('q1', true));
		await answerDaily(db, set.id, answer('q1', false));
		const row = await answerDaily(db, set.id, answer('q2', true));
		expect(row.answers.map((a) => a.questionId)).toEqual(['q1', 'q2']);
		expect(row.finishedAt).toBe(t0);
		const events = await db.outbox.toArray();
		expect(events.map((e) => [e.type, e.payload])).toEqual([
			['daily.answered', { day: '2026-12-01', questionId: 'q1', answer: ['A'] }],
			['daily.answered', { day: '2026-12-01', questionId: 'q2', answer: ['A'] }]
		]);
	});

	it('再来一组 is practice: no event, but a miss still goes to the 错题本', async () => {
		const set = await openDaily(db, 'm1', '2026-12-01', 1, ['q3'], t0);
		await answerDaily(db, set.id, answer('q3', false));
		expect(await db.outbox.count()).toBe(0);
		expect((await db.mistakes.get('q3'))?.misses).toBe(1);
	});
});

describe('挑战答题 on the device', () => {
	it('sends the whole run once, when the first mistake ends it', async () => {
		const run = await startChallenge(db, 'r1', 'm1', '2026-12-01', ['q1', 'q2', 'q3'], t0);
		await answerChallenge(db, run.id, answer('q1', true), t0);
		expect(await db.outbox.count()).toBe(0);
		const ended = await answerChallenge(db, run.id, answer('q2', false), t0 + 5);
		expect(ended.finishedAt).toBe(t0 + 5);
		await answerChallenge(db, run.id, answer('q3', true), t0 + 9);
		const events = await db.outbox.toArray();
		expect(events.map((e) => [e.type, e.payload])).toEqual([
			[
				'challenge.completed',
				{
					run: 'r1',
					answers: [
						{ questionId: 'q1', answer: ['A'] },
						{ questionId: 'q2', answer: ['B'] }
					]
				}
			]
		]);
		expect(await db.mistakes.get('q2')).toBeDefined();
	});

	it('a run the member stops counts as far as it went; an empty one sends nothing', async () => {
		const run = await startChallenge(db, 'r2', 'm1', '2026-12-01', ['q1', 'q2'], t0);
		await answerChallenge(db, run.id, answer('q1', true), t0);
		await answerChallenge(db, run.id, null, t0 + 1);
		const empty = await startChallenge(db, 'r3', 'm1', '2026-12-01', ['q1'], t0);
		await answerChallenge(db, empty.id, null, t0 + 2);
		const events = await db.outbox.toArray();
		expect(events).toHaveLength(1);
		expect(events[0]!.payload.run).toBe('r2');
	});
});

describe('错题本 on the device', () => {
	it('collects a lesson quiz’s misses too, and lets a question leave after recalls at growing intervals', async () => {
		const attempt = await openAttempt(db, 'l1', ['q9'], t0);
		await recordAnswer(db, attempt.id, answer('q9', false));
		let row = await db.mistakes.get('q9');
		expect(row).toMatchObject({ misses: 1, graduatedAt: null });
		for (let i = 0; i < 3; i++) row = (await reviewMistake(db, 'q9', true, row!.card.due))!;
		expect(row!.graduatedAt).not.toBeNull();
		expect(row!.card.due - row!.card.lastReview!).toBeGreaterThanOrEqual(21 * DAY);
	});
});
