import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import { TRANSFER_EVENT } from '$lib/credits';

/**
 * Transfers (组织关系转接) on the server (pocketbase/pb_hooks/transfers.pb.js): a member's own
 * requests, sending one by the new branch's join code, withdrawing it; a leader's incoming
 * requests and their decision. Online only: every field is the server's.
 */

export type TransferStatus = 'pending' | 'accepted' | 'rejected' | 'cancelled';

/** A transfer as the member or a leader sees it. */
export interface TransferRecord {
	id: string;
	user: string;
	memberName: string;
	fromBranch: string;
	fromName: string;
	toBranch: string;
	toName: string;
	status: TransferStatus;
	note: string;
	/** The new branch's reason (a rejection's, or a note with an acceptance). */
	reason: string;
	/** ISO times; decidedAt is '' while pending. */
	created: string;
	decidedAt: string;
}

const STATUSES: readonly string[] = ['pending', 'accepted', 'rejected', 'cancelled'];

function toTransfer(r: RecordModel): TransferRecord {
	const status = STATUSES.includes(String(r.status)) ? (r.status as TransferStatus) : 'pending';
	const iso = (v: unknown) => String(v ?? '').replace(' ', 'T');
	return {
		id: r.id,
		user: String(r.user ?? ''),
		memberName: String(r.member_name ?? ''),
		fromBranch: String(r.from_branch ?? ''),
		fromName: String(r.from_name ?? ''),
		toBranch: String(r.to_branch ?? ''),
		toName: String(r.to_name ?? ''),
		status,
		note: String(r.note ?? ''),
		reason: String(r.reason ?? ''),
		created: iso(r.created),
		decidedAt: iso(r.decided_at)
	};
}

/** The signed-in member's own requests, newest first. */
export async function ownTransfers(pb: PocketBase, user: string): Promise<TransferRecord[]> {
	const list = await pb.collection('transfers').getList(1, 50, {
		filter: pb.filter('user = {:user}', { user }),
		sort: '-created',
		requestKey: null
	});
	return list.items.map(toTransfer);
}

/** Ask to move to the branch whose join code this is; the server sets everything else. */
export async function requestTransfer(
	pb: PocketBase,
	joinCode: string,
	note: string
): Promise<TransferRecord> {
	const r = await pb
		.collection('transfers')
		.create({ join_code: joinCode, note }, { requestKey: null });
	return toTransfer(r);
}

/** Withdraw one's own pending request. */
export async function cancelTransfer(pb: PocketBase, id: string): Promise<void> {
	await pb.send(`/api/gongxue/transfers/${encodeURIComponent(id)}/cancel`, {
		method: 'POST',
		requestKey: null
	});
}

/** Requests to join the leader's branch (an admin's: organisation), pending or decided. */
export async function incomingTransfers(
	pb: PocketBase,
	branches: readonly string[],
	status: 'pending' | 'decided',
	limit = 100
): Promise<TransferRecord[]> {
	const me = pb.authStore.record?.id ?? '';
	// Those leaving the leader's branches are visible too (to know who leaves): only arrivals.
	const into = branches.map((_, i) => `to_branch = {:b${i}}`).join(' || ') || 'id = ""';
	const params = Object.fromEntries(branches.map((b, i) => [`b${i}`, b]));
	const which = status === 'pending' ? 'status = "pending"' : 'status != "pending"';
	const list = await pb.collection('transfers').getList(1, limit, {
		filter: pb.filter(`(${into}) && ${which} && user != {:me}`, { ...params, me }),
		sort: status === 'pending' ? 'created' : '-updated',
		requestKey: null
	});
	return list.items.map(toTransfer);
}

/** Requests to leave the leader's branches for others (decided there, not by the leader). */
export async function outgoingTransfers(
	pb: PocketBase,
	branches: readonly string[],
	limit = 30
): Promise<TransferRecord[]> {
	if (branches.length === 0) return [];
	const params = Object.fromEntries(branches.map((b, i) => [`b${i}`, b]));
	const from = branches.map((_, i) => `from_branch = {:b${i}}`).join(' || ');
	const away = branches.map((_, i) => `to_branch != {:b${i}}`).join(' && ');
	const list = await pb.collection('transfers').getList(1, limit, {
		filter: pb.filter(`(${from}) && ${away} && status != "cancelled"`, params),
		sort: '-created',
		requestKey: null
	});
	return list.items.map(toTransfer);
}

/** The new branch's leader accepts or rejects (with a reason) a pending request. */
export async function decideTransfer(
	pb: PocketBase,
	id: string,
	action: 'accept' | 'reject',
	reason: string
): Promise<{ status: TransferStatus; reason: string }> {
	return pb.send(`/api/gongxue/transfers/${encodeURIComponent(id)}/decide`, {
		method: 'POST',
		body: { action, reason },
		requestKey: null
	});
}

/** Read the signed-in member's account again (their branch and role change with a move). */
export async function refreshAccount(pb: PocketBase): Promise<void> {
	await pb.collection('users').authRefresh({ requestKey: null });
}

/**
 * The branch the member's latest accepted move took them to, when it is not `branch` (the one
 * the device has for them): their account is then to be read again. `ledger`: newest first.
 */
export function movedTo(
	ledger: readonly { type: string; user: string; payload: Record<string, unknown> }[],
	member: { id: string; branch: string }
): string | null {
	const move = ledger.find((r) => r.type === TRANSFER_EVENT && r.user === member.id);
	const to = typeof move?.payload.toBranch === 'string' ? move.payload.toBranch : '';
	return to !== '' && to !== member.branch ? to : null;
}
