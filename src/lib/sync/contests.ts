import type PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import type { Question } from '$lib/content';

/** A contest as a member's list shows it. */
export interface ContestSummary {
	id: string;
	name: string;
	mode: 'live' | 'window';
	scope: 'branch' | 'branches' | 'organisation';
	count: number;
	seconds: number;
	/** When the first question opens (ms, server time). */
	startsAt: number;
	endsAt: number | null;
}

/** A question while it is open: no key, no explanation (the server sends none). */
export type OpenQuestion = Question & { position: number };

/** A member on a contest's board, placed (ties share a place). */
export interface BoardMember {
	user: string;
	/** '' for a member who hides their name. */
	name: string;
	branch: string;
	total: number;
	ms: number;
	answered: number;
	place: number;
}

/** A branch on a contest's board: its participants' average. */
export interface BoardBranch {
	branch: string;
	name: string;
	members: number;
	average: number;
	place: number;
}

/** A contest's board as the server last wrote it (as each question closes). */
export interface Board {
	/** The leading members. */
	members: BoardMember[];
	branches: BoardBranch[];
	participants: number;
	/** The last question counted (-1: none yet). */
	closed: number;
	/** Every question counted: these are the results. */
	final: boolean;
}

/** Where a contest stands for the member, as the server's play route says. */
export interface PlayState {
	/** The server's clock when it answered (ms). */
	now: number;
	id: string;
	name: string;
	mode: 'live' | 'window';
	count: number;
	seconds: number;
	/** ready / done: window mode, the member's next question waits for them / they played all. */
	phase: 'lobby' | 'ready' | 'open' | 'reveal' | 'done' | 'finished';
	position?: number;
	opensAt: number | null;
	closesAt: number | null;
	nextAt: number | null;
	/** Window mode: when the window closes (and the results show). */
	endsAt: number | null;
	question: OpenQuestion | null;
	mine: { answer: string[]; ms: number; correct?: boolean; score?: number } | null;
	reveal: { question: Question; accuracy: { answers: number; right: number } } | null;
	board: Board | null;
	/** The member's own standing once one of their answers is counted. */
	me: { total: number; answered: number; place: number } | null;
}

/** One answer of a member in a contest's results. */
export interface ResultAnswer {
	position: number;
	/** null: shown (window mode) but not answered in time. */
	answer: string[] | null;
	correct: boolean;
	score: number;
	ms: number | null;
}

/** A member's line in a contest's results; `answers` only for the contest's leaders. */
export interface ResultMember extends BoardMember {
	right: number;
	answers?: ResultAnswer[];
}

/** A contest's results, once every question is counted. */
export interface Results {
	id: string;
	name: string;
	mode: 'live' | 'window';
	count: number;
	seconds: number;
	startsAt: number;
	/** The caller leads the contest: names and every member's answers are theirs to see. */
	leader: boolean;
	points: { participation: number; places: number[] };
	podium: ResultMember[];
	members: ResultMember[];
	branches: BoardBranch[];
	questions: { position: number; question: Question; answers: number; right: number }[];
	mine: ResultAnswer[];
}

const time = (v: unknown) =>
	typeof v === 'string' && v !== '' ? Date.parse(v.replace(' ', 'T')) : null;

function toSummary(r: RecordModel): ContestSummary {
	return {
		id: r.id,
		name: String(r.name),
		mode: r.mode as ContestSummary['mode'],
		scope: r.scope as ContestSummary['scope'],
		count: Number(r.count),
		seconds: Number(r.seconds),
		startsAt: time(r.starts_at) ?? 0,
		endsAt: time(r.ends_at)
	};
}

/** The contests for the member (their branch's and their organisation's), soonest first. */
export async function listContests(pb: PocketBase): Promise<ContestSummary[]> {
	const rows = await pb.collection('contests').getFullList({
		sort: 'starts_at',
		fields: 'id,name,mode,scope,count,seconds,starts_at,ends_at'
	});
	return rows.map(toSummary);
}

/** Where the contest stands now, for the member. */
export function playState(pb: PocketBase, id: string): Promise<PlayState> {
	return pb.send(`/api/gongxue/contests/${encodeURIComponent(id)}/play`, { method: 'GET' });
}

/** Window mode: show me question `position` now (its time starts); asking twice shows it again. */
export function nextQuestion(pb: PocketBase, id: string, position: number): Promise<PlayState> {
	return pb.send(`/api/gongxue/contests/${encodeURIComponent(id)}/next`, {
		method: 'POST',
		body: { position }
	});
}

/** Answer the open question; the server times and scores it. */
export function sendAnswer(
	pb: PocketBase,
	id: string,
	position: number,
	answer: string[]
): Promise<{ position: number; ms: number }> {
	return pb.send(`/api/gongxue/contests/${encodeURIComponent(id)}/answer`, {
		method: 'POST',
		body: { position, answer }
	});
}

/** The contest's results (the server refuses, 409, until every question is counted). */
export function contestResults(pb: PocketBase, id: string): Promise<Results> {
	return pb.send(`/api/gongxue/contests/${encodeURIComponent(id)}/results`, { method: 'GET' });
}

/** What a live contest's realtime topic carries: each question as it opens (no key), and the
 * board as each question closes, with that question's key and how the members did. */
export type LiveMessage =
	| {
			kind: 'open';
			/** The server's clock when it sent this (ms). */
			now: number;
			position: number;
			opensAt: number;
			closesAt: number;
			question: OpenQuestion;
	  }
	| {
			kind: 'board';
			now: number;
			board: Board;
			/** Live mode: the question that just closed. */
			reveal: {
				position: number;
				question: Question;
				accuracy: { answers: number; right: number };
			} | null;
	  };

/** The contest's realtime topic (the server lets only its members and leaders follow it). */
export const contestTopic = (id: string) => `gongxue/contest/${id}`;

/**
 * Follow a contest live: `onmessage` gets each question as it opens and the board as each
 * question closes. Returns the function that stops following.
 */
export function watchContest(
	pb: PocketBase,
	id: string,
	onmessage: (m: LiveMessage) => void
): Promise<() => Promise<void>> {
	return pb.realtime.subscribe(contestTopic(id), (m: LiveMessage) => onmessage(m));
}

/**
 * Ask the server to keep question `position`'s time (live mode): the first device to ask is
 * answered when the question has closed and been counted, every other at once. Nobody waits on it.
 */
export function keepClock(pb: PocketBase, id: string, position: number): void {
	pb.send(`/api/gongxue/contests/${encodeURIComponent(id)}/clock`, {
		method: 'POST',
		body: { position },
		requestKey: null
	}).catch(() => undefined);
}

/** Branch names of the member's organisation, by id (for the branch board). */
export async function branchNames(pb: PocketBase): Promise<Record<string, string>> {
	const rows = await pb.collection('branches').getFullList({ fields: 'id,name' });
	return Object.fromEntries(rows.map((r) => [r.id, String(r.name)]));
}

/** A leader's own banks (uploaded in the studio), for a contest's questions. */
export async function ownBanks(
	pb: PocketBase
): Promise<{ id: string; name: string; count: number }[]> {
	const rows = await pb.collection('banks').getFullList({
		filter: 'source != "builtin" && practice_from = ""',
		sort: '-updated',
		fields: 'id,name,count'
	});
	return rows.map((r) => ({ id: r.id, name: String(r.name), count: Number(r.count) }));
}

/** What a leader sets a contest up with; the server checks it and draws the questions. */
export interface NewContest {
	name: string;
	/** Live: everyone at once, question by question. Window: each member plays the same set once,
	 * at any time between `startsAt` and `endsAt`. */
	mode: 'live' | 'window';
	scope: 'branch' | 'branches' | 'organisation';
	branches: string[];
	banks: string[];
	count: number;
	seconds: number;
	/** When the first question opens, or the window (ms). */
	startsAt: number;
	/** When the window closes (ms); null for a live contest. */
	endsAt: number | null;
	/** Points for each member who answered, and for 1st, 2nd, 3rd place: written by the server. */
	participationPoints: number;
	placePoints: number[];
}

/** Set up a live or window contest; returns its id. */
export async function createContest(pb: PocketBase, c: NewContest): Promise<string> {
	const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
	const r = await pb.collection('contests').create({
		name: c.name,
		mode: c.mode,
		scope: c.scope,
		branches: c.branches,
		banks: c.banks,
		count: c.count,
		seconds: c.seconds,
		starts_at: stamp(c.startsAt),
		ends_at: c.mode === 'window' && c.endsAt !== null ? stamp(c.endsAt) : '',
		participation_points: c.participationPoints,
		place_points: c.placePoints
	});
	return r.id;
}
