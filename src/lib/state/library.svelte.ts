import { liveQuery, type Subscription } from 'dexie';
import type { Lesson, LessonMeta } from '$lib/content';
import { ASSIGNMENTS_KEY, type Assignment } from '$lib/sync';
import { storage } from './storage.svelte';

/** Lessons published in the studio and kept on the device, and the branch's assignments. */
class LibraryState {
	/** Lessons pulled from the server, for offline study like built-in ones. */
	stored = $state<LessonMeta[]>([]);
	/** Required lessons assigned to the member's branch, soonest due first. */
	assignments = $state<Assignment[]>([]);
	#subs: Subscription[] = [];

	/** Start following the database; called once by the root layout. */
	async start(): Promise<void> {
		if (this.#subs.length > 0) return;
		const db = await storage.db();
		if (db === null) return;
		const onError = (e: unknown) => storage.report(e);
		this.#subs.push(
			liveQuery(() => db.lessons.toArray()).subscribe(
				(rows) => (this.stored = rows.map(metaOf).sort((a, b) => a.order - b.order)),
				onError
			),
			liveQuery(() => db.cache.get(ASSIGNMENTS_KEY)).subscribe((row) => {
				const list = (row?.value ?? []) as Assignment[];
				this.assignments = [...list].sort((a, b) => a.due - b.due);
			}, onError)
		);
	}

	/** The built-in curriculum with the pulled lessons after it. */
	with(builtIn: readonly LessonMeta[]): LessonMeta[] {
		const ids = new Set(builtIn.map((l) => l.id));
		return [...builtIn, ...this.stored.filter((l) => !ids.has(l.id))];
	}

	/** A pulled lesson, whole, or null when the device has none by that id. */
	async find(id: string): Promise<Lesson | null> {
		const db = await storage.db();
		return (await db?.lessons.get(id)) ?? null;
	}
}

/** A lesson's list entry: everything but its body and questions. */
function metaOf(lesson: Lesson): LessonMeta {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { html, questions, ...meta } = lesson;
	return meta;
}

/** The one library the UI reads. */
export const library = new LibraryState();
