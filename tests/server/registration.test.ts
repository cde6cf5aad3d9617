// Registration: a guest joins with their branch's join code; the server, not the body, decides the
// branch and the role. Without a valid code nothing is created and the answer says why in Chinese.
import PocketBase, { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, makeOrg, PASSWORD, startServer, type Ctx, type Org } from './harness';

let ctx: Ctx;
let org: Org;
let other: Org;

beforeAll(async () => {
	ctx = await startServer();
	org = await makeOrg(ctx);
	other = await makeOrg(ctx);
}, 60_000);
afterAll(() => ctx?.close());

let counter = 0;
const newEmail = () => `joiner-${Date.now().toString(36)}-${counter++}@gongxue.test`;
const account = (email: string) => ({
	email,
	password: PASSWORD,
	passwordConfirm: PASSWORD,
	name: '新党员'
});
const usersWith = (email: string) =>
	ctx.su.collection('users').getFullList({ filter: ctx.su.filter('email = {:email}', { email }) });

/** The registration's error, which must be a 400. */
async function rejected(body: Record<string, unknown>): Promise<ClientResponseError> {
	const error = await client(ctx.server.url)
		.collection('users')
		.create(body)
		.then(
			() => null,
			(e: unknown) => e
		);
	expect(error).toBeInstanceOf(ClientResponseError);
	expect((error as ClientResponseError).status).toBe(400);
	return error as ClientResponseError;
}

describe('registering with a join code', () => {
	it('makes a member of the code’s branch, whatever role and branch the body asks for', async () => {
		const email = newEmail();
		const created = await client(ctx.server.url)
			.collection('users')
			.create({
				...account(email),
				join_code: org.codes[1],
				role: 'admin',
				branch: other.branches[0]
			});
		expect(created).toMatchObject({ branch: org.branches[1], role: 'member' });
		const [stored] = await usersWith(email);
		expect(stored).toMatchObject({ branch: org.branches[1], role: 'member', name: '新党员' });
	});

	it('accepts the code in lower case and with spaces around it', async () => {
		const email = newEmail();
		await client(ctx.server.url)
			.collection('users')
			.create({ ...account(email), join_code: `  ${org.codes[0].toLowerCase()} ` });
		expect(await usersWith(email)).toEqual([
			expect.objectContaining({ branch: org.branches[0], role: 'member' })
		]);
	});

	it('keeps the choice to hide one’s name on boards', async () => {
		const email = newEmail();
		await client(ctx.server.url)
			.collection('users')
			.create({ ...account(email), join_code: org.codes[0], hide_name: true });
		expect((await usersWith(email))[0]?.hide_name).toBe(true);
	});

	it('lets the new member sign in, see themselves and be seen by their secretary only', async () => {
		const email = newEmail();
		await client(ctx.server.url)
			.collection('users')
			.create({ ...account(email), join_code: org.codes[1] });
		const pb = client(ctx.server.url);
		const auth = await pb.collection('users').authWithPassword(email, PASSWORD);
		expect(auth.record).toMatchObject({ email, role: 'member', branch: org.branches[1] });
		expect((await pb.collection('users').getFullList()).map((u) => u.email)).toEqual([email]);
		// Their organisation's branches, but no join codes.
		const branches = await pb.collection('branches').getFullList();
		expect(branches.map((b) => b.id).sort()).toEqual([...org.branches].sort());
		for (const b of branches) expect(b).not.toHaveProperty('join_code');
		const seenBy = async (pbOf: PocketBase) =>
			(await pbOf.collection('users').getFullList()).some((u) => u.id === auth.record.id);
		expect(await seenBy(org.as.otherSecretary)).toBe(true);
		expect(await seenBy(org.as.secretary)).toBe(false);
		expect(await seenBy(org.as.admin)).toBe(true);
		expect(await seenBy(other.as.admin)).toBe(false);
	});
});

describe('registering without a valid join code', () => {
	it.each([
		['no code', () => ({})],
		['an empty code', () => ({ join_code: '' })],
		['a wrong code', () => ({ join_code: 'WRONGCODE1' })],
		['a branch id instead of a code', () => ({ branch: org.branches[0] })],
		['a code that is not text', () => ({ join_code: { code: org.codes[0] } })]
	])('%s: 400 with a Chinese explanation, and no account', async (_what, extra) => {
		const email = newEmail();
		const error = await rejected({ ...account(email), ...extra() });
		expect(error.response.message).toMatch(/加入码无效/);
		expect(await usersWith(email)).toEqual([]);
	});

	// The hook means to name the field with its own code and message, for a form to show beside
	// the join-code input.
	it('the error names the join_code field, with the hook’s code and Chinese message', async () => {
		const error = await rejected({ ...account(newEmail()), join_code: 'WRONGCODE1' });
		expect(error.response.data).toEqual({
			join_code: { code: 'invalid_join_code', message: '加入码无效' }
		});
	});

	it('the message is one Chinese sentence, without a stray full stop after “。”', async () => {
		const error = await rejected({ ...account(newEmail()), join_code: 'WRONGCODE1' });
		expect(error.response.message).toBe('加入码无效：请向支部书记确认本支部的加入码。');
	});
});
