import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	checkIn,
	checkinOf,
	GongxueDb,
	queuedService,
	queueService,
	saveServiceForm,
	serviceForm
} from '$lib/db';

let db: GongxueDb;
let n = 0;

beforeEach(async () => {
	db = new GongxueDb(`service-test-${++n}`);
	await db.open();
	await db.meta.put({ key: 'user', value: 'member-1' });
});

afterEach(async () => {
	await db.delete();
});

describe('meeting check-in', () => {
	it('writes the check-in and its event together, and only once per member and meeting', async () => {
		const first = await checkIn(db, 'meeting1', 'secret', 1000);
		expect(first.event).toMatchObject({
			type: 'meeting.checkin',
			user: 'member-1',
			at: 1000,
			payload: { meetingId: 'meeting1', token: 'secret' }
		});
		expect(first.row).toMatchObject({ meeting: 'meeting1', member: 'member-1', at: 1000 });
		expect(first.row.event).toBe(first.event?.id);
		const again = await checkIn(db, 'meeting1', 'secret', 5000);
		expect(again).toEqual({ row: first.row, event: null });
		expect(await db.outbox.count()).toBe(1);
		expect(await checkinOf(db, 'meeting1')).toEqual(first.row);
		// Another member on the same phone checks in for themselves.
		await db.meta.put({ key: 'user', value: 'member-2' });
		expect(await checkinOf(db, 'meeting1')).toBeNull();
		expect((await checkIn(db, 'meeting1', 'secret', 6000)).event?.user).toBe('member-2');
		expect(await db.outbox.count()).toBe(2);
	});

	it('a check-in made signed out counts for whoever signs in next, once', async () => {
		await db.meta.delete('user');
		const first = await checkIn(db, 'meeting2', 'secret', 1000);
		expect(first.event?.user).toBeNull();
		await db.meta.put({ key: 'user', value: 'member-1' });
		expect(await checkinOf(db, 'meeting2')).toEqual(first.row);
		expect((await checkIn(db, 'meeting2', 'secret', 2000)).event).toBeNull();
		expect(await db.outbox.count()).toBe(1);
	});

	it('keeps neither the check-in nor its event when the write fails', async () => {
		db.outbox.hook('creating', () => {
			throw new Error('disk full');
		});
		await expect(checkIn(db, 'meeting1', 'secret', 1000)).rejects.toThrow('disk full');
		expect(await db.checkins.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});
});

describe('service activities kept on the device', () => {
	it('keeps activities with their photo until sent, and the form as typed, per member', async () => {
		const photo = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
		const row = {
			id: 'abcdefghijklmno',
			member: 'member-1',
			kind: 'volunteer',
			date: '2026-11-20',
			hours: 2,
			note: '社区服务',
			photo,
			photoName: 'a.png',
			at: 2000,
			refused: null
		};
		await queueService(db, { ...row, id: 'later0000000000', at: 3000 });
		await queueService(db, row);
		await queueService(db, { ...row, id: 'someoneelse0000', member: 'member-2' });
		const queued = await queuedService(db, 'member-1');
		expect(queued.map((r) => r.id)).toEqual(['abcdefghijklmno', 'later0000000000']);
		expect(queued[0]?.photo?.size).toBe(3);

		const form = { kind: 'theme-day', date: '2026-11-21', hours: 1.5, note: '参观红色教育基地' };
		await saveServiceForm(db, 'member-1', form);
		expect(await serviceForm(db, 'member-1')).toEqual(form);
		expect(await serviceForm(db, 'member-2')).toBeNull();
		await saveServiceForm(db, 'member-1', null);
		expect(await serviceForm(db, 'member-1')).toBeNull();
	});
});
