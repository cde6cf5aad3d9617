import { addEvent, currentUser } from './progress';
import type { CheckinRow, GongxueDb, OutboxRow, ServiceQueueRow } from './schema';

/**
 * Service on the device: a 支部会议签到 is kept with its `meeting.checkin` event in one
 * transaction (so scanning twice sends one event, and neither exists without the other); service
 * activities submitted offline wait here, photo included, until they can be sent.
 */

const checkinId = (member: string | null, meeting: string) => `${member ?? 'device'}:${meeting}`;

/**
 * Check in to a meeting with the code scanned from its QR code. The first check-in of the
 * signed-in member (or, signed out, of the device) writes the row and its event; a later one,
 * or one after a signed-out check-in on this device, returns the row as it was, with no event.
 */
export async function checkIn(
	db: GongxueDb,
	meeting: string,
	token: string,
	now: number
): Promise<{ row: CheckinRow; event: OutboxRow | null }> {
	return db.transaction('rw', [db.checkins, db.outbox, db.meta], async () => {
		const member = await currentUser(db);
		const id = checkinId(member, meeting);
		const stored = (await db.checkins.get(id)) ?? (await db.checkins.get(checkinId(null, meeting)));
		if (stored) return { row: stored, event: null };
		const event = await addEvent(db, 'meeting.checkin', { meetingId: meeting, token }, now);
		const row: CheckinRow = { id, meeting, member, token, at: now, event: event.id };
		await db.checkins.add(row);
		return { row, event };
	});
}

/** The signed-in member's check-in to a meeting, or the one made here while signed out (its
 * event goes to whoever signs in next), if any. */
export async function checkinOf(db: GongxueDb, meeting: string): Promise<CheckinRow | null> {
	const own = await db.checkins.get(checkinId(await currentUser(db), meeting));
	return own ?? (await db.checkins.get(checkinId(null, meeting))) ?? null;
}

/** Keep an activity to send when the network is back. */
export async function queueService(db: GongxueDb, row: ServiceQueueRow): Promise<void> {
	await db.serviceQueue.put(row);
}

/** The member's activities waiting to be sent, oldest first. */
export async function queuedService(db: GongxueDb, member: string): Promise<ServiceQueueRow[]> {
	return db.serviceQueue.where('member').equals(member).sortBy('at');
}

/** What the form held when the member left it, kept per member. */
export interface ServiceFormDraft {
	kind: string;
	date: string;
	hours: number | null;
	note: string;
}

const formKey = (member: string) => `service-form:${member}`;

/** Keep what the member typed into the form (null: clear it, once it is sent). */
export async function saveServiceForm(
	db: GongxueDb,
	member: string,
	form: ServiceFormDraft | null
): Promise<void> {
	if (form === null) await db.meta.delete(formKey(member));
	else await db.meta.put({ key: formKey(member), value: form });
}

/** What the member last typed into the form, if anything. */
export async function serviceForm(db: GongxueDb, member: string): Promise<ServiceFormDraft | null> {
	const row = await db.meta.get(formKey(member));
	return (row?.value as ServiceFormDraft | undefined) ?? null;
}
