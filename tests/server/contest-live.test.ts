// A live contest by push on a real PocketBase: the request that keeps the server's clock sends
// each question as it opens (no key) and the board with the key as it closes, over the contest's
// realtime topic, to its members and leaders only; the first request after a close counts if no
// clock did.
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_SCORE } from '../../src/lib/quiz/contest';
import { answer, clock, contestOrg, liveContest as liveContestOf, play } from './contest-helpers';
import type { Ctx, Org } from './harness';

// The PocketBase SDK's realtime uses the browser's EventSource; Node 20 has none.
(globalThis as { EventSource?: unknown }).EventSource ??= EventSource;

let ctx: Ctx;
let a: Org;
let bankId: string;

beforeAll(async () => {
	({ ctx, a, bankId } = await contestOrg());
}, 60_000);
afterAll(() => ctx?.close());

const liveContest = (ago: number, seconds?: number, count?: number) =>
	liveContestOf(a.as.secretary, bankId, ago, seconds, count);

describe('a live contest by push', () => {
	it('sends each question as it opens and the board as it closes, to the contest’s members only; the key only after the close', async () => {
		const c = await liveContest(-2_500, 5, 2);
		const topic = `gongxue/contest/${c.id}`;
		const heard: Record<string, Record<string, unknown>[]> = { other: [], stranger: [] };
		const stops = await Promise.all(
			(['other', 'stranger'] as const).map((who) =>
				a.as[who].realtime.subscribe(topic, (m: Record<string, unknown>) => heard[who]!.push(m))
			)
		);
		const answers: Record<string, unknown>[] = [];
		const stopAnswers = await a.as.other
			.collection('contest_answers')
			.subscribe('*', (e) => answers.push(e.record));
		try {
			// The first device to ask keeps the question's time; every other is answered at once.
			const keeping = clock(a.as.member, c.id, 0);
			await new Promise((r) => setTimeout(r, 200));
			const t0 = Date.now();
			expect(await clock(a.as.other, c.id, 0)).toEqual({ kept: true });
			expect(Date.now() - t0).toBeLessThan(1_000);
			await expect.poll(() => heard.other!.length, { timeout: 5_000 }).toBe(1);
			const opened = heard.other![0]!;
			expect(opened).toMatchObject({ kind: 'open', position: 0 });
			expect(opened.question).toMatchObject({ position: 0, type: 'single' });
			expect(JSON.stringify(opened.question)).not.toMatch(/"answer"|"explanation"/);
			await answer(a.as.member, c.id, 0, ['A']);
			await expect.poll(() => heard.other!.length, { timeout: 6_000 }).toBe(2);
			const closed = heard.other![1]! as {
				kind: string;
				board: { members: { user: string; total: number; place: number }[] };
				reveal: { position: number; question: { answer: string }; accuracy: unknown };
			};
			expect(closed.kind).toBe('board');
			expect(closed.board.members).toMatchObject([{ user: a.ids.member, answered: 1, place: 1 }]);
			expect(closed.board.members[0]!.total).toBeGreaterThan(FULL_SCORE / 2);
			expect(closed.reveal).toMatchObject({
				position: 0,
				question: { answer: 'A' },
				accuracy: { answers: 1, right: 1 }
			});
			// The same request keeps the next question's time too, whoever else asks.
			expect(await clock(a.as.other, c.id, 1)).toEqual({ kept: true });
			expect(await keeping).toEqual({ position: 1, closed: true });
			await expect.poll(() => heard.other!.length, { timeout: 5_000 }).toBe(4);
			expect(
				heard.other!.map((m) => [
					m.kind,
					(m.reveal as { position: number } | null)?.position ?? m.position
				])
			).toEqual([
				['open', 0],
				['board', 0],
				['open', 1],
				['board', 1]
			]);
			expect((heard.other![3]!.board as { final: boolean }).final).toBe(true);
			// A member of another branch hears nothing, nor anyone another's answers.
			expect(heard.stranger).toEqual([]);
			expect(answers).toEqual([]);
		} finally {
			await Promise.all([...stops, stopAnswers].map((stop) => stop()));
		}
	}, 30_000);

	it('keeps no clock for a stranger, a question that does not exist, or one far off', async () => {
		const soon = await liveContest(-2_000, 5, 2);
		await expect(clock(a.as.stranger, soon.id, 0)).rejects.toMatchObject({ status: 404 });
		await expect(clock(a.as.member, soon.id, 5)).rejects.toMatchObject({ status: 400 });
		await expect(clock(a.as.member, soon.id, -1)).rejects.toMatchObject({ status: 400 });
		const later = await liveContest(-10 * 60_000, 5, 2);
		expect(await clock(a.as.member, later.id, 0)).toEqual({ early: true });
	});

	it('a board still goes out when no device kept the time: the first request after the close counts', async () => {
		const c = await liveContest(1_000, 5, 2);
		const heard: Record<string, unknown>[] = [];
		const stop = await a.as.other.realtime.subscribe(`gongxue/contest/${c.id}`, (m) =>
			heard.push(m)
		);
		try {
			await answer(a.as.member, c.id, 0, ['B']);
			await new Promise((r) => setTimeout(r, 4_500));
			await play(a.as.other, c.id);
			await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(1);
			expect(heard[0]).toMatchObject({
				kind: 'board',
				reveal: { position: 0, accuracy: { answers: 1, right: 0 } }
			});
		} finally {
			await stop();
		}
	}, 20_000);
});
