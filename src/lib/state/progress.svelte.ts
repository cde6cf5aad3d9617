import { liveQuery, type Subscription } from 'dexie';
import {
	completeLesson,
	recordStudy,
	studyStats,
	type AttemptRow,
	type ProgressRow,
	type StudyStats
} from '$lib/db';
import { storage } from './storage.svelte';

const EMPTY_STATS: StudyStats = {
	lessonsCompleted: 0,
	lessonsStarted: 0,
	answers: 0,
	correct: 0,
	seconds: 0,
	pending: 0
};

/**
 * Study progress as the UI reads it, kept live from Dexie. If storage fails, changes stay in
 * memory for this visit and the layout explains.
 */
class ProgressState {
	/** Progress by lesson id. */
	rows = $state<Record<string, ProgressRow>>({});
	/** Totals for the member's page. */
	stats = $state<StudyStats>({ ...EMPTY_STATS });
	/** Recent quiz attempts, newest first. */
	attempts = $state<AttemptRow[]>([]);
	/** True once the first read from storage has arrived (or storage is known to be unavailable). */
	loaded = $state(false);
	#subs: Subscription[] = [];

	/** Start following the database; called once by the root layout. */
	async start(): Promise<void> {
		if (this.#subs.length > 0) return;
		const db = await storage.db();
		if (db === null) {
			this.loaded = true;
			return;
		}
		const onError = (e: unknown) => storage.report(e);
		this.#subs.push(
			liveQuery(() => db.progress.toArray()).subscribe((rows) => {
				this.rows = Object.fromEntries(rows.map((r) => [r.lessonId, r]));
				this.loaded = true;
			}, onError),
			liveQuery(() => studyStats(db)).subscribe((s) => (this.stats = s), onError),
			liveQuery(() => db.attempts.orderBy('startedAt').reverse().limit(20).toArray()).subscribe(
				(a) => (this.attempts = a),
				onError
			)
		);
	}

	/** Whether the lesson is studied (已完成). */
	isDone(lessonId: string): boolean {
		return this.rows[lessonId]?.status === 'completed';
	}

	/** Per lesson on screen: save the study time measured since its last save (StudyTracker). */
	#savers = new Map<string, () => Promise<void>>();
	/** Study writes not yet stored: completing a lesson waits for them. */
	#writing: Promise<void> = Promise.resolve();

	/** The lesson page measures study; completing it first saves what was measured. Returns the
	 * function that ends it. */
	tracking(lessonId: string, save: () => Promise<void>): () => void {
		this.#savers.set(lessonId, save);
		return () => {
			if (this.#savers.get(lessonId) === save) this.#savers.delete(lessonId);
		};
	}

	/** Add study time and reading position to a lesson. */
	study(lessonId: string, hash: string, seconds: number, readRatio: number): Promise<void> {
		const write = this.#study(lessonId, hash, seconds, readRatio);
		this.#writing = this.#writing.then(() => write);
		return write;
	}

	async #study(lessonId: string, hash: string, seconds: number, readRatio: number): Promise<void> {
		const now = Date.now();
		const prev = this.rows[lessonId];
		this.rows[lessonId] = {
			lessonId,
			status: prev?.status ?? 'started',
			readRatio: Math.max(prev?.readRatio ?? 0, readRatio),
			seconds: (prev?.seconds ?? 0) + Math.round(seconds),
			startedAt: prev?.startedAt ?? now,
			updatedAt: now,
			completedAt: prev?.completedAt ?? null,
			hash
		};
		const db = await storage.db();
		if (db === null) return;
		try {
			await recordStudy(db, lessonId, hash, { seconds, readRatio }, now);
		} catch (e) {
			storage.report(e);
		}
	}

	/**
	 * Mark a lesson studied (完成学习); its event joins the outbox in the same write. The mark
	 * shows once stored; if storage fails it shows from memory for this visit.
	 */
	async complete(lessonId: string, hash: string): Promise<void> {
		if (this.rows[lessonId]?.status === 'completed') return;
		// The time on the page up to this moment counts, and is stored before the completion.
		await this.#savers.get(lessonId)?.();
		await this.#writing;
		const now = Date.now();
		const prev = this.rows[lessonId];
		if (prev?.status === 'completed') return;
		const db = await storage.db();
		if (db !== null) {
			try {
				await completeLesson(db, lessonId, hash, now);
				void storage.requestPersistence();
			} catch (e) {
				storage.report(e);
			}
		}
		this.rows[lessonId] = {
			lessonId,
			status: 'completed',
			readRatio: prev?.readRatio ?? 0,
			seconds: prev?.seconds ?? 0,
			startedAt: prev?.startedAt ?? now,
			updatedAt: now,
			completedAt: now,
			hash
		};
	}
}

/** The app's one progress state. */
export const progress = new ProgressState();
