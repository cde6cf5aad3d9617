// The rules after an admin deletes a branch that still has people in it (which `branches`'
// deleteRule allows): those people are left with an empty `branch`. A secretary or admin left
// that way must not reach the branchless people of other organisations: the rules compare
// `branch = @request.auth.branch`, and "" equals "".
import { ClientResponseError } from 'pocketbase';
import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { makeLesson, type Org } from './harness';
import { ctx, orgA as c, orgB as d, serveRules } from './rules-setup';

// The two organisations of rules-setup, here C and D: C deletes both its branches (the admin's
// own last); D deletes its second branch.
let dEvent: string;

serveRules(async () => {
	const { lessonId } = await makeLesson(ctx, { minutes: 2, credits: 2 });
	dEvent = (
		await d.as.stranger.collection('events').create({
			event_id: v7(),
			type: 'lesson.completed',
			payload: { lessonId, hash: 'h', seconds: 300, readRatio: 1 }
		})
	).id;
	// Admins cannot delete a branch with people in it; an operator (the superuser) still can.
	await expect(c.as.admin.collection('branches').delete(c.branches[1])).rejects.toMatchObject({
		status: 404
	});
	expect((await ctx.su.collection('branches').getOne(c.branches[1])).id).toBe(c.branches[1]);
	expect(await ctx.su.collection('branches').delete(c.branches[1])).toBe(true);
	expect(await ctx.su.collection('branches').delete(c.branches[0])).toBe(true);
	expect(await ctx.su.collection('branches').delete(d.branches[1])).toBe(true);
});

const branchless = (org: Org, who: 'stranger' | 'otherSecretary') =>
	ctx.su.collection('users').getOne(org.ids[who]);

describe('people whose branch was deleted', () => {
	it('are left with no branch (the situation these tests are about)', async () => {
		expect((await branchless(c, 'otherSecretary')).branch).toBe('');
		expect((await branchless(d, 'stranger')).branch).toBe('');
		expect((await ctx.su.collection('users').getOne(c.ids.admin)).branch).toBe('');
	});

	it('a branchless member sees no one but themselves', async () => {
		const seen = await c.as.stranger.collection('users').getFullList();
		expect(seen.map((u) => u.id)).toEqual([c.ids.stranger]);
	});

	it('a branchless secretary sees no one of another organisation', async () => {
		const seen = (await c.as.otherSecretary.collection('users').getFullList()).map((u) => u.id);
		expect(seen).not.toContain(d.ids.stranger);
		expect(seen).not.toContain(d.ids.otherSecretary);
	});

	it('a branchless secretary reads no events of another organisation', async () => {
		const events = await c.as.otherSecretary.collection('events').getFullList();
		expect(events.map((e) => e.id)).not.toContain(dEvent);
		const view = await c.as.otherSecretary
			.collection('events')
			.getOne(dEvent)
			.then(
				() => 200,
				(e: ClientResponseError) => e.status
			);
		expect(view).toBe(404);
	});

	it('a branchless admin cannot see or re-role people of another organisation', async () => {
		const seen = (await c.as.admin.collection('users').getFullList()).map((u) => u.id);
		expect(seen).not.toContain(d.ids.stranger);
		const status = await c.as.admin
			.collection('users')
			.update(d.ids.stranger, { role: 'admin' })
			.then(
				() => 200,
				(e: ClientResponseError) => e.status
			);
		expect(status).toBe(404);
		expect((await branchless(d, 'stranger')).role).toBe('member');
	});
});
