import { v7 as uuidv7 } from 'uuid';
import type { Question } from '$lib/content';
import { closeAttempt, openAttempt, recordAnswer, type AttemptRow } from '$lib/db';
import { isAnswerable, isCorrect, type Given } from '$lib/quiz';
import { storage } from './storage.svelte';

export type QuizPhase = 'idle' | 'answering' | 'feedback' | 'done';

/**
 * One lesson's quiz as the member takes it. Every answer is stored with its event as it is
 * given, so a reload, a closed tab or an app update resumes at the next question.
 */
export class QuizSession {
	readonly lessonId: string;
	readonly questions: Question[];
	attempt = $state<AttemptRow | null>(null);
	phase = $state<QuizPhase>('idle');
	/** The current question's answer as the member builds it. */
	given = $state<Given>([]);
	#busy = false;

	constructor(lessonId: string, questions: Question[]) {
		this.lessonId = lessonId;
		this.questions = questions;
	}

	/** Index of the current question: the number answered, or the last while feedback shows. */
	get index(): number {
		const n = this.attempt?.answers.length ?? 0;
		return this.phase === 'feedback' ? n - 1 : n;
	}

	get current(): Question | null {
		return this.questions[this.index] ?? null;
	}

	/** The stored answer to the current question while its feedback shows. */
	get lastAnswer() {
		return this.phase === 'feedback' ? (this.attempt?.answers.at(-1) ?? null) : null;
	}

	get correctCount(): number {
		return this.attempt?.answers.filter((a) => a.correct).length ?? 0;
	}

	get canSubmit(): boolean {
		const q = this.current;
		return this.phase === 'answering' && q !== null && isAnswerable(q, this.given);
	}

	/** True while a quiz has been started and not finished: an update should not interrupt it. */
	get inProgress(): boolean {
		return this.phase === 'answering' || this.phase === 'feedback';
	}

	/**
	 * Pick up where the member was: an unfinished attempt continues at its next question; a
	 * finished one shows its result. With no attempt the quiz waits to be started.
	 */
	async resume(): Promise<void> {
		const db = await storage.db();
		if (db === null) return;
		try {
			const latest = await db.attempts.where('lessonId').equals(this.lessonId).sortBy('startedAt');
			const last = latest.at(-1);
			if (last === undefined || this.attempt !== null) return;
			if (last.finishedAt === null) await this.start();
			else if (last.answers.length === this.questions.length) {
				this.attempt = last;
				this.phase = 'done';
			}
		} catch (e) {
			storage.report(e);
		}
	}

	/** Start the quiz, or continue the attempt in progress. */
	async start(): Promise<void> {
		const ids = this.questions.map((q) => q.id);
		const now = Date.now();
		const db = await storage.db();
		let attempt: AttemptRow | null = null;
		if (db !== null) {
			try {
				attempt = await openAttempt(db, this.lessonId, ids, now);
			} catch (e) {
				storage.report(e);
			}
		}
		attempt ??= {
			id: uuidv7(),
			lessonId: this.lessonId,
			questionIds: ids,
			answers: [],
			startedAt: now,
			finishedAt: null
		};
		this.attempt = attempt;
		this.given = [];
		this.phase = attempt.answers.length >= this.questions.length ? 'done' : 'answering';
	}

	/** 提交: grade on the device for feedback and keep the answer. */
	async submit(): Promise<void> {
		const q = this.current;
		const attempt = this.attempt;
		if (this.#busy || q === null || attempt === null || !this.canSubmit) return;
		this.#busy = true;
		const answer = {
			questionId: q.id,
			given: [...this.given],
			correct: isCorrect(q, this.given),
			at: Date.now()
		};
		// Feedback shows only once the answer is stored: what the member saw is never lost.
		try {
			const db = await storage.db();
			if (db !== null) await recordAnswer(db, attempt.id, answer);
		} catch (e) {
			storage.report(e);
		} finally {
			attempt.answers.push(answer);
			if (attempt.answers.length >= this.questions.length) attempt.finishedAt = answer.at;
			this.phase = 'feedback';
			this.#busy = false;
		}
	}

	/** 下一题: move on, or to the score after the last question. */
	next(): void {
		if (this.phase !== 'feedback') return;
		this.given = [];
		this.phase =
			(this.attempt?.answers.length ?? 0) >= this.questions.length ? 'done' : 'answering';
	}

	/** Take the quiz again as a new attempt; earlier attempts are kept. */
	async restart(): Promise<void> {
		const db = await storage.db();
		if (db !== null && this.attempt && this.attempt.finishedAt === null) {
			try {
				await closeAttempt(db, this.attempt.id, Date.now());
			} catch (e) {
				storage.report(e);
			}
		}
		this.attempt = null;
		await this.start();
	}
}
