// The rate limiter, on as in production (loopback not exempt): guessing passwords or join codes
// (at registration or in a transfer request) is cut off with 429, while a signed-in member's ordinary traffic goes through.
import PocketBase, { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, PASSWORD, startServer, type Ctx } from './harness';

let ctx: Ctx;
let member: PocketBase;
const EMAIL = 'limited@gongxue.test';

beforeAll(async () => {
	ctx = await startServer({ rateLimits: true });
	const org = await ctx.su.collection('organisations').create({ name: '限流', code: 'rate' });
	const branch = await ctx.su
		.collection('branches')
		.create({ name: '限流支部', organisation: org.id, join_code: 'RATE0001' });
	await ctx.su.collection('users').create({
		email: EMAIL,
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		branch: branch.id,
		role: 'member'
	});
	await ctx.su
		.collection('lessons')
		.create({ lesson_id: 'rate-lesson', title: '课', minutes: 1, source: 'builtin' });
}, 60_000);
afterAll(() => ctx?.close());

/** The HTTP status of a request: 200 when it succeeds. */
const statusOf = (request: Promise<unknown>) =>
	request.then(
		() => 200,
		(e: ClientResponseError) => e.status
	);

/** Statuses of `n` requests made one after another. */
async function repeat(n: number, request: (i: number) => Promise<unknown>): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < n; i++) out.push(await statusOf(request(i)));
	return out;
}

/** The statuses must be a run of `allowed` followed by a run of 429 that starts between `min` and `max`. */
function expectCutOff(statuses: number[], allowed: number, min: number, max: number) {
	const first = statuses.indexOf(429);
	expect(first, `statuses: ${statuses.join()}`).toBeGreaterThanOrEqual(min);
	expect(first).toBeLessThanOrEqual(max);
	expect(statuses.slice(0, first).every((s) => s === allowed)).toBe(true);
	expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
}

describe('the rate limiter', () => {
	it('is on, with the server’s rules and no exempt addresses', async () => {
		const { rateLimits } = await ctx.su.settings.getAll();
		expect(rateLimits.enabled).toBe(true);
		expect(rateLimits.excludedIPs ?? []).toEqual([]);
		expect(rateLimits.rules).toContainEqual(
			expect.objectContaining({ label: '*:auth', duration: 60, maxRequests: 20 })
		);
	});

	it('lets a signed-in member’s ordinary requests through', async () => {
		member = client(ctx.server.url);
		await member.collection('users').authWithPassword(EMAIL, PASSWORD);
		const lists = await Promise.all(
			Array.from({ length: 100 }, () => statusOf(member.collection('lessons').getList(1, 10)))
		);
		expect(lists.every((s) => s === 200)).toBe(true);
		expect(await statusOf(member.send('/api/gongxue/leaderboard', {}))).toBe(200);
	});

	it('answers repeated wrong passwords with 429, and then refuses even the right one', async () => {
		const guesser = client(ctx.server.url);
		// One sign-in has already been counted in this minute; 20 are allowed.
		const statuses = await repeat(25, (i) =>
			guesser.collection('users').authWithPassword(EMAIL, `wrong-password-${i}`)
		);
		expectCutOff(statuses, 400, 15, 20);
		expect(
			await statusOf(client(ctx.server.url).collection('users').authWithPassword(EMAIL, PASSWORD))
		).toBe(429);
	});

	it('still serves a member who is already signed in', async () => {
		const r = await member.collection('lessons').getList(1, 10);
		expect(r.items.map((l) => l.lesson_id)).toEqual(['rate-lesson']);
		expect((await member.collection('users').getFullList()).map((u) => u.email)).toEqual([EMAIL]);
	});

	it('answers repeated registrations with wrong join codes with 429', async () => {
		const statuses = await repeat(25, (i) =>
			client(ctx.server.url)
				.collection('users')
				.create({
					email: `guess-${i}@gongxue.test`,
					password: PASSWORD,
					passwordConfirm: PASSWORD,
					join_code: `GUESS${String(i).padStart(4, '0')}`
				})
		);
		expectCutOff(statuses, 400, 15, 20);
		// The right code does not get through the cut-off either, and nothing was created.
		const right = client(ctx.server.url).collection('users').create({
			email: 'late@gongxue.test',
			password: PASSWORD,
			passwordConfirm: PASSWORD,
			join_code: 'RATE0001'
		});
		expect(await statusOf(right)).toBe(429);
		expect(await ctx.su.collection('users').getFullList()).toHaveLength(1);
	});

	it('answers a member’s repeated transfer requests with wrong join codes with 429', async () => {
		const statuses = await repeat(25, (i) =>
			member.collection('transfers').create({ join_code: `GUESS${String(i).padStart(4, '0')}` })
		);
		expectCutOff(statuses, 400, 15, 20);
		// Their other requests still go through.
		expect(await statusOf(member.collection('lessons').getList(1, 10))).toBe(200);
		expect(await ctx.su.collection('transfers').getFullList()).toHaveLength(0);
	});
});
