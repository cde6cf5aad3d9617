import { GongxueDb, storageProblem, type StorageProblem } from '$lib/db';

/**
 * The device database and what is wrong with it, if anything. When IndexedDB is missing
 * (private mode, disabled storage) the app keeps working from memory and says so; when a write
 * fails, what was already stored stays untouched.
 */
class StorageState {
	/** The current storage problem, shown by the layout; null when storage works. */
	problem = $state<StorageProblem | null>(null);
	/** Whether the browser granted persistent storage (null until asked). */
	persisted = $state<boolean | null>(null);
	#db: Promise<GongxueDb | null> | null = null;

	/** The opened database, or null when this browser cannot store anything. */
	db(): Promise<GongxueDb | null> {
		this.#db ??= this.#open();
		return this.#db;
	}

	async #open(): Promise<GongxueDb | null> {
		if (typeof indexedDB === 'undefined') {
			this.problem = 'unavailable';
			return null;
		}
		const db = new GongxueDb();
		try {
			await db.open();
			void this.#readPersistence();
			return db;
		} catch (e) {
			this.report(e);
			return null;
		}
	}

	/** Record a storage failure so the layout can explain it. */
	report(e: unknown): void {
		console.error(e);
		this.problem = storageProblem(e);
	}

	/** Learn whether storage is already persistent, without asking the member anything. */
	async #readPersistence(): Promise<void> {
		try {
			if (navigator.storage?.persisted && (await navigator.storage.persisted()))
				this.persisted = true;
		} catch {
			// unknown: say nothing rather than guess
		}
	}

	/** Ask once that the browser never evicts our data (unsynced progress lives here). */
	async requestPersistence(): Promise<void> {
		if (
			this.persisted !== null ||
			typeof navigator === 'undefined' ||
			!navigator.storage?.persist
		) {
			return;
		}
		try {
			this.persisted = (await navigator.storage.persisted()) || (await navigator.storage.persist());
		} catch {
			this.persisted = false;
		}
	}
}

/** The app's one storage handle. */
export const storage = new StorageState();
