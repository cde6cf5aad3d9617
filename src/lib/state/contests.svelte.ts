import { contestMessages as t } from '$lib/i18n/contests';
import { isAnswerable, type Given } from '$lib/quiz';
import {
	classify,
	contestResults,
	listContests,
	messageOf,
	nextQuestion,
	playState,
	sendAnswer,
	statusOf,
	watchBoard,
	type Board,
	type ContestSummary,
	type PlayState,
	type Results
} from '$lib/sync';
import { account } from './account.svelte';
import { questionsTable, resultsFileName, standingsTable } from './contest-results';
import { downloadCsv, downloadXlsx } from './export';

/** Why the contests cannot show: signed out, no network, or the server's own words. */
export type ContestProblem =
	{ kind: 'signed-out' } | { kind: 'offline' } | { kind: 'refused'; message: string };

/** What a problem tells the member. */
export function problemText(p: ContestProblem): string {
	if (p.kind === 'signed-out') return t.signedOut;
	if (p.kind === 'offline') return t.offline;
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

/**
 * One contest as the member plays it. The server says where it stands (the lobby, the open
 * question, its key once closed, the end; in window mode the member's own next question); the
 * room asks again at each boundary of the server's clock and after a reconnect. The board is one
 * record the server rewrites as each question closes, followed live (realtime). Once every
 * question is counted the results replace the play.
 */
export class ContestRoom {
	readonly id: string;
	state = $state<PlayState | null>(null);
	problem = $state<ContestProblem | null>(null);
	/** The answer the member is building. */
	given = $state<Given>([]);
	sending = $state(false);
	board = $state<Board | null>(null);
	results = $state<Results | null>(null);
	/** Window mode: what became of the member's last question (shown until the next). */
	last = $state<'sent' | 'timed-out' | null>(null);
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

	/** Join: where the contest stands, with its board, and the live feed of the board. */
	async open(): Promise<void> {
		await account.start();
		const pb = account.client();
		if (account.member === null || pb === null) {
			this.problem = { kind: 'signed-out' };
			return;
		}
		await this.refresh();
		try {
			this.#stop = await watchBoard(pb, this.id, (b) => this.#takeBoard(b));
		} catch (e) {
			this.problem = problemOf(e);
		}
		addEventListener('online', this.#rejoin);
		document.addEventListener('visibilitychange', this.#rejoin);
	}

	/** A board from the server, unless an older one arrives after a newer. */
	#takeBoard(b: Board | null): void {
		if (b === null) return;
		if (this.board === null || b.closed >= this.board.closed) this.board = b;
	}

	/** Back from a dropped connection or a hidden tab: the room and the board as they are now
	 * (realtime does not replay what was missed). */
	#rejoin = () => {
		if (document.visibilityState !== 'visible' || this.#closed) return;
		void this.refresh();
	};

	/** Take what the server says, and wake again at its next boundary. */
	#take(s: PlayState, asked: number): void {
		this.#offset = s.now - (asked + Date.now()) / 2;
		const before = this.state;
		if (before?.position !== s.position || s.phase === 'lobby') this.given = [];
		// Window mode: the open question closed unanswered.
		if (before?.phase === 'open' && before.mine === null && before.position !== s.position) {
			this.last = this.last === 'sent' ? 'sent' : 'timed-out';
		}
		this.state = s;
		this.problem = null;
		this.#takeBoard(s.board);
	}

	/** Ask the server where the contest stands. */
	async refresh(): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		const asked = Date.now();
		try {
			this.#take(await playState(pb, this.id), asked);
			if (this.state?.phase === 'finished' && this.results === null) await this.#loadResults();
		} catch (e) {
			this.problem = problemOf(e);
		}
		this.#schedule();
	}

	async #loadResults(): Promise<void> {
		const pb = account.client();
		if (pb === null) return;
		try {
			this.results = await contestResults(pb, this.id);
		} catch (e) {
			// 409: the last answers are still being counted; the next wake asks again.
			if (statusOf(e) !== 409) this.problem = problemOf(e);
		}
	}

	#schedule(): void {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#closed || this.results !== null) return;
		const s = this.state;
		// Offline, refused, or results still being counted: try again shortly.
		const soon = this.now() + 3000;
		const next =
			s === null || this.problem !== null
				? soon
				: s.phase === 'lobby'
					? s.opensAt
					: s.phase === 'open'
						? s.closesAt
						: s.phase === 'reveal'
							? (s.nextAt ?? s.closesAt! + 5000)
							: s.phase === 'ready' || s.phase === 'done'
								? s.endsAt
								: soon;
		if (next === null) return;
		// A little after the boundary, so the server is past it too; at a question's close the
		// members' devices spread their asks over a second (the board itself comes by realtime
		// to everyone at once), so that hundreds of players do not all ask in the same instant.
		const spread = s?.phase === 'open' ? Math.random() * 1000 : 0;
		const wait = Math.max(250, Math.min(next - this.now() + 250 + spread, 60_000));
		this.#timer = setTimeout(() => void this.refresh(), wait);
	}

	/** 开始答题 / 下一题 (window mode): the server shows the next question; its time starts. */
	async next(): Promise<void> {
		const s = this.state;
		const pb = account.client();
		if (s?.phase !== 'ready' || s.position === undefined || pb === null || this.sending) return;
		this.sending = true;
		const asked = Date.now();
		try {
			this.#take(await nextQuestion(pb, this.id, s.position), asked);
			this.last = null;
		} catch (e) {
			this.problem = problemOf(e);
		} finally {
			this.sending = false;
		}
		this.#schedule();
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
			if (s.mode === 'window') {
				this.last = 'sent';
				await this.refresh();
			}
		} catch (e) {
			this.problem = problemOf(e);
			await this.refresh();
		} finally {
			this.sending = false;
		}
	}

	/** The results' branch names, by id (for the export). */
	#branchNames(): Record<string, string> {
		return Object.fromEntries((this.results?.branches ?? []).map((b) => [b.branch, b.name]));
	}

	/** 导出 CSV: the standings with every answer (a leader's results carry them). */
	exportCsv(): void {
		const r = this.results;
		if (r !== null) downloadCsv(standingsTable(r, this.#branchNames()), resultsFileName(r, 'csv'));
	}

	/** 导出 Excel: the standings and the questions, a sheet each. */
	async exportXlsx(): Promise<void> {
		const r = this.results;
		if (r === null) return;
		await downloadXlsx(
			[standingsTable(r, this.#branchNames()), questionsTable(r)],
			resultsFileName(r, 'xlsx')
		);
	}

	close(): void {
		this.#closed = true;
		if (this.#timer) clearTimeout(this.#timer);
		removeEventListener('online', this.#rejoin);
		document.removeEventListener('visibilitychange', this.#rejoin);
		void this.#stop?.().catch(() => undefined);
	}
}
