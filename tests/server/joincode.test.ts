// GET / POST /api/gongxue/branches/{id}/join-code on a real PocketBase: a branch's secretary and
// its organisation's admin see the join code and reset it; everyone else is refused in Chinese
// and learns nothing. After a reset the old code registers nobody and the new one does.
import { ClientResponseError } from 'pocketbase';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from './harness';
import { as, ctx, orgA, orgB, ROLES, serveRules, unique, type Role } from './rules-setup';

serveRules();

/** The codes the server makes: eight of its unambiguous letters and digits (no I, O, 0, 1). */
const SERVER_CODE = /^[A-HJ-NP-Z2-9]{8}$/;

type Branch = 'A0' | 'A1' | 'B0';
const idOf = (b: Branch) => (b === 'B0' ? orgB.branches[0] : orgA.branches[b === 'A0' ? 0 : 1]);
const path = (b: Branch) => `/api/gongxue/branches/${idOf(b)}/join-code`;

/** The stored code of a branch, as the superuser reads it. */
const storedCode = async (b: Branch) =>
	String((await ctx.su.collection('branches').getOne(idOf(b))).join_code);

/** Who may see and reset each branch's code; the status anyone else gets. */
const MANAGES: Record<Role, Branch[]> = {
	guest: [],
	member: [],
	other: [],
	stranger: [],
	secretary: ['A0'],
	otherSecretary: ['A1'],
	admin: ['A0', 'A1'],
	outsider: ['B0'],
	su: ['A0', 'A1', 'B0']
};
const refusal = (role: Role) => (role === 'guest' ? 401 : 403);

/** The cells of the matrix: every role against branch A0 (where the cast lives) and B0. */
const CELLS: [Role, Branch][] = ROLES.flatMap((r) => [
	[r, 'A0'] as [Role, Branch],
	[r, 'B0'] as [Role, Branch]
]);

/** The request's error; it must be one. */
async function failure(request: Promise<unknown>): Promise<ClientResponseError> {
	const error = await request.then(
		() => null,
		(e: unknown) => e
	);
	expect(error, 'the request should have been refused').toBeInstanceOf(ClientResponseError);
	return error as ClientResponseError;
}

/** A refusal a person can read (Chinese, one sentence ending in “。”) that does not give
 * away `secret`. */
function expectChineseRefusal(error: ClientResponseError, status: number, secret: string) {
	expect(error.status).toBe(status);
	expect(error.response.message).toMatch(/^[\u4e00-\u9fff].*。$/u);
	expect(JSON.stringify(error.response)).not.toContain(secret);
}

/** Register a guest with `code`; resolves to the new user or rejects as the server does. */
const register = (code: string) =>
	as('guest')
		.collection('users')
		.create({
			email: `${unique('joiner')}@gongxue.test`.toLowerCase(),
			password: PASSWORD,
			passwordConfirm: PASSWORD,
			name: '新党员',
			join_code: code
		});

describe('seeing a branch’s join code', () => {
	it.each(CELLS)('%s: GET the join code of branch %s', async (role, b) => {
		const code = await storedCode(b);
		const request = as(role).send<{ code: string }>(path(b), { method: 'GET' });
		if (MANAGES[role].includes(b)) expect(await request).toEqual({ code });
		else expectChineseRefusal(await failure(request), refusal(role), code);
	});

	it('admin: sees the codes of every branch of their organisation, each its own', async () => {
		const codes = await Promise.all(
			(['A0', 'A1'] as const).map((b) => as('admin').send(path(b), { method: 'GET' }))
		);
		expect(codes).toEqual([{ code: orgA.codes[0] }, { code: orgA.codes[1] }]);
	});

	it('secretary: is told in Chinese they manage only their own branch', async () => {
		const error = await failure(as('secretary').send(path('A1'), { method: 'GET' }));
		expect(error.status).toBe(403);
		expect(error.response.message).toBe('支部书记只能查看和重置本支部的加入码。');
	});

	it('admin: an unknown branch is not found', async () => {
		const error = await failure(
			as('admin').send('/api/gongxue/branches/nosuchbranch123/join-code', { method: 'GET' })
		);
		expect(error.status).toBe(404);
		expect(error.response.message).toBe('找不到这个支部。');
	});
});

describe('resetting a branch’s join code', () => {
	it.each(CELLS)('%s: POST resets the join code of branch %s', async (role, b) => {
		const before = await storedCode(b);
		const others = await Promise.all((['A0', 'A1', 'B0'] as const).map(storedCode));
		const request = as(role).send<{ code: string }>(path(b), { method: 'POST' });
		if (MANAGES[role].includes(b)) {
			const { code } = await request;
			expect(code).toMatch(SERVER_CODE);
			expect(code).not.toBe(before);
			expect(await storedCode(b)).toBe(code);
			// The one who reset it sees the new code from then on.
			expect(await as(role).send(path(b), { method: 'GET' })).toEqual({ code });
		} else {
			expectChineseRefusal(await failure(request), refusal(role), before);
			expect(await storedCode(b)).toBe(before);
		}
		// No other branch's code moves.
		const after = await Promise.all((['A0', 'A1', 'B0'] as const).map(storedCode));
		(['A0', 'A1', 'B0'] as const).forEach((x, i) => {
			if (x !== b) expect(after[i]).toBe(others[i]);
		});
	});

	it('each reset makes a different code', async () => {
		const seen = new Set<string>();
		for (let i = 0; i < 5; i++) {
			const { code } = await as('secretary').send<{ code: string }>(path('A0'), {
				method: 'POST'
			});
			seen.add(code);
		}
		expect(seen.size).toBe(5);
	});

	it('after a reset the old code registers nobody and the new one makes a member', async () => {
		const old = await storedCode('A0');
		// The old code works up to the reset.
		expect(await register(old)).toMatchObject({ branch: idOf('A0'), role: 'member' });
		const { code } = await as('secretary').send<{ code: string }>(path('A0'), { method: 'POST' });

		const error = await failure(register(old));
		expect(error.status).toBe(400);
		expect(error.response.message).toBe('加入码无效：请向支部书记确认本支部的加入码。');
		expect(error.response.data).toEqual({
			join_code: { code: 'invalid_join_code', message: '加入码无效' }
		});

		const joined = await register(code);
		expect(joined).toMatchObject({ branch: idOf('A0'), role: 'member' });
		// Typed in lower case, as anyone might.
		expect(await register(code.toLowerCase())).toMatchObject({ branch: idOf('A0') });
	});

	it('an admin’s reset of another branch stops that branch’s old code, and only it', async () => {
		const [oldA1, a0] = [await storedCode('A1'), await storedCode('A0')];
		const { code } = await as('admin').send<{ code: string }>(path('A1'), { method: 'POST' });
		expect((await failure(register(oldA1))).status).toBe(400);
		expect(await register(code)).toMatchObject({ branch: idOf('A1'), role: 'member' });
		expect(await register(a0)).toMatchObject({ branch: idOf('A0'), role: 'member' });
	});

	it('the new code stays hidden from members and other branches’ secretaries', async () => {
		const { code } = await as('admin').send<{ code: string }>(path('A0'), { method: 'POST' });
		for (const role of ['member', 'stranger', 'otherSecretary'] as const) {
			const branch = await as(role).collection('branches').getOne(idOf('A0'));
			expect(branch).not.toHaveProperty('join_code');
			const hits = await as(role)
				.collection('branches')
				.getList(1, 50, { filter: `join_code = "${code}"` })
				.then(
					(r) => r.totalItems,
					(e: ClientResponseError) => -e.status
				);
			const misses = await as(role)
				.collection('branches')
				.getList(1, 50, { filter: 'join_code = "NOSUCHCODE"' })
				.then(
					(r) => r.totalItems,
					(e: ClientResponseError) => -e.status
				);
			expect(hits).toBe(misses);
		}
		// Its own secretary sees it wherever the branch is read.
		const own = await as('secretary').collection('branches').getOne(idOf('A0'));
		expect(own.join_code).toBe(code);
	});
});
