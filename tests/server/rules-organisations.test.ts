// API rules of `organisations`: every role × list / view / create / update / delete. Organisation A
// has the usual cast (see harness.ts); `outsider` is the admin of another organisation, B.
import { describe, expect, it } from 'vitest';
import {
	as,
	ctx,
	expectDelete,
	expectSeen,
	orgA,
	orgB,
	refused,
	ROLES,
	serveRules,
	throwaway,
	unique,
	type Role
} from './rules-setup';

serveRules();

interface Cell {
	/** Which of A and B the list shows. */
	list: ('A' | 'B')[];
	view: boolean;
	create: boolean;
	update: boolean;
	delete: boolean;
}
const NONE = { create: false, update: false, delete: false };
const IN_A: Cell = { list: ['A'], view: true, ...NONE };

/** What each role may do with organisation A. Only the superuser creates or deletes. */
const MATRIX: Record<Role, Cell> = {
	guest: { list: [], view: false, ...NONE },
	member: IN_A,
	other: IN_A,
	stranger: IN_A,
	secretary: IN_A,
	otherSecretary: IN_A,
	admin: { ...IN_A, update: true },
	outsider: { list: ['B'], view: false, ...NONE },
	su: { list: ['A', 'B'], view: true, create: true, update: true, delete: true }
};
const CELLS = ROLES.map((role) => [role, MATRIX[role]] as const);

describe('organisations', () => {
	it.each(CELLS)('%s: list shows their own organisation only', async (role, may) => {
		const ids = (await as(role).collection('organisations').getFullList()).map((o) => o.id);
		const expected = may.list.map((k) => (k === 'A' ? orgA.org : orgB.org));
		if (role === 'su') expect(ids).toEqual(expect.arrayContaining(expected));
		else expect(ids.sort()).toEqual(expected.sort());
	});

	it.each(CELLS)('%s: view of organisation A', async (role, may) => {
		const request = as(role).collection('organisations').getOne(orgA.org);
		await expectSeen(request, may.view, { id: orgA.org, name: expect.any(String) });
	});

	it.each(CELLS)('%s: create', async (role, may) => {
		const code = unique('org');
		const request = as(role).collection('organisations').create({ name: '新组织', code });
		if (may.create) expect(await request).toMatchObject({ code });
		else await refused(request);
		const stored = await ctx.su
			.collection('organisations')
			.getFullList({ filter: ctx.su.filter('code = {:code}', { code }) });
		expect(stored).toHaveLength(may.create ? 1 : 0);
	});

	it.each(CELLS)('%s: update the name of organisation A', async (role, may) => {
		const before = await ctx.su.collection('organisations').getOne(orgA.org);
		const name = unique('改名');
		const request = as(role).collection('organisations').update(orgA.org, { name });
		if (may.update) expect(await request).toMatchObject({ id: orgA.org, name });
		else await refused(request);
		const after = await ctx.su.collection('organisations').getOne(orgA.org);
		expect(after.name).toBe(may.update ? name : before.name);
		expect(after.code).toBe(before.code);
	});

	it.each(CELLS)('%s: delete', async (role, may) => {
		// The superuser deletes a throwaway; everyone else tries organisation A itself.
		const target =
			role === 'su'
				? await throwaway('organisations', { name: '临时', code: unique('tmp') })
				: orgA.org;
		await expectDelete(role, 'organisations', target, may.delete);
	});

	it('an admin cannot rename another organisation', async () => {
		const before = await ctx.su.collection('organisations').getOne(orgB.org);
		expect(
			await refused(orgA.as.admin.collection('organisations').update(orgB.org, { name: '吞并' }))
		).toBe(404);
		expect((await ctx.su.collection('organisations').getOne(orgB.org)).name).toBe(before.name);
	});
});

describe('organisations: what an admin may change', () => {
	it('an admin renames their organisation but cannot change its code', async () => {
		const before = await ctx.su.collection('organisations').getOne(orgA.org);
		await expect(
			orgA.as.admin.collection('organisations').update(orgA.org, { code: 'taken-over' })
		).rejects.toMatchObject({ status: 404 });
		expect((await ctx.su.collection('organisations').getOne(orgA.org)).code).toBe(before.code);
		const renamed = await orgA.as.admin
			.collection('organisations')
			.update(orgA.org, { name: '新的组织名' });
		expect(renamed).toMatchObject({ name: '新的组织名', code: before.code });
	});
});
