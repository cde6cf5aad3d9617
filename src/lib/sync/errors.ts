import { ClientResponseError } from 'pocketbase';

/** What a failed request means for the outbox. */
export type Failure =
	/** No network, or the request never completed: keep everything, retry with backoff. */
	| 'offline'
	/** 5xx: keep, retry with backoff. */
	| 'server'
	/** 429: keep, retry later. */
	| 'rate-limited'
	/** 401/403: keep, pause until the member signs in again. */
	| 'auth'
	/** 400: the request itself is refused; push one by one to find the event at fault. */
	| 'invalid';

/** Classify an error from the PocketBase SDK (or fetch). */
export function classify(e: unknown): Failure {
	if (e instanceof ClientResponseError) {
		if (e.status === 0 || e.isAbort) return 'offline';
		if (e.status === 401 || e.status === 403) return 'auth';
		if (e.status === 429) return 'rate-limited';
		if (e.status >= 500) return 'server';
		return 'invalid';
	}
	return 'offline';
}

/** The server's message for a refused request, for the member to read. */
export function messageOf(e: unknown): string {
	if (e instanceof ClientResponseError) return e.response?.message || e.message;
	return e instanceof Error ? e.message : String(e);
}

/** The HTTP status of a refused request, or null when there was no answer. */
export function statusOf(e: unknown): number | null {
	return e instanceof ClientResponseError && e.status > 0 ? e.status : null;
}
