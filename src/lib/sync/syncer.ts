import type PocketBase from 'pocketbase';
import type { GongxueDb } from '$lib/db';
import { classify, type Failure } from './errors';
import { pullAssignments, pullLessons, pullPracticeBanks } from './library';
import { pullCredits } from './credits';
import { pullLedger, pullTotals, reconcile } from './pull';
import { pushBatch } from './push';

export type Phase = 'idle' | 'syncing' | 'signed-out' | 'paused-auth' | 'offline' | 'retrying';

export interface SyncSnapshot {
	phase: Phase;
	lastSyncAt: number | null;
	lastFailure: Failure | null;
	/** When the next automatic attempt is due (ms), while retrying. */
	retryAt: number | null;
}

/** Backoff after failures: 2 s doubling to 5 min, with jitter so devices do not retry in step. */
export function backoffMs(failures: number, random = Math.random): number {
	const base = Math.min(300_000, 2_000 * 2 ** Math.max(0, failures - 1));
	return Math.round(base * (0.5 + random() / 2));
}

/** Reconcile counts with the server every this many successful syncs (it costs a count query). */
const RECONCILE_EVERY = 10;

/**
 * Runs sync: push the outbox in batches, one push at a time in this tab and across tabs, then
 * pull the ledger and totals. Transient failures keep every event and retry with backoff; a
 * 401 pauses until the member signs in again.
 */
export class Syncer {
	readonly db: GongxueDb;
	readonly pb: PocketBase;
	snapshot: SyncSnapshot = { phase: 'idle', lastSyncAt: null, lastFailure: null, retryAt: null };
	#onChange: (s: SyncSnapshot) => void;
	#running: Promise<void> | null = null;
	#again = false;
	#failures = 0;
	#runs = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;

	constructor(db: GongxueDb, pb: PocketBase, onChange: (s: SyncSnapshot) => void = () => {}) {
		this.db = db;
		this.pb = pb;
		this.#onChange = onChange;
	}

	#set(change: Partial<SyncSnapshot>) {
		this.snapshot = { ...this.snapshot, ...change };
		this.#onChange(this.snapshot);
	}

	/** Sync now; if a sync is running, run once more after it. Resolves when done. */
	syncNow(): Promise<void> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#exclusive()
			.finally(() => {
				this.#running = null;
			})
			.then(() => {
				if (this.#again) {
					this.#again = false;
					return this.syncNow();
				}
			});
		return this.#running;
	}

	/** One sync at a time across tabs too, where the browser has Web Locks. */
	#exclusive(): Promise<void> {
		const locks = globalThis.navigator?.locks;
		if (!locks) return this.#run();
		return locks.request('gongxue-sync', () => this.#run());
	}

	async #run(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const user = this.pb.authStore.record?.id;
		if (!user || !this.pb.authStore.isValid) {
			this.#set({ phase: user ? 'paused-auth' : 'signed-out', retryAt: null });
			return;
		}
		this.#set({ phase: 'syncing' });
		try {
			for (;;) {
				const { pushed, failure } = await pushBatch(this.db, this.pb, user);
				if (failure) return this.#fail(failure);
				if (pushed === 0) break;
			}
			await pullLedger(this.db, this.pb, user);
			if (++this.#runs % RECONCILE_EVERY === 1 && (await reconcile(this.db, this.pb, user)) > 0) {
				this.#again = true;
			}
			await pullTotals(this.db, this.pb, user);
			await pullLessons(this.db, this.pb);
			await pullAssignments(this.db, this.pb);
			await pullPracticeBanks(this.db, this.pb);
			await pullCredits(this.db, this.pb);
			this.#failures = 0;
			this.#set({ phase: 'idle', lastSyncAt: Date.now(), lastFailure: null, retryAt: null });
		} catch (e) {
			this.#fail(classify(e));
		}
	}

	#fail(failure: Failure) {
		if (failure === 'auth') {
			this.#set({ phase: 'paused-auth', lastFailure: failure, retryAt: null });
			return;
		}
		const wait = backoffMs(++this.#failures);
		this.#set({
			phase: failure === 'offline' ? 'offline' : 'retrying',
			lastFailure: failure,
			retryAt: Date.now() + wait
		});
		this.#timer = setTimeout(() => void this.syncNow(), wait);
	}

	/** Stop automatic retries (sign-out, tests). */
	stop(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
