// What the API-rule tests (rules-*.test.ts) share: one server per test file with two
// organisations, A (the usual cast, see harness.ts) and B, whose admin is the `outsider`; a client
// for every role; and the checks a matrix of role × request makes again and again.
//
// `ctx`, `orgA` and `orgB` are live bindings: `serveRules()` fills them in before the file's
// tests run, so a test reads them as it would variables of its own. Vitest gives every test file
// its own copy of this module, so files do not share a server.
import PocketBase, { ClientResponseError, type RecordModel } from 'pocketbase';
import { afterAll, beforeAll, expect } from 'vitest';
import { client, makeOrg, startServer, type Ctx, type Org } from './harness';

/** A person of an organisation, by the part the harness cast them in. */
export type Person = keyof Org['ids'];
/** Who makes a request: nobody signed in, a person of A, B's admin, or the superuser. */
export type Role = 'guest' | Person | 'outsider' | 'su';

export const PEOPLE: Person[] = [
	'member',
	'other',
	'stranger',
	'secretary',
	'otherSecretary',
	'admin'
];
/** Every role, in the order the matrices list them. */
export const ROLES: Role[] = ['guest', ...PEOPLE, 'outsider', 'su'];

export let ctx: Ctx;
export let orgA: Org;
export let orgB: Org;
let guest: PocketBase;

/**
 * Start this file's server and both organisations before its tests, then `seed` (if given), and
 * stop the server after them. Call once, at the top of a test file.
 */
export function serveRules(seed?: () => Promise<void>): void {
	beforeAll(async () => {
		ctx = await startServer();
		orgA = await makeOrg(ctx);
		orgB = await makeOrg(ctx);
		guest = client(ctx.server.url);
		await seed?.();
	}, 60_000);
	afterAll(() => ctx?.close());
}

/** The client that makes `role`'s requests. */
export function as(role: Role): PocketBase {
	if (role === 'guest') return guest;
	if (role === 'su') return ctx.su;
	if (role === 'outsider') return orgB.as.admin;
	return orgA.as[role];
}

/** The user id of a person of A, or of B's admin for `outsider`. */
export const userOf = (p: Person | 'outsider') => (p === 'outsider' ? orgB.ids.admin : orgA.ids[p]);

/** Whose per-person records (events, point totals) each role sees: a member their own, a
 * secretary their branch's, an admin their organisation's. */
export const SEES_PER_PERSON: Record<Role, (Person | 'outsider')[]> = {
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

/** Every pair of an `x` and a `y`, for `it.each`: the cells of a matrix. */
export const cross = <X, Y>(xs: readonly X[], ys: readonly Y[]): [X, Y][] =>
	xs.flatMap((x) => ys.map((y): [X, Y] => [x, y]));

let counter = 0;
/** A number not handed out before in this test file. */
export const serial = () => counter++;
/** A name no other test of this file has used: `prefix`, the time and a serial, joined by `sep`. */
export const unique = (prefix: string, sep = '-') =>
	[prefix, Date.now().toString(36), serial().toString(36)].join(sep);

/** A record of `collection` the superuser makes for a test to delete; returns its id. */
export const throwaway = async (collection: string, body: object) =>
	(await ctx.su.collection(collection).create(body)).id;

/** A filter for the record with id `id`. */
export const byId = (id: string) => ctx.su.filter('id = {:id}', { id });

/** The request must be refused (400, 403 or 404); returns the status. */
export async function refused(request: Promise<unknown>): Promise<number> {
	const error = await request.then(
		() => null,
		(e: unknown) => e
	);
	expect(error, 'the request should have been refused').toBeInstanceOf(ClientResponseError);
	const status = (error as ClientResponseError).status;
	expect([400, 403, 404]).toContain(status);
	return status;
}

/** A record the role may see must come back like `expected`; one it may not see, as not found. */
export async function expectSeen(
	request: Promise<RecordModel>,
	visible: boolean,
	expected: object
): Promise<void> {
	if (visible) expect(await request).toMatchObject(expected);
	else expect(await refused(request)).toBe(404);
}

/** `role` deletes record `id` of `collection`: if allowed it is gone, otherwise refused and kept. */
export async function expectDelete(
	role: Role,
	collection: string,
	id: string,
	allowed: boolean
): Promise<void> {
	const request = as(role).collection(collection).delete(id);
	if (allowed) expect(await request).toBe(true);
	else await refused(request);
	const left = await ctx.su.collection(collection).getFullList({ filter: byId(id) });
	expect(left).toHaveLength(allowed ? 0 : 1);
}

/**
 * `role` sends `send` to record `id` of `collection`, which only the superuser may change: the
 * superuser's update must answer like `expected` (and is then undone by the superuser sending
 * `undo(before)`); anyone else's is refused and leaves the record as it was.
 */
export async function expectOnlySuperuserUpdates(
	role: Role,
	collection: string,
	id: string,
	update: { send: object; expected: object; undo: (before: RecordModel) => object }
): Promise<void> {
	const before = await ctx.su.collection(collection).getOne(id);
	const request = as(role).collection(collection).update(id, update.send);
	if (role === 'su') {
		expect(await request).toMatchObject(update.expected);
		await ctx.su.collection(collection).update(id, update.undo(before));
	} else {
		await refused(request);
		expect(await ctx.su.collection(collection).getOne(id)).toEqual(before);
	}
}
