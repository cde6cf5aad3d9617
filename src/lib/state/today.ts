import type { LessonMeta } from '$lib/content';
import type { ProgressRow } from '$lib/db';

/** What the home page offers today. */
export interface Today {
	/** The lesson to continue: most recently opened and not finished. */
	resume: LessonMeta | null;
	/** Required (必修) lessons not yet studied, in curriculum order. */
	required: LessonMeta[];
	/** Lessons never opened, in curriculum order. */
	fresh: LessonMeta[];
	done: number;
	total: number;
}

/** Pick today's study from the curriculum and the member's progress. */
export function today(
	lessons: readonly LessonMeta[],
	rows: Record<string, ProgressRow>,
	freshCount = 4
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
		required: lessons.filter((l) => l.track === 'required' && rows[l.id]?.status !== 'completed'),
		fresh: lessons.filter((l) => rows[l.id] === undefined).slice(0, freshCount),
		done,
		total: lessons.length
	};
}

/** Filters of the lesson list. */
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
