// API rules of `events`: every role × list / view / create / update / delete. A member sees their
// own events, a secretary their branch's, an admin their organisation's; any signed-in user
// creates events for themselves only, and no client changes or removes one. Organisation A has
// the usual cast (see harness.ts); `outsider` is the admin of organisation B.
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
	userOf,
	type Person
} from './rules-setup';

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

serveRules(async () => {
	const payload = await completion(1);
	for (const p of [...PEOPLE, 'outsider'] as const)
		eventOf[p] = (await as(p).collection('events').create(event(payload))).id;
});

/** Whose events each role sees. */
const SEES = SEES_PER_PERSON;
const TARGETS: Person[] = ['member', 'stranger'];

describe('events: reading', () => {
	it.each(ROLES)('%s: list shows exactly the events they may see', async (role) => {
		const items = await as(role).collection('events').getFullList();
		const seeded = Object.values(eventOf);
		const ids = items.map((e) => e.id).filter((id) => seeded.includes(id));
		if (role !== 'su') expect(items).toHaveLength(ids.length);
		expect(ids.sort()).toEqual(SEES[role].map((p) => eventOf[p]).sort());
	});

	it.each(cross(ROLES, TARGETS))('%s: view of the event of %s', async (role, target) => {
		const request = as(role).collection('events').getOne(eventOf[target]);
		const expected = { id: eventOf[target], user: orgA.ids[target] };
		await expectSeen(request, SEES[role].includes(target), expected);
	});

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
		const self = role === 'su' ? victim : userOf(role);
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

	it.each(cross(ROLES, TARGETS))('%s: update the event of %s', async (role, target) => {
		await expectOnlySuperuserUpdates(role, 'events', eventOf[target], {
			send: { points: 77, status: 'rejected' },
			expected: { points: 77 },
			undo: (before) => ({ points: before.points, status: 'accepted' })
		});
	});

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
		await expectDelete(role, 'events', target, role === 'su');
	});
});
