// Transfers (组织关系转接) on a real PocketBase: a member asks by the new branch's join code, the
// new branch's leader accepts or rejects with a reason; an accepted move takes the member's
// history, credits and growth record along, while each branch's report counts only what happened
// in it, so the branches' figures add up to the member's total, nothing counted twice.
import PocketBase, { ClientResponseError } from 'pocketbase';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDay } from '../../src/lib/credits/engine';
import { makeLesson, makeOrg, startServer, type Ctx, type Org } from './harness';
import type { BranchReport, OrgOverview } from '../../src/lib/state/report.svelte';

let ctx: Ctx;
let lesson: Awaited<ReturnType<typeof makeLesson>>;
let second: Awaited<ReturnType<typeof makeLesson>>;

beforeAll(async () => {
	ctx = await startServer();
	lesson = await makeLesson(ctx, { minutes: 1, credits: 3 });
	second = await makeLesson(ctx, { minutes: 1, credits: 2 });
}, 60_000);
afterAll(() => ctx?.close());

const ask = (pb: PocketBase, join_code: string, note = '') =>
	pb.collection('transfers').create({ join_code, note });
const post = (pb: PocketBase, id: string, route: 'decide' | 'cancel', body: object = {}) =>
	pb.send(`/api/gongxue/transfers/${id}/${route}`, { method: 'POST', body });

/** The refusal a request ends with: its status and message. */
async function refusal(request: Promise<unknown>) {
	const error = await request.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ClientResponseError);
	const e = error as ClientResponseError;
	return { status: e.status, message: e.response.message as string };
}

/** A lesson's completion (3 or 2 points) and, for `lesson`, its question answered right (1). */
const completed = (l: typeof lesson) => ({
	type: 'lesson.completed',
	payload: { lessonId: l.lessonId, hash: 'h', seconds: 300, readRatio: 1 }
});
const answered = (l: typeof lesson) => ({
	type: 'quiz.answered',
	payload: { lessonId: l.lessonId, attemptId: 'a', questionId: l.questionId, answer: [l.key] }
});

async function push(pb: PocketBase, events: { type: string; payload: object }[]) {
	const batch = pb.createBatch();
	for (const ev of events) batch.collection('events').create({ event_id: v7(), ...ev });
	for (const r of await batch.send())
		expect((r.body as { status: string }).status).toBe('accepted');
}

const eventsOf = (user: string) =>
	ctx.su.collection('events').getFullList({
		filter: ctx.su.filter('user = {:user}', { user }),
		sort: 'created'
	});
const report = <T = BranchReport>(pb: PocketBase, branch?: string) =>
	pb.send<T>('/api/gongxue/report', { query: branch ? { branch } : {} });

describe('a transfer request', () => {
	let org: Org;
	beforeAll(async () => {
		org = await makeOrg(ctx);
	});

	it('names the new branch by its join code, and says in Chinese what is wrong', async () => {
		const me = org.as.member;
		expect(await refusal(ask(me, 'NOSUCH99'))).toEqual({
			status: 400,
			message: '加入码无效：请向新支部的书记确认加入码。'
		});
		expect(await refusal(ask(me, org.codes[0]))).toEqual({
			status: 400,
			message: '你已经在这个支部了，无需转接。'
		});
		expect(await refusal(ask(me, org.codes[1], '长'.repeat(201)))).toEqual({
			status: 400,
			message: '留言最多 200 字。'
		});
		const made = await ask(me, ` ${org.codes[1].toLowerCase()} `, '  工作调动到第二支部  ');
		expect(made).toMatchObject({
			user: org.ids.member,
			member_name: 'member-姓名',
			from_branch: org.branches[0],
			from_name: '第一支部',
			to_branch: org.branches[1],
			to_name: '第二支部',
			status: 'pending',
			note: '工作调动到第二支部'
		});
		expect(await refusal(ask(me, org.codes[1]))).toEqual({
			status: 400,
			message: '你已有一份待处理的转接申请：请等新支部处理，或先撤回它。'
		});
		expect(await post(me, made.id, 'cancel')).toEqual({ id: made.id, status: 'cancelled' });
		expect(await refusal(post(me, made.id, 'cancel'))).toEqual({
			status: 409,
			message: '这份转接申请已经处理过了，无法撤回。'
		});
		// Withdrawn, the member may ask again.
		expect(await ask(me, org.codes[1])).toMatchObject({ status: 'pending' });
	});

	it('is rejected only with a reason, which the member reads; they stay where they were', async () => {
		const [pending] = await org.as.member
			.collection('transfers')
			.getFullList({ filter: 'status = "pending"' });
		const id = pending?.id ?? '';
		const leader = org.as.otherSecretary;
		expect(await refusal(post(leader, id, 'decide', { action: 'reject', reason: ' ' }))).toEqual({
			status: 400,
			message: '请写明不同意转入的原因，申请人会看到它。'
		});
		expect(await refusal(post(leader, id, 'decide', { action: 'maybe' }))).toEqual({
			status: 400,
			message: '未知的操作：maybe'
		});
		const long = { action: 'reject', reason: '因'.repeat(201) };
		expect(await refusal(post(leader, id, 'decide', long))).toEqual({
			status: 400,
			message: '原因最多 200 字。'
		});
		const reason = '请先与原支部办理组织关系介绍信';
		expect(await post(leader, id, 'decide', { action: 'reject', reason })).toEqual({
			id,
			status: 'rejected',
			reason
		});
		const seen = await org.as.member.collection('transfers').getOne(id);
		expect(seen).toMatchObject({ status: 'rejected', reason, decided_by: org.ids.otherSecretary });
		expect(await refusal(post(leader, id, 'decide', { action: 'accept' }))).toEqual({
			status: 409,
			message: '这份转接申请已经处理过了。'
		});
		const member = await ctx.su.collection('users').getOne(org.ids.member);
		expect(member).toMatchObject({ branch: org.branches[0], role: 'member' });
	});
});

describe('an accepted transfer', () => {
	let org: Org;
	beforeAll(async () => {
		org = await makeOrg(ctx);
	});

	it('moves the member; each branch’s report counts what happened in it, nothing twice', async () => {
		const me = org.as.member;
		// In branch 0: a lesson (3) and its question right (1).
		await push(me, [completed(lesson), answered(lesson)]);
		const { id } = await ask(me, org.codes[1], '工作调动');
		expect(await post(org.as.otherSecretary, id, 'decide', { action: 'accept' })).toEqual({
			id,
			status: 'accepted',
			reason: ''
		});
		const moved = await ctx.su.collection('users').getOne(org.ids.member);
		expect(moved).toMatchObject({ branch: org.branches[1], role: 'member' });
		// In branch 1: another lesson (2), once through a batch and once alone (a replay: no points).
		await push(me, [completed(second)]);
		await me.collection('events').create({ event_id: v7(), ...completed(second) });

		const events = await eventsOf(org.ids.member);
		expect(events.map((e) => [e.type, e.points, e.branch])).toEqual([
			['lesson.completed', 3, org.branches[0]],
			['quiz.answered', 1, org.branches[0]],
			['transfer.accepted', 0, org.branches[1]],
			['lesson.completed', 2, org.branches[1]],
			['lesson.completed', 0, org.branches[1]]
		]);
		expect(events[2]?.payload).toMatchObject({ from: '第一支部', to: '第二支部' });

		// The old branch keeps the past; the member is no longer among its members.
		const old = await report(org.as.admin, org.branches[0]);
		expect(old.members.map((m) => m.id)).not.toContain(org.ids.member);
		expect(old.weeks.reduce((s, w) => s + w.points, 0)).toBe(4);
		expect(old.missed).toEqual([]);
		// The new branch counts from the move.
		const now = await report(org.as.otherSecretary);
		const row = now.members.find((m) => m.id === org.ids.member);
		expect(row).toMatchObject({ pointsMonth: 2, pointsAll: 2, role: 'member' });
		expect(now.weeks.reduce((s, w) => s + w.points, 0)).toBe(2);
		// The organisation's branches add up to the member's total, which follows the member.
		const overview = await report<OrgOverview>(org.as.admin);
		const byBranch = overview.branches.map((b) => [b.id, b.pointsMonth]);
		expect(byBranch.sort()).toEqual(
			[
				[org.branches[0], 4],
				[org.branches[1], 2]
			].sort()
		);
		const totals = await ctx.su.collection('point_totals').getFullList({
			filter: ctx.su.filter('user = {:u} && period = "all"', { u: org.ids.member })
		});
		expect(totals.map((t) => [t.points, t.branch])).toEqual([[6, org.branches[1]]]);
		expect(events.reduce((s, e) => s + e.points, 0)).toBe(6);
	});

	it('carries the member’s growth record, with the move in it, to the new branch', async () => {
		const year = Number(serverDay(Date.now()).slice(0, 4));
		type Records = { members: { id: string; record: { points: number; moves: object[] } }[] };
		const records = (pb: PocketBase) =>
			pb.send<Records>(`/api/gongxue/records?year=${year}`, { method: 'GET' });
		const mine = (await records(org.as.otherSecretary)).members.find(
			(m) => m.id === org.ids.member
		);
		expect(mine?.record.points).toBe(6);
		expect(mine?.record.moves).toEqual([
			{ at: expect.any(Number), from: '第一支部', to: '第二支部' }
		]);
		const old = await records(org.as.secretary);
		expect(old.members.map((m) => m.id)).not.toContain(org.ids.member);
	});
});

describe('who moves, and when a move is refused', () => {
	it('a secretary who moves to another organisation is a plain member there', async () => {
		const a = await makeOrg(ctx);
		const b = await makeOrg(ctx);
		await push(a.as.secretary, [completed(lesson)]);
		const { id } = await ask(a.as.secretary, b.codes[0]);
		// Organisation A's admin leads the old branch, not the new one.
		expect(await refusal(post(a.as.admin, id, 'decide', { action: 'accept' }))).toEqual({
			status: 403,
			message: '只有转入支部的书记或其组织管理员可以处理转接申请。'
		});
		await post(b.as.admin, id, 'decide', { action: 'accept', reason: '欢迎' });
		const user = await ctx.su.collection('users').getOne(a.ids.secretary);
		expect(user).toMatchObject({ branch: b.branches[0], role: 'member' });
		// Their points now count toward the new organisation's boards.
		const totals = await ctx.su.collection('point_totals').getFullList({
			filter: ctx.su.filter('user = {:u}', { u: a.ids.secretary })
		});
		expect(new Set(totals.map((t) => t.organisation))).toEqual(new Set([b.org]));
		// And the studio's report is no longer theirs to read.
		expect((await refusal(report(a.as.secretary))).status).toBe(403);
	});

	it('no leader decides on their own move, and a move made meanwhile is not overwritten', async () => {
		const org = await makeOrg(ctx);
		const own = await ask(org.as.admin, org.codes[1]);
		expect(await refusal(post(org.as.admin, own.id, 'decide', { action: 'accept' }))).toEqual({
			status: 403,
			message: '不能处理自己的转接申请，请由其他负责人处理。'
		});
		const { id } = await ask(org.as.member, org.codes[1]);
		await org.as.admin.collection('users').update(org.ids.member, { branch: org.branches[1] });
		expect(await refusal(post(org.as.otherSecretary, id, 'decide', { action: 'accept' }))).toEqual({
			status: 409,
			message: '申请人的组织关系已有变动，请其撤回后重新申请。'
		});
		expect((await ctx.su.collection('transfers').getOne(id)).status).toBe('pending');
	});
});

describe('events written by the superuser', () => {
	it('get the member’s branch too, so the branch’s reports count them', async () => {
		const org = await makeOrg(ctx);
		const made = await ctx.su.collection('events').create({
			event_id: v7(),
			user: org.ids.stranger,
			device: 'server',
			type: 'lesson.completed',
			payload: { lessonId: lesson.lessonId },
			server_day: serverDay(Date.now()),
			status: 'accepted',
			points: 3
		});
		expect(made.branch).toBe(org.branches[1]);
	});
});
