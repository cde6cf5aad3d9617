import type { LessonMeta } from '$lib/content';
import type { ProgressRow } from '$lib/db';
import type { Assignment } from '$lib/sync';

/** What the home page offers today. */
export interface Today {
	/** The lesson to continue: most recently opened and not finished. */
	resume: LessonMeta | null;
	/** Required (必修) lessons not yet studied: those the branch assigned first, soonest due
	 * first (with their due time), then the curriculum's, in curriculum order. */
	required: (LessonMeta & { due?: number })[];
	/** Elective lessons never opened, in curriculum order (required ones are listed above them). */
	fresh: LessonMeta[];
	done: number;
	total: number;
}

/** Pick today's study from the curriculum and the member's progress. */
export function today(
	lessons: readonly LessonMeta[],
	rows: Record<string, ProgressRow>,
	freshCount = 4,
	assignments: readonly Assignment[] = []
): Today {
	let resume: { lesson: LessonMeta; at: number } | null = null;
	let done = 0;
	for (const lesson of lessons) {
		const row = rows[lesson.id];
		if (row?.status === 'completed') done++;
		else if (row && (resume === null || row.updatedAt > resume.at))
			resume = { lesson, at: row.updatedAt };
	}
	return {
		resume: resume?.lesson ?? null,
		required: requiredOf(lessons, rows, assignments),
		fresh: lessons
			.filter((l) => l.track === 'elective' && rows[l.id] === undefined)
			.slice(0, freshCount),
		done,
		total: lessons.length
	};
}

function requiredOf(
	lessons: readonly LessonMeta[],
	rows: Record<string, ProgressRow>,
	assignments: readonly Assignment[]
): (LessonMeta & { due?: number })[] {
	const todo = (id: string) => rows[id]?.status !== 'completed';
	const byId = new Map(lessons.map((l) => [l.id, l]));
	const assigned = [...assignments]
		.sort((a, b) => a.due - b.due)
		.flatMap((a) => {
			const lesson = byId.get(a.lessonId);
			return lesson && todo(a.lessonId) ? [{ ...lesson, due: a.due }] : [];
		});
	const ids = new Set(assigned.map((l) => l.id));
	return [
		...assigned,
		...lessons.filter((l) => l.track === 'required' && todo(l.id) && !ids.has(l.id))
	];
}

/** How close a due date must be for the home page to remind the member. */
export const DUE_SOON_DAYS = 3;

/** Assigned lessons not yet studied that are due within DUE_SOON_DAYS (or overdue). */
export function dueSoon(
	assignments: readonly Assignment[],
	rows: Record<string, ProgressRow>,
	now = Date.now()
): Assignment[] {
	const limit = now + DUE_SOON_DAYS * 86_400_000;
	return assignments.filter((a) => a.due <= limit && rows[a.lessonId]?.status !== 'completed');
}

/** Filters of the lesson list, as kept in its URL (`/lessons?track=required`). */
export interface LessonFilter {
	category: string | null;
	track: 'required' | 'elective' | null;
	status: 'todo' | 'done' | null;
}

/** The lessons that pass a filter, in curriculum order. */
export function filterLessons(
	lessons: readonly LessonMeta[],
	rows: Record<string, ProgressRow>,
	f: LessonFilter
): LessonMeta[] {
	return lessons.filter((l) => {
		if (f.category !== null && l.category !== f.category) return false;
		if (f.track !== null && l.track !== f.track) return false;
		const done = rows[l.id]?.status === 'completed';
		if (f.status === 'done' && !done) return false;
		if (f.status === 'todo' && done) return false;
		return true;
	});
}

/** The categories of a curriculum, in order of first appearance. */
export function categoriesOf(lessons: readonly LessonMeta[]): string[] {
	return [...new Set(lessons.map((l) => l.category))];
}

/** Read list filters from a URL's query; unknown values are ignored. */
export function filterFromQuery(query: URLSearchParams): LessonFilter {
	const track = query.get('track');
	const status = query.get('status');
	return {
		category: query.get('category'),
		track: track === 'required' || track === 'elective' ? track : null,
		status: status === 'todo' || status === 'done' ? status : null
	};
}

/** Write list filters as a query string ('' when none is set). */
export function filterToQuery(f: LessonFilter): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(f)) if (v !== null) q.set(k, v);
	const s = q.toString();
	return s === '' ? '' : `?${s}`;
}
