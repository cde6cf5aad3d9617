// API rules of `users`: every role × list / view / create / update / delete, and the fields a
// role may not change (their own role and branch; a member's branch outside the organisation).
// Organisation A has the usual cast (see harness.ts); `outsider` is the admin of organisation B.
import { afterEach, describe, expect, it } from 'vitest';
import { client, PASSWORD } from './harness';
import {
	as,
	ctx,
	cross,
	expectDelete,
	expectSeen,
	orgA,
	orgB,
	PEOPLE,
	refused,
	ROLES,
	serial,
	serveRules,
	throwaway,
	type Person,
	type Role
} from './rules-setup';

serveRules();

const stored = (id: string) => ctx.su.collection('users').getOne(id);

/** Organisation A's people each role sees (`outsider` sees B's own people and none of A's). */
const SEES: Record<Role, Person[]> = {
	guest: [],
	member: ['member'],
	other: ['other'],
	stranger: ['stranger'],
	secretary: ['member', 'other', 'secretary', 'admin'],
	otherSecretary: ['stranger', 'otherSecretary'],
	admin: PEOPLE,
	outsider: [],
	su: PEOPLE
};
/** Whose name each role may change: themselves; the admin and superuser anyone in A. */
const EDITS: Record<Role, Person[]> = {
	guest: [],
	member: ['member'],
	other: ['other'],
	stranger: ['stranger'],
	secretary: ['secretary'],
	otherSecretary: ['otherSecretary'],
	admin: PEOPLE,
	outsider: [],
	su: PEOPLE
};
const TARGETS: Person[] = ['member', 'stranger'];

describe('users: reading', () => {
	it.each(ROLES)('%s: list shows exactly the people they may see', async (role) => {
		const ids = (await as(role).collection('users').getFullList()).map((u) => u.id);
		const expected = SEES[role].map((p) => orgA.ids[p]);
		if (role === 'outsider') expected.push(...PEOPLE.map((p) => orgB.ids[p]));
		if (role === 'su') expected.push(...PEOPLE.map((p) => orgB.ids[p]));
		expect(ids.sort()).toEqual(expected.sort());
	});

	it.each(cross(ROLES, TARGETS))('%s: view of %s', async (role, target) => {
		const request = as(role).collection('users').getOne(orgA.ids[target]);
		const expected = { id: orgA.ids[target], name: `${target}-姓名` };
		await expectSeen(request, SEES[role].includes(target), expected);
	});
});

describe('users: writing', () => {
	it.each(ROLES)('%s: create a user without a join code', async (role) => {
		const email = `made-by-${role}-${serial()}@gongxue.test`;
		const body = { email, password: PASSWORD, passwordConfirm: PASSWORD, name: '新人' };
		const request = as(role)
			.collection('users')
			.create({ ...body, branch: orgA.branches[0], role: 'admin' });
		if (role === 'su') expect(await request).toMatchObject({ role: 'admin' });
		else expect(await refused(request)).toBe(400);
		const made = await ctx.su
			.collection('users')
			.getFullList({ filter: ctx.su.filter('email = {:email}', { email }) });
		expect(made).toHaveLength(role === 'su' ? 1 : 0);
	});

	it.each(cross(ROLES, TARGETS))('%s: rename %s', async (role, target) => {
		const id = orgA.ids[target];
		const before = await stored(id);
		const name = `改名-${serial()}`;
		const request = as(role).collection('users').update(id, { name });
		const allowed = EDITS[role].includes(target);
		if (allowed) expect(await request).toMatchObject({ id, name });
		else await refused(request);
		expect((await stored(id)).name).toBe(allowed ? name : before.name);
		// Put the name back for the other tests that read it.
		if (allowed) await ctx.su.collection('users').update(id, { name: `${target}-姓名` });
	});

	it.each(ROLES)('%s: delete a member', async (role) => {
		// The superuser deletes a throwaway; everyone else tries the member of branch A0.
		const target =
			role === 'su'
				? await throwaway('users', {
						email: `tmp-${serial()}@gongxue.test`,
						password: PASSWORD,
						passwordConfirm: PASSWORD,
						branch: orgA.branches[0],
						role: 'member'
					})
				: orgA.ids.member;
		await expectDelete(role, 'users', target, role === 'su');
	});
});

describe('users: roles and branches', () => {
	/** Each person's role and branch (0 or 1) as the harness made them. */
	const MADE: Record<Person, [string, 0 | 1]> = {
		member: ['member', 0],
		other: ['member', 0],
		stranger: ['member', 1],
		secretary: ['secretary', 0],
		otherSecretary: ['secretary', 1],
		admin: ['admin', 0]
	};
	// Each cell starts from the people as the harness made them, whatever the last one changed.
	afterEach(async () => {
		for (const org of [orgA, orgB])
			for (const person of PEOPLE) {
				const [role, branch] = MADE[person];
				await ctx.su.collection('users').update(org.ids[person], {
					role,
					branch: org.branches[branch],
					name: `${person}-姓名`,
					hide_name: false
				});
			}
	});

	const unchanged = async (person: Person, org = orgA) => {
		const u = await stored(org.ids[person]);
		const [role, branch] = MADE[person];
		expect({ role: u.role, branch: u.branch }).toEqual({ role, branch: org.branches[branch] });
	};

	it.each([
		['role', () => ({ role: 'admin' })],
		['role (modifier)', () => ({ 'role+': 'admin' })],
		['branch', () => ({ branch: orgA.branches[1] })],
		['branch (modifier)', () => ({ 'branch+': orgA.branches[1] })],
		['branch (removed)', () => ({ 'branch-': orgA.branches[0] })],
		['role, alongside an allowed field', () => ({ name: '我', role: 'secretary' })]
	] as const)('a member cannot change their own %s', async (_what, body) => {
		const request = orgA.as.member.collection('users').update(orgA.ids.member, body());
		expect(await refused(request)).toBe(404);
		await unchanged('member');
		expect((await stored(orgA.ids.member)).name).toBe('member-姓名');
	});

	it('a member may change their own name and hide it', async () => {
		const r = await orgA.as.member
			.collection('users')
			.update(orgA.ids.member, { name: '改名', hide_name: true });
		expect(r).toMatchObject({ name: '改名', hide_name: true, role: 'member' });
		expect(await stored(orgA.ids.member)).toMatchObject({ name: '改名', hide_name: true });
	});

	it.each(['secretary', 'otherSecretary'] as const)(
		'%s: cannot make themselves an admin',
		async (role) => {
			await refused(orgA.as[role].collection('users').update(orgA.ids[role], { role: 'admin' }));
			await unchanged(role);
		}
	);

	it('a secretary cannot set the role of or move a member of their branch', async () => {
		const s = orgA.as.secretary.collection('users');
		await refused(s.update(orgA.ids.member, { role: 'secretary' }));
		await refused(s.update(orgA.ids.member, { branch: orgA.branches[1] }));
		await unchanged('member');
	});

	it('the admin sets roles and moves members between the organisation’s branches', async () => {
		const a = orgA.as.admin.collection('users');
		expect(await a.update(orgA.ids.member, { role: 'secretary' })).toMatchObject({
			role: 'secretary'
		});
		expect(await a.update(orgA.ids.member, { branch: orgA.branches[1] })).toMatchObject({
			branch: orgA.branches[1]
		});
		expect(await stored(orgA.ids.member)).toMatchObject({
			role: 'secretary',
			branch: orgA.branches[1]
		});
	});

	it('the admin cannot take over a member’s account: password, email, verified', async () => {
		const a = orgA.as.admin.collection('users');
		const before = await stored(orgA.ids.member);
		await refused(
			a.update(orgA.ids.member, { password: 'taken-over-1', passwordConfirm: 'taken-over-1' })
		);
		await refused(a.update(orgA.ids.member, { email: 'taken@gongxue.test' }));
		await refused(a.update(orgA.ids.member, { verified: true }));
		expect(await stored(orgA.ids.member)).toEqual(before);
		const signIn = client(ctx.server.url)
			.collection('users')
			.authWithPassword(before.email, 'taken-over-1');
		await refused(signIn);
	});

	it('the admin cannot move a member to a branch of another organisation', async () => {
		await refused(
			orgA.as.admin.collection('users').update(orgA.ids.member, { branch: orgB.branches[0] })
		);
		await unchanged('member');
	});

	it('the admin cannot pull in, re-role or rename a member of another organisation', async () => {
		const a = orgA.as.admin.collection('users');
		expect(await refused(a.update(orgB.ids.member, { branch: orgA.branches[0] }))).toBe(404);
		expect(await refused(a.update(orgB.ids.member, { role: 'admin' }))).toBe(404);
		expect(await refused(a.update(orgB.ids.member, { name: '外人' }))).toBe(404);
		await unchanged('member', orgB);
		expect((await stored(orgB.ids.member)).name).toBe('member-姓名');
	});

	it('another organisation’s admin cannot move organisation A’s members', async () => {
		await refused(
			orgB.as.admin.collection('users').update(orgA.ids.member, { branch: orgB.branches[0] })
		);
		await unchanged('member');
	});
});
