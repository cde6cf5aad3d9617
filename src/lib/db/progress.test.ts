import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	completeLesson,
	deviceId,
	GongxueDb,
	openAttempt,
	recordAnswer,
	recordStudy,
	storageProblem,
	studyStats
} from '$lib/db';

let db: GongxueDb;
let n = 0;

beforeEach(async () => {
	db = new GongxueDb(`test-${++n}`);
	await db.open();
});

afterEach(async () => {
	await db.delete();
});

describe('progress', () => {
	it('adds study seconds and keeps the furthest reading position', async () => {
		await recordStudy(db, 'sanhui-yike', 'h1', { seconds: 30, readRatio: 0.6 }, 1000);
		const row = await recordStudy(db, 'sanhui-yike', 'h1', { seconds: 12.4, readRatio: 0.2 }, 2000);
		expect(row).toMatchObject({
			seconds: 42,
			readRatio: 0.6,
			status: 'started',
			startedAt: 1000,
			updatedAt: 2000
		});
	});

	it('writes a completion and its outbox event together, and only once', async () => {
		await recordStudy(db, 'sanhui-yike', 'h1', { seconds: 200, readRatio: 1 }, 1000);
		const first = await completeLesson(db, 'sanhui-yike', 'h1', 5000);
		const again = await completeLesson(db, 'sanhui-yike', 'h1', 6000);
		expect(first.row.status).toBe('completed');
		expect(again.event).toBeNull();
		const events = await db.outbox.toArray();
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			type: 'lesson.completed',
			at: 5000,
			payload: { lessonId: 'sanhui-yike', hash: 'h1', seconds: 200, readRatio: 1 }
		});
		expect(events[0]!.device).toBe(await deviceId(db));
	});

	it('writes neither the completion nor the event when the transaction fails', async () => {
		const fail = () => {
			throw new Error('disk error');
		};
		db.outbox.hook('creating', fail);
		await expect(completeLesson(db, 'x-lesson', 'h', 1)).rejects.toThrow('disk error');
		db.outbox.hook('creating').unsubscribe(fail);
		expect(await db.progress.get('x-lesson')).toBeUndefined();
		expect(await db.outbox.count()).toBe(0);
	});

	it('gives every event a distinct time-ordered id (UUIDv7)', async () => {
		for (const id of ['a-lesson', 'b-lesson', 'c-lesson']) await completeLesson(db, id, 'h', 1);
		const ids = (await db.outbox.toArray()).map((e) => e.id);
		expect(new Set(ids).size).toBe(3);
		for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
	});
});

describe('quiz attempts', () => {
	it('resumes the unfinished attempt and keeps each answer with its event', async () => {
		const a = await openAttempt(db, 'l1', ['q1', 'q2'], 100);
		await recordAnswer(db, a.id, { questionId: 'q1', given: ['A'], correct: true, at: 110 });
		const resumed = await openAttempt(db, 'l1', ['q1', 'q2'], 200);
		expect(resumed.id).toBe(a.id);
		expect(resumed.answers).toHaveLength(1);
		const done = await recordAnswer(db, a.id, {
			questionId: 'q2',
			given: ['true'],
			correct: false,
			at: 120
		});
		expect(done.finishedAt).toBe(120);
		const events = await db.outbox.where('type').equals('quiz.answered').toArray();
		expect(events.map((e) => e.payload)).toEqual([
			{ lessonId: 'l1', attemptId: a.id, questionId: 'q1', answer: ['A'] },
			{ lessonId: 'l1', attemptId: a.id, questionId: 'q2', answer: ['true'] }
		]);
	});

	it('ignores a second answer to the same question (a double tap)', async () => {
		const a = await openAttempt(db, 'l1', ['q1', 'q2'], 100);
		await recordAnswer(db, a.id, { questionId: 'q1', given: ['A'], correct: true, at: 110 });
		await recordAnswer(db, a.id, { questionId: 'q1', given: ['B'], correct: false, at: 111 });
		expect((await db.attempts.get(a.id))!.answers).toHaveLength(1);
		expect(await db.outbox.count()).toBe(1);
	});

	it('starts afresh when the lesson’s questions changed, closing the old attempt', async () => {
		const a = await openAttempt(db, 'l1', ['q1', 'q2'], 100);
		const b = await openAttempt(db, 'l1', ['q1', 'q3'], 200);
		expect(b.id).not.toBe(a.id);
		expect((await db.attempts.get(a.id))!.finishedAt).toBe(200);
	});

	it('counts lessons, answers, accuracy, time and pending events', async () => {
		await recordStudy(db, 'l1', 'h', { seconds: 90, readRatio: 1 }, 1);
		await recordStudy(db, 'l2', 'h', { seconds: 30, readRatio: 0.3 }, 1);
		await completeLesson(db, 'l1', 'h', 2);
		const a = await openAttempt(db, 'l1', ['q1', 'q2'], 3);
		await recordAnswer(db, a.id, { questionId: 'q1', given: ['A'], correct: true, at: 4 });
		await recordAnswer(db, a.id, { questionId: 'q2', given: ['B'], correct: false, at: 5 });
		expect(await studyStats(db)).toEqual({
			lessonsCompleted: 1,
			lessonsStarted: 2,
			answers: 2,
			correct: 1,
			seconds: 120,
			pending: 3
		});
	});
});

describe('storageProblem', () => {
	it('tells a full disk, missing IndexedDB and a blocked upgrade apart, through Dexie’s wrapping', () => {
		expect(storageProblem({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(
			'full'
		);
		expect(storageProblem(new DOMException('x', 'QuotaExceededError'))).toBe('full');
		expect(storageProblem({ name: 'MissingAPIError' })).toBe('unavailable');
		expect(storageProblem({ name: 'OpenFailedError', inner: { name: 'InvalidStateError' } })).toBe(
			'unavailable'
		);
		expect(storageProblem({ name: 'VersionError' })).toBe('blocked');
		expect(storageProblem(new Error('other'))).toBe('failed');
	});
});
