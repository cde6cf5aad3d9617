import type PocketBase from 'pocketbase';
import type { Credits, Streak, YearRecord } from '$lib/credits';
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

/** A branch's growth records for a year, as its secretary (or the organisation's admin) prints them. */
export interface BranchRecords {
	year: number;
	organisation: string;
	branch: string;
	targets: Credits;
	/** Lesson titles by lesson id. */
	titles: Record<string, string>;
	members: { id: string; name: string; record: YearRecord }[];
}

/** Fetch a branch's growth records (the leader's own branch unless `branch` is given). */
export function branchRecords(
	pb: PocketBase,
	year: number,
	branch?: string
): Promise<BranchRecords> {
	const query = `year=${year}${branch ? `&branch=${encodeURIComponent(branch)}` : ''}`;
	return pb.send(`/api/gongxue/records?${query}`, { method: 'GET' });
}
