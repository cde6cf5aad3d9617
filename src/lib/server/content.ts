import { buildContent, formatProblem, type Lesson, type LessonMeta } from '$lib/content';

/**
 * The built-in curriculum, parsed once at build time from `content/`. Any problem fails the
 * build with every `path:line: message`, so broken content never ships.
 */
const sources = import.meta.glob('/content/**/*.{md,txt}', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

const bundle = buildContent(
	Object.entries(sources).map(([path, text]) => ({ path: path.replace(/^\//, ''), text }))
);

if (bundle.problems.length > 0) {
	const lines = bundle.problems.map(formatProblem);
	throw new Error(`课程内容有 ${lines.length} 处错误：\n${lines.join('\n')}`);
}

/** Every built-in lesson, in curriculum order. */
export const lessons: readonly Lesson[] = bundle.lessons;
/** Every built-in question bank. */
export const banks = bundle.banks;

/** A lesson without its body and questions, for lists. */
export function metaOf(lesson: Lesson): LessonMeta {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { html, questions, ...meta } = lesson;
	return meta;
}
