// API rules of service activities and branch meetings: every role × list / view / create /
// update / delete, the review route and the meeting's QR route. An activity is `member`'s (branch
// 0 of organisation A), pending or decided; a meeting is branch 0's. A meeting's secret (what its
// check-in QR code carries) reaches nobody but its leaders, and only through the QR route.
// `outsider` is the admin of organisation B.
import type { RecordModel } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { serverDay } from '../../src/lib/credits/engine';
import {
	as,
	ctx,
	cross,
	expectDelete,
	expectSeen,
	orgA,
	orgB,
	refused,
	ROLES,
	serveRules,
	unique,
	type Role
} from './rules-setup';

const SIGNED_IN = ROLES.filter((r) => r !== 'guest');
const LEADERS_0: Role[] = ['secretary', 'admin', 'su'];
const BRANCH_0: Role[] = ['member', 'other', 'secretary', 'admin', 'su'];
const OWNER_AND_LEADERS: Role[] = ['member', ...LEADERS_0];
const SOON = (hours: number) =>
	new Date(Date.now() + hours * 3_600_000).toISOString().replace('T', ' ');

/** The id and the branch of a signed-in role's user. */
const idOf = (role: Role) => as(role).authStore.record?.id ?? '';
const branchOf = (role: Role) =>
	role === 'outsider'
		? orgB.branches[0]
		: orgA.branches[role === 'stranger' || role === 'otherSecretary' ? 1 : 0];
const may = (allowed: Role[], r: Role) => allowed.includes(r);
const today = () => serverDay(Date.now());

type State = 'pending' | 'approved' | 'rejected';
const STATES: State[] = ['pending', 'approved', 'rejected'];

/** A fresh activity of `member` in `state`, as the superuser reads it. */
async function activityIn(state: State): Promise<RecordModel> {
	const made = await orgA.as.member
		.collection('service_activities')
		.create({ kind: 'volunteer', date: today(), hours: 1, note: '社区服务' });
	if (state !== 'pending') {
		const action = state === 'approved' ? 'approve' : 'reject';
		await review('secretary', made.id, { action, reason: '材料不全' });
	}
	return ctx.su.collection('service_activities').getOne(made.id);
}

const review = (role: Role, id: string, body: object) =>
	as(role).send(`/api/gongxue/service/${id}/review`, { method: 'POST', body });

/** A meeting of branch 0, as its secretary sets it up. */
const newMeeting = () =>
	orgA.as.secretary.collection('meetings').create({
		branch: orgA.branches[0],
		title: unique('支部党员大会'),
		starts_at: SOON(-1),
		ends_at: SOON(1)
	});

const seeded = {} as Record<State, RecordModel>;
let meeting: RecordModel;

serveRules(async () => {
	for (const state of STATES) seeded[state] = await activityIn(state);
	meeting = await newMeeting();
});

/** The ids among `ids` that `role`'s list of `collection` returns. */
async function listed(role: Role, collection: string, ids: string[]): Promise<string[]> {
	const filter = ids.map((id) => `id = "${id}"`).join(' || ');
	const items = await as(role)
		.collection(collection)
		.getFullList({ filter })
		.catch(() => []);
	return items.map((r) => r.id).sort();
}

describe('service activities', () => {
	it.each(ROLES)(
		'%s lists and views member’s activities only as them or a leader',
		async (role) => {
			const ids = STATES.map((s) => seeded[s].id);
			const allowed = may(OWNER_AND_LEADERS, role);
			expect(await listed(role, 'service_activities', ids)).toEqual(allowed ? [...ids].sort() : []);
			for (const state of STATES) {
				const request = as(role).collection('service_activities').getOne(seeded[state].id);
				await expectSeen(request, allowed, { status: state, member: orgA.ids.member });
			}
		}
	);

	it.each(ROLES)(
		'%s creates an activity only signed in, as their own, pending and pointless',
		async (role) => {
			const note = unique('活动');
			const forged = {
				member: orgA.ids.other,
				branch: orgB.branches[1],
				status: 'approved',
				points: 99,
				reviewed_by: orgA.ids.secretary
			};
			const body = { kind: 'theme-day', date: today(), hours: 2, note, ...forged };
			const request = as(role).collection('service_activities').create(body);
			const stored = () =>
				ctx.su.collection('service_activities').getFullList({
					filter: ctx.su.filter('note = {:note}', { note })
				});
			if (!may(SIGNED_IN, role)) {
				await refused(request);
				return void expect(await stored()).toHaveLength(0);
			}
			const made = await request;
			if (role === 'su') return void expect(made).toMatchObject(forged);
			expect(made).toMatchObject({
				member: idOf(role),
				branch: branchOf(role),
				organisation: role === 'outsider' ? orgB.org : orgA.org,
				status: 'pending',
				points: 0,
				reviewed_by: ''
			});
		}
	);

	it.each(cross(ROLES, STATES))(
		'%s updates a %s activity only as its member while pending (or the superuser)',
		async (role, state) => {
			const { id } = await activityIn(state);
			const before = await ctx.su.collection('service_activities').getOne(id);
			const allowed = role === 'su' || (role === 'member' && state === 'pending');
			const change = { hours: 2, status: 'approved', points: 50, member: orgA.ids.other };
			const request = as(role).collection('service_activities').update(id, change);
			if (!allowed) await refused(request);
			else await request;
			const after = await ctx.su.collection('service_activities').getOne(id);
			if (!allowed) return void expect(after).toEqual(before);
			expect(after.hours).toBe(2);
			if (role === 'member') {
				expect(after).toMatchObject({ status: 'pending', points: 0, member: orgA.ids.member });
			}
		}
	);

	it.each(cross(ROLES, STATES))(
		'%s deletes a %s activity only as its member while pending (or the superuser)',
		async (role, state) => {
			const allowed = role === 'su' || (role === 'member' && state === 'pending');
			await expectDelete(role, 'service_activities', (await activityIn(state)).id, allowed);
		}
	);

	const DECIDED = { approve: 'approved', reject: 'rejected' } as const;

	it.each(cross(ROLES, ['approve', 'reject'] as const))(
		'%s may %s member’s activity only as a leader of their branch',
		async (role, action) => {
			const { id } = await activityIn('pending');
			const request = review(role, id, { action, reason: '请补充照片' });
			const allowed = may(['secretary', 'admin'], role);
			if (allowed) expect(await request).toMatchObject({ status: DECIDED[action] });
			// Only users act here: a guest is asked to sign in, the superuser is turned away.
			else await expect(request).rejects.toMatchObject({ status: role === 'guest' ? 401 : 403 });
			const after = await ctx.su.collection('service_activities').getOne(id);
			expect(after.status).toBe(allowed ? DECIDED[action] : 'pending');
			const events = await ctx.su
				.collection('events')
				.getFullList({ filter: ctx.su.filter('subject = {:id}', { id }) });
			expect(events).toHaveLength(allowed && action === 'approve' ? 1 : 0);
		}
	);
});

describe('meetings', () => {
	it.each(ROLES)(
		'%s lists and views branch 0’s meeting only as its member or leader, never its secret',
		async (role) => {
			const allowed = may(BRANCH_0, role);
			expect(await listed(role, 'meetings', [meeting.id])).toEqual(allowed ? [meeting.id] : []);
			await expectSeen(as(role).collection('meetings').getOne(meeting.id), allowed, {
				title: meeting.title
			});
			if (!allowed || role === 'su') return;
			const seen = await as(role).collection('meetings').getOne(meeting.id, { fields: '*,secret' });
			expect(seen).not.toHaveProperty('secret');
		}
	);

	it.each(SIGNED_IN.filter((r) => r !== 'su'))(
		'%s may not find a meeting by its secret with a filter',
		async (role) => {
			const { secret } = await ctx.su.collection('meetings').getOne(meeting.id);
			expect(secret).toMatch(/^[a-z0-9]{24}$/);
			const filter = ctx.su.filter('secret = {:secret}', { secret });
			const found = await as(role)
				.collection('meetings')
				.getFullList({ filter })
				.catch((e: { status: number }) => e.status);
			expect(found === 400 || (Array.isArray(found) && found.length === 0)).toBe(true);
		}
	);

	it.each(cross(ROLES, [0, 1] as const))(
		'%s sets up a meeting of branch %s only as its leader; the server makes its secret',
		async (role, b) => {
			const title = unique('会议');
			const forged = { secret: 'chosen-by-client', created_by: orgA.ids.member };
			const body = { branch: orgA.branches[b], title, starts_at: SOON(1), ends_at: SOON(2) };
			const request = as(role)
				.collection('meetings')
				.create({ ...body, ...forged, organisation: orgB.org });
			const allowed = may(b === 0 ? LEADERS_0 : ['otherSecretary', 'admin', 'su'], role);
			if (!allowed) await refused(request);
			else await request;
			const stored = await ctx.su
				.collection('meetings')
				.getFullList({ filter: ctx.su.filter('title = {:title}', { title }) });
			expect(stored).toHaveLength(allowed ? 1 : 0);
			if (!allowed || role === 'su') return;
			expect(stored[0]).toMatchObject({ organisation: orgA.org, created_by: idOf(role) });
			expect(stored[0]?.secret).not.toBe(forged.secret);
		}
	);

	it.each(ROLES)(
		'%s changes branch 0’s meeting only as its leader, never its secret or branch',
		async (role) => {
			const { id } = await newMeeting();
			const before = await ctx.su.collection('meetings').getOne(id);
			const request = as(role)
				.collection('meetings')
				.update(id, { title: `改-${role}`, secret: 'guessed' });
			const allowed = may(LEADERS_0, role);
			if (allowed) await request;
			else await refused(request);
			const after = await ctx.su.collection('meetings').getOne(id);
			if (!allowed) return void expect(after).toEqual(before);
			expect(after.title).toBe(`改-${role}`);
			if (role !== 'su') expect(after.secret).toBe(before.secret);
			if (role !== 'su') {
				const move = as(role).collection('meetings').update(id, { branch: orgA.branches[1] });
				await refused(move);
			}
		}
	);

	it.each(ROLES)('%s deletes branch 0’s meeting only as its leader', async (role) => {
		await expectDelete(role, 'meetings', (await newMeeting()).id, may(LEADERS_0, role));
	});

	it.each(ROLES)('%s reads the check-in QR code only as a leader of the meeting', async (role) => {
		const request = as(role).send(`/api/gongxue/meetings/${meeting.id}/qr`, { method: 'GET' });
		if (!may(LEADERS_0, role)) {
			return void (await expect(request).rejects.toMatchObject({
				status: role === 'guest' ? 401 : 403
			}));
		}
		const { secret } = await ctx.su.collection('meetings').getOne(meeting.id);
		expect(await request).toEqual({
			meeting: meeting.id,
			path: `/checkin?m=${meeting.id}&t=${secret}`
		});
	});

	it('a meeting that does not exist has no QR code', async () => {
		const request = as('secretary').send('/api/gongxue/meetings/nosuchmeeting00/qr', {});
		await expect(request).rejects.toMatchObject({ status: 404 });
	});
});
