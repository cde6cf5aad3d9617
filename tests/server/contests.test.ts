// Contests on a real PocketBase: a leader sets one up from their own banks and the server draws
// and keeps the questions; members play a live contest through the server's routes, which reveal
// each question by the server's clock, refuse late, early and repeated answers, score by speed,
// and show no key, correctness or score before a question closes (not by list, view, filter,
// expand or the play route).
import { EventSource } from 'eventsource';
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_SCORE, REVEAL_SECONDS } from '../../src/lib/quiz/contest';
import {
	answer,
	bankText,
	iso,
	liveContest as liveContestOf,
	play,
	results
} from './contest-helpers';
import { makeOrg, startServer, unique, type Ctx, type Org } from './harness';

// The PocketBase SDK's realtime uses the browser's EventSource; Node 20 has none.
(globalThis as { EventSource?: unknown }).EventSource ??= EventSource;

let ctx: Ctx;
let a: Org;
let b: Org;
/** A bank of branch 0 of A: ten single-choice questions, every key `A`. */
let bankId: string;

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

const liveContest = (ago: number, seconds?: number, count?: number) =>
	liveContestOf(a.as.secretary, bankId, ago, seconds, count);
/** The member's all-time points as the server counts them. */
async function totals(pb: PocketBase, user: string): Promise<number> {
	const rows = await pb
		.collection('point_totals')
		.getFullList({ filter: `user = "${user}" && period = "all"` });
	return rows.reduce((sum, r) => sum + Number(r.points), 0);
}
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
		// Nor through a relation's expand, from any record that points at the contest.
		await answer(a.as.member, c.id, 0, ['A']).catch(() => undefined);
		const expanded = await a.as.member
			.collection('contest_answers')
			.getFullList({ filter: `contest = "${c.id}"`, expand: 'contest' });
		for (const row of expanded) expect(row.expand?.contest?.questions).toBeUndefined();
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
		expect(
			await refused(a.as.secretary, {
				...base,
				scope: 'branch',
				mode: 'window',
				ends_at: iso(Date.now() + 30_000)
			})
		).toEqual([400, '限时赛的结束时间要晚于开始时间。']);
		expect(
			await refused(a.as.secretary, { ...base, scope: 'branch', place_points: [5, 3, 1, 1] })
		).toEqual([400, '参与积分和名次积分为 0–20 的整数，名次最多 3 个。']);
		expect(
			await refused(a.as.secretary, { ...base, scope: 'branch', participation_points: 21 })
		).toEqual([400, '参与积分和名次积分为 0–20 的整数，名次最多 3 个。']);
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
		// The board record says the same, to the contest's members only.
		const [boardRow] = await a.as.other
			.collection('contest_boards')
			.getFullList({ filter: `contest = "${c.id}"` });
		expect(boardRow).toMatchObject({ participants: 2, closed: 0, final: false });
		expect(
			boardRow!.members.map((m: { user: string; place: number }) => [m.user, m.place])
		).toEqual([
			[a.ids.member, 1],
			[a.ids.other, 2]
		]);
		expect(boardRow!.branches).toMatchObject([{ branch: a.branches[0], members: 2, place: 1 }]);
		expect(JSON.stringify(boardRow)).not.toContain('correct');
		expect(
			await a.as.stranger
				.collection('contest_boards')
				.getFullList({ filter: `contest = "${c.id}"` })
				.catch(() => [])
		).toEqual([]);
		expect(state.me).toMatchObject({ place: 1, answered: 1, total: state.mine.score });
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
});

describe('results and points', () => {
	it('once the last question closes: podium, key, accuracy, answers, and points in the ledger once', async () => {
		const c = await a.as.secretary.collection('contests').create({
			name: unique('决赛'),
			mode: 'live',
			scope: 'branch',
			banks: [bankId],
			count: 1,
			seconds: 5,
			starts_at: iso(Date.now() - 500),
			participation_points: 2,
			place_points: [5, 3, 1]
		});
		await answer(a.as.member, c.id, 0, ['A']);
		await answer(a.as.other, c.id, 0, ['B']);
		await expect(results(a.as.member, c.id)).rejects.toMatchObject({
			status: 409,
			response: { message: '竞赛还没有结束，结果稍后公布。' }
		});
		const before = await totals(a.as.member, a.ids.member);
		await new Promise((r) => setTimeout(r, 5_000));

		const r = await results(a.as.member, c.id);
		expect(r.podium.map((m: { user: string; place: number }) => [m.user, m.place])).toEqual([
			[a.ids.member, 1],
			[a.ids.other, 2]
		]);
		expect(r.questions).toEqual([expect.objectContaining({ position: 0, answers: 2, right: 1 })]);
		expect(r.questions[0].question.answer).toBe('A');
		expect(r.mine).toEqual([
			expect.objectContaining({ position: 0, answer: ['A'], correct: true })
		]);
		// A member sees the standings, not the others' answers; the leader sees every answer.
		expect(r.leader).toBe(false);
		expect(r.members[1]).not.toHaveProperty('answers');
		const led = await results(a.as.secretary, c.id);
		expect(led.leader).toBe(true);
		expect(led.members[1]).toMatchObject({
			user: a.ids.other,
			right: 0,
			answers: [expect.objectContaining({ answer: ['B'], correct: false, score: 0 })]
		});
		await expect(results(a.as.stranger, c.id)).rejects.toMatchObject({ status: 404 });

		// Taking part earns 2, first place 5, second 3: written once by the server.
		await results(a.as.other, c.id);
		const ledger = async (pb: PocketBase, user: string) =>
			(
				await pb
					.collection('events')
					.getFullList({ filter: `user = "${user}" && subject = "${c.id}"`, sort: 'type' })
			).map((e) => [e.type, e.points, e.status]);
		expect(await ledger(a.as.member, a.ids.member)).toEqual([
			['contest.joined', 2, 'accepted'],
			['contest.placed', 5, 'accepted']
		]);
		expect(await ledger(a.as.other, a.ids.other)).toEqual([
			['contest.joined', 2, 'accepted'],
			['contest.placed', 3, 'accepted']
		]);
		expect(await totals(a.as.member, a.ids.member)).toBe(before + 7);
		expect((await ctx.su.collection('contests').getOne(c.id)).settled).toBe(true);
	}, 20_000);
});
