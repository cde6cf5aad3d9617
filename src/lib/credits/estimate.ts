import { evaluate, serverDay, subjectOf, type Facts, type Verdict } from './engine';

/** An event still on the device, with what the device knows of it. */
export interface PendingEvent {
	id: string;
	type: string;
	/** Device clock (ms); the estimate's server day comes from it. */
	at: number;
	payload: Record<string, unknown>;
	/** For an answer, the device's own grading; null when it does not know. */
	correct: boolean | null;
	/** For a challenge run, the device's count of right answers before the first mistake. */
	runLength?: number | null;
}

/** An event the server already priced. */
export interface PricedEvent {
	type: string;
	subject: string;
	points: number;
	serverDay: string;
}

export interface PendingEstimate {
	/** Points the waiting events should bring, by the same rules the server applies. */
	total: number;
	verdicts: Map<string, Verdict>;
}

/**
 * Estimate what waiting events will earn: the server's rules, applied in order on top of what
 * the server already counted. The server's figure remains the truth; this one is shown as
 * "waiting" until it arrives.
 */
export function estimatePending(
	pending: readonly PendingEvent[],
	priced: readonly PricedEvent[],
	lessonOf: (id: string) => Facts['lesson']
): PendingEstimate {
	const today = new Map<string, number>();
	const credited = new Set<string>();
	const key = (type: string, s: string) => `${type}\u0001${s}`;
	for (const p of priced) {
		today.set(key(p.type, p.serverDay), (today.get(key(p.type, p.serverDay)) ?? 0) + p.points);
		if (p.points > 0) credited.add(key(p.type, p.subject));
	}
	const verdicts = new Map<string, Verdict>();
	let total = 0;
	for (const e of [...pending].sort((a, b) => a.at - b.at)) {
		const day = serverDay(e.at);
		const subject = subjectOf(e.type, e.payload);
		const verdict = evaluate(e.type, e.payload, {
			lesson: lessonOf(String(e.payload.lessonId ?? '')),
			correct: e.correct,
			alreadyCredited: credited.has(key(e.type, subject)),
			pointsToday: today.get(key(e.type, day)) ?? 0,
			// The device drew the daily set itself: its answers are to questions of the set.
			inDailySet: true,
			runLength: e.runLength ?? null,
			// A check-in: the device trusts the code it scanned; the server checks it.
			meeting:
				e.type === 'meeting.checkin'
					? { ownBranch: true, tokenMatches: true, startsAt: e.at, endsAt: e.at }
					: null,
			checkinAt: e.at,
			receivedAt: e.at
		});
		verdicts.set(e.id, verdict);
		total += verdict.points;
		today.set(key(e.type, day), (today.get(key(e.type, day)) ?? 0) + verdict.points);
		if (verdict.points > 0) credited.add(key(e.type, subject));
	}
	return { total, verdicts };
}
