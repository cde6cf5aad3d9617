import { error, json } from '@sveltejs/kit';
import { lessons } from '$lib/server/content';

export const prerender = true;

/** Every lesson is written out as a static file, so the service worker can precache it. */
export function entries() {
	return lessons.map((l) => ({ id: l.id }));
}

export function GET({ params }) {
	const lesson = lessons.find((l) => l.id === params.id);
	if (!lesson) error(404, 'lesson not found');
	return json(lesson);
}
