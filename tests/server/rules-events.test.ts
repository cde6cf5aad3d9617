// API rules of `events`: every role × list / view / create / update / delete. A member sees their
// own events, a secretary their branch's, an admin their organisation's; any signed-in user
// creates events for themselves only, and no client changes or removes one. Organisation A has
// the usual cast (see harness.ts); `outsider` is the admin of organisation B.
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
/** One event of each person of A, and one of B's admin, by who made it. */
const eventOf = {} as Record<Person | 'outsider', string>;

const completion = async (credits: number) => {
	const { lessonId } = await makeLesson(ctx, { minutes: 2, credits });
	return { lessonId, hash: 'h', seconds: 300, readRatio: 1 };
};
const event = (payload: object, extra: object = {}) => ({
	event_id: v7(),
	type: 'lesson.completed',
	device: 'test-device',
	client_at: Date.now(),
	payload,
	...extra
});

beforeAll(async () => {
	ctx = await startServer();
	orgA = await makeOrg(ctx);
	orgB = await makeOrg(ctx);
	guest = client(ctx.server.url);
	const payload = await completion(1);
	for (const p of [...PEOPLE, 'outsider'] as const)
		eventOf[p] = (await as(p).collection('events').create(event(payload))).id;
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

/** Whose events each role sees. */
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

describe('events: reading', () => {
	it.each(ROLES)('%s: list shows exactly the events they may see', async (role) => {
		const items = await as(role).collection('events').getFullList();
		const seeded = Object.values(eventOf);
		const ids = items.map((e) => e.id).filter((id) => seeded.includes(id));
		if (role !== 'su') expect(items).toHaveLength(ids.length);
		expect(ids.sort()).toEqual(SEES[role].map((p) => eventOf[p]).sort());
	});

	it.each(ROLES.flatMap((r) => TARGETS.map((t) => [r, t] as const)))(
		'%s: view of the event of %s',
		async (role, target) => {
			const request = as(role).collection('events').getOne(eventOf[target]);
			if (SEES[role].includes(target))
				expect(await request).toMatchObject({ id: eventOf[target], user: orgA.ids[target] });
			else expect(await refused(request)).toBe(404);
		}
	);

	it('a member cannot read another member’s events through a filter or an expand', async () => {
		const m = orgA.as.member.collection('events');
		const found = await m.getFullList({ filter: `user = "${orgA.ids.other}"` });
		expect(found).toEqual([]);
		const expanded = await orgA.as.member
			.collection('users')
			.getOne(orgA.ids.member, { expand: 'events_via_user' });
		const mine = (expanded.expand?.events_via_user ?? []) as { user: string }[];
		expect(mine.length).toBeGreaterThan(0);
		expect(mine.every((e) => e.user === orgA.ids.member)).toBe(true);
	});
});

describe('events: writing', () => {
	it.each(ROLES)('%s: create, with a forged user, points and verdict', async (role) => {
		const payload = await completion(3);
		const victim = role === 'member' ? orgA.ids.other : orgA.ids.member;
		const body = event(payload, {
			user: victim,
			points: 999,
			status: 'accepted',
			reason: '',
			server_day: '1999-01-01'
		});
		const request = as(role).collection('events').create(body);
		const stored = () =>
			ctx.su
				.collection('events')
				.getFullList({ filter: ctx.su.filter('event_id = {:id}', { id: body.event_id }) });
		if (role === 'guest') {
			await refused(request);
			return expect(await stored()).toEqual([]);
		}
		const r = await request;
		// The superuser writes the ledger as it is; everyone else gets the server's verdict.
		const self = role === 'su' ? victim : role === 'outsider' ? orgB.ids.admin : orgA.ids[role];
		const points = role === 'su' ? 999 : 3;
		expect(r).toMatchObject({ user: self, points });
		expect(await stored()).toEqual([expect.objectContaining({ user: self, points })]);
		if (role !== 'su') expect(r.server_day).not.toBe('1999-01-01');
	});

	it('forged fields are ignored in a batch too', async () => {
		const payload = await completion(2);
		const batch = orgA.as.other.createBatch();
		batch.collection('events').create(event(payload, { user: orgA.ids.member, points: 500 }));
		const [result] = await batch.send();
		expect(result?.body).toMatchObject({ user: orgA.ids.other, points: 2 });
	});

	it.each(ROLES.flatMap((r) => TARGETS.map((t) => [r, t] as const)))(
		'%s: update the event of %s',
		async (role, target) => {
			const id = eventOf[target];
			const before = await ctx.su.collection('events').getOne(id);
			const request = as(role).collection('events').update(id, { points: 77, status: 'rejected' });
			if (role === 'su') {
				expect(await request).toMatchObject({ points: 77 });
				await ctx.su.collection('events').update(id, { points: before.points, status: 'accepted' });
			} else {
				await refused(request);
				expect(await ctx.su.collection('events').getOne(id)).toEqual(before);
			}
		}
	);

	it('an event cannot be changed inside a batch either', async () => {
		const before = await ctx.su.collection('events').getOne(eventOf.member);
		const batch = orgA.as.member.createBatch();
		batch.collection('events').update(eventOf.member, { points: 77 });
		await refused(batch.send());
		expect(await ctx.su.collection('events').getOne(eventOf.member)).toEqual(before);
	});

	it.each(ROLES)('%s: delete the event of member', async (role) => {
		const target =
			role === 'su'
				? (await orgA.as.member.collection('events').create(event({ lessonId: 'nope' }))).id
				: eventOf.member;
		const request = as(role).collection('events').delete(target);
		if (role === 'su') expect(await request).toBe(true);
		else await refused(request);
		const left = await ctx.su
			.collection('events')
			.getFullList({ filter: ctx.su.filter('id = {:id}', { id: target }) });
		expect(left).toHaveLength(role === 'su' ? 0 : 1);
	});
});
