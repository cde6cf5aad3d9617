import { m } from '$lib/i18n';
import { rank } from '$lib/quiz/contest';
import { isAnswerable, type Given } from '$lib/quiz';
import {
	branchNames,
	classify,
	contestScores,
	listContests,
	messageOf,
	playState,
	sendAnswer,
	watchScores,
	type ContestSummary,
	type PlayState,
	type ScoreRow
} from '$lib/sync';
import { account } from './account.svelte';

/** Why the contests cannot show: signed out, no network, or the server's own words. */
export type ContestProblem =
	{ kind: 'signed-out' } | { kind: 'offline' } | { kind: 'refused'; message: string };

/** What a problem tells the member. */
export function problemText(p: ContestProblem): string {
	if (p.kind === 'signed-out') return m.contests.signedOut;
	if (p.kind === 'offline') return m.contests.offline;
	return p.message;
}

function problemOf(e: unknown): ContestProblem {
	const failure = classify(e);
	if (failure === 'offline') return { kind: 'offline' };
	if (failure === 'auth') return { kind: 'signed-out' };
	return { kind: 'refused', message: messageOf(e) };
}

/** 竞赛: the contests for the member, soonest first. */
class Contests {
	list = $state<ContestSummary[]>([]);
	loading = $state(true);
	problem = $state<ContestProblem | null>(null);

	async refresh(): Promise<void> {
		await account.start();
		const pb = account.client();
		if (account.member === null || pb === null) {
			this.problem = { kind: 'signed-out' };
			this.loading = false;
			return;
		}
		try {
			this.list = await listContests(pb);
			this.problem = null;
		} catch (e) {
			this.problem = problemOf(e);
		} finally {
			this.loading = false;
		}
	}
}

export const contests = new Contests();

/** A member on the board, placed. */
export type Placed = ScoreRow & { place: number };
/** A branch on the board: its members' average. */
export interface BranchStanding {
	branch: string;
	name: string;
	members: number;
	average: number;
	place: number;
}

/**
 * One live contest as the member plays it: the server says where it stands (the lobby, the open
 * question, its key once closed, the end); the room asks again at each boundary of the server's
 * clock, and after a reconnect. The leaderboard follows the server live (realtime).
 */
export class ContestRoom {
	readonly id: string;
	state = $state<PlayState | null>(null);
	problem = $state<ContestProblem | null>(null);
	/** The answer the member is building. */
	given = $state<Given>([]);
	sending = $state(false);
	#rows = $state<Record<string, ScoreRow>>({});
	#branches = $state<Record<string, string>>({});
	/** Server time minus device time (ms), from the last answer of the server. */
	#offset = 0;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#stop: (() => Promise<void>) | null = null;
	#closed = false;

	constructor(id: string) {
		this.id = id;
	}

	/** The server's clock now, as the device estimates it. */
	now(): number {
		return Date.now() + this.#offset;
	}

	board = $derived<Placed[]>(rank(Object.values(this.#rows)));

	branches = $derived.by<BranchStanding[]>(() => {
		const sums: Record<string, { total: number; members: number }> = {};
		for (const r of Object.values(this.#rows)) {
			const s = (sums[r.branch] ??= { total: 0, members: 0 });
			s.total += r.total;
			s.members += 1;
		}
		// Ranked like members, by the average; equal averages share a place.
		return rank(
			Object.entries(sums).map(([branch, s]) => ({
				user: branch,
				total: Math.round(s.total / s.members),
				ms: 0,
				members: s.members
			}))
		).map((r) => ({
			branch: r.user,
			name: this.#branches[r.user] ?? '',
			members: r.members,
			average: r.total,
			place: r.place
		}));
	});

	get canSubmit(): boolean {
		const s = this.state;
		return (
			!this.sending &&
			s?.phase === 'open' &&
			s.question !== null &&
			s.mine === null &&
			isAnswerable(s.question, this.given)
		);
	}

	/** Join: where the contest stands, the board, and the live feed. */
	async open(): Promise<void> {
		await account.start();
		const pb = account.client();
		if (account.member === null || pb === null) {
			this.problem = { kind: 'signed-out' };
			return;
		}
		await this.refresh();
		await this.#reloadBoard();
		try {
			this.#branches = await branchNames(pb);
			this.#stop = await watchScores(pb, this.id, (r) => (this.#rows[r.user] = r));
		} catch (e) {
			this.problem = problemOf(e);
		}
		addEventListener('online', this.#rejoin);
		document.addEventListener('visibilitychange', this.#rejoin);
	}

	/** Back from a dropped connection or a hidden tab: the room and the board as they are now
	 * (realtime does not replay what was missed). */
	#rejoin = () => {
		if (document.visibilityState !== 'visible' || this.#closed) return;
		void this.refresh().then(() => this.#reloadBoard());
	};

	async #reloadBoard(): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		try {
			for (const r of await contestScores(pb, this.id)) this.#rows[r.user] = r;
		} catch {
			// the next boundary tries again
		}
	}

	/** Ask the server where the contest stands, and wake again at its next boundary. */
	async refresh(): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		const asked = Date.now();
		try {
			const s = await playState(pb, this.id);
			this.#offset = s.now - (asked + Date.now()) / 2;
			const before = this.state;
			if (before?.position !== s.position || s.phase === 'lobby') this.given = [];
			this.state = s;
			this.problem = null;
			// A question closed: the board as the server has it now, whatever realtime missed.
			const closed = s.phase === 'reveal' || s.phase === 'finished';
			if (closed && (before?.phase !== s.phase || before?.position !== s.position)) {
				await this.#reloadBoard();
			}
		} catch (e) {
			this.problem = problemOf(e);
		}
		this.#schedule();
	}

	#schedule(): void {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#closed) return;
		const s = this.state;
		// Offline or refused: try again shortly.
		const next =
			s === null || this.problem !== null
				? this.now() + 5000
				: s.phase === 'lobby'
					? s.opensAt
					: s.phase === 'open'
						? s.closesAt
						: s.phase === 'reveal'
							? (s.nextAt ?? s.closesAt! + 5000)
							: null;
		if (next === null) return;
		// A little after the boundary, so the server is past it too.
		const wait = Math.max(250, Math.min(next - this.now() + 250, 60_000));
		this.#timer = setTimeout(() => void this.refresh(), wait);
	}

	/** 提交: the answer goes to the server, which times and scores it. */
	async submit(): Promise<void> {
		const s = this.state;
		const pb = account.client();
		if (!this.canSubmit || s === null || s.position === undefined || pb === null) return;
		this.sending = true;
		try {
			const r = await sendAnswer(pb, this.id, s.position, [...this.given]);
			this.state = { ...s, mine: { answer: [...this.given], ms: r.ms } };
		} catch (e) {
			this.problem = problemOf(e);
			await this.refresh();
		} finally {
			this.sending = false;
		}
	}

	close(): void {
		this.#closed = true;
		if (this.#timer) clearTimeout(this.#timer);
		removeEventListener('online', this.#rejoin);
		document.removeEventListener('visibilitychange', this.#rejoin);
		void this.#stop?.().catch(() => undefined);
	}
}
