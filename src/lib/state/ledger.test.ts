import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Subscription } from 'dexie';
import { GongxueDb, type LedgerRow } from '$lib/db';
import { followLedger, pointsOn } from './ledger';

let db: GongxueDb;
let n = 0;
let subs: Subscription[] = [];
const NOW = Date.parse('2026-06-15T04:00:00Z');

function row(id: string, user: string, serverDay: string, type: string, extra = {}): LedgerRow {
	return {
		id,
		type,
		user,
		at: Date.parse(`${serverDay}T04:00:00Z`),
		serverDay,
		status: 'accepted',
		points: 1,
		reason: null,
		lessonId: 'l1',
		questionId: null,
		payload: {},
		...extra
	};
}

/** Follow `user`'s latest and recent events, as /me does. */
function follow(user: string) {
	const got: { latest?: LedgerRow[]; recent?: LedgerRow[] } = {};
	subs = followLedger(db, user, () => NOW, {
		latest: (rows) => (got.latest = rows),
		recent: (rows) => (got.recent = rows)
	});
	return got;
}

const until = async (ok: () => boolean) => {
	for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
	expect(ok()).toBe(true);
};

beforeEach(async () => {
	db = new GongxueDb(`state-ledger-${++n}`);
	await db.open();
	await db.ledger.bulkPut([
		row('old', 'me', '2024-03-01', 'quiz.answered', { reason: 'wrong-answer' }),
		row('y1', 'me', '2026-01-02', 'lesson.completed', { points: 2 }),
		row('t1', 'me', '2026-06-15', 'quiz.answered'),
		row('t2', 'me', '2026-06-15', 'quiz.answered', { status: 'rejected', points: 0 }),
		row('c1', 'me', '2026-06-14', 'contest.placed', { points: 5 }),
		row('o1', 'other', '2026-06-15', 'quiz.answered')
	]);
});

afterEach(async () => {
	for (const s of subs) s.unsubscribe();
	await db.delete();
});

describe('the signed-in member’s ledger, live', () => {
	it('feeds the latest entries and the days since yesterday of that member only', async () => {
		const got = follow('me');
		await until(() => got.latest !== undefined && got.recent !== undefined);
		expect(got.latest!.map((r) => r.id)).toEqual(['t2', 't1', 'c1', 'y1', 'old']);
		expect(got.recent!.map((r) => r.id).sort()).toEqual(['c1', 't1', 't2']);
	});

	it('shows an event the sync adds', async () => {
		const got = follow('me');
		await until(() => got.latest !== undefined);
		await db.ledger.put({ ...row('new', 'me', '2026-06-15', 'daily.answered'), at: NOW + 1 });
		await until(() => got.latest![0]?.id === 'new');
		await until(() => got.recent!.some((r) => r.id === 'new'));
	});

	it('counts today’s points per activity against its cap', () => {
		const today = pointsOn(
			[
				row('a', 'me', '2026-06-15', 'quiz.answered'),
				row('b', 'me', '2026-06-15', 'quiz.answered'),
				row('c', 'me', '2026-06-14', 'quiz.answered')
			],
			'2026-06-15'
		);
		expect(today.find((t) => t.type === 'quiz.answered')).toEqual({
			type: 'quiz.answered',
			cap: 10,
			points: 2
		});
		expect(today.find((t) => t.type === 'lesson.completed')?.points).toBe(0);
	});
});
