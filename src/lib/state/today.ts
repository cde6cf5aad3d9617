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

/** A lesson the home page suggests to close a 学分 gap, and why. */
export interface Suggestion {
	lesson: LessonMeta;
	/** The category's share of right first answers, when the member has answered in it. */
	accuracy: number | null;
}

/** Right and total answers per lesson category. */
export type CategoryAccuracy = Map<string, { right: number; answers: number }>;

/** A member's answers per category, from their confirmed quiz answers. */
export function accuracyByCategory(
	answers: readonly { lessonId: string; right: boolean }[],
	lessons: readonly LessonMeta[]
): CategoryAccuracy {
	const category = new Map(lessons.map((l) => [l.id, l.category]));
	const out: CategoryAccuracy = new Map();
	for (const a of answers) {
		const c = category.get(a.lessonId);
		if (c === undefined) continue;
		const s = out.get(c) ?? { right: 0, answers: 0 };
		s.answers++;
		if (a.right) s.right++;
		out.set(c, s);
	}
	return out;
}

/**
 * The next lessons that close the year's 学分 gaps: not yet studied, of a track still short,
 * those of the categories where the member answers worst first (a category not yet answered
 * counts as middling), then in curriculum order.
 */
export function suggestLessons(
	lessons: readonly LessonMeta[],
	rows: Record<string, ProgressRow>,
	left: Record<'required' | 'elective', number>,
	accuracy: CategoryAccuracy,
	count = 3
): Suggestion[] {
	const rate = (category: string) => {
		const s = accuracy.get(category);
		return s && s.answers > 0 ? s.right / s.answers : null;
	};
	return lessons
		.map((lesson, order) => ({ lesson, order, accuracy: rate(lesson.category) }))
		.filter(({ lesson }) => left[lesson.track] > 0 && rows[lesson.id]?.status !== 'completed')
		.sort((a, b) => (a.accuracy ?? 0.5) - (b.accuracy ?? 0.5) || a.order - b.order)
		.slice(0, count)
		.map(({ lesson, accuracy }) => ({ lesson, accuracy }));
}
