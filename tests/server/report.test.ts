// GET /api/gongxue/report: the branch at a glance for its secretary or the organisation's admin,
// on a real PocketBase. The branch's activity is made the real way (members' events, graded by
// the server; assignments), then every figure of the report is checked exactly.
import PocketBase, { ClientResponseError } from 'pocketbase';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodsOf } from '../../src/lib/credits/engine';
import { client, makeOrg, startServer, unique, type Ctx, type Org } from './harness';
// The shapes the studio reads: the report is checked as the app will take it.
import type { BranchReport, OrgOverview as Overview } from '../../src/lib/state/report.svelte';

interface Lesson {
	record: string;
	lessonId: string;
	title: string;
	/** Question ids, in order; every key is `A`. */
	q: string[];
}

let ctx: Ctx;
let a: Org;
let b: Org;
/** 党章学习 (2 questions, 3 points), 支部工作 (2 points), 廉洁自律 (1 point), 组织生活, 未学课程. */
let L1: Lesson, L2: Lesson, L3: Lesson, L5: Lesson;

/** A built-in lesson with single-choice questions keyed `A` (stems 题1, 题2, …). */
async function lesson(title: string, questions: number, credits: number): Promise<Lesson> {
	const lessonId = unique('report-').toLowerCase();
	const q = Array.from({ length: questions }, () => unique('q'));
	const record = await ctx.su.collection('lessons').create({
		lesson_id: lessonId,
		title,
		track: 'elective',
		minutes: 5,
		credits,
		source: 'builtin',
		questions: q.map((id, i) => ({
			id,
			number: i + 1,
			type: 'single',
			stem: `${title}题${i + 1}`,
			explanation: '',
			line: 1,
			options: [
				{ key: 'A', text: '正确选项' },
				{ key: 'B', text: '错误选项' }
			],
			answer: 'A'
		}))
	});
	return { record: record.id, lessonId, title, q };
}

/** A completion (long enough to count unless `seconds` says otherwise). */
const completed = (l: Lesson, seconds = 300) => ({
	type: 'lesson.completed',
	payload: { lessonId: l.lessonId, hash: 'h', seconds, readRatio: 1 }
});
/** An answer to question `i` of a lesson: 'A' is right, 'B' wrong. */
const answered = (l: Lesson, i: number, answer: 'A' | 'B') => ({
	type: 'quiz.answered',
	payload: { lessonId: l.lessonId, attemptId: 'a', questionId: l.q[i], answer: [answer] }
});

/** Push events as a device does: one batch. */
async function push(pb: PocketBase, events: { type: string; payload: object }[]) {
	const batch = pb.createBatch();
	for (const ev of events) batch.collection('events').create({ event_id: v7(), ...ev });
	const results = await batch.send();
	for (const r of results) expect((r.body as { status: string }).status).toBe('accepted');
}

async function assign(org: Org, branch: string, l: Lesson, due: string) {
	await ctx.su
		.collection('assignments')
		.create({ branch, organisation: org.org, lesson: l.record, due });
}

const report = <T = BranchReport>(pb: PocketBase, branch?: string) =>
	pb.send<T>('/api/gongxue/report', { query: branch ? { branch } : {} });

/** The error a request ends with. */
async function failure(p: Promise<unknown>): Promise<ClientResponseError> {
	const error = await p.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ClientResponseError);
	return error as ClientResponseError;
}

/** The stored time of a user's latest event, in ISO 8601. */
async function latest(user: string) {
	const list = await ctx.su
		.collection('events')
		.getList(1, 1, { filter: `user = "${user}"`, sort: '-created' });
	const created = list.items[0]?.created as string;
	return new Date(created.replace(' ', 'T')).toISOString();
}

beforeAll(async () => {
	ctx = await startServer();
	a = await makeOrg(ctx);
	b = await makeOrg(ctx);
	L1 = await lesson('党章学习', 2, 3);
	L2 = await lesson('支部工作', 1, 2);
	L3 = await lesson('廉洁自律', 1, 1);
	L5 = await lesson('组织生活', 1, 2);
	await lesson('未学课程', 1, 2);
	// Branch 0 must study 党章学习, 支部工作 and 组织生活; branch 1 nothing.
	await assign(a, a.branches[0], L1, '2030-01-01 00:00:00.000Z');
	await assign(a, a.branches[0], L2, '2030-02-01 00:00:00.000Z');
	await assign(a, a.branches[0], L5, '2030-03-01 00:00:00.000Z');
	// member: 党章学习 (3) with 题1 right (1) and 题2 wrong; 廉洁自律 (1, not assigned), wrong.
	await push(a.as.member, [
		completed(L1),
		answered(L1, 0, 'A'),
		answered(L1, 1, 'B'),
		completed(L3),
		answered(L3, 0, 'B')
	]);
	// other: 党章学习 (3), both questions wrong; chooses to appear anonymously on boards.
	await push(a.as.other, [completed(L1), answered(L1, 0, 'B'), answered(L1, 1, 'B')]);
	await a.as.other.collection('users').update(a.ids.other, { hide_name: true });
	// secretary: skims 支部工作 (too short to count), 党章学习题1 wrong, 支部工作题1 right (1).
	await push(a.as.secretary, [completed(L2, 10), answered(L1, 0, 'B'), answered(L2, 0, 'A')]);
	// Branch 1: stranger completes 党章学习 (3) and misses 题1: none of it is branch 0's.
	await push(a.as.stranger, [completed(L1), answered(L1, 0, 'B')]);
	// Another organisation's member misses everything: none of it is organisation A's.
	await push(b.as.member, [completed(L1), answered(L1, 0, 'B'), answered(L1, 1, 'B')]);
}, 120_000);
afterAll(() => ctx?.close());

describe('the branch report', () => {
	it('lists every member by name with required lessons, points and last activity', async () => {
		const r = await report(a.as.secretary, a.branches[0]);
		const now = periodsOf(Date.now());
		expect(r.branch).toEqual({ id: a.branches[0], name: '第一支部' });
		expect(r.month).toBe(now.month);
		expect(r.week).toBe(now.week);
		const member = (id: string, name: string, role: string, done: number, points: number) => ({
			id,
			name,
			role,
			required: { done, total: 3 },
			pointsMonth: points,
			pointsAll: points
		});
		expect(r.members.map(({ lastActive: _, ...m }) => m)).toEqual([
			member(a.ids.admin, 'admin-姓名', 'admin', 0, 0),
			member(a.ids.member, 'member-姓名', 'member', 1, 5),
			// The secretary sees the real name of a member who hides it on the boards.
			member(a.ids.other, 'other-姓名', 'member', 1, 3),
			// A completion too short to count is not done.
			member(a.ids.secretary, 'secretary-姓名', 'secretary', 0, 1)
		]);
		expect(r.members.map((m) => m.lastActive)).toEqual([
			null,
			await latest(a.ids.member),
			await latest(a.ids.other),
			await latest(a.ids.secretary)
		]);
	});

	it('shows each lesson assigned or completed, least completed first', async () => {
		const r = await report(a.as.secretary, a.branches[0]);
		const row = (l: Lesson, assigned: boolean, due: string | null, completed: number) => ({
			lessonId: l.lessonId,
			title: l.title,
			assigned,
			due,
			completed,
			of: 4
		});
		expect(r.lessons).toEqual([
			// Nobody yet (the secretary's skim does not count): by title among equals.
			row(L2, true, '2030-02-01T00:00:00.000Z', 0),
			row(L5, true, '2030-03-01T00:00:00.000Z', 0),
			row(L3, false, null, 1),
			row(L1, true, '2030-01-01T00:00:00.000Z', 2)
		]);
	});

	it('shows the questions the branch misses most, without their answer keys', async () => {
		const r = await report(a.as.secretary, a.branches[0]);
		const q = (l: Lesson, i: number, answers: number, wrong: number, rate: number) => ({
			lessonId: l.lessonId,
			lessonTitle: l.title,
			questionId: l.q[i],
			number: i + 1,
			stem: `${l.title}题${i + 1}`,
			answers,
			wrong,
			rate
		});
		expect(r.missed).toEqual([
			q(L1, 1, 2, 2, 1),
			// As many wrong, but a lower rate: member answered it right.
			q(L1, 0, 3, 2, 0.667),
			q(L3, 0, 1, 1, 1)
		]);
		const text = JSON.stringify(r);
		for (const secret of ['"answer"', 'options', '正确选项', 'explanation'])
			expect(text).not.toContain(secret);
	});

	it('shows eight weeks of activity, oldest first, this week’s last', async () => {
		const r = await report(a.as.secretary, a.branches[0]);
		const weeks = Array.from(
			{ length: 8 },
			(_, i) => periodsOf(Date.now() - (7 - i) * 7 * 864e5).week
		);
		expect(r.weeks.map((w) => w.week)).toEqual(weeks);
		expect(new Set(weeks).size).toBe(8);
		expect(r.weeks.slice(0, 7).every((w) => w.events + w.activeMembers + w.points === 0)).toBe(
			true
		);
		expect(r.weeks[7]).toEqual({ week: weeks[7], events: 11, activeMembers: 3, points: 9 });
	});

	it('is the same for the organisation’s admin, who may open any branch of it', async () => {
		const bySecretary = await report(a.as.secretary, a.branches[0]);
		expect(await report(a.as.admin, a.branches[0])).toEqual(bySecretary);
		// Without a branch, a secretary gets their own.
		expect(await report(a.as.secretary)).toEqual(bySecretary);
		const other = await report(a.as.admin, a.branches[1]);
		expect(other.members.map((m) => [m.name, m.required, m.pointsAll])).toEqual([
			['otherSecretary-姓名', { done: 0, total: 0 }, 0],
			['stranger-姓名', { done: 0, total: 0 }, 3]
		]);
		expect(other.lessons).toEqual([
			{
				lessonId: L1.lessonId,
				title: '党章学习',
				assigned: false,
				due: null,
				completed: 1,
				of: 2
			}
		]);
		expect(other.missed.map((m) => [m.questionId, m.answers, m.wrong])).toEqual([[L1.q[0], 1, 1]]);
		expect(await report(a.as.otherSecretary)).toEqual(other);
	});
});

describe('the admin overview', () => {
	it('shows every branch of the organisation side by side', async () => {
		const r = await report<Overview>(a.as.admin);
		expect(r.organisation).toEqual({ id: a.org, name: '测试组织' });
		expect(r.month).toBe(periodsOf(Date.now()).month);
		expect(r.branches).toEqual([
			{
				id: a.branches[0],
				name: '第一支部',
				members: 4,
				requiredDone: 2,
				requiredTotal: 12,
				pointsMonth: 9,
				activeThisWeek: 3
			},
			{
				id: a.branches[1],
				name: '第二支部',
				members: 2,
				requiredDone: 0,
				requiredTotal: 0,
				pointsMonth: 3,
				activeThisWeek: 1
			}
		]);
	});

	it('shows another organisation’s admin only their own branches', async () => {
		const r = await report<Overview>(b.as.admin);
		expect(r.branches.map((x) => [x.id, x.members, x.pointsMonth, x.activeThisWeek])).toEqual([
			[b.branches[0], 4, 3, 1],
			[b.branches[1], 2, 0, 0]
		]);
	});
});

describe('who may see a report', () => {
	it('refuses guests with 401, in Chinese', async () => {
		const error = await failure(report(client(ctx.server.url), a.branches[0]));
		expect(error.status).toBe(401);
		expect(error.response.message).toBe('请先登录。');
	});

	it('refuses members with 403, in Chinese', async () => {
		for (const pb of [a.as.member, a.as.stranger]) {
			for (const branch of [undefined, a.branches[0]]) {
				const error = await failure(report(pb, branch));
				expect(error.status).toBe(403);
				expect(error.response.message).toBe('只有支部书记或组织管理员可以查看支部报告。');
			}
		}
	});

	it('refuses a secretary another branch', async () => {
		const error = await failure(report(a.as.otherSecretary, a.branches[0]));
		expect(error.status).toBe(403);
		expect(error.response.message).toBe('支部书记只能查看本支部的报告。');
		expect((await failure(report(a.as.secretary, a.branches[1]))).status).toBe(403);
	});

	it('refuses another organisation’s admin and secretary', async () => {
		const error = await failure(report(b.as.admin, a.branches[0]));
		expect(error.status).toBe(403);
		expect(error.response.message).toBe('只能查看本组织内支部的报告。');
		expect((await failure(report(b.as.secretary, a.branches[0]))).status).toBe(403);
	});

	it('answers 404 for a branch that does not exist, and 403 to the superuser', async () => {
		const error = await failure(report(a.as.admin, 'nosuchbranch123'));
		expect(error.status).toBe(404);
		expect(error.response.message).toBe('找不到这个支部。');
		expect((await failure(report(ctx.su, a.branches[0]))).status).toBe(403);
	});
});
