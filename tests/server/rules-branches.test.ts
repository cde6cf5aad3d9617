// API rules of `branches` and who may see a branch's join code: every role × list / view /
// create / update / delete. Organisation A has the usual cast (see harness.ts); `outsider` is the
// admin of another organisation, B.
import { ClientResponseError, type RecordModel } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import {
	as,
	byId,
	ctx,
	cross,
	expectDelete,
	orgA,
	orgB,
	refused,
	ROLES,
	serial,
	serveRules,
	unique,
	type Role
} from './rules-setup';

type Branch = 'A0' | 'A1' | 'B0' | 'B1';
const ALL: Branch[] = ['A0', 'A1', 'B0', 'B1'];

serveRules();

const orgOf = (b: Branch) => (b[0] === 'A' ? orgA : orgB);
const idOf = (b: Branch) => orgOf(b).branches[b[1] === '0' ? 0 : 1];
const codeOf = (b: Branch) => orgOf(b).codes[b[1] === '0' ? 0 : 1];

const uniqueCode = () => unique('Z', '').toUpperCase();

/** Branches each role sees, and those whose join code it sees. */
const SEES: Record<Role, { branches: Branch[]; codes: Branch[] }> = {
	guest: { branches: [], codes: [] },
	member: { branches: ['A0', 'A1'], codes: [] },
	other: { branches: ['A0', 'A1'], codes: [] },
	stranger: { branches: ['A0', 'A1'], codes: [] },
	secretary: { branches: ['A0', 'A1'], codes: ['A0'] },
	otherSecretary: { branches: ['A0', 'A1'], codes: ['A1'] },
	admin: { branches: ['A0', 'A1'], codes: ['A0', 'A1'] },
	outsider: { branches: ['B0', 'B1'], codes: ['B0', 'B1'] },
	su: { branches: ALL, codes: ALL }
};
/** Writes on organisation A's branches: only its admin creates and deletes; a secretary renames their own. */
const WRITES: Record<Role, { create: boolean; rename: Branch[]; delete: boolean }> = {
	guest: { create: false, rename: [], delete: false },
	member: { create: false, rename: [], delete: false },
	other: { create: false, rename: [], delete: false },
	stranger: { create: false, rename: [], delete: false },
	secretary: { create: false, rename: ['A0'], delete: false },
	otherSecretary: { create: false, rename: ['A1'], delete: false },
	admin: { create: true, rename: ['A0', 'A1'], delete: true },
	outsider: { create: false, rename: [], delete: false },
	su: { create: true, rename: ['A0', 'A1'], delete: true }
};

/** The join code in `record` must be present (and right) exactly when the role may see it. */
function expectCode(record: RecordModel, branch: Branch, visible: boolean) {
	if (visible) expect(record.join_code).toBe(codeOf(branch));
	else expect(record).not.toHaveProperty('join_code');
}

describe('branches: reading and join codes', () => {
	it.each(ROLES.map((r) => [r, SEES[r]] as const))(
		'%s: list shows their organisation’s branches, with the join codes they may see',
		async (role, sees) => {
			const items = await as(role).collection('branches').getFullList();
			const known = items.filter((i) => ALL.some((b) => idOf(b) === i.id));
			if (role !== 'su') expect(items).toHaveLength(known.length);
			expect(known.map((i) => i.id).sort()).toEqual(sees.branches.map(idOf).sort());
			for (const b of sees.branches) {
				const item = items.find((i) => i.id === idOf(b));
				expectCode(item as RecordModel, b, sees.codes.includes(b));
			}
		}
	);

	it.each(cross(ROLES, ALL))('%s: view of branch %s', async (role, branch) => {
		const request = as(role).collection('branches').getOne(idOf(branch));
		if (!SEES[role].branches.includes(branch)) return expect(await refused(request)).toBe(404);
		expectCode(await request, branch, SEES[role].codes.includes(branch));
	});

	it.each(['member', 'other', 'stranger'] as const)(
		'%s: an expanded branch carries no join code either',
		async (role) => {
			const me = await orgA.as[role]
				.collection('users')
				.getOne(orgA.ids[role], { expand: 'branch' });
			expect(me.expand?.branch).toMatchObject({ id: me.branch });
			expect(me.expand?.branch).not.toHaveProperty('join_code');
			const org = await orgA.as[role]
				.collection('organisations')
				.getOne(orgA.org, { expand: 'branches_via_organisation' });
			const expanded = (org.expand?.branches_via_organisation ?? []) as RecordModel[];
			expect(expanded).toHaveLength(2);
			for (const b of expanded) expect(b).not.toHaveProperty('join_code');
		}
	);

	// A join code lets anyone register into that branch, so a role that may not read it must not
	// learn it by filtering either: a filter that matches the code and one that matches nothing
	// must look the same.
	const SECRET: [Role, Branch][] = [
		['member', 'A1'],
		['other', 'A1'],
		['stranger', 'A0'],
		['secretary', 'A1'],
		['otherSecretary', 'A0']
	];
	it.each(SECRET)('%s: cannot find the join code of branch %s by filtering', async (role, b) => {
		const count = (filter: string) =>
			as(role)
				.collection('branches')
				.getList(1, 50, { filter })
				.then(
					(r) => `${r.totalItems} items`,
					(e: ClientResponseError) => `status ${e.status}`
				);
		const hit = await count(`join_code = "${codeOf(b)}"`);
		const miss = await count('join_code = "NOSUCHCODE"');
		expect(hit).toBe(miss);
		const prefixHit = await count(`join_code ~ "${codeOf(b).slice(0, 3)}%"`);
		expect(prefixHit).toBe(await count('join_code ~ "QQQ%"'));
	});

	it('member: cannot find join codes through a relation filter either', async () => {
		const m = orgA.as.member;
		const orgs = (filter: string) =>
			m
				.collection('organisations')
				.getList(1, 50, { filter })
				.then(
					(r) => r.totalItems,
					(e: ClientResponseError) => -e.status
				);
		expect(await orgs(`branches_via_organisation.join_code ?= "${orgA.codes[1]}"`)).toBe(
			await orgs('branches_via_organisation.join_code ?= "NOSUCHCODE"')
		);
	});
});

describe('branches: writing', () => {
	it.each(ROLES.map((r) => [r, WRITES[r].create] as const))(
		'%s: create a branch in organisation A',
		async (role, allowed) => {
			const name = `新支部${uniqueCode()}`;
			// A client's join code is ignored: the server makes every branch its own.
			const request = as(role)
				.collection('branches')
				.create({ name, organisation: orgA.org, join_code: 'CHOSEN123' });
			if (allowed) {
				const created = await request;
				expect(created).toMatchObject({ organisation: orgA.org });
				// The superuser may choose a code (the harness does); others get a server-made one.
				if (role === 'su') expect(created.join_code).toBe('CHOSEN123');
				else expect(created.join_code).toMatch(/^[A-Z2-9]{8}$/);
			} else await refused(request);
			const stored = await ctx.su
				.collection('branches')
				.getFullList({ filter: ctx.su.filter('name = {:n}', { n: name }) });
			expect(stored).toHaveLength(allowed ? 1 : 0);
			if (role !== 'su') expect(stored.every((b) => b.join_code !== 'CHOSEN123')).toBe(true);
		}
	);

	it('admin: cannot create a branch in another organisation', async () => {
		const name = `越界支部${uniqueCode()}`;
		await refused(orgA.as.admin.collection('branches').create({ name, organisation: orgB.org }));
		const stored = await ctx.su
			.collection('branches')
			.getFullList({ filter: ctx.su.filter('name = {:n}', { n: name }) });
		expect(stored).toHaveLength(0);
	});

	// A join code decides who may register where, so no client picks one (a guessable code would
	// let anyone in): an update's join code is ignored, like a create's.
	it.each([
		['secretary', 'A0'],
		['otherSecretary', 'A1'],
		['admin', 'A0'],
		['admin', 'A1']
	] as [Role, Branch][])('%s: cannot set the join code of branch %s', async (role, b) => {
		const before = await ctx.su.collection('branches').getOne(idOf(b));
		await as(role)
			.collection('branches')
			.update(idOf(b), { join_code: 'EASY0000' })
			.catch((e: unknown) => e);
		const after = await ctx.su.collection('branches').getOne(idOf(b));
		expect(after.join_code).toBe(before.join_code);
		expect(after.join_code).toBe(codeOf(b));
	});

	it.each(cross(ROLES, ['A0', 'A1'] as const))('%s: rename branch %s', async (role, branch) => {
		const allowed = WRITES[role].rename.includes(branch);
		const before = await ctx.su.collection('branches').getOne(idOf(branch));
		const name = `改名-${role}-${serial()}`;
		const request = as(role).collection('branches').update(idOf(branch), { name });
		if (allowed) expect(await request).toMatchObject({ name, organisation: orgA.org });
		else await refused(request);
		const after = await ctx.su.collection('branches').getOne(idOf(branch));
		expect(after.name).toBe(allowed ? name : before.name);
		expect(after.organisation).toBe(orgA.org);
	});

	it.each([
		['secretary', 'A0'],
		['otherSecretary', 'A1'],
		['admin', 'A0'],
		['admin', 'A1'],
		['outsider', 'A0']
	] as [Role, Branch][])('%s: cannot move branch %s to another organisation', async (role, b) => {
		try {
			await refused(as(role).collection('branches').update(idOf(b), { organisation: orgB.org }));
			expect((await ctx.su.collection('branches').getOne(idOf(b))).organisation).toBe(orgA.org);
		} finally {
			// Were the move to go through, the next cells would start from a broken organisation.
			await ctx.su.collection('branches').update(idOf(b), { organisation: orgA.org });
		}
	});

	it.each(ROLES.map((r) => [r, WRITES[r].delete] as const))(
		'%s: delete an (empty) branch of organisation A',
		async (role, allowed) => {
			const target = await ctx.su
				.collection('branches')
				.create({ name: '临时支部', organisation: orgA.org, join_code: uniqueCode() });
			await expectDelete(role, 'branches', target.id, allowed);
		}
	);

	it('secretary: cannot delete their own branch', async () => {
		await refused(orgA.as.secretary.collection('branches').delete(orgA.branches[0]));
		expect(
			await ctx.su.collection('branches').getFullList({ filter: byId(orgA.branches[0]) })
		).toHaveLength(1);
	});
});
