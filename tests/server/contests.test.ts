// Contests on a real PocketBase: a leader sets one up from their own banks and the server draws
// and keeps the questions; members play a live contest through the server's routes, which reveal
// each question by the server's clock, refuse late, early and repeated answers, score by speed,
// and show no key, correctness or score before a question closes (not by list, view, filter,
// expand or the play route).
import { EventSource } from 'eventsource';
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_SCORE, REVEAL_SECONDS } from '../../src/lib/quiz/contest';
import { makeOrg, startServer, unique, type Ctx, type Org } from './harness';

// The PocketBase SDK's realtime uses the browser's EventSource; Node 20 has none.
(globalThis as { EventSource?: unknown }).EventSource ??= EventSource;

let ctx: Ctx;
let a: Org;
let b: Org;
/** A bank of branch 0 of A: ten single-choice questions, every key `A`. */
let bankId: string;

const bankText = (n: number) =>
	Array.from(
		{ length: n },
		(_, i) => `${i + 1}.【单选】竞赛第 ${i + 1} 题（${unique('')}）\nA. 对\nB. 错\n答案：A\n`
	).join('\n');

beforeAll(async () => {
	ctx = await startServer();
	a = await makeOrg(ctx);
	b = await makeOrg(ctx);
	const bank = await a.as.secretary
		.collection('banks')
		.create({ name: '竞赛题库', text: bankText(10) });
	bankId = bank.id;
}, 60_000);
afterAll(() => ctx?.close());

const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

/** A live contest of branch 0 of A whose first question opened `ago` ms before now. */
async function liveContest(ago: number, seconds = 30, count = 3) {
	const start = Date.now() - ago;
	return a.as.secretary.collection('contests').create({
		name: unique('竞赛'),
		mode: 'live',
		scope: 'branch',
		banks: [bankId],
		count,
		seconds,
		// Created a moment before its start: the server allows a minute's slack.
		starts_at: iso(Math.max(start, Date.now() - 50_000))
	});
}

const play = (pb: PocketBase, id: string) =>
	pb.send(`/api/gongxue/contests/${id}/play`, { method: 'GET' });
const answer = (pb: PocketBase, id: string, position: number, given: string[]) =>
	pb.send(`/api/gongxue/contests/${id}/answer`, {
		method: 'POST',
		body: { position, answer: given }
	});

describe('setting up a contest', () => {
	it('a secretary draws it from their own bank; its questions never leave the server', async () => {
		const c = await liveContest(-60_000);
		expect(c).toMatchObject({ count: 3, branches: [a.branches[0]], organisation: a.org });
		expect(c.questions).toBeUndefined();
		for (const pb of [a.as.member, a.as.secretary, a.as.admin]) {
			const seen = await pb.collection('contests').getOne(c.id);
			expect(seen.questions).toBeUndefined();
			expect(JSON.stringify(await pb.collection('contests').getFullList())).not.toContain('答案');
		}
		// Filtering on the hidden field tells nothing either.
		await expect(
			a.as.member.collection('contests').getFullList({ filter: 'questions ~ "A"' })
		).rejects.toMatchObject({ status: 400 });
		const stored = await ctx.su.collection('contests').getOne(c.id);
		expect(stored.questions).toHaveLength(3);
	});

	it('is seen by the branches it is for, not by others', async () => {
		const c = await liveContest(-60_000);
		const ids = async (pb: PocketBase) =>
			(await pb.collection('contests').getFullList()).map((x) => x.id);
		expect(await ids(a.as.member)).toContain(c.id);
		expect(await ids(a.as.admin)).toContain(c.id);
		expect(await ids(a.as.stranger)).not.toContain(c.id);
		expect(await ids(a.as.otherSecretary)).not.toContain(c.id);
		expect(await ids(b.as.admin)).not.toContain(c.id);
		await expect(play(a.as.stranger, c.id)).rejects.toMatchObject({ status: 404 });
	});

	it('refuses what a leader may not set up, in Chinese', async () => {
		const base = {
			name: '竞赛',
			mode: 'live',
			banks: [bankId],
			count: 3,
			seconds: 20,
			starts_at: iso(Date.now() + 60_000)
		};
		const refused = (pb: PocketBase, body: Record<string, unknown>) =>
			pb
				.collection('contests')
				.create(body)
				.then(
					() => null,
					(e: { status: number; response: { message: string } }) => [e.status, e.response.message]
				);
		// A member may not create one at all (PocketBase answers a failed create rule with 400).
		expect((await refused(a.as.member, { ...base, scope: 'branch' }))?.[0]).toBe(400);
		expect(await refused(a.as.secretary, { ...base, scope: 'organisation' })).toEqual([
			403,
			'支部书记只能为本支部创建竞赛。'
		]);
		expect(await refused(a.as.otherSecretary, { ...base, scope: 'branch' })).toEqual([
			403,
			'只能使用本支部（或本组织）自己的题库。'
		]);
		expect(await refused(a.as.secretary, { ...base, scope: 'branch', count: 11 })).toEqual([
			400,
			'所选题库只有 10 道题，不够 11 道。'
		]);
		expect(
			await refused(a.as.secretary, {
				...base,
				scope: 'branch',
				starts_at: iso(Date.now() - 3_600_000)
			})
		).toEqual([400, '开始时间不能早于现在。']);
		expect(await refused(a.as.secretary, { ...base, scope: 'branch', mode: 'window' })).toEqual([
			400,
			'目前只能创建直播赛，限时赛即将推出。'
		]);
		// An organisation-wide contest is the admin's, from the organisation's banks.
		const org = await a.as.admin.collection('contests').create({ ...base, scope: 'organisation' });
		expect(org).toMatchObject({ scope: 'organisation', branches: [] });
		expect((await b.as.admin.collection('contests').getFullList()).map((x) => x.id)).not.toContain(
			org.id
		);
	});
});

describe('a live contest', () => {
	it('waits in the lobby, then shows the open question without its key', async () => {
		const lobby = await liveContest(-60_000);
		expect(await play(a.as.member, lobby.id)).toMatchObject({ phase: 'lobby', question: null });
		const c = await liveContest(1_000);
		const state = await play(a.as.member, c.id);
		expect(state).toMatchObject({ phase: 'open', position: 0, reveal: null, mine: null });
		expect(state.question.options.map((o: { key: string }) => o.key)).toEqual(['A', 'B']);
		expect(state.question).not.toHaveProperty('answer');
		expect(state.question).not.toHaveProperty('explanation');
		expect(state.closesAt - state.opensAt).toBe(30_000);
	});

	it('takes one answer per member per open question; early, late and repeated ones are refused', async () => {
		const c = await liveContest(1_000);
		const r = await answer(a.as.member, c.id, 0, ['A']);
		expect(r.position).toBe(0);
		await expect(answer(a.as.member, c.id, 0, ['B'])).rejects.toMatchObject({
			status: 409,
			response: { message: '这道题你已经作答过了。' }
		});
		await expect(answer(a.as.member, c.id, 1, ['A'])).rejects.toMatchObject({
			status: 409,
			response: { message: '这道题已经截止，不能再作答。' }
		});
		await expect(answer(a.as.member, c.id, 0, [])).rejects.toMatchObject({ status: 400 });
		const lobby = await liveContest(-60_000);
		await expect(answer(a.as.member, lobby.id, 0, ['A'])).rejects.toMatchObject({
			status: 409,
			response: { message: '竞赛还没有开始。' }
		});
		// Nobody writes answers or scores directly.
		await expect(
			a.as.member.collection('contest_answers').create({
				contest: c.id,
				user: a.ids.member,
				position: 1,
				answer: ['A'],
				correct: true,
				score: 100
			})
		).rejects.toMatchObject({ status: 403 });
		await expect(
			a.as.member
				.collection('contest_scores')
				.create({ contest: c.id, user: a.ids.member, total: 999 })
		).rejects.toMatchObject({ status: 403 });
	});

	it('keeps correctness, score and key to itself until the question closes, then shows them', async () => {
		const c = await liveContest(1_000, 5, 2);
		await answer(a.as.member, c.id, 0, ['A']);
		await answer(a.as.other, c.id, 0, ['B']);
		const mine = await a.as.member.collection('contest_answers').getFullList({
			filter: `contest = "${c.id}"`
		});
		expect(mine).toHaveLength(1);
		expect(mine[0]).not.toHaveProperty('correct');
		expect(mine[0]).not.toHaveProperty('score');
		await expect(
			a.as.member.collection('contest_answers').getFullList({
				filter: `contest = "${c.id}" && correct = true`
			})
		).rejects.toMatchObject({ status: 400 });
		expect(
			await a.as.member.collection('contest_scores').getFullList({ filter: `contest = "${c.id}"` })
		).toEqual([]);

		// The question closes five seconds after it opened; then its key shows.
		await new Promise((r) => setTimeout(r, 5_000));
		const state = await play(a.as.member, c.id);
		expect(state).toMatchObject({ phase: 'reveal', position: 0 });
		expect(state.reveal.question.answer).toBe('A');
		expect(state.reveal.accuracy).toEqual({ answers: 2, right: 1 });
		expect(state.mine.correct).toBe(true);
		expect(state.mine.score).toBeGreaterThan(FULL_SCORE / 2);
		const board = await a.as.stranger
			.collection('contest_scores')
			.getFullList({ filter: `contest = "${c.id}"` })
			.catch(() => []);
		expect(board).toEqual([]);
		const seen = await a.as.other
			.collection('contest_scores')
			.getFullList({ filter: `contest = "${c.id}"`, sort: '-total' });
		expect(seen.map((s) => [s.user, s.answered])).toEqual([
			[a.ids.member, 1],
			[a.ids.other, 1]
		]);
		expect(seen[0]!.total).toBe(state.mine.score);
		expect(seen[1]!.total).toBe(0);
		const counted = await a.as.member
			.collection('contest_answers')
			.getFullList({ filter: `contest = "${c.id}"` });
		expect(counted[0]).toMatchObject({ counted: true, answer: ['A'] });
	}, 20_000);

	it('opens the next question after the key has shown, by the server’s clock', async () => {
		const c = await liveContest((5 + REVEAL_SECONDS) * 1000 + 500, 5, 2);
		expect(await play(a.as.member, c.id)).toMatchObject({ phase: 'open', position: 1 });
	});

	it('sends the board live as a question closes, to the contest’s members only, never a key', async () => {
		const c = await liveContest(1_000, 5, 2);
		const heard: Record<string, Record<string, unknown>[]> = { other: [], stranger: [] };
		const stops = await Promise.all(
			(['other', 'stranger'] as const).map((who) =>
				a.as[who]
					.collection('contest_scores')
					.subscribe('*', (e) => heard[who]!.push(e.record), { filter: `contest = "${c.id}"` })
			)
		);
		const answers: Record<string, unknown>[] = [];
		const stopAnswers = await a.as.other
			.collection('contest_answers')
			.subscribe('*', (e) => answers.push(e.record));
		try {
			await answer(a.as.member, c.id, 0, ['A']);
			await new Promise((r) => setTimeout(r, 1_000));
			expect(heard.other).toEqual([]);
			// The question closes; the first request after it brings the board up to date.
			await new Promise((r) => setTimeout(r, 4_500));
			await play(a.as.other, c.id);
			await expect.poll(() => heard.other!.length, { timeout: 5_000 }).toBe(1);
			expect(heard.other![0]).toMatchObject({ user: a.ids.member, answered: 1 });
			expect(Number(heard.other![0]!.total)).toBeGreaterThan(FULL_SCORE / 2);
			expect(heard.stranger).toEqual([]);
			// Another member's answers never reach `other`, nor anyone's correctness.
			expect(answers).toEqual([]);
		} finally {
			await Promise.all([...stops, stopAnswers].map((stop) => stop()));
		}
	}, 20_000);
});
