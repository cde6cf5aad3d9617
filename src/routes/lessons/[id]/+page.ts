import { error } from '@sveltejs/kit';
import { fetchLesson } from '$lib/content/pack';
import { m } from '$lib/i18n';

export async function load({ fetch, params }) {
	const lesson = await fetchLesson(fetch, params.id);
	if (lesson === null) error(404, m.lesson.notFound);
	return { lesson };
}
