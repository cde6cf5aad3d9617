import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	acceptedOfType,
	eventCount,
	eventsSince,
	eventYears,
	GongxueDb,
	latestEvents,
	studyDays,
	yearEvents,
	type LedgerRow
} from '$lib/db';

let db: GongxueDb;
let n = 0;

/** A confirmed event of `user` on `serverDay`, at `at` (ms). */
function row(
	id: string,
	user: string,
	serverDay: string,
	at: number,
	type = 'quiz.answered',
	status: LedgerRow['status'] = 'accepted'
): LedgerRow {
	return {
		id,
		type,
		user,
		at,
		serverDay,
		status,
		points: 1,
		reason: null,
		lessonId: 'l1',
		questionId: null,
		payload: {}
	};
}

beforeEach(async () => {
	db = new GongxueDb(`ledger-test-${++n}`);
	await db.open();
	await db.ledger.bulkPut([
		row('a', 'me', '2022-03-01', 1),
		row('b', 'me', '2024-12-31', 5, 'lesson.completed'),
		row('c', 'me', '2025-01-01', 6, 'daily.answered'),
		row('d', 'me', '2025-06-30', 9, 'contest.placed'),
		row('e', 'me', '2025-07-01', 8, 'quiz.answered', 'rejected'),
		row('f', 'me', '2025-07-01', 7),
		row('x', 'other', '2025-07-02', 10),
		row('y', 'other', '2023-01-01', 11)
	]);
});

afterEach(async () => {
	await db.delete();
});

const ids = (rows: LedgerRow[]) => rows.map((r) => r.id).sort();

describe('indexed reads of a member’s ledger', () => {
	it('reads one year of one member, its first and last day included', async () => {
		expect(ids(await yearEvents(db, 'me', 2025))).toEqual(['c', 'd', 'e', 'f']);
		expect(ids(await yearEvents(db, 'me', 2024))).toEqual(['b']);
		expect(await yearEvents(db, 'me', 2023)).toEqual([]);
		expect(await yearEvents(db, 'nobody', 2025)).toEqual([]);
	});

	it('reads the days from one on, and the latest events newest first', async () => {
		expect(ids(await eventsSince(db, 'me', '2025-06-30'))).toEqual(['d', 'e', 'f']);
		expect((await latestEvents(db, 'me', 3)).map((r) => r.id)).toEqual(['d', 'e', 'f']);
		expect((await latestEvents(db, 'other', 10)).map((r) => r.id)).toEqual(['y', 'x']);
	});

	it('counts a member’s events in a year and in all', async () => {
		expect(await eventCount(db, 'me')).toBe(6);
		expect(await eventCount(db, 'me', 2025)).toBe(4);
		expect(await eventCount(db, 'other', 2022)).toBe(0);
	});

	it('lists the years with any event, newest first, skipping empty years', async () => {
		expect(await eventYears(db, 'me')).toEqual([2025, 2024, 2022]);
		expect(await eventYears(db, 'other')).toEqual([2025, 2023]);
		expect(await eventYears(db, 'nobody')).toEqual([]);
	});

	it('gives the study days from accepted events of the study types only', async () => {
		const study = ['lesson.completed', 'quiz.answered', 'daily.answered'];
		expect(await studyDays(db, 'me', study)).toEqual([
			'2022-03-01',
			'2024-12-31',
			'2025-01-01',
			'2025-07-01'
		]);
		// The rejected answer of 07-01 alone would not make it a study day.
		await db.ledger.delete('f');
		expect(await studyDays(db, 'me', study)).not.toContain('2025-07-01');
	});

	it('reads one type’s accepted events', async () => {
		expect(ids(await acceptedOfType(db, 'me', 'quiz.answered'))).toEqual(['a', 'f']);
	});

	it('keeps the rows of an older device database when the indexes are added', async () => {
		const name = `ledger-upgrade-${n}`;
		// Version 4 (before the indexes), written as an older app would have.
		const v4 = new Dexie(name);
		v4.version(4).stores({ ledger: 'id, user, serverDay, type, at' });
		await v4.table('ledger').put(row('old', 'me', '2021-05-05', 1));
		v4.close();
		const upgraded = new GongxueDb(name);
		await upgraded.open();
		expect(ids(await yearEvents(upgraded, 'me', 2021))).toEqual(['old']);
		await upgraded.delete();
	});
});
