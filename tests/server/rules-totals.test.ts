// API rules of `point_totals`: every role × list / view / create / update / delete. Totals are
// read like events (a member their own, a secretary their branch's, an admin their
// organisation's) and written only by the server. Organisation A has the usual cast (see
// harness.ts); `outsider` is the admin of organisation B.
import PocketBase, { ClientResponseError } from 'pocketbase';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, makeLesson, makeOrg, startServer, type Ctx, type Org } from './harness';

type Role =
	| 'guest'
	| 'member'
	| 'other'
	| 'stranger'
	| 'secretary'
	| 'otherSecretary'
	| 'admin'
	| 'outsider'
	| 'su';
type Person = keyof Org['ids'];
const PEOPLE: Person[] = ['member', 'other', 'stranger', 'secretary', 'otherSecretary', 'admin'];

let ctx: Ctx;
let orgA: Org;
let orgB: Org;
let guest: PocketBase;
/** The all-time total of each person of A, and of B's admin. */
const totalOf = {} as Record<Person | 'outsider', string>;

beforeAll(async () => {
	ctx = await startServer();
	orgA = await makeOrg(ctx);
	orgB = await makeOrg(ctx);
	guest = client(ctx.server.url);
	const { lessonId } = await makeLesson(ctx, { minutes: 2, credits: 2 });
	for (const p of [...PEOPLE, 'outsider'] as const) {
		await as(p)
			.collection('events')
			.create({
				event_id: v7(),
				type: 'lesson.completed',
				payload: { lessonId, hash: 'h', seconds: 300, readRatio: 1 }
			});
		const user = p === 'outsider' ? orgB.ids.admin : orgA.ids[p];
		totalOf[p] = (
			await ctx.su.collection('point_totals').getFirstListItem(`user = "${user}" && period = "all"`)
		).id;
	}
}, 60_000);
afterAll(() => ctx?.close());

function as(role: Role): PocketBase {
	if (role === 'guest') return guest;
	if (role === 'su') return ctx.su;
	if (role === 'outsider') return orgB.as.admin;
	return orgA.as[role];
}

/** The request must be refused (400, 403 or 404); returns the status. */
async function refused(request: Promise<unknown>): Promise<number> {
	const error = await request.then(
		() => null,
		(e: unknown) => e
	);
	expect(error, 'the request should have been refused').toBeInstanceOf(ClientResponseError);
	const status = (error as ClientResponseError).status;
	expect([400, 403, 404]).toContain(status);
	return status;
}

/** Whose totals each role sees. */
const SEES: Record<Role, (Person | 'outsider')[]> = {
	guest: [],
	member: ['member'],
	other: ['other'],
	stranger: ['stranger'],
	secretary: ['member', 'other', 'secretary', 'admin'],
	otherSecretary: ['stranger', 'otherSecretary'],
	admin: PEOPLE,
	outsider: ['outsider'],
	su: [...PEOPLE, 'outsider']
};
const ROLES = Object.keys(SEES) as Role[];
const TARGETS: Person[] = ['member', 'stranger'];
const userOf = (p: Person | 'outsider') => (p === 'outsider' ? orgB.ids.admin : orgA.ids[p]);

describe('point_totals: reading', () => {
	it.each(ROLES)('%s: list shows exactly the totals they may see', async (role) => {
		const items = await as(role).collection('point_totals').getFullList();
		const users = [...new Set(items.map((t) => t.user as string))].sort();
		expect(users).toEqual(SEES[role].map(userOf).sort());
		// Three periods per member: all time, this week, this month.
		expect(items).toHaveLength(3 * SEES[role].length);
		expect(items.every((t) => t.points === 2)).toBe(true);
	});

	it.each(ROLES.flatMap((r) => TARGETS.map((t) => [r, t] as const)))(
		'%s: view of the total of %s',
		async (role, target) => {
			const request = as(role).collection('point_totals').getOne(totalOf[target]);
			if (SEES[role].includes(target))
				expect(await request).toMatchObject({ user: orgA.ids[target], period: 'all', points: 2 });
			else expect(await refused(request)).toBe(404);
		}
	);
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

	it.each(ROLES.flatMap((r) => TARGETS.map((t) => [r, t] as const)))(
		'%s: update the total of %s',
		async (role, target) => {
			const id = totalOf[target];
			const before = await ctx.su.collection('point_totals').getOne(id);
			const request = as(role).collection('point_totals').update(id, { points: 1000 });
			if (role === 'su') {
				expect(await request).toMatchObject({ points: 1000 });
				await ctx.su.collection('point_totals').update(id, { points: before.points });
			} else {
				await refused(request);
				expect(await ctx.su.collection('point_totals').getOne(id)).toEqual(before);
			}
		}
	);

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
				? (
						await ctx.su
							.collection('point_totals')
							.create({ user: orgA.ids.member, period: 'throwaway', points: 1 })
					).id
				: totalOf.member;
		const request = as(role).collection('point_totals').delete(target);
		if (role === 'su') expect(await request).toBe(true);
		else await refused(request);
		const left = await ctx.su
			.collection('point_totals')
			.getFullList({ filter: ctx.su.filter('id = {:id}', { id: target }) });
		expect(left).toHaveLength(role === 'su' ? 0 : 1);
	});
});
