// The contest bench's closing check: what the answer route accepted is what the board, the
// standings and the ledger show, once each.
import type PocketBase from 'pocketbase';
import { answerScore } from '../../src/lib/quiz/contest.ts';

/** One accepted answer as its member's client saw it. */
export interface Accepted {
	member: number;
	right: boolean;
	/** The server's time from the question's opening to the answer. */
	serverMs: number;
}

export async function checkContest(
	su: PocketBase,
	contestId: string,
	accepted: Accepted[],
	seconds: number
) {
	const scores = await su
		.collection('contest_scores')
		.getFullList({ filter: `contest = "${contestId}"`, batch: 1000 });
	const counted = await su
		.collection('contest_answers')
		.getList(1, 1, { filter: `contest = "${contestId}" && counted = true` });
	const finalBoard = await su
		.collection('contest_boards')
		.getFirstListItem(`contest = "${contestId}"`);
	const settled = await su.collection('contests').getOne(contestId);
	const uncounted = await su.collection('contest_answers').getList(1, 1, {
		filter: `contest = "${contestId}" && counted = false && answered_at > 0`
	});
	const joined = await su
		.collection('events')
		.getList(1, 1, { filter: `subject = "${contestId}" && type = "contest.joined"` });
	const check = {
		// What the answer route's replies imply: each accepted answer's score from its server ms.
		expectedPoints: accepted.reduce(
			(n, s) => n + (answerScore(s.right, s.serverMs, seconds * 1000) ?? 0),
			0
		),
		boardPoints: scores.reduce((n, r) => n + Number(r.total), 0),
		expectedAnswered: accepted.length,
		boardAnswered: scores.reduce((n, r) => n + Number(r.answered), 0),
		counted: counted.totalItems,
		participants: Number(finalBoard.participants),
		expectedParticipants: new Set(accepted.map((s) => s.member)).size,
		final: Boolean(finalBoard.final),
		settled: Boolean(settled.settled),
		joinedEvents: joined.totalItems,
		uncounted: uncounted.totalItems,
		ok: false
	};
	check.ok =
		check.expectedPoints === check.boardPoints &&
		check.expectedAnswered === check.boardAnswered &&
		check.counted === accepted.length &&
		check.uncounted === 0 &&
		check.participants === check.expectedParticipants &&
		check.final &&
		check.settled &&
		check.joinedEvents === check.participants;

	return check;
}
