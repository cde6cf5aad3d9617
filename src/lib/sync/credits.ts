import type PocketBase from 'pocketbase';
import type { Credits, Streak } from '$lib/credits/targets';
import type { GongxueDb } from '$lib/db';

/** Where a member's year of 学分 is kept for offline display. */
export const CREDITS_KEY = 'credits-year';

/** A member's year as the server counts it, with their organisation's targets. */
export interface CreditYear {
	year: number;
	/** The server's day when it answered (YYYY-MM-DD). */
	today: string;
	organisation: string;
	targets: Credits;
	credits: Credits;
	streak: Streak;
}

/** Fetch the member's year (default: this one) and keep it for offline display. */
export async function pullCredits(
	db: GongxueDb,
	pb: PocketBase,
	year?: number
): Promise<CreditYear> {
	const r = (await pb.send(`/api/gongxue/credits${year ? `?year=${year}` : ''}`, {
		method: 'GET'
	})) as CreditYear;
	if (year === undefined) await db.cache.put({ key: CREDITS_KEY, value: r, at: Date.now() });
	return r;
}
