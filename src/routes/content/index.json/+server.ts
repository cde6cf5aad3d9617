import { json } from '@sveltejs/kit';
import { banks, lessons, metaOf } from '$lib/server/content';
import type { ContentIndex } from '$lib/content/pack';

export const prerender = true;

/** The curriculum index: every lesson's metadata and every bank's size. */
export function GET() {
	const index: ContentIndex = {
		lessons: lessons.map(metaOf),
		banks: banks.map((b) => ({ id: b.id, title: b.title, questionCount: b.questions.length }))
	};
	return json(index);
}
