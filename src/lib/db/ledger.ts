import type { GongxueDb, LedgerRow } from './schema';

// Indexed reads of one member's confirmed events (schema version 5). A member with years of
// history has tens of thousands of rows; each read here touches only the range it needs.

// IndexedDB orders an array after every string and number, and a prefix before the arrays it
// begins: [user] and [user, []] bound every key of `user`.
const AFTER: never[] = [];

/** Server days (YYYY-MM-DD) from `from` to `to`, both included, of one member's events. */
function days(db: GongxueDb, user: string, from: string, to: string) {
	return db.ledger.where('[user+serverDay]').between([user, from], [user, to], true, true);
}

/** One member's events of a year (by server day, Beijing time), oldest day first. */
export function yearEvents(db: GongxueDb, user: string, year: number): Promise<LedgerRow[]> {
	return days(db, user, `${year}-01-01`, `${year}-12-31`).toArray();
}

/** One member's events on server days from `day` on (today's caps, this week's days). */
export function eventsSince(db: GongxueDb, user: string, day: string): Promise<LedgerRow[]> {
	return days(db, user, day, '9999-12-31').toArray();
}

/** One member's latest `limit` events, newest first (device time). */
export function latestEvents(db: GongxueDb, user: string, limit: number): Promise<LedgerRow[]> {
	return db.ledger
		.where('[user+at]')
		.between([user], [user, AFTER])
		.reverse()
		.limit(limit)
		.toArray();
}

/** How many events one member has, in `year` or in all. */
export function eventCount(db: GongxueDb, user: string, year?: number): Promise<number> {
	return year === undefined
		? db.ledger.where('[user+at]').between([user], [user, AFTER]).count()
		: days(db, user, `${year}-01-01`, `${year}-12-31`).count();
}

/** The years one member has any event in, newest first: the first and last day, then one
 * index key per year between, all at once in one transaction (a page waits on it). */
export function eventYears(db: GongxueDb, user: string): Promise<number[]> {
	const yearOf = async (c: ReturnType<typeof days>) => {
		const keys = (await c.limit(1).keys()) as unknown as [string, string][];
		return keys[0] ? Number(keys[0][1].slice(0, 4)) : null;
	};
	return db.transaction('r', db.ledger, async () => {
		const all = () => days(db, user, '', '9999-12-31');
		const [first, last] = await Promise.all([yearOf(all()), yearOf(all().reverse())]);
		if (first === null || last === null) return [];
		const between = Array.from({ length: Math.max(0, last - first - 1) }, (_, i) => last - 1 - i);
		const found = await Promise.all(
			between.map((y) => yearOf(days(db, user, `${y}-01-01`, `${y}-12-31`)))
		);
		return [...new Set([last, ...found.filter((y) => y !== null), first])];
	});
}

/**
 * The server days one member studied on: days with an accepted event of one of `types`, sorted.
 * Reads index keys only (one per type and day), not the events.
 */
export async function studyDays(
	db: GongxueDb,
	user: string,
	types: readonly string[]
): Promise<string[]> {
	const keys = (await db.ledger
		.where('[user+status+type+serverDay]')
		.between([user, 'accepted'], [user, 'accepted', AFTER])
		.uniqueKeys()) as unknown as [string, string, string, string][];
	const wanted = new Set(types);
	return [...new Set(keys.filter((k) => wanted.has(k[2])).map((k) => k[3]))].sort();
}

/** One member's accepted events of one type, by server day. */
export function acceptedOfType(db: GongxueDb, user: string, type: string): Promise<LedgerRow[]> {
	return db.ledger
		.where('[user+status+type+serverDay]')
		.between([user, 'accepted', type], [user, 'accepted', type, AFTER])
		.toArray();
}
