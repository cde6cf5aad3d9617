// API rules of transfers (组织关系转接): every role × list / view / create / update / delete, the
// decide route and the cancel route. The transfers looked at are `member`'s, from branch 0 of
// organisation A (whose secretary is `secretary`, the old branch's) to branch 1 (whose secretary
// is `otherSecretary`, the new branch's); `admin` leads both, `outsider` is the admin of
// organisation B. Every field is the server's: a request names only a join code and a note.
import type { RecordModel } from 'pocketbase';
import { describe, expect, it } from 'vitest';
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

type Status = 'pending' | 'accepted' | 'rejected' | 'cancelled';
const STATUSES: Status[] = ['pending', 'accepted', 'rejected', 'cancelled'];
/** Who sees member's transfer: the member, both branches' leaders, the superuser. */
const SEE: Role[] = ['member', 'secretary', 'otherSecretary', 'admin', 'su'];
/** Who decides on it: the new branch's secretary and its organisation's admin. */
const DECIDE: Role[] = ['otherSecretary', 'admin'];

const idOf = (role: Role) => as(role).authStore.record?.id ?? '';
/** A role's branch, and the branch it asks to move to (for `outsider`, a branch of A). */
const homeOf = (role: Role) =>
	role === 'outsider'
		? orgB.branches[0]
		: orgA.branches[role === 'stranger' || role === 'otherSecretary' ? 1 : 0];
const targetOf = (role: Role) => (homeOf(role) === orgA.branches[1] ? 0 : 1);

/** Any pending request of `user` is set aside by the superuser: one may be pending at a time. */
async function clearPending(user: string): Promise<void> {
	const pending = await ctx.su.collection('transfers').getFullList({
		filter: ctx.su.filter('user = {:user} && status = "pending"', { user })
	});
	for (const t of pending)
		await ctx.su.collection('transfers').update(t.id, { status: 'cancelled' });
}

/** A transfer of member from branch 0 to branch 1 in `status`, stored by the superuser. */
const seed = (status: Status) =>
	ctx.su.collection('transfers').create({
		user: orgA.ids.member,
		from_branch: orgA.branches[0],
		to_branch: orgA.branches[1],
		member_name: 'member-姓名',
		from_name: '第一支部',
		to_name: '第二支部',
		status,
		note: unique('留言')
	});

/** A fresh pending request of member's, made as the member makes it. */
async function freshRequest(): Promise<RecordModel> {
	await clearPending(orgA.ids.member);
	return orgA.as.member
		.collection('transfers')
		.create({ join_code: orgA.codes[1], note: unique('请求转入') });
}

const post = (role: Role, id: string, route: 'decide' | 'cancel', body: object = {}) =>
	as(role).send(`/api/gongxue/transfers/${id}/${route}`, { method: 'POST', body });

const seeded = {} as Record<Status, RecordModel>;
serveRules(async () => {
	for (const status of STATUSES) seeded[status] = await seed(status);
});

/** The ids among `ids` that `role`'s list returns. */
async function listed(role: Role, ids: string[]): Promise<string[]> {
	const filter = ids.map((id) => `id = "${id}"`).join(' || ');
	const items = await as(role)
		.collection('transfers')
		.getFullList({ filter })
		.catch(() => []);
	return items.map((r) => r.id).sort();
}

describe('transfers', () => {
	it.each(ROLES)(
		'%s lists and views member’s transfers only as them, a leader of either branch or the superuser',
		async (role) => {
			const ids = STATUSES.map((s) => seeded[s].id);
			const allowed = SEE.includes(role);
			expect(await listed(role, ids)).toEqual(allowed ? [...ids].sort() : []);
			for (const status of STATUSES) {
				const request = as(role).collection('transfers').getOne(seeded[status].id);
				await expectSeen(request, allowed, { status, user: orgA.ids.member, to_name: '第二支部' });
			}
		}
	);

	it.each(ROLES)(
		'%s requests a transfer only signed in, as their own, from their branch, pending',
		async (role) => {
			const note = unique('转接');
			const forged = {
				user: orgA.ids.other,
				from_branch: orgB.branches[1],
				to_branch: orgB.branches[0],
				status: 'accepted',
				decided_by: orgA.ids.secretary,
				reason: '已同意'
			};
			const join_code = orgA.codes[targetOf(role)];
			const stored = () =>
				ctx.su
					.collection('transfers')
					.getFullList({ filter: ctx.su.filter('note = {:note}', { note }) });
			if (role === 'guest') {
				await refused(
					as(role)
						.collection('transfers')
						.create({ join_code, note, ...forged })
				);
				return void expect(await stored()).toHaveLength(0);
			}
			if (role !== 'su') await clearPending(idOf(role));
			const made = await as(role)
				.collection('transfers')
				.create({ join_code, note, ...forged });
			// The superuser writes what it sends (as the dashboard does); the hook decides for members.
			if (role === 'su') return void expect(made).toMatchObject(forged);
			expect(made).toMatchObject({
				user: idOf(role),
				from_branch: homeOf(role),
				to_branch: orgA.branches[targetOf(role)],
				status: 'pending',
				decided_by: '',
				reason: '',
				note
			});
			await post(role, made.id, 'cancel');
		}
	);

	it.each(cross(ROLES, ['pending', 'accepted'] as const))(
		'%s may not change a %s transfer (only the superuser may)',
		async (role, status) => {
			const { id } = status === 'pending' ? await freshRequest() : await seed(status);
			const before = await ctx.su.collection('transfers').getOne(id);
			if (role === 'su') {
				const request = as(role).collection('transfers').update(id, { note: '改了' });
				return void expect(await request).toMatchObject({ note: '改了', status });
			}
			const change = { status: 'accepted', to_branch: orgA.branches[0], note: '改了' };
			await refused(as(role).collection('transfers').update(id, change));
			expect(await ctx.su.collection('transfers').getOne(id)).toEqual(before);
		}
	);

	it.each(ROLES)('%s may not delete a transfer (only the superuser may)', async (role) => {
		await expectDelete(role, 'transfers', (await seed('rejected')).id, role === 'su');
	});

	it.each(ROLES)(
		'%s decides on member’s request only as a leader of the new branch',
		async (role) => {
			const { id } = await freshRequest();
			const request = post(role, id, 'decide', { action: 'reject', reason: '名额已满' });
			const allowed = DECIDE.includes(role);
			if (allowed) expect(await request).toMatchObject({ status: 'rejected', reason: '名额已满' });
			// Only users act here: a guest is asked to sign in, the superuser is turned away.
			else await expect(request).rejects.toMatchObject({ status: role === 'guest' ? 401 : 403 });
			const after = await ctx.su.collection('transfers').getOne(id);
			expect(after.status).toBe(allowed ? 'rejected' : 'pending');
			expect(after.decided_by).toBe(allowed ? idOf(role) : '');
			// Nobody moved.
			const member = await ctx.su.collection('users').getOne(orgA.ids.member);
			expect(member.branch).toBe(orgA.branches[0]);
		}
	);

	it.each(ROLES)('%s withdraws member’s pending request only as the member', async (role) => {
		const { id } = await freshRequest();
		const request = post(role, id, 'cancel');
		const allowed = role === 'member';
		if (allowed) expect(await request).toMatchObject({ status: 'cancelled' });
		else {
			const expected = role === 'guest' ? 401 : role === 'su' ? 403 : 404;
			await expect(request).rejects.toMatchObject({ status: expected });
		}
		const after = await ctx.su.collection('transfers').getOne(id);
		expect(after.status).toBe(allowed ? 'cancelled' : 'pending');
	});
});
