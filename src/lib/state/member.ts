// The signed-in member and their leaderboards as the app shows them (state/account.svelte.ts).

/** The signed-in member, as the app shows them. */
export interface Member {
	id: string;
	name: string;
	email: string;
	role: 'member' | 'secretary' | 'admin';
	branch: string;
	hideName: boolean;
}

/** A leaderboard as the server computes it (see pocketbase/pb_hooks/lib/boards.js). */
export interface Board {
	period: 'week' | 'month' | 'all';
	me: { rank: number; points: number; of: number } | null;
	members: { rank: number; name: string; anonymous: boolean; points: number; me: boolean }[];
	branches: {
		id: string;
		name: string;
		members: number;
		total: number;
		average: number;
		rank: number;
		mine: boolean;
	}[];
}

/** Why signing in or registering failed, for the message catalogue. */
export type AuthProblem =
	'credentials' | 'offline' | 'rate-limited' | 'join-code' | 'email' | 'password' | 'failed';

export function toMember(r: Record<string, unknown>): Member {
	const role = r.role === 'secretary' || r.role === 'admin' ? r.role : 'member';
	return {
		id: String(r.id),
		name: String(r.name ?? ''),
		email: String(r.email ?? ''),
		role,
		branch: String(r.branch ?? ''),
		hideName: r.hide_name === true
	};
}
