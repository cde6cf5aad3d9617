// GET /api/gongxue/leaderboard: my branch's members ranked by points (competition ranking), and
// my organisation's branches ranked by points per member, so a small branch can beat a big one.
// Points are earned the real way: lessons on the server, `lesson.completed` events from members.
import PocketBase, { ClientResponseError } from 'pocketbase';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodsOf } from '../../src/lib/credits/engine';
import type { Board as AppBoard } from '../../src/lib/state/member';
import { client, makeLesson, makeOrg, startServer, type Ctx, type Org } from './harness';

/** The board as the app reads it, with the period's key the server answers for. */
type Board = AppBoard & { key: string };

let ctx: Ctx;
let a: Org;
let b: Org;

/** Each person earns their points by completing one lesson worth exactly that much. */
async function earn(pb: PocketBase, credits: number) {
	const { lessonId } = await makeLesson(ctx, { minutes: 5, credits });
	const r = await pb.collection('events').create({
		event_id: v7(),
		type: 'lesson.completed',
		payload: { lessonId, hash: 'h', seconds: 300, readRatio: 1 }
	});
	expect(r.points).toBe(credits);
}

beforeAll(async () => {
	ctx = await startServer();
	a = await makeOrg(ctx);
	b = await makeOrg(ctx);
	for (const [key, id] of Object.entries(b.ids))
		await ctx.su.collection('users').update(id, { name: `B-${key}` });
	// A0 (4 people): 10 + 10 + 4 + 0 = 24, 6 each. A1 (2 people): 9 + 5 = 14, 7 each.
	await earn(a.as.member, 10);
	await earn(a.as.other, 10);
	await earn(a.as.secretary, 4);
	await earn(a.as.stranger, 9);
	await earn(a.as.otherSecretary, 5);
	// B0: 10 + 2 = 12 over 4 people, 3 each; B1: 6 over 2, also 3 each.
	await earn(b.as.member, 10);
	await earn(b.as.other, 2);
	await earn(b.as.stranger, 6);
	// The other member of A0 chooses to appear anonymously.
	await a.as.other.collection('users').update(a.ids.other, { hide_name: true });
}, 60_000);
afterAll(() => ctx?.close());

const board = (pb: PocketBase, period?: string) =>
	pb.send<Board>('/api/gongxue/leaderboard', { query: period ? { period } : {} });

describe('the leaderboard', () => {
	it('refuses guests with 401', async () => {
		const error = await board(client(ctx.server.url)).then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(ClientResponseError);
		expect((error as ClientResponseError).status).toBe(401);
	});

	it('ranks my branch’s members by points, ties sharing a rank (1, 1, 3, 4)', async () => {
		const r = await board(a.as.member, 'all');
		expect(r.members).toEqual([
			{ rank: 1, name: 'member-姓名', anonymous: false, points: 10, me: true },
			{ rank: 1, name: '', anonymous: true, points: 10, me: false },
			{ rank: 3, name: 'secretary-姓名', anonymous: false, points: 4, me: false },
			{ rank: 4, name: 'admin-姓名', anonymous: false, points: 0, me: false }
		]);
		expect(r.me).toEqual({ rank: 1, points: 10, of: 4 });
		expect((await board(a.as.secretary, 'all')).me).toEqual({ rank: 3, points: 4, of: 4 });
		expect((await board(a.as.admin, 'all')).me).toEqual({ rank: 4, points: 0, of: 4 });
	});

	it('hides an anonymous member’s name from others, but shows it to them', async () => {
		const seenByOthers = await board(a.as.secretary, 'all');
		expect(JSON.stringify(seenByOthers)).not.toContain('other-姓名');
		expect(JSON.stringify(seenByOthers)).not.toContain(a.ids.other);
		expect(seenByOthers.members.filter((m) => m.anonymous)).toEqual([
			{ rank: 1, name: '', anonymous: true, points: 10, me: false }
		]);
		const own = await board(a.as.other, 'all');
		expect(own.members.find((m) => m.me)).toEqual({
			rank: 1,
			name: 'other-姓名',
			anonymous: false,
			points: 10,
			me: true
		});
		expect(own.members.filter((m) => m.me)).toHaveLength(1);
	});

	it('ranks branches by points per member, so the small branch beats the big one', async () => {
		const r = await board(a.as.member, 'all');
		expect(r.branches).toEqual([
			{
				id: a.branches[1],
				name: '第二支部',
				members: 2,
				total: 14,
				average: 7,
				mine: false,
				rank: 1
			},
			{
				id: a.branches[0],
				name: '第一支部',
				members: 4,
				total: 24,
				average: 6,
				mine: true,
				rank: 2
			}
		]);
		const fromTheSmallBranch = await board(a.as.stranger, 'all');
		expect(fromTheSmallBranch.branches.map((x) => [x.id, x.rank, x.mine])).toEqual([
			[a.branches[1], 1, true],
			[a.branches[0], 2, false]
		]);
		expect(fromTheSmallBranch.members.map((m) => [m.name, m.rank, m.points])).toEqual([
			['stranger-姓名', 1, 9],
			['otherSecretary-姓名', 2, 5]
		]);
		expect(fromTheSmallBranch.me).toEqual({ rank: 1, points: 9, of: 2 });
	});

	it('gives branches with the same points per member the same rank', async () => {
		const r = await board(b.as.member, 'all');
		expect(r.branches.map((x) => [x.id, x.average, x.total, x.rank])).toEqual([
			[b.branches[0], 3, 12, 1],
			[b.branches[1], 3, 6, 1]
		]);
	});

	it('never shows members or branches of another organisation', async () => {
		for (const pb of Object.values(a.as)) {
			const r = await board(pb, 'all');
			expect(r.members.some((m) => m.name.startsWith('B-'))).toBe(false);
			expect(r.branches.map((x) => x.id).sort()).toEqual([...a.branches].sort());
		}
		const seenFromB = await board(b.as.member, 'all');
		expect(seenFromB.members.map((m) => m.name)).toEqual([
			'B-member',
			'B-other',
			'B-secretary',
			'B-admin'
		]);
		expect(seenFromB.branches.map((x) => x.id).sort()).toEqual([...b.branches].sort());
	});

	it('counts a member’s points for the branch the admin moves them to', async () => {
		const c = await makeOrg(ctx);
		await earn(c.as.member, 8);
		const before = await board(c.as.admin, 'all');
		const total = (r: Board, id: string) => r.branches.find((x) => x.id === id)?.total;
		expect([total(before, c.branches[0]), total(before, c.branches[1])]).toEqual([8, 0]);
		await c.as.admin.collection('users').update(c.ids.member, { branch: c.branches[1] });
		const after = await board(c.as.admin, 'all');
		expect([total(after, c.branches[0]), total(after, c.branches[1])]).toEqual([0, 8]);
		expect(after.branches.find((x) => x.id === c.branches[1])?.members).toBe(3);
		const moved = await board(c.as.member, 'all');
		expect(moved.me).toEqual({ rank: 1, points: 8, of: 3 });
	});

	it.each(['week', 'month', 'all'] as const)('answers for period=%s', async (period) => {
		const r = await board(a.as.member, period);
		expect(r.period).toBe(period);
		expect(r.key).toBe(periodsOf(Date.now())[period]);
		// Every point was earned just now, so this week's and month's boards are the all-time one.
		expect(r.members.map((m) => m.points)).toEqual([10, 10, 4, 0]);
		expect(r.branches.map((x) => x.average)).toEqual([7, 6]);
		expect(r.me).toEqual({ rank: 1, points: 10, of: 4 });
	});

	it.each([undefined, 'year'])('answers with this week for period=%s', async (period) => {
		const r = await board(a.as.member, period);
		expect(r.period).toBe('week');
		expect(r.key).toBe(periodsOf(Date.now()).week);
		expect(r.me).toEqual({ rank: 1, points: 10, of: 4 });
	});
});
