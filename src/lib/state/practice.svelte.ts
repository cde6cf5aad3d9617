import { liveQuery, type Subscription } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { rules, serverDay } from '$lib/credits';
import type { Question } from '$lib/content';
import { fetchBank, fetchIndex } from '$lib/content/pack';
import {
	answerChallenge,
	answerDaily,
	deviceId,
	noteMistake,
	openDaily,
	reviewMistake,
	startChallenge,
	type AnswerRow,
	type MistakeRow,
	type PracticeBank,
	type PracticeRow
} from '$lib/db';
import { PRACTICE_BANKS_KEY } from '$lib/sync';
import { isAnswerable, isCorrect, type Given } from '$lib/quiz';
import { challengeOrder, dailySet, poolOn, runLength } from '$lib/quiz/daily';
import { isDue } from '$lib/quiz/review';
import { account } from './account.svelte';
import { storage } from './storage.svelte';

/**
 * Questions answered one at a time, with feedback after each: a daily set, a challenge run or
 * a 错题本 review, as the page shows it.
 */
export class Drill {
	questions = $state<Question[]>([]);
	answers = $state<AnswerRow[]>([]);
	/** The current question's answer as the member builds it. */
	given = $state<Given>([]);
	/** The last answer's feedback is showing. */
	feedback = $state(false);

	get index(): number {
		return this.feedback ? this.answers.length - 1 : this.answers.length;
	}

	get current(): Question | null {
		return this.questions[this.index] ?? null;
	}

	get lastAnswer(): AnswerRow | null {
		return this.feedback ? (this.answers.at(-1) ?? null) : null;
	}

	get canSubmit(): boolean {
		const q = this.current;
		return !this.feedback && q !== null && isAnswerable(q, this.given);
	}

	get correct(): number {
		return this.answers.filter((a) => a.correct).length;
	}

	/** Show a set: its questions and the answers already given. */
	set(questions: Question[], answers: AnswerRow[]): void {
		this.questions = questions;
		this.answers = answers;
		this.given = [];
		this.feedback = false;
	}

	/** Grade the current answer on the device (the server grades it again on sync). */
	grade(now: number): AnswerRow {
		const q = this.current!;
		return { questionId: q.id, given: [...this.given], correct: isCorrect(q, this.given), at: now };
	}

	/** The answer was stored: show its feedback. */
	answered(answers: AnswerRow[]): void {
		this.answers = answers;
		this.feedback = true;
	}

	next(): void {
		this.feedback = false;
		this.given = [];
	}
}

export type PracticeStatus = 'loading' | 'ready' | 'unavailable';

/**
 * 答题: the day's 每日答题, 挑战答题 runs and the 错题本, all on the device and offline. The
 * questions are the built-in banks of the content pack (precached) and the 练习题库 of the
 * member's branch and organisation (pulled by the sync); answers are kept in Dexie with the
 * events that carry them to the server.
 */
class Practice {
	status = $state<PracticeStatus>('loading');
	/** Every practice question by id: the built-in banks' and the 练习题库'. */
	#bank: Record<string, Question> = {};
	/** The built-in questions' ids. */
	#builtin: string[] = [];
	#practiceBanks: PracticeBank[] = [];
	poolSize = $state(0);
	/** The 练习题库 in today's pool, by name. */
	branchBanks = $state<string[]>([]);

	/** The day's set (round 0 scored; later rounds are 再来一组). */
	daily = new Drill();
	dailyRow = $state<PracticeRow | null>(null);
	/** The current or last challenge run. */
	challenge = new Drill();
	challengeRow = $state<PracticeRow | null>(null);
	/** The member's best challenge run on this device. */
	best = $state(0);
	/** The 错题本 and its review. */
	mistakes = $state<MistakeRow[]>([]);
	review = new Drill();
	reviewing = $state(false);
	/** Now, refreshed when the page opens and after each review: what is due depends on it. */
	now = $state(Date.now());

	#subs: Subscription[] = [];
	#starting: Promise<void> | null = null;

	/** Questions in the book (not yet recalled at growing intervals). */
	inBook = $derived(this.mistakes.filter((r) => r.graduatedAt === null));
	due = $derived(this.inBook.filter((r) => isDue(r.card, this.now)));

	question(id: string): Question | null {
		return this.#bank[id] ?? null;
	}

	/** Load the pool and the member's practice; once per page life. */
	start(): Promise<void> {
		this.#starting ??= this.#start();
		return this.#starting;
	}

	async #start(): Promise<void> {
		const db = await storage.db();
		try {
			const index = await fetchIndex(fetch);
			const banks = await Promise.all(index.banks.map((b) => fetchBank(fetch, b.id)));
			for (const bank of banks) {
				for (const q of bank.questions) {
					if (this.#bank[q.id]) continue;
					this.#bank[q.id] = q;
					this.#builtin.push(q.id);
				}
			}
		} catch {
			// Not cached and no network: nothing to practise with yet.
			this.status = 'unavailable';
			this.#starting = null;
			return;
		}
		if (db === null) {
			this.status = 'unavailable';
			return;
		}
		this.#takeBanks((await db.cache.get(PRACTICE_BANKS_KEY))?.value);
		await account.start();
		this.#subs.push(
			// 练习题库 the sync brings while the page is open join later sets (and challenges).
			liveQuery(() => db.cache.get(PRACTICE_BANKS_KEY)).subscribe((row) =>
				this.#takeBanks(row?.value)
			),
			liveQuery(() => db.mistakes.toArray()).subscribe((rows) => (this.mistakes = rows)),
			liveQuery(() => db.practice.where('kind').equals('challenge').toArray()).subscribe(
				(rows) =>
					(this.best = Math.max(0, ...rows.map((r) => runLength(r.answers.map((a) => a.correct)))))
			)
		);
		await this.#openToday();
		this.status = 'ready';
	}

	/** The server's day now, by the device clock corrected to the server's. */
	day(): string {
		return serverDay(Date.now() + account.clockOffset);
	}

	async #who(): Promise<string> {
		const member = account.member?.id;
		if (member) return member;
		const db = await storage.db();
		return db === null ? 'device' : deviceId(db);
	}

	/** The 练习题库 kept on the device, as the sync last brought them. */
	#takeBanks(value: unknown): void {
		this.#practiceBanks = (value as PracticeBank[] | undefined) ?? [];
		for (const bank of this.#practiceBanks) {
			for (const q of bank.questions) this.#bank[q.id] ??= q;
		}
		const today = this.#openBanks(this.day());
		this.poolSize = this.#pool(this.day()).length;
		this.branchBanks = today.map((b) => b.name);
	}

	/** The 练习题库 open on a server day. */
	#openBanks(day: string): PracticeBank[] {
		return this.#practiceBanks.filter((b) => b.from !== '' && b.from <= day);
	}

	/** The pool of a server day, as the server draws from it. */
	#pool(day: string): string[] {
		return poolOn(this.#builtin, this.#practiceBanks, day);
	}

	#questions(ids: string[]): Question[] {
		return ids.map((id) => this.#bank[id]).filter((q): q is Question => q !== undefined);
	}

	/** Today's latest daily round, made if none. */
	async #openToday(): Promise<void> {
		const db = (await storage.db())!;
		const who = await this.#who();
		const day = this.day();
		const rows = await db.practice
			.where('day')
			.equals(day)
			.filter((r) => r.kind === 'daily' && r.member === who)
			.toArray();
		const latest = rows.sort((a, b) => b.round - a.round)[0];
		await this.#showDaily(latest ?? (await this.#draw(0)));
		const last = await db.practice
			.where('kind')
			.equals('challenge')
			.filter((r) => r.member === who)
			.sortBy('startedAt');
		const run = last.at(-1);
		if (run) this.#showChallenge(run);
	}

	async #draw(round: number): Promise<PracticeRow> {
		const db = (await storage.db())!;
		const who = await this.#who();
		const day = this.day();
		const set = dailySet(who, day, this.#pool(day), round);
		const banks = this.#openBanks(day).map((b) => b.id);
		return openDaily(db, who, day, round, set, Date.now(), banks);
	}

	async #showDaily(row: PracticeRow): Promise<void> {
		this.dailyRow = row;
		this.daily.set(this.#questions(row.questionIds), row.answers);
	}

	/** The day's set is done: scored (round 0) or practice. */
	get dailyDone(): boolean {
		return this.dailyRow !== null && this.daily.current === null && !this.daily.feedback;
	}

	/** Points today's scored set should bring, by the rules (the server confirms on sync). */
	get dailyPoints(): number {
		const rule = rules.activities['daily.answered'];
		if (this.dailyRow?.round !== 0) return 0;
		return Math.min(rule.dailyCap, this.daily.correct * rule.points);
	}

	async submitDaily(): Promise<void> {
		const db = await storage.db();
		if (db === null || this.dailyRow === null || !this.daily.canSubmit) return;
		const row = await answerDaily(db, this.dailyRow.id, this.daily.grade(Date.now()));
		this.dailyRow = row;
		this.daily.answered(row.answers);
	}

	/** 再来一组: another set of the day's questions, for practice without points. */
	async moreDaily(): Promise<void> {
		await this.#showDaily(await this.#draw((this.dailyRow?.round ?? 0) + 1));
	}

	/** A new challenge run over the whole pool, in an order of its own. */
	async startChallenge(): Promise<void> {
		const db = await storage.db();
		if (db === null) return;
		const who = await this.#who();
		const run = uuidv7();
		const row = await startChallenge(
			db,
			run,
			who,
			this.day(),
			challengeOrder(who, run, this.#pool(this.day())),
			Date.now()
		);
		this.#showChallenge(row);
	}

	#showChallenge(row: PracticeRow): void {
		this.challengeRow = row;
		this.challenge.set(this.#questions(row.questionIds), row.answers);
	}

	get challengeRunning(): boolean {
		return this.challengeRow !== null && this.challengeRow.finishedAt === null;
	}

	get challengeScore(): number {
		return runLength(this.challenge.answers.map((a) => a.correct));
	}

	async submitChallenge(): Promise<void> {
		const db = await storage.db();
		if (db === null || this.challengeRow === null || !this.challenge.canSubmit) return;
		const now = Date.now();
		const row = await answerChallenge(db, this.challengeRow.id, this.challenge.grade(now), now);
		this.challengeRow = row;
		this.challenge.answered(row.answers);
	}

	/** The member ends the run: it counts as far as it went. */
	async stopChallenge(): Promise<void> {
		const db = await storage.db();
		if (db === null || this.challengeRow === null) return;
		const row = await answerChallenge(db, this.challengeRow.id, null, Date.now());
		this.#showChallenge(row);
	}

	/** Review the questions due now. */
	startReview(): void {
		this.now = Date.now();
		this.review.set(this.#questions(this.due.map((r) => r.questionId)), []);
		this.reviewing = true;
	}

	async submitReview(): Promise<void> {
		const db = await storage.db();
		if (db === null || !this.review.canSubmit) return;
		const answer = this.review.grade(Date.now());
		await reviewMistake(db, answer.questionId, answer.correct, answer.at);
		this.review.answered([...this.review.answers, answer]);
	}

	nextReview(): void {
		this.review.next();
		if (this.review.current === null) {
			this.reviewing = false;
			this.now = Date.now();
		}
	}

	async note(questionId: string, text: string): Promise<void> {
		const db = await storage.db();
		if (db !== null) await noteMistake(db, questionId, text);
	}
}

export const practice = new Practice();
