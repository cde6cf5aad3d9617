import { ClientResponseError, type RecordModel } from 'pocketbase';
import type PocketBase from 'pocketbase';
import type { ServiceQueueRow } from '$lib/db';

/**
 * Service activities and branch meetings on the server (pocketbase/pb_hooks/service.pb.js): a
 * member's own activities and their sending (with upload progress), a leader's review queue, the
 * branch's meetings, their check-in QR path and who checked in.
 */

/** An activity as the member or a leader sees it. */
export interface ServiceRecord {
	id: string;
	member: string;
	/** The member's name, for a leader's list ('' when not expanded). */
	memberName: string;
	kind: string;
	date: string;
	hours: number;
	note: string;
	/** The photo's stored file name ('' without one). */
	photo: string;
	status: 'pending' | 'approved' | 'rejected';
	/** A rejection's reason (or an approval's note), for the member. */
	reason: string;
	points: number;
	/** When it was submitted (ISO time). */
	created: string;
}

/** A branch meeting, as its members and leaders see it (never its secret). */
export interface MeetingRecord {
	id: string;
	branch: string;
	title: string;
	/** ms */
	startsAt: number;
	endsAt: number;
}

/** PocketBase's date text ("2026-11-22 02:00:00.000Z") in ms. */
const msOf = (date: unknown) => Date.parse(String(date ?? '').replace(' ', 'T'));

function toActivity(r: RecordModel): ServiceRecord {
	const status = r.status === 'approved' || r.status === 'rejected' ? r.status : 'pending';
	const member = (r.expand?.member ?? null) as RecordModel | null;
	return {
		id: r.id,
		member: String(r.member ?? ''),
		memberName: String(member?.name ?? ''),
		kind: String(r.kind ?? ''),
		date: String(r.date ?? ''),
		hours: Number(r.hours) || 0,
		note: String(r.note ?? ''),
		photo: String(r.photo ?? ''),
		status,
		reason: String(r.reason ?? ''),
		points: Number(r.points) || 0,
		created: String(r.created ?? '')
	};
}

const toMeeting = (r: RecordModel): MeetingRecord => ({
	id: r.id,
	branch: String(r.branch ?? ''),
	title: String(r.title ?? ''),
	startsAt: msOf(r.starts_at),
	endsAt: msOf(r.ends_at)
});

/** The signed-in member's own activities, newest first. */
export async function ownActivities(pb: PocketBase, member: string): Promise<ServiceRecord[]> {
	const list = await pb.collection('service_activities').getFullList({
		filter: pb.filter('member = {:member}', { member }),
		sort: '-date,-created',
		requestKey: null
	});
	return list.map(toActivity);
}

/** A record id made on the device (PocketBase's form: 15 lowercase letters and digits). */
export function newRecordId(random: (n: number) => Uint8Array = randomBytes): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(random(15), (b) => alphabet[b % alphabet.length]).join('');
}

function randomBytes(n: number): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(n));
}

/** Why a send failed: no network (keep it and retry), or the server's refusal in its words. */
export type SendFailure = { offline: true } | { offline: false; message: string };

/**
 * Send a waiting activity, photo included, reporting the upload's progress (0–1). Sending one
 * the server already stored (its response was lost) counts as sent. XMLHttpRequest, since fetch
 * cannot report upload progress.
 */
export function sendActivity(
	pb: PocketBase,
	url: string,
	row: ServiceQueueRow,
	onProgress: (share: number) => void
): Promise<{ ok: true; record: ServiceRecord } | ({ ok: false } & SendFailure)> {
	const form = new FormData();
	form.append('id', row.id);
	form.append('kind', row.kind);
	form.append('date', row.date);
	form.append('hours', String(row.hours));
	form.append('note', row.note);
	if (row.photo) form.append('photo', row.photo, row.photoName || 'photo.jpg');
	return new Promise((resolve) => {
		const xhr = new XMLHttpRequest();
		xhr.open('POST', `${url}/api/collections/service_activities/records`);
		xhr.setRequestHeader('Authorization', pb.authStore.token);
		xhr.upload.onprogress = (e) => {
			if (e.lengthComputable) onProgress(e.loaded / e.total);
		};
		xhr.onerror = () => resolve({ ok: false, offline: true });
		xhr.onload = () => {
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(xhr.responseText) as Record<string, unknown>;
			} catch {
				body = {};
			}
			if (xhr.status === 200) {
				onProgress(1);
				resolve({ ok: true, record: toActivity(body as RecordModel) });
				return;
			}
			if (xhr.status === 0 || xhr.status >= 500 || xhr.status === 429) {
				resolve({ ok: false, offline: true });
				return;
			}
			// Already stored under this id: an earlier send went through.
			void pb
				.collection('service_activities')
				.getOne(row.id, { requestKey: null })
				.then(
					(r) => resolve({ ok: true, record: toActivity(r) }),
					() => resolve({ ok: false, offline: false, message: refusal(body, xhr.status) })
				);
		};
		xhr.send(form);
	});
}

/** The server's refusal in its own words: the field's message, else the request's. */
function refusal(body: Record<string, unknown>, status: number): string {
	const data = (body.data ?? {}) as Record<string, { message?: string }>;
	const first = Object.values(data).find((d) => typeof d?.message === 'string')?.message;
	const message = typeof body.message === 'string' ? body.message : '';
	if (data.photo?.message) return `照片：${data.photo.message}`;
	return message || first || `提交失败（${status}）`;
}

/** Withdraw a pending activity. */
export async function deleteActivity(pb: PocketBase, id: string): Promise<void> {
	await pb.collection('service_activities').delete(id, { requestKey: null });
}

/** The address of an activity's photo (a thumbnail if asked), with a file token. */
export function photoUrl(pb: PocketBase, a: ServiceRecord, token: string, thumb = false): string {
	return pb.files.getURL({ id: a.id, collectionName: 'service_activities' }, a.photo, {
		token,
		...(thumb ? { thumb: '480x0' } : {})
	});
}

/** A token that lets the signed-in person see the photos they may see. */
export const fileToken = (pb: PocketBase) => pb.files.getToken({ requestKey: null });

/** A leader's activities of their branch (an admin's: organisation), in `status`. */
export async function branchActivities(
	pb: PocketBase,
	status: 'pending' | 'decided',
	limit = 200
): Promise<ServiceRecord[]> {
	const me = pb.authStore.record?.id ?? '';
	const filter =
		status === 'pending'
			? pb.filter('status = "pending" && member != {:me}', { me })
			: pb.filter('status != "pending" && member != {:me}', { me });
	const list = await pb.collection('service_activities').getList(1, limit, {
		filter,
		sort: status === 'pending' ? 'created' : '-updated',
		expand: 'member',
		requestKey: null
	});
	return list.items.map(toActivity);
}

/** A leader decides on an activity; rejecting needs a reason. */
export async function reviewActivity(
	pb: PocketBase,
	id: string,
	action: 'approve' | 'reject',
	reason: string
): Promise<{ status: string; points: number }> {
	return pb.send(`/api/gongxue/service/${encodeURIComponent(id)}/review`, {
		method: 'POST',
		body: { action, reason },
		requestKey: null
	});
}

/** The meetings of the branches the person may see, latest first. */
export async function listMeetings(pb: PocketBase): Promise<MeetingRecord[]> {
	const list = await pb
		.collection('meetings')
		.getList(1, 100, { sort: '-starts_at', requestKey: null });
	return list.items.map(toMeeting);
}

/** One meeting's title and times, for the check-in page (null when it cannot be seen). */
export async function meetingOf(pb: PocketBase, id: string): Promise<MeetingRecord | null> {
	try {
		return toMeeting(await pb.collection('meetings').getOne(id, { requestKey: null }));
	} catch (e) {
		if (e instanceof ClientResponseError && e.status === 404) return null;
		throw e;
	}
}

/** A leader sets up a meeting of a branch. */
export async function createMeeting(
	pb: PocketBase,
	m: { branch: string; title: string; startsAt: number; endsAt: number }
): Promise<MeetingRecord> {
	const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
	const r = await pb
		.collection('meetings')
		.create(
			{ branch: m.branch, title: m.title, starts_at: iso(m.startsAt), ends_at: iso(m.endsAt) },
			{ requestKey: null }
		);
	return toMeeting(r);
}

export async function deleteMeeting(pb: PocketBase, id: string): Promise<void> {
	await pb.collection('meetings').delete(id, { requestKey: null });
}

/** The check-in path a meeting's QR code carries (`/checkin?m=…&t=…`), for its leaders. */
export async function meetingQrPath(pb: PocketBase, id: string): Promise<string> {
	const r = await pb.send<{ path: string }>(`/api/gongxue/meetings/${encodeURIComponent(id)}/qr`, {
		method: 'GET',
		requestKey: null
	});
	return r.path;
}

/** The names of the members whose check-in to a meeting the server accepted in time, once each. */
export async function attendance(pb: PocketBase, id: string): Promise<string[]> {
	const list = await pb.collection('events').getFullList({
		filter: pb.filter(
			'type = "meeting.checkin" && subject = {:id} && status = "accepted" && reason != "outside-window"',
			{ id }
		),
		sort: 'created',
		expand: 'user',
		fields: 'id,user,expand.user.name',
		requestKey: null
	});
	const names = new Map<string, string>();
	for (const e of list) {
		const user = String(e.user ?? '');
		if (!names.has(user))
			names.set(user, String((e.expand?.user as RecordModel | undefined)?.name ?? ''));
	}
	return [...names.values()];
}
