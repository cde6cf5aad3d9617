import type { Bank, Lesson, LessonMeta } from '$lib/content';
// Parsed and checked at build time by scripts/vite-plugin-content.ts; a content error fails the build.
import { banks as builtBanks, lessons as builtLessons } from 'virtual:gongxue-content';

/** Every built-in lesson, in curriculum order. */
export const lessons: readonly Lesson[] = builtLessons;
/** Every built-in question bank. */
export const banks: readonly Bank[] = builtBanks;

/** A lesson without its body and questions, for lists. */
export function metaOf(lesson: Lesson): LessonMeta {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { html, questions, ...meta } = lesson;
	return meta;
}
