import { v7 as uuidv7 } from 'uuid';
import { addMistake } from './practice';
import type { AnswerRow, AttemptRow, EventType, GongxueDb, OutboxRow, ProgressRow } from './schema';

/** This device's id, made once and kept; events carry it. */
export async function deviceId(db: GongxueDb): Promise<string> {
	return db.transaction('rw', db.meta, async () => {
		const row = await db.meta.get('device');
		if (typeof row?.value === 'string') return row.value;
		const id = uuidv7();
		await db.meta.put({ key: 'device', value: id });
		return id;
	});
}

/** The signed-in member's id, as the sync module keeps it; null when signed out. */
export async function currentUser(db: GongxueDb): Promise<string | null> {
	const row = await db.meta.get('user');
	return typeof row?.value === 'string' ? row.value : null;
}

export async function addEvent(
	db: GongxueDb,
	type: EventType,
	payload: Record<string, unknown>,
	now: number
): Promise<OutboxRow> {
	const event: OutboxRow = {
		id: uuidv7(),
		type,
		user: await currentUser(db),
		device: await deviceId(db),
		at: now,
		payload,
		tries: 0,
		error: null,
		refused: null
	};
	await db.outbox.add(event);
	return event;
}

function fresh(lessonId: string, hash: string, now: number): ProgressRow {
	return {
		lessonId,
		status: 'started',
		readRatio: 0,
		seconds: 0,
		startedAt: now,
		updatedAt: now,
		completedAt: null,
		hash
	};
}

/**
 * Record time and reading on a lesson: seconds add up, the read ratio only grows. Creates the
 * progress row on first use. Returns the row as stored.
 */
export async function recordStudy(
	db: GongxueDb,
	lessonId: string,
	hash: string,
	study: { seconds: number; readRatio: number },
	now: number
): Promise<ProgressRow> {
	return db.transaction('rw', db.progress, async () => {
		const row = (await db.progress.get(lessonId)) ?? fresh(lessonId, hash, now);
		row.seconds += Math.max(0, Math.round(study.seconds));
		row.readRatio = Math.min(1, Math.max(row.readRatio, study.readRatio));
		row.updatedAt = now;
		await db.progress.put(row);
		return row;
	});
}

/**
 * Mark a lesson studied (完成学习). The progress and its `lesson.completed` event are written in
 * one transaction, so neither exists without the other. Completing twice adds no event.
 */
export async function completeLesson(
	db: GongxueDb,
	lessonId: string,
	hash: string,
	now: number
): Promise<{ row: ProgressRow; event: OutboxRow | null }> {
	return db.transaction('rw', db.progress, db.outbox, db.meta, async () => {
		const row = (await db.progress.get(lessonId)) ?? fresh(lessonId, hash, now);
		if (row.status === 'completed') return { row, event: null };
		row.status = 'completed';
		row.completedAt = now;
		row.updatedAt = now;
		row.hash = hash;
		await db.progress.put(row);
		const event = await addEvent(
			db,
			'lesson.completed',
			{ lessonId, hash, seconds: row.seconds, readRatio: row.readRatio },
			now
		);
		return { row, event };
	});
}

/** The quiz attempt in progress for a lesson, or a new one over these questions. */
export async function openAttempt(
	db: GongxueDb,
	lessonId: string,
	questionIds: string[],
	now: number
): Promise<AttemptRow> {
	return db.transaction('rw', db.attempts, async () => {
		const open = await db.attempts
			.where('lessonId')
			.equals(lessonId)
			.filter((a) => a.finishedAt === null)
			.first();
		if (open && sameQuestions(open.questionIds, questionIds)) return open;
		// The lesson changed under an unfinished attempt: close it as it stands and start anew.
		if (open) await db.attempts.update(open.id, { finishedAt: now });
		const attempt: AttemptRow = {
			id: uuidv7(),
			lessonId,
			questionIds,
			answers: [],
			startedAt: now,
			finishedAt: null
		};
		await db.attempts.add(attempt);
		return attempt;
	});
}

function sameQuestions(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Keep one answer of an attempt, with its `quiz.answered` event, in one transaction. The event
 * carries what was given, not whether it was right: the server grades against its own key.
 * The attempt finishes with its last answer.
 */
export async function recordAnswer(
	db: GongxueDb,
	attemptId: string,
	answer: AnswerRow
): Promise<AttemptRow> {
	return db.transaction('rw', [db.attempts, db.outbox, db.meta, db.mistakes], async () => {
		const attempt = await db.attempts.get(attemptId);
		if (!attempt) throw new Error(`attempt ${attemptId} not found`);
		if (attempt.answers.some((a) => a.questionId === answer.questionId)) return attempt;
		attempt.answers.push(answer);
		if (attempt.answers.length >= attempt.questionIds.length) attempt.finishedAt = answer.at;
		await db.attempts.put(attempt);
		await addEvent(
			db,
			'quiz.answered',
			{
				lessonId: attempt.lessonId,
				attemptId,
				questionId: answer.questionId,
				answer: answer.given
			},
			answer.at
		);
		// Every missed question goes to the 错题本.
		if (!answer.correct) await addMistake(db, answer.questionId, answer.at);
		return attempt;
	});
}

/** Discard the unfinished attempt of a lesson's quiz, keeping its answers as a closed attempt. */
export async function closeAttempt(db: GongxueDb, attemptId: string, now: number): Promise<void> {
	await db.attempts.update(attemptId, { finishedAt: now });
}

/** Totals for the member's page. */
export interface StudyStats {
	lessonsCompleted: number;
	lessonsStarted: number;
	answers: number;
	correct: number;
	/** Seconds on lesson pages. */
	seconds: number;
	/** Events waiting for the server. */
	pending: number;
}

/** Count what the member has done on this device. */
export async function studyStats(db: GongxueDb): Promise<StudyStats> {
	return db.transaction('r', db.progress, db.attempts, db.outbox, async () => {
		const stats: StudyStats = {
			lessonsCompleted: 0,
			lessonsStarted: 0,
			answers: 0,
			correct: 0,
			seconds: 0,
			pending: await db.outbox.count()
		};
		await db.progress.each((p) => {
			stats.lessonsStarted++;
			if (p.status === 'completed') stats.lessonsCompleted++;
			stats.seconds += p.seconds;
		});
		await db.attempts.each((a) => {
			stats.answers += a.answers.length;
			stats.correct += a.answers.filter((x) => x.correct).length;
		});
		return stats;
	});
}
