import { fetchIndex } from '$lib/content';

export async function load({ fetch }) {
	return { index: await fetchIndex(fetch) };
}
