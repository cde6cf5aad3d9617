// A window contest ("same-set duel") on a real PocketBase: every member plays the same drawn set
// once at any time in the window, each question timed by the server from its showing; keys and
// scores stay on the server until the window closes.
import { afterAll, beforeAll, expect, describe, it } from 'vitest';
import { answer, contestOrg, iso, next, play, results } from './contest-helpers';
import { unique, type Ctx, type Org } from './harness';

let ctx: Ctx;
let a: Org;
let bankId: string;

beforeAll(async () => {
	({ ctx, a, bankId } = await contestOrg());
}, 60_000);
afterAll(() => ctx?.close());

describe('a window contest', () => {
	it('each member plays the same set once, each question timed from its showing; keys and scores wait for the window to close', async () => {
		const c = await a.as.secretary.collection('contests').create({
			name: unique('限时赛'),
			mode: 'window',
			scope: 'branch',
			banks: [bankId],
			count: 2,
			seconds: 5,
			starts_at: iso(Date.now() - 500),
			ends_at: iso(Date.now() + 9_000),
			participation_points: 1
		});
		expect(await play(a.as.member, c.id)).toMatchObject({ phase: 'ready', position: 0 });
		await expect(answer(a.as.member, c.id, 0, ['A'])).rejects.toMatchObject({ status: 409 });
		const first = await next(a.as.member, c.id, 0);
		expect(first).toMatchObject({ phase: 'open', position: 0, reveal: null });
		expect(first.question).not.toHaveProperty('answer');
		expect(first.closesAt - first.opensAt).toBe(5_000);
		// Asking again shows the same question with the same clock.
		expect((await next(a.as.member, c.id, 0)).opensAt).toBe(first.opensAt);
		await answer(a.as.member, c.id, 0, ['A']);
		// Answered: no key, no correctness, no score; the next question waits.
		const after = await play(a.as.member, c.id);
		expect(after).toMatchObject({ phase: 'ready', position: 1, reveal: null, me: null });
		expect(JSON.stringify(after)).not.toContain('"answer":"A"');

		// Another member plays the same set, in the same order.
		const theirs = await next(a.as.other, c.id, 0);
		expect(theirs.question.id).toBe(first.question.id);
		await answer(a.as.other, c.id, 0, ['B']);
		const second = await next(a.as.other, c.id, 1);
		expect(second.question.id).not.toBe(first.question.id);
		// Left too long: the question closes for them alone.
		await new Promise((r) => setTimeout(r, 5_200));
		await expect(answer(a.as.other, c.id, 1, ['A'])).rejects.toMatchObject({
			status: 409,
			response: { message: '这道题已经截止，不能再作答。' }
		});
		await next(a.as.member, c.id, 1);
		await answer(a.as.member, c.id, 1, ['A']);
		expect(await play(a.as.member, c.id)).toMatchObject({ phase: 'done' });
		expect(
			await a.as.member.collection('contest_boards').getFullList({ filter: `contest = "${c.id}"` })
		).toEqual([]);

		// The window closes: the board, the keys and the points.
		await new Promise((r) =>
			setTimeout(r, Math.max(0, new Date(c.ends_at).getTime() - Date.now()) + 300)
		);
		const r = await results(a.as.other, c.id);
		expect(
			r.members.map((m: { user: string; answered: number; right: number }) => [
				m.user,
				m.answered,
				m.right
			])
		).toEqual([
			[a.ids.member, 2, 2],
			[a.ids.other, 1, 0]
		]);
		expect(
			r.questions.map((q: { answers: number; right: number }) => [q.answers, q.right])
		).toEqual([
			[2, 1],
			[1, 1]
		]);
		expect(r.mine).toEqual([
			expect.objectContaining({ position: 0, answer: ['B'], correct: false }),
			expect.objectContaining({ position: 1, answer: null, correct: false })
		]);
		const joined = await a.as.other
			.collection('events')
			.getFullList({ filter: `user = "${a.ids.other}" && subject = "${c.id}"` });
		expect(joined.map((e) => [e.type, e.points])).toEqual([['contest.joined', 1]]);
	}, 30_000);
});
