import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import type { GongxueDb, LedgerRow, OutboxRow } from '$lib/db';
import { classify, messageOf, type Failure } from './errors';

/** Events per batch request: PocketBase runs a batch in one transaction. */
export const BATCH_SIZE = 50;

/** The ledger row for an event record as the server stored it. */
export function toLedger(r: RecordModel): LedgerRow {
	const payload = (r.payload ?? {}) as Record<string, unknown>;
	return {
		id: String(r.event_id),
		type: String(r.type),
		user: String(r.user),
		at: Number(r.client_at) || 0,
		serverDay: String(r.server_day),
		status: r.status === 'rejected' ? 'rejected' : 'accepted',
		points: Number(r.points) || 0,
		reason: r.reason ? String(r.reason) : null,
		lessonId: String(payload.lessonId ?? ''),
		questionId: typeof payload.questionId === 'string' ? payload.questionId : null,
		payload
	};
}

/** The request body for an event: what the device knows, nothing the server decides. */
function bodyOf(e: OutboxRow) {
	return { event_id: e.id, type: e.type, device: e.device, client_at: e.at, payload: e.payload };
}

/** Events written while nobody was signed in belong to whoever signs in next. */
export async function claimUnowned(db: GongxueDb, user: string): Promise<void> {
	await db.outbox.filter((e) => e.user === null).modify({ user });
}

/** The member's events waiting to be pushed, oldest first (UUIDv7 ids sort by time). */
export async function waiting(db: GongxueDb, user: string, limit = Infinity): Promise<OutboxRow[]> {
	const rows = await db.outbox.where('user').equals(user).sortBy('id');
	return rows.filter((e) => e.refused === null).slice(0, limit);
}

/** Move answered events from the outbox to the ledger, in one transaction. */
export async function acknowledge(db: GongxueDb, records: RecordModel[]): Promise<void> {
	if (records.length === 0) return;
	await db.transaction('rw', db.outbox, db.ledger, async () => {
		await db.ledger.bulkPut(records.map(toLedger));
		await db.outbox.bulkDelete(records.map((r) => String(r.event_id)));
	});
}

export type PushOutcome = { pushed: number; failure: Failure | null };

/**
 * Push one batch of the member's waiting events. The server answers every event (accepted or
 * rejected, with points); those answers move to the ledger. A transient failure leaves every
 * event queued; a refused batch is retried one event at a time, so that only the event at fault
 * is kept aside, with the server's message, for the member to see.
 */
export async function pushBatch(
	db: GongxueDb,
	pb: PocketBase,
	user: string,
	size = BATCH_SIZE
): Promise<PushOutcome> {
	await claimUnowned(db, user);
	const events = await waiting(db, user, size);
	if (events.length === 0) return { pushed: 0, failure: null };
	try {
		const batch = pb.createBatch();
		for (const e of events) batch.collection('events').create(bodyOf(e));
		const results = await batch.send();
		await acknowledge(
			db,
			results.map((r) => r.body as RecordModel)
		);
		return { pushed: events.length, failure: null };
	} catch (e) {
		const failure = classify(e);
		if (failure !== 'invalid') {
			await db.outbox.bulkUpdate(
				events.map((ev) => ({ key: ev.id, changes: { tries: ev.tries + 1, error: failure } }))
			);
			return { pushed: 0, failure };
		}
		return pushOneByOne(db, pb, events);
	}
}

async function pushOneByOne(
	db: GongxueDb,
	pb: PocketBase,
	events: OutboxRow[]
): Promise<PushOutcome> {
	let pushed = 0;
	for (const e of events) {
		try {
			await acknowledge(db, [await pb.collection('events').create(bodyOf(e))]);
			pushed++;
		} catch (err) {
			const failure = classify(err);
			if (failure !== 'invalid') {
				await db.outbox.update(e.id, { tries: e.tries + 1, error: failure });
				return { pushed, failure };
			}
			// Refused for good: kept and shown, never dropped, never retried on its own.
			await db.outbox.update(e.id, {
				tries: e.tries + 1,
				error: 'invalid',
				refused: messageOf(err)
			});
		}
	}
	return { pushed, failure: null };
}
