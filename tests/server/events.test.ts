import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodsOf, serverDay } from '../../src/lib/credits/engine';
import { casePayload, creditCases } from '../fixtures/credit-cases';
import { makeLesson, makeOrg, startServer, type Ctx, type Org } from './harness';

let ctx: Ctx;
let org: Org;

beforeAll(async () => {
	ctx = await startServer();
	org = await makeOrg(ctx);
}, 60_000);
afterAll(() => ctx?.close());

const event = (
	type: string,
	payload: Record<string, unknown>,
	extra: Record<string, unknown> = {}
) => ({
	event_id: uuidv7(),
	type,
	device: 'test-device',
	client_at: Date.now(),
	payload,
	...extra
});

async function totalOf(userId: string, period = 'all'): Promise<number> {
	const list = await ctx.su
		.collection('point_totals')
		.getFullList({ filter: `user = "${userId}" && period = "${period}"` });
	return list[0]?.points ?? 0;
}

describe('ingesting an event', () => {
	it('prices a completion by the server’s rules and adds it to every period total', async () => {
		const lesson = await makeLesson(ctx, { minutes: 4, credits: 3 });
		const before = await totalOf(org.ids.member);
		const r = await org.as.member.collection('events').create(
			event('lesson.completed', {
				lessonId: lesson.lessonId,
				hash: 'h',
				seconds: 200,
				readRatio: 1
			})
		);
		expect(r).toMatchObject({ status: 'accepted', points: 3, reason: '', user: org.ids.member });
		expect(r.server_day).toBe(serverDay(Date.now()));
		expect(await totalOf(org.ids.member)).toBe(before + 3);
		const { week, month } = periodsOf(Date.now());
		expect(await totalOf(org.ids.member, week)).toBeGreaterThanOrEqual(3);
		expect(await totalOf(org.ids.member, month)).toBeGreaterThanOrEqual(3);
	});

	it('a replayed event id returns the stored result and changes nothing', async () => {
		const lesson = await makeLesson(ctx, { minutes: 2, credits: 2 });
		const e = event('lesson.completed', {
			lessonId: lesson.lessonId,
			hash: 'h',
			seconds: 100,
			readRatio: 1
		});
		const first = await org.as.member.collection('events').create(e);
		const total = await totalOf(org.ids.member);
		const again = await org.as.member.collection('events').create(e);
		expect(again.id).toBe(first.id);
		expect(again.points).toBe(first.points);
		expect(await totalOf(org.ids.member)).toBe(total);
		const stored = await ctx.su
			.collection('events')
			.getFullList({ filter: `event_id = "${e.event_id}"` });
		expect(stored).toHaveLength(1);
	});

	it('ignores the points, user, day and status a client tries to set', async () => {
		const lesson = await makeLesson(ctx, { minutes: 2, credits: 1 });
		const r = await org.as.member.collection('events').create(
			event(
				'lesson.completed',
				{ lessonId: lesson.lessonId, hash: 'h', seconds: 100, readRatio: 1 },
				{
					points: 1000,
					user: org.ids.other,
					server_day: '1999-01-01',
					status: 'accepted',
					reason: ''
				}
			)
		);
		expect(r).toMatchObject({ points: 1, user: org.ids.member, server_day: serverDay(Date.now()) });
	});

	it('grades an answer against the server’s own key, whatever the device thought', async () => {
		const lesson = await makeLesson(ctx, { minutes: 2, credits: null });
		const wrong = await org.as.member.collection('events').create(
			event('quiz.answered', {
				lessonId: lesson.lessonId,
				attemptId: 'a',
				questionId: lesson.questionId,
				answer: ['B'],
				correct: true
			})
		);
		expect(wrong).toMatchObject({ status: 'accepted', points: 0, reason: 'wrong-answer' });
		const right = await org.as.member.collection('events').create(
			event('quiz.answered', {
				lessonId: lesson.lessonId,
				attemptId: 'a',
				questionId: lesson.questionId,
				answer: ['A']
			})
		);
		expect(right).toMatchObject({ status: 'accepted', points: 1 });
	});

	it('keeps a malformed event as rejected with its reason, and the rest of its batch goes through', async () => {
		const lesson = await makeLesson(ctx, { minutes: 2, credits: 1 });
		const batch = org.as.other.createBatch();
		batch
			.collection('events')
			.create(event('lesson.completed', { lessonId: lesson.lessonId, seconds: 'many' }));
		batch.collection('events').create(
			event('lesson.completed', {
				lessonId: lesson.lessonId,
				hash: 'h',
				seconds: 100,
				readRatio: 1
			})
		);
		batch
			.collection('events')
			.create(event('lesson.completed', { lessonId: 'no-such-lesson', hash: 'h', seconds: 100 }));
		const results = await batch.send();
		expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(results.map((r) => [r.body.status, r.body.points, r.body.reason])).toEqual([
			['rejected', 0, 'bad-payload'],
			['accepted', 1, ''],
			['rejected', 0, 'unknown-lesson']
		]);
	});

	it('refuses guests and events without a valid id', async () => {
		const guest = (await import('./harness')).client(ctx.server.url);
		await expect(
			guest.collection('events').create(event('lesson.completed', { lessonId: 'x' }))
		).rejects.toMatchObject({ status: 400 });
		await expect(
			org.as.member
				.collection('events')
				.create({ ...event('lesson.completed', { lessonId: 'x' }), event_id: 'not-a-uuid' })
		).rejects.toMatchObject({ status: 400 });
	});
});

describe('the shared rule table, on the server hook', () => {
	let fresh: Org;
	beforeAll(async () => {
		fresh = await makeOrg(ctx);
	});

	it.each(creditCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		// Earlier cases must not count toward this one's caps.
		const earlier = await ctx.su
			.collection('events')
			.getFullList({ filter: `user = "${fresh.ids.member}"` });
		for (const e of earlier) await ctx.su.collection('events').delete(e.id);
		const lesson = c.lesson
			? await makeLesson(ctx, c.lesson)
			: { lessonId: 'no-such-lesson', questionId: 'q000000000000', key: 'A' };
		const type = c.type === 'quiz.answered' ? 'quiz.answered' : 'lesson.completed';
		// Stage the situation: points already earned today, and an earlier credit for this subject.
		if (c.before.pointsToday > 0 || c.before.credited) {
			const subject = type === 'quiz.answered' ? lesson.questionId : lesson.lessonId;
			await ctx.su.collection('events').create({
				event_id: uuidv7(),
				user: fresh.ids.member,
				type,
				payload: {},
				server_day: serverDay(Date.now()),
				status: 'accepted',
				points: c.before.pointsToday,
				subject: c.before.credited ? subject : 'other-subject'
			});
			if (c.before.credited && c.before.pointsToday === 0)
				throw new Error('a credited case needs points');
		}
		const r = await fresh.as.member
			.collection('events')
			.create(event(c.type, casePayload(c, lesson.lessonId, lesson.questionId, lesson.key)));
		expect({ status: r.status, points: r.points, reason: r.reason || null }).toEqual(c.expect);
	});
});
