import PocketBase, { AsyncAuthStore, type AuthRecord } from 'pocketbase';
import type { GongxueDb } from '$lib/db';

/**
 * The PocketBase client, its sign-in kept in Dexie so a member stays signed in offline, and the
 * member's id kept beside it (events written while signed in carry it).
 */
export async function createClient(db: GongxueDb, url: string): Promise<PocketBase> {
	const saved = await db.meta.get('auth');
	const store = new AsyncAuthStore({
		save: async (serialized) => {
			const { record } = JSON.parse(serialized) as { record?: { id?: string } | null };
			await db.transaction('rw', db.meta, async () => {
				await db.meta.put({ key: 'auth', value: serialized });
				if (record?.id) await db.meta.put({ key: 'user', value: record.id });
			});
		},
		clear: async () => {
			await db.meta.bulkDelete(['auth', 'user']);
		}
	});
	// Restore the sign-in before anyone reads it (the store's own `initial` loads a tick later).
	if (typeof saved?.value === 'string') {
		const { token, record } = JSON.parse(saved.value) as { token?: string; record?: AuthRecord };
		if (token) store.save(token, record ?? null);
	}
	const pb = new PocketBase(url, store);
	pb.autoCancellation(false);
	return pb;
}

/** The API's address: the app's own origin (PocketBase serves both), unless set for development. */
export function apiUrl(): string {
	const override = globalThis.localStorage?.getItem('gongxue:api');
	return override || globalThis.location?.origin || 'http://127.0.0.1:8090';
}
