import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { periodsOf, rules, serverDay, subjectOf } from '../../src/lib/credits/engine';
import { dailySet } from '../../src/lib/quiz/daily';
import {
	caseMeeting,
	casePayload,
	creditCases,
	type CreditCase,
	type PracticeSetting
} from '../fixtures/credit-cases';
import { makeLesson, makeOrg, startServer, unique, type Ctx, type Org } from './harness';

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

/** The events in one request to PocketBase's batch API, as a device pushes them. */
function sendBatch(pb: PocketBase, bodies: Record<string, unknown>[]) {
	const batch = pb.createBatch();
	for (const b of bodies) batch.collection('events').create(b);
	return batch.send();
}

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
	let practice: PracticeSetting;
	beforeAll(async () => {
		fresh = await makeOrg(ctx);
		// A built-in bank for the practice cases: its keys are all `A`.
		const pool = Array.from({ length: 12 }, (_, i) => `qcase${String(i).padStart(8, '0')}`);
		await ctx.su.collection('banks').create({
			bank_id: unique('cases-'),
			name: '规则用例题库',
			source: 'builtin',
			questions: pool.map((id, i) => ({
				id,
				number: i + 1,
				type: 'single',
				stem: `第 ${i + 1} 题`,
				explanation: '',
				line: i + 1,
				options: [
					{ key: 'A', text: '甲' },
					{ key: 'B', text: '乙' }
				],
				answer: 'A'
			})),
			count: pool.length
		});
		const day = serverDay(Date.now());
		const set = dailySet(fresh.ids.member, day, pool);
		practice = {
			day,
			inSet: set[0]!,
			outOfSet: pool.find((id) => !set.includes(id))!,
			pool
		};
	});

	/** A check-in case's meeting, made by the superuser around now (none for an unknown one). */
	async function meetingOf(c: CreditCase) {
		const checkin = c.checkin;
		if (!checkin) return { id: 'nomeeting', token: 'none', at: Date.now() };
		const times = caseMeeting(checkin.timing, Date.now());
		if (checkin.meeting === 'unknown') return { id: 'nosuchmeeting00', token: 'x', at: times.at };
		const date = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
		const token = unique('secret').toLowerCase();
		const meeting = await ctx.su.collection('meetings').create({
			branch: fresh.branches[checkin.meeting === 'own' ? 0 : 1],
			title: '规则用例会议',
			starts_at: date(times.startsAt),
			ends_at: date(times.endsAt),
			secret: token
		});
		return { id: meeting.id, token, at: times.at };
	}

	/** A service case: the member submits the activity today, the secretary approves it; the
	 * ledger's event carries the verdict. */
	async function approval(c: CreditCase) {
		const s = c.service!;
		const date = serverDay(Date.now());
		const earned = { kind: 'volunteer', date, hours: 1, status: 'approved' };
		if (s.monthBefore > 0)
			await ctx.su
				.collection('service_activities')
				.create({ ...earned, member: fresh.ids.member, points: s.monthBefore });
		const made = await fresh.as.member
			.collection('service_activities')
			.create({ kind: s.kind, date, hours: s.hours });
		const answer = await fresh.as.secretary.send(`/api/gongxue/service/${made.id}/review`, {
			method: 'POST',
			body: { action: 'approve' }
		});
		expect(answer).toMatchObject({ status: 'approved', points: c.expect.points });
		const [r] = await ctx.su
			.collection('events')
			.getFullList({ filter: `type = "service.approved" && subject = "${made.id}"` });
		return r;
	}

	it.each(creditCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		// Earlier cases must not count toward this one's caps.
		const earlier = await ctx.su
			.collection('events')
			.getFullList({ filter: `user = "${fresh.ids.member}"` });
		for (const e of earlier) await ctx.su.collection('events').delete(e.id);
		const approved = await ctx.su
			.collection('service_activities')
			.getFullList({ filter: `member = "${fresh.ids.member}"` });
		for (const a of approved) await ctx.su.collection('service_activities').delete(a.id);
		if (c.service) {
			const r = await approval(c);
			return void expect({
				status: r?.status,
				points: r?.points,
				reason: r?.reason || null
			}).toEqual(c.expect);
		}
		const lesson = c.lesson
			? await makeLesson(ctx, c.lesson)
			: { lessonId: 'no-such-lesson', questionId: 'q000000000000', key: 'A' };
		const meeting = await meetingOf(c);
		const payload = casePayload(
			c,
			lesson.lessonId,
			lesson.questionId,
			lesson.key,
			practice,
			meeting
		);
		const type = c.type in rules.activities ? c.type : 'lesson.completed';
		// Stage the situation: points already earned today, and an earlier credit for this subject.
		if (c.before.pointsToday > 0 || c.before.credited) {
			const subject = subjectOf(type, payload);
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
		const body = event(c.type, payload, c.checkin ? { client_at: meeting.at } : {});
		// Odd cases alone, even ones in a batch: both ways in grade by the same table.
		const r =
			creditCases.indexOf(c) % 2 === 0
				? await fresh.as.member.collection('events').create(body)
				: (await sendBatch(fresh.as.member, [body]))[0]?.body;
		expect({ status: r?.status, points: r?.points, reason: r?.reason || null }).toEqual(c.expect);
	});
});

describe('a batch of events', () => {
	const completion = (lessonId: string, extra: Record<string, unknown> = {}) =>
		event('lesson.completed', { lessonId, hash: 'h', seconds: 200, readRatio: 1 }, extra);

	it('is graded as a whole: replays, repeats within the batch and forged fields change nothing', async () => {
		const o = await makeOrg(ctx);
		const [l0, l1, l2] = [
			await makeLesson(ctx, { minutes: 2, credits: 2 }),
			await makeLesson(ctx, { minutes: 2, credits: 2 }),
			await makeLesson(ctx, { minutes: 2, credits: 2 })
		];
		const earlier = await o.as.member.collection('events').create(completion(l0.lessonId));
		const repeated = completion(l1.lessonId);
		const results = await sendBatch(o.as.member, [
			{ ...completion(l0.lessonId), event_id: earlier.event_id },
			repeated,
			{ ...repeated },
			completion(l2.lessonId, {
				points: 1000,
				user: o.ids.other,
				status: 'accepted',
				server_day: '1999-01-01'
			})
		]);
		expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
		expect(results[0]?.body.id).toBe(earlier.id);
		expect(results[2]?.body.id).toBe(results[1]?.body.id);
		expect(results[3]?.body).toMatchObject({
			points: 2,
			user: o.ids.member,
			server_day: serverDay(Date.now())
		});
		const stored = await ctx.su
			.collection('events')
			.getFullList({ filter: `user = "${o.ids.member}"` });
		expect(stored).toHaveLength(3);
		expect(await totalOf(o.ids.member)).toBe(6);
		expect(await totalOf(o.ids.other)).toBe(0);
	});

	it('stops at the daily cap within one batch exactly as one event at a time would', async () => {
		const cap = rules.activities['lesson.completed'].dailyCap;
		const each = rules.activities['lesson.completed'].points;
		const lessons = await Promise.all(
			Array.from({ length: cap / each + 2 }, () => makeLesson(ctx, { minutes: 2, credits: null }))
		);
		const one = await makeOrg(ctx);
		const batched = await makeOrg(ctx);
		const singles: Record<string, unknown>[] = [];
		for (const l of lessons)
			singles.push(await one.as.member.collection('events').create(completion(l.lessonId)));
		const inBatch = (
			await sendBatch(
				batched.as.member,
				lessons.map((l) => completion(l.lessonId))
			)
		).map((r) => r.body);
		const verdict = (r: Record<string, unknown>) => [r.status, r.points, r.reason];
		expect(inBatch.map(verdict)).toEqual(singles.map(verdict));
		expect(inBatch.reduce((n, r) => n + Number(r.points), 0)).toBe(cap);
		expect(await totalOf(batched.ids.member)).toBe(cap);
	});

	it('with another member’s event id is refused whole, and nothing of it is stored', async () => {
		const o = await makeOrg(ctx);
		const lesson = await makeLesson(ctx, { minutes: 2, credits: 2 });
		const theirs = await o.as.other.collection('events').create(completion(lesson.lessonId));
		const mine = completion(lesson.lessonId);
		await expect(
			sendBatch(o.as.member, [mine, { ...completion(lesson.lessonId), event_id: theirs.event_id }])
		).rejects.toMatchObject({ status: 400 });
		const stored = await ctx.su
			.collection('events')
			.getFullList({ filter: `event_id = "${mine.event_id}"` });
		expect(stored).toHaveLength(0);
		expect(await totalOf(o.ids.member)).toBe(0);
	});

	it('with an invalid event id is refused whole, and nothing of it is stored', async () => {
		const o = await makeOrg(ctx);
		const lesson = await makeLesson(ctx, { minutes: 2, credits: 2 });
		const good = completion(lesson.lessonId);
		await expect(
			sendBatch(o.as.member, [good, { ...completion(lesson.lessonId), event_id: 'not-a-uuid' }])
		).rejects.toMatchObject({ status: 400 });
		expect(
			await ctx.su.collection('events').getFullList({ filter: `event_id = "${good.event_id}"` })
		).toHaveLength(0);
	});

	it('mixed with other requests still grades every event by the server', async () => {
		const o = await makeOrg(ctx);
		const lesson = await makeLesson(ctx, { minutes: 2, credits: 2 });
		const batch = o.as.member.createBatch();
		batch.collection('events').create(completion(lesson.lessonId, { points: 99 }));
		batch.collection('users').update(o.ids.member, { hide_name: true });
		const [created, updated] = await batch.send();
		expect(created?.body).toMatchObject({ status: 'accepted', points: 2, user: o.ids.member });
		expect(updated?.body).toMatchObject({ hide_name: true });
		expect(await totalOf(o.ids.member)).toBe(2);
	});
});
