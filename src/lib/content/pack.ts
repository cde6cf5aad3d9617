import type { Lesson, LessonMeta, Question } from './types.ts';

/** The curriculum index served at `/content/index.json`. */
export interface ContentIndex {
	lessons: LessonMeta[];
	banks: { id: string; title: string; questionCount: number }[];
}

/** Where the static content pack lives; immutable per build, so every cache layer may keep it. */
export const contentUrls = {
	index: '/content/index.json',
	lesson: (id: string) => `/content/lessons/${encodeURIComponent(id)}.json`,
	bank: (id: string) => `/content/banks/${encodeURIComponent(id)}.json`
} as const;

type Fetch = typeof fetch;

/** Fetch the curriculum index. */
export async function fetchIndex(fetch: Fetch): Promise<ContentIndex> {
	const res = await fetch(contentUrls.index);
	if (!res.ok) throw new Error(`content index: HTTP ${res.status}`);
	return (await res.json()) as ContentIndex;
}

/** Fetch one lesson; null when there is no such built-in lesson. */
export async function fetchLesson(fetch: Fetch, id: string): Promise<Lesson | null> {
	const res = await fetch(contentUrls.lesson(id));
	if (res.status === 404) return null;
	if (!res.ok) throw new Error(`lesson ${id}: HTTP ${res.status}`);
	return (await res.json()) as Lesson;
}

/** A built-in question bank as the content pack serves it. */
export interface BankPack {
	id: string;
	title: string;
	questions: Question[];
}

/** Fetch one built-in bank. */
export async function fetchBank(fetch: Fetch, id: string): Promise<BankPack> {
	const res = await fetch(contentUrls.bank(id));
	if (!res.ok) throw new Error(`bank ${id}: HTTP ${res.status}`);
	return (await res.json()) as BankPack;
}
