import { contestMessages as t } from '$lib/i18n/contests';
import type { Question } from '$lib/content';
import { isAnswerable, isCorrect, type Given } from '$lib/quiz';
import { answerScore, REVEAL_SECONDS } from '$lib/quiz/contest';
import {
	classify,
	contestResults,
	keepClock,
	listContests,
	messageOf,
	nextQuestion,
	playState,
	sendAnswer,
	statusOf,
	watchContest,
	type Board,
	type ContestSummary,
	type LiveMessage,
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

/** How far a live contest has gone: the lobby, then each question open and then closed. */
function stageOf(s: PlayState): number {
	if (s.phase === 'lobby') return -1;
	if (s.phase === 'finished') return Infinity;
	return 2 * (s.position ?? 0) + (s.phase === 'reveal' ? 1 : 0);
}

/** The member's answer against a closed question's key, scored as the server scores it. */
function judged(mine: { answer: string[]; ms: number }, question: Question, seconds: number) {
	const correct = isCorrect(question, mine.answer);
	return { ...mine, correct, score: answerScore(correct, mine.ms, seconds * 1000) ?? 0 };
}

/** How long before a live question opens the device asks the server to keep its time. */
const CLOCK_LEAD = 50_000;

/**
 * One contest as the member plays it. The server says where it stands (the lobby, the open
 * question, its key once closed, the end; in window mode the member's own next question) when
 * the room opens and after a reconnect. In a live contest the server then sends each question as
 * it opens and the board with the closed question's key as it closes, over the contest's realtime
 * topic; the room asks again only if a message is late, and once during each key's showing (for
 * the member's own place), spread over seconds so that hundreds of devices do not ask at once.
 * Once every question is counted the results replace the play.
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
	/** Live mode: the last question whose time this device asked the server to keep. */
	#clockKept = -1;
	/** Live mode: the server's clock is running (its last push came in time); no need to ask. */
	#pushed = false;

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
			this.#stop = await watchContest(pb, this.id, (m) => this.#live(m));
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

	/** A live contest's message: a question opening, or the board as one closes. */
	#live(m: LiveMessage): void {
		const s = this.state;
		if (s === null || s.mode !== 'live') return;
		this.#offset = m.now - Date.now();
		this.#pushed = true;
		if (m.kind === 'open') {
			if (stageOf(s) >= 2 * m.position) return;
			this.given = [];
			this.state = {
				...s,
				now: m.now,
				phase: 'open',
				position: m.position,
				opensAt: m.opensAt,
				closesAt: m.closesAt,
				nextAt: null,
				question: m.question,
				mine: null,
				reveal: null
			};
			this.#schedule();
			return;
		}
		this.#takeBoard(m.board);
		const r = m.reveal;
		if (r !== null && s.phase === 'open' && s.position === r.position) {
			// The question closed: its key, the member's own answer against it, the next opening.
			this.state = {
				...s,
				now: m.now,
				phase: 'reveal',
				nextAt: r.position + 1 < s.count ? s.closesAt! + REVEAL_SECONDS * 1000 : null,
				mine: s.mine === null ? null : judged(s.mine, r.question, s.seconds),
				reveal: { question: r.question, accuracy: r.accuracy }
			};
			// The member's own place, and then the next question's clock: asked once during the
			// key's showing, at a moment of this device's own.
			this.#wake(1000 + Math.random() * 3000);
		} else if (m.board.final) {
			this.#wake(Math.random() * 2000);
		}
	}

	/** Back from a dropped connection or a hidden tab: the room and the board as they are now
	 * (realtime does not replay what was missed). */
	#rejoin = () => {
		if (document.visibilityState !== 'visible' || this.#closed) return;
		// Pushes may have been missed; make sure the server's clock is running.
		this.#pushed = false;
		this.#clockKept = -1;
		void this.refresh();
	};

	/** Take what the server says, and wake again at its next boundary; in a live contest, not a
	 * state older than what realtime brought meanwhile. */
	#take(s: PlayState, asked: number): void {
		this.#offset = s.now - (asked + Date.now()) / 2;
		const before = this.state;
		if (s.mode === 'live' && before !== null && stageOf(s) < stageOf(before)) return;
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

	/** Wake (ask the server) in `ms`, instead of at the next boundary. */
	#wake(ms: number): void {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#closed || this.results !== null) return;
		this.#timer = setTimeout(() => void this.refresh(), ms);
	}

	/** Live mode: ask the server to keep the coming question's time, once it is near (the
	 * server sends the question as it opens and the board as it closes). */
	#keepClock(): void {
		const s = this.state;
		const pb = account.client();
		if (s === null || s.mode !== 'live' || pb === null || this.#pushed) return;
		const position =
			s.phase === 'lobby'
				? 0
				: s.phase === 'open'
					? s.position
					: s.phase === 'reveal'
						? s.position! + 1
						: undefined;
		if (position === undefined || position >= s.count || position <= this.#clockKept) return;
		const opensAt = s.phase === 'lobby' ? s.opensAt : s.phase === 'reveal' ? s.nextAt : null;
		if (opensAt !== null && opensAt - this.now() > CLOCK_LEAD) return;
		this.#clockKept = position;
		keepClock(pb, this.id, position);
	}

	#schedule(): void {
		if (this.#timer) clearTimeout(this.#timer);
		if (this.#closed || this.results !== null) return;
		const s = this.state;
		this.#keepClock();
		// Offline, refused, or results still being counted: try again shortly.
		const soon = this.now() + 3000;
		const next =
			s === null || this.problem !== null
				? soon
				: s.phase === 'lobby'
					? // A long lobby: wake in time to ask for the first question's clock.
						Math.min(s.opensAt!, Math.max(this.now(), s.opensAt! - CLOCK_LEAD + 5000))
					: s.phase === 'open'
						? s.closesAt
						: s.phase === 'reveal'
							? (s.nextAt ?? s.closesAt! + REVEAL_SECONDS * 1000)
							: s.phase === 'ready' || s.phase === 'done'
								? s.endsAt
								: soon;
		if (next === null) return;
		// A little after the boundary, so the server is past it too. A live contest's boundaries
		// come by realtime to every device at once; the device asks only if that message is late,
		// and then at a moment of its own within two seconds, so that hundreds of players do not
		// all ask in the same instant.
		const live = s?.mode === 'live' && this.#stop !== null && next !== soon;
		const after = live ? 1000 + Math.random() * 2000 : 250;
		const wait = Math.max(250, Math.min(next - this.now() + after, 60_000));
		this.#timer = setTimeout(() => {
			// A push is late: the server's clock may have stopped (a restart); ask it again.
			if (live && next - this.now() < 0) this.#pushed = false;
			void this.refresh();
		}, wait);
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
			const mine = { answer: [...this.given], ms: r.ms };
			// The question may have closed (by realtime) while the answer was on its way.
			const now = this.state;
			if (now?.position === s.position && now.phase === 'open') this.state = { ...now, mine };
			if (now?.position === s.position && now.phase === 'reveal' && now.reveal !== null) {
				this.state = { ...now, mine: judged(mine, now.reveal.question, s.seconds) };
			}
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
