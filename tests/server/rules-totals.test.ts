// API rules of `point_totals`: every role × list / view / create / update / delete. Totals are
// read like events (a member their own, a secretary their branch's, an admin their
// organisation's) and written only by the server. Organisation A has the usual cast (see
// harness.ts); `outsider` is the admin of organisation B.
import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { makeLesson } from './harness';
import {
	as,
	ctx,
	cross,
	expectDelete,
	expectOnlySuperuserUpdates,
	expectSeen,
	orgA,
	PEOPLE,
	refused,
	ROLES,
	SEES_PER_PERSON,
	serveRules,
	throwaway,
	userOf,
	type Person
} from './rules-setup';

/** The all-time total of each person of A, and of B's admin. */
const totalOf = {} as Record<Person | 'outsider', string>;

serveRules(async () => {
	const { lessonId } = await makeLesson(ctx, { minutes: 2, credits: 2 });
	for (const p of [...PEOPLE, 'outsider'] as const) {
		await as(p)
			.collection('events')
			.create({
				event_id: v7(),
				type: 'lesson.completed',
				payload: { lessonId, hash: 'h', seconds: 300, readRatio: 1 }
			});
		const user = userOf(p);
		totalOf[p] = (
			await ctx.su.collection('point_totals').getFirstListItem(`user = "${user}" && period = "all"`)
		).id;
	}
});

/** Whose totals each role sees. */
const SEES = SEES_PER_PERSON;
const TARGETS: Person[] = ['member', 'stranger'];

describe('point_totals: reading', () => {
	it.each(ROLES)('%s: list shows exactly the totals they may see', async (role) => {
		const items = await as(role).collection('point_totals').getFullList();
		const users = [...new Set(items.map((t) => t.user as string))].sort();
		expect(users).toEqual(SEES[role].map(userOf).sort());
		// Three periods per member: all time, this week, this month.
		expect(items).toHaveLength(3 * SEES[role].length);
		expect(items.every((t) => t.points === 2)).toBe(true);
	});

	it.each(cross(ROLES, TARGETS))('%s: view of the total of %s', async (role, target) => {
		const request = as(role).collection('point_totals').getOne(totalOf[target]);
		const expected = { user: orgA.ids[target], period: 'all', points: 2 };
		await expectSeen(request, SEES[role].includes(target), expected);
	});
});

describe('point_totals: writing', () => {
	it.each(ROLES)('%s: create a total for themselves', async (role) => {
		// A period of its own, so that only the rules (not the unique index) can refuse it.
		const period = `x-${role.slice(0, 9)}`;
		const user = role === 'guest' || role === 'su' ? orgA.ids.member : userOf(role);
		const request = as(role)
			.collection('point_totals')
			.create({ user, period, points: 1000, branch: orgA.branches[0], organisation: orgA.org });
		if (role === 'su') expect(await request).toMatchObject({ period, points: 1000 });
		else await refused(request);
		const made = await ctx.su
			.collection('point_totals')
			.getFullList({ filter: ctx.su.filter('period = {:period}', { period }) });
		expect(made).toHaveLength(role === 'su' ? 1 : 0);
	});

	it.each(cross(ROLES, TARGETS))('%s: update the total of %s', async (role, target) => {
		await expectOnlySuperuserUpdates(role, 'point_totals', totalOf[target], {
			send: { points: 1000 },
			expected: { points: 1000 },
			undo: (before) => ({ points: before.points })
		});
	});

	it('a batch cannot write totals either', async () => {
		const before = await ctx.su.collection('point_totals').getOne(totalOf.member);
		const batch = orgA.as.member.createBatch();
		batch.collection('point_totals').update(totalOf.member, { points: 1000 });
		batch.collection('point_totals').create({ user: orgA.ids.member, period: 'batch', points: 9 });
		await refused(batch.send());
		expect(await ctx.su.collection('point_totals').getOne(totalOf.member)).toEqual(before);
		expect(
			await ctx.su.collection('point_totals').getFullList({ filter: 'period = "batch"' })
		).toEqual([]);
	});

	it.each(ROLES)('%s: delete the total of member', async (role) => {
		const target =
			role === 'su'
				? await throwaway('point_totals', { user: orgA.ids.member, period: 'throwaway', points: 1 })
				: totalOf.member;
		await expectDelete(role, 'point_totals', target, role === 'su');
	});
});
