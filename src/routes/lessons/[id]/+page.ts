import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { fetchLesson } from '$lib/content/pack';
import type { Lesson } from '$lib/content';
import { m } from '$lib/i18n';

export async function load({ fetch, params }) {
	// A built-in lesson from the content pack, or one published in the studio and pulled to the
	// device (those open through the app shell, in the browser only). Offline, a pulled lesson's
	// pack URL fails outright rather than answering 404, so the device's library is asked then too.
	let lesson: Lesson | null = null;
	let failure: unknown = null;
	try {
		lesson = await fetchLesson(fetch, params.id);
	} catch (e) {
		failure = e;
	}
	if (lesson === null && browser) {
		const { library } = await import('$lib/state');
		lesson = await library.find(params.id);
	}
	if (lesson === null && failure !== null) throw failure;
	if (lesson === null) error(404, m.lesson.notFound);
	return { lesson };
}
