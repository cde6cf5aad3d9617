import { m } from '$lib/i18n/studio';
import { classify, messageOf } from '$lib/sync';
import { account } from './account.svelte';

/** A branch whose join code the leader manages. */
export interface ManagedBranch {
	id: string;
	name: string;
}

/** Why the join code is not shown, or why a reset did not happen. */
export type JoinCodeProblem = 'offline' | 'refused' | 'failed';

/** What a failed request means here: no network, a refusal (in the server's words), or a fault. */
function problemOf(e: unknown): JoinCodeProblem {
	const kind = classify(e);
	if (kind === 'offline') return 'offline';
	return kind === 'auth' || kind === 'invalid' ? 'refused' : 'failed';
}

/** The path of a branch's join code (pocketbase/pb_hooks/joincode.pb.js). */
const pathOf = (branch: string) => `/api/gongxue/branches/${encodeURIComponent(branch)}/join-code`;

/**
 * The join code of /studio/branch: a secretary's own branch, or the branch an organisation's admin
 * picks. Never kept on the device: a code lets anyone register, so it is only fetched, shown and
 * reset while online.
 */
class JoinCode {
	/** The branches the leader may manage: a secretary's one, an admin's organisation's. */
	branches = $state<ManagedBranch[]>([]);
	/** The branch shown. */
	branch = $state<string | null>(null);
	code = $state<string | null>(null);
	loading = $state(false);
	resetting = $state(false);
	/** Why no code is shown; null when it is (or while loading). */
	problem = $state<JoinCodeProblem | null>(null);
	/** The latest reset's outcome, in words, and whether it went through. */
	notice = $state<{ ok: boolean; text: string } | null>(null);
	/** The server's refusal in its own words. */
	#refusal = $state('');
	#seq = 0;
	/** Whose branches are loaded: another person signing in starts afresh. */
	#member = '';

	/** What to tell the leader when no code is shown. */
	get message(): string {
		const t = m.studio.joincode;
		if (this.problem === 'offline') return t.offline;
		if (this.problem === 'refused') return this.#refusal;
		return t.failed;
	}

	/** The shown branch's name ('' before the list is loaded). */
	get branchName(): string {
		return this.branches.find((b) => b.id === this.branch)?.name ?? '';
	}

	/** Load the branches the leader manages, then the code of theirs (or the one shown before). */
	async load(): Promise<void> {
		const seq = ++this.#seq;
		const me = account.member;
		const pb = account.client();
		this.notice = null;
		if ((me?.id ?? '') !== this.#member) {
			this.branches = [];
			this.branch = null;
			this.code = null;
			this.#member = me?.id ?? '';
		}
		if (me === null || pb === null || me.branch === '') return;
		this.loading = true;
		this.problem = null;
		try {
			const fields = 'id,name';
			const list =
				me.role === 'admin'
					? await pb.collection('branches').getFullList({ fields, sort: 'name', requestKey: null })
					: [await pb.collection('branches').getOne(me.branch, { fields, requestKey: null })];
			if (seq !== this.#seq) return;
			this.branches = list.map((b) => ({ id: b.id, name: String(b.name ?? '') }));
			const keep = this.branches.some((b) => b.id === this.branch);
			await this.#fetch(keep ? (this.branch ?? me.branch) : me.branch, seq);
		} catch (e) {
			if (seq === this.#seq) this.#fail(e);
		}
	}

	/** Show the code of another branch (an admin's pick). */
	async select(branch: string): Promise<void> {
		const seq = ++this.#seq;
		this.notice = null;
		this.loading = true;
		this.problem = null;
		try {
			await this.#fetch(branch, seq);
		} catch (e) {
			if (seq === this.#seq) this.#fail(e);
		}
	}

	async #fetch(branch: string, seq: number): Promise<void> {
		const pb = account.client();
		this.branch = branch;
		this.code = null;
		if (pb === null) return;
		const r = await pb.send<{ code: string }>(pathOf(branch), { method: 'GET', requestKey: null });
		if (seq !== this.#seq) return;
		this.code = r.code;
		this.problem = null;
		this.loading = false;
	}

	#fail(e: unknown) {
		this.code = null;
		this.problem = problemOf(e);
		this.#refusal = messageOf(e);
		this.loading = false;
	}

	/** Replace the shown branch's code with a fresh one; the old one then registers nobody. */
	async reset(): Promise<boolean> {
		const pb = account.client();
		const branch = this.branch;
		const t = m.studio.joincode;
		if (pb === null || branch === null) return false;
		++this.#seq;
		this.resetting = true;
		this.notice = null;
		try {
			const r = await pb.send<{ code: string }>(pathOf(branch), {
				method: 'POST',
				requestKey: null
			});
			this.code = r.code;
			this.notice = { ok: true, text: t.done };
			return true;
		} catch (e) {
			const problem = problemOf(e);
			const text =
				problem === 'offline'
					? t.offlineReset
					: problem === 'refused'
						? messageOf(e)
						: t.resetFailed;
			this.notice = { ok: false, text };
			return false;
		} finally {
			this.resetting = false;
		}
	}
}

/** The join code's one instance; the studio imports it from here, not from `$lib/state`. */
export const joinCode = new JoinCode();
