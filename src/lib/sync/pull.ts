import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import { periodsOf, SERVER_EVENTS } from '$lib/credits';
import type { GongxueDb, OutboxRow, ProgressRow } from '$lib/db';
import { acknowledge } from './push';

const cursorKey = (user: string) => `pull:${user}`;
const EVENT_FIELDS = 'event_id,type,user,client_at,server_day,status,points,reason,payload,created';

/**
 * Bring the server's ledger to the device: events pushed from any of the member's devices since
 * the last pull. An event still in the outbox that the server already has (it committed but the
 * response was lost) is acknowledged here. Lessons completed on another device become completed
 * here too: progress is the union, points are counted once, by the server. Returns the count.
 */
export async function pullLedger(db: GongxueDb, pb: PocketBase, user: string): Promise<number> {
	const cursor = String((await db.meta.get(cursorKey(user)))?.value ?? '');
	const records = await pb.collection('events').getFullList({
		filter:
			cursor === ''
				? pb.filter('user = {:user}', { user })
				: pb.filter('user = {:user} && created >= {:cursor}', { user, cursor }),
		sort: 'created',
		fields: EVENT_FIELDS,
		batch: 500
	});
	if (records.length === 0) return 0;
	await acknowledge(db, records);
	await unionProgress(db, records);
	await db.meta.put({
		key: cursorKey(user),
		value: String(records[records.length - 1]?.created ?? cursor)
	});
	return records.length;
}

async function unionProgress(db: GongxueDb, records: RecordModel[]): Promise<void> {
	const done = records.filter((r) => r.type === 'lesson.completed' && r.status === 'accepted');
	if (done.length === 0) return;
	await db.transaction('rw', db.progress, async () => {
		for (const r of done) {
			const payload = (r.payload ?? {}) as Record<string, unknown>;
			const lessonId = String(payload.lessonId ?? '');
			const at = Number(r.client_at) || Date.now();
			const row = await db.progress.get(lessonId);
			if (row?.status === 'completed') continue;
			const next: ProgressRow = {
				lessonId,
				status: 'completed',
				readRatio: Math.max(row?.readRatio ?? 0, Number(payload.readRatio) || 0),
				seconds: Math.max(row?.seconds ?? 0, Number(payload.seconds) || 0),
				startedAt: row?.startedAt ?? at,
				updatedAt: Math.max(row?.updatedAt ?? 0, at),
				completedAt: at,
				hash: String(payload.hash ?? row?.hash ?? '')
			};
			await db.progress.put(next);
		}
	});
}

/**
 * Compare the number of the member's events the device holds acknowledged with the server's
 * count; if the server has fewer (it lost data, say restored from a backup), put the missing
 * ones back in the outbox to be pushed again. Returns how many were re-queued.
 */
export async function reconcile(db: GongxueDb, pb: PocketBase, user: string): Promise<number> {
	const local = await db.ledger.where('user').equals(user).count();
	const { totalItems } = await pb
		.collection('events')
		.getList(1, 1, { filter: pb.filter('user = {:user}', { user }), fields: 'id' });
	if (totalItems >= local) return 0;
	const onServer = new Set(
		(
			await pb.collection('events').getFullList({
				filter: pb.filter('user = {:user}', { user }),
				fields: 'event_id',
				batch: 1000
			})
		).map((r) => String(r.event_id))
	);
	// Events the server makes (an author's credit for a shared lesson, a contest's points) are
	// never pushed.
	const missing = (await db.ledger.where('user').equals(user).toArray()).filter(
		(l) => !onServer.has(l.id) && !SERVER_EVENTS.includes(l.type)
	);
	const again: OutboxRow[] = missing.map((l) => ({
		id: l.id,
		type: l.type as OutboxRow['type'],
		user,
		device: '',
		at: l.at,
		payload: l.payload,
		tries: 0,
		error: null,
		refused: null
	}));
	await db.transaction('rw', db.outbox, db.ledger, async () => {
		await db.outbox.bulkPut(again);
		await db.ledger.bulkDelete(again.map((e) => e.id));
	});
	await db.meta.delete(cursorKey(user));
	return again.length;
}

/** The member's confirmed points for all time, this week and this month, as the server counts them. */
export interface Totals {
	all: number;
	week: number;
	month: number;
}

/** Fetch the member's totals and keep them for offline display. */
export async function pullTotals(
	db: GongxueDb,
	pb: PocketBase,
	user: string,
	now = Date.now()
): Promise<Totals> {
	const periods = periodsOf(now);
	const rows = await pb.collection('point_totals').getFullList({
		filter: pb.filter(
			'user = {:user} && (period = {:all} || period = {:week} || period = {:month})',
			{ user, ...periods }
		),
		fields: 'period,points'
	});
	const of = (p: string) => Number(rows.find((r) => r.period === p)?.points ?? 0);
	const totals = { all: of(periods.all), week: of(periods.week), month: of(periods.month) };
	await db.cache.put({ key: `totals:${user}`, value: totals, at: now });
	return totals;
}
