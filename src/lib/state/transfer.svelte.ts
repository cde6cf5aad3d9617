import { transferMessages as t } from '$lib/i18n/transfer';
import {
	branchNames,
	cancelTransfer,
	classify,
	decideTransfer,
	incomingTransfers,
	messageOf,
	outgoingTransfers,
	ownTransfers,
	requestTransfer,
	type TransferRecord
} from '$lib/sync';
import { account } from './account.svelte';

/** Characters of a note or a reason (the server's limit). */
export const TRANSFER_TEXT_MAX = 200;

/** A failure in words: offline, the server's refusal as it said it, or a general one. */
function why(e: unknown): string {
	const kind = classify(e);
	if (kind === 'offline') return t.needsNetwork;
	if (kind === 'rate-limited') return t.rateLimited;
	return kind === 'server' ? t.failed : messageOf(e);
}

/**
 * 组织关系转接 (/me/transfer): the member's requests and the form that sends one. Online only:
 * the server decides who moves where, so offline the page says it needs the network.
 */
class TransferDesk {
	code = $state('');
	note = $state('');
	records = $state<TransferRecord[]>([]);
	loaded = $state(false);
	sending = $state(false);
	/** The last action's outcome, or why the list is not shown. */
	notice = $state<{ ok: boolean; text: string } | null>(null);
	online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	/** Why the list is not the server's: offline, or a failure in words. */
	listProblem = $state<string | null>(null);

	/** The member's pending request, if any: no second one until it is decided or withdrawn. */
	get pending(): TransferRecord | null {
		return this.records.find((r) => r.status === 'pending') ?? null;
	}

	/** Load the member's requests (the account follows an accepted move by itself: see
	 * `movedTo` in $lib/sync/transfers). */
	async open(): Promise<void> {
		await account.start();
		const pb = account.client();
		const me = account.member;
		if (pb === null || me === null) return;
		try {
			this.records = await ownTransfers(pb, me.id);
			this.listProblem = null;
		} catch (e) {
			this.listProblem = classify(e) === 'offline' ? t.listOffline : why(e);
		} finally {
			this.loaded = true;
		}
	}

	/** 提交申请: checked here first, then by the server, whose refusal is shown as it said it. */
	async submit(): Promise<boolean> {
		const pb = account.client();
		if (pb === null) return false;
		const code = this.code.trim();
		if (code === '') return this.#fail(t.form.codeNeeded);
		if (this.note.trim().length > TRANSFER_TEXT_MAX) {
			return this.#fail(t.form.noteTooLong(TRANSFER_TEXT_MAX));
		}
		if (!this.online) return this.#fail(t.needsNetwork);
		this.sending = true;
		this.notice = null;
		try {
			const made = await requestTransfer(pb, code, this.note.trim());
			this.records = [made, ...this.records];
			this.code = '';
			this.note = '';
			this.notice = { ok: true, text: t.form.sent(made.toName) };
			return true;
		} catch (e) {
			return this.#fail(why(e));
		} finally {
			this.sending = false;
		}
	}

	/** 撤回申请 while it is pending. */
	async cancel(id: string): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		if (!this.online) return void this.#fail(t.needsNetwork);
		try {
			await cancelTransfer(pb, id);
			this.records = this.records.map((r) =>
				r.id === id ? { ...r, status: 'cancelled' as const } : r
			);
			this.notice = { ok: true, text: t.cancelled };
		} catch (e) {
			this.#fail(why(e));
		}
	}

	#fail(text: string): false {
		this.notice = { ok: false, text };
		return false;
	}
}

export const transferDesk = new TransferDesk();

/**
 * 转接审批 (/studio/transfers), for the secretary of the branch asked to (an admin: of any branch
 * of their organisation): requests to accept, or to reject with a reason the member reads; and,
 * to read only, the members asking to leave for a branch the leader does not lead.
 */
export class TransferReview {
	pending = $state<TransferRecord[]>([]);
	decided = $state<TransferRecord[]>([]);
	/** Members leaving the leader's branches, for them to know (another branch decides). */
	outgoing = $state<TransferRecord[]>([]);
	loaded = $state(false);
	/** Why the lists are not shown: offline, or a failure in words. */
	problem = $state<string | null>(null);
	busy = $state<string | null>(null);
	notice = $state<{ ok: boolean; text: string } | null>(null);

	async load(): Promise<void> {
		await account.start();
		const pb = account.client();
		const me = account.member;
		if (pb === null || me === null) return;
		try {
			const branches = me.role === 'admin' ? Object.keys(await branchNames(pb)) : [me.branch];
			const [pending, decided, outgoing] = await Promise.all([
				incomingTransfers(pb, branches, 'pending'),
				incomingTransfers(pb, branches, 'decided', 20),
				outgoingTransfers(pb, branches)
			]);
			this.pending = pending;
			this.outgoing = outgoing;
			this.decided = decided.filter((d) => d.status !== 'cancelled');
			this.problem = null;
		} catch (e) {
			this.problem = classify(e) === 'offline' ? t.studio.offline : why(e);
		} finally {
			this.loaded = true;
		}
	}

	/** 同意转入 / 不同意 (which needs a reason); true when the server took it. */
	async decide(r: TransferRecord, action: 'accept' | 'reject', reason = ''): Promise<boolean> {
		const pb = account.client();
		if (pb === null) return false;
		if (action === 'reject' && reason.trim() === '') {
			this.notice = { ok: false, text: t.studio.reasonNeeded };
			return false;
		}
		this.busy = r.id;
		this.notice = null;
		try {
			const done = await decideTransfer(pb, r.id, action, reason.trim());
			this.notice = {
				ok: true,
				text:
					action === 'accept' ? t.studio.accepted(r.memberName) : t.studio.rejected(r.memberName)
			};
			this.pending = this.pending.filter((p) => p.id !== r.id);
			this.decided = [{ ...r, status: done.status, reason: done.reason }, ...this.decided];
			return true;
		} catch (e) {
			this.notice = {
				ok: false,
				text: classify(e) === 'offline' ? t.studio.offline : why(e)
			};
			return false;
		} finally {
			this.busy = null;
		}
	}
}
