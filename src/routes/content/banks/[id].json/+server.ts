import { error, json } from '@sveltejs/kit';
import { banks } from '$lib/server/content';

export const prerender = true;

export function entries() {
	return banks.map((b) => ({ id: b.id }));
}

export function GET({ params }) {
	const bank = banks.find((b) => b.id === params.id);
	if (!bank) error(404, 'bank not found');
	return json(bank);
}
