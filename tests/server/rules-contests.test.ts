// API rules of contests: every role × list / view / create / update / delete for contests (one
// of branch 0, one organisation-wide), members' answers, their standings and the board. Answers and scores
// are written only by the server's routes; a contest's questions (with their keys) are never
// sent to anyone but the superuser. `outsider` is the admin of organisation B.
import type { RecordModel } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import {
	as,
	ctx,
	cross,
	expectDelete,
	expectOnlySuperuserUpdates,
	expectSeen,
	orgA,
	refused,
	ROLES,
	serveRules,
	throwaway,
	unique,
	type Role
} from './rules-setup';

const BANK = `1.【单选】党的最高领导机关是（ ）。
A. 党的全国代表大会和它所产生的中央委员会
B. 中央政治局
答案：A
`;
const SOON = () => new Date(Date.now() + 3_600_000).toISOString().replace('T', ' ');
const BRANCH_0: Role[] = ['member', 'other', 'secretary', 'admin', 'su'];
const ORG_A: Role[] = ['member', 'other', 'stranger', 'secretary', 'otherSecretary', 'admin', 'su'];
const LEADERS_0: Role[] = ['secretary', 'admin', 'su'];

let bank: string;
const contests: Record<'branch' | 'organisation', RecordModel> = {} as never;
let answerId: string;
let scoreId: string;
let boardId: string;

/** A contest as the superuser writes it (no hook): in organisation A, for `scope`. */
const contestBody = (scope: 'branch' | 'organisation') => ({
	name: unique('竞赛'),
	mode: 'live',
	scope,
	branches: scope === 'branch' ? [orgA.branches[0]] : [],
	organisation: orgA.org,
	count: 1,
	seconds: 20,
	starts_at: SOON(),
	questions: [{ id: 'q1', type: 'single', stem: '题', options: [], answer: 'A' }]
});

serveRules(async () => {
	bank = (await orgA.as.secretary.collection('banks').create({ name: '题库', text: BANK })).id;
	contests.branch = await ctx.su.collection('contests').create(contestBody('branch'));
	contests.organisation = await ctx.su.collection('contests').create(contestBody('organisation'));
	answerId = await throwaway('contest_answers', {
		contest: contests.branch.id,
		user: orgA.ids.member,
		position: 0,
		answer: ['A'],
		correct: true,
		score: 90,
		ms: 2000
	});
	scoreId = await throwaway('contest_scores', {
		contest: contests.branch.id,
		user: orgA.ids.member,
		branch: orgA.branches[0],
		name: '党员',
		total: 90,
		ms: 2000,
		answered: 1
	});
	boardId = await throwaway('contest_boards', {
		contest: contests.branch.id,
		members: [{ user: orgA.ids.member, name: '党员', total: 90, place: 1 }],
		branches: [],
		participants: 1,
		closed: 0
	});
});

const may = (allowed: Role[], r: Role) => allowed.includes(r);

describe('contests', () => {
	it.each(cross(ROLES, ['branch', 'organisation'] as const))(
		'%s lists and views the %s contest only if it is for them, never with its questions',
		async (role, scope) => {
			const c = contests[scope];
			const allowed = may(scope === 'branch' ? BRANCH_0 : ORG_A, role);
			const listed = (
				await as(role)
					.collection('contests')
					.getFullList()
					.catch(() => [])
			).map((r) => r.id);
			expect(listed.includes(c.id)).toBe(allowed);
			await expectSeen(as(role).collection('contests').getOne(c.id), allowed, { id: c.id });
			if (allowed && role !== 'su') {
				expect(await as(role).collection('contests').getOne(c.id)).not.toHaveProperty('questions');
			}
		}
	);

	it.each(ROLES)('%s creates a contest only as a leader, from their own bank', async (role) => {
		const body = {
			name: unique('新竞赛'),
			mode: 'live',
			scope: 'branch',
			branches: [orgA.branches[0]],
			banks: [bank],
			count: 1,
			seconds: 20,
			starts_at: SOON(),
			...(role === 'su' ? { organisation: orgA.org } : {})
		};
		const request = as(role).collection('contests').create(body);
		if (may(LEADERS_0, role)) expect((await request).organisation).toBe(orgA.org);
		else await refused(request);
		const stored = await ctx.su
			.collection('contests')
			.getFullList({ filter: ctx.su.filter('name = {:n}', { n: body.name }) });
		expect(stored).toHaveLength(may(LEADERS_0, role) ? 1 : 0);
	});

	it.each(ROLES)('%s may not change a contest (only the superuser)', async (role) => {
		await expectOnlySuperuserUpdates(role, 'contests', contests.branch.id, {
			send: { count: 5, organisation: '' },
			expected: { count: 5 },
			undo: (before) => ({ count: before.count, organisation: before.organisation })
		});
	});

	it.each(ROLES)('%s deletes a branch contest only as its leader', async (role) => {
		const id = await throwaway('contests', contestBody('branch'));
		await expectDelete(role, 'contests', id, may(LEADERS_0, role));
	});
});

describe('answers and the leaderboard', () => {
	it.each(ROLES)('%s sees a member’s answer only as that member or a leader', async (role) => {
		const allowed = may(['member', ...LEADERS_0], role);
		await expectSeen(as(role).collection('contest_answers').getOne(answerId), allowed, {
			id: answerId
		});
		if (allowed && role !== 'su') {
			const seen = await as(role).collection('contest_answers').getOne(answerId);
			expect(seen).not.toHaveProperty('correct');
			expect(seen).not.toHaveProperty('score');
		}
	});

	it.each(ROLES)('%s reads the leaderboard only if the contest is for them', async (role) => {
		await expectSeen(as(role).collection('contest_scores').getOne(scoreId), may(BRANCH_0, role), {
			total: 90
		});
	});

	it.each(ROLES)('%s reads the board only if the contest is for them', async (role) => {
		await expectSeen(as(role).collection('contest_boards').getOne(boardId), may(BRANCH_0, role), {
			participants: 1
		});
	});

	it.each(cross(ROLES, ['contest_answers', 'contest_scores', 'contest_boards'] as const))(
		'%s may not write %s (only the server does)',
		async (role, collection) => {
			const body = {
				// One board per contest: the superuser's new one needs a contest of its own.
				contest:
					collection === 'contest_boards'
						? await throwaway('contests', contestBody('branch'))
						: contests.branch.id,
				user: orgA.ids.other,
				position: 1,
				total: 999,
				score: 999,
				answered: 1,
				answer: ['A']
			};
			const created = as(role).collection(collection).create(body);
			if (role === 'su') await created;
			else await refused(created);
			const id = { contest_answers: answerId, contest_scores: scoreId, contest_boards: boardId }[
				collection
			];
			await expectOnlySuperuserUpdates(role, collection, id, {
				send: {
					contest_answers: { score: 100, correct: true },
					contest_scores: { total: 1000 },
					contest_boards: { participants: 1000 }
				}[collection],
				expected: {},
				undo: (before) =>
					({
						contest_answers: { score: before.score, correct: before.correct },
						contest_scores: { total: before.total },
						contest_boards: { participants: before.participants }
					})[collection]
			});
			const doomed = await throwaway(collection, {
				...body,
				contest: await throwaway('contests', contestBody('branch'))
			});
			await expectDelete(role, collection, doomed, role === 'su');
		}
	);
});
