import { fetchIndex } from '$lib/content/pack';

export async function load({ fetch }) {
	return { index: await fetchIndex(fetch) };
}
