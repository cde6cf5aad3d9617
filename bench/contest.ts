// Contest load for `npm run bench`, on loopback against a real PocketBase (migrations and hooks as
// in production): MEMBERS simulated members, each a Node client of its own with its own realtime
// connection, play a live contest through the server's routes as the app does
// (src/lib/state/contests.svelte.ts). Two parts:
//   1. baseline: the same clients subscribed to one record of a plain collection (an
//      authenticated rule, no hooks, a payload the size of a contest board); the superuser
//      updates it BROADCASTS times; latency from the update request's start to the last client;
//   2. the contest: QUESTIONS questions of SECONDS seconds. Every member follows the contest's
//      realtime topic and, in the lobby, asks the server to keep the questions' time (the clock
//      route: the first request keeps it to the end, the others are answered at once); the
//      server sends each question as it opens and the board, with the key, as it closes. Each
//      member answers once at a random moment within ANSWER_WITHIN ms of the opening, without
//      retrying, and asks the play route (for its own place) once during each key's showing, at
//      a moment of its own 1–4 s after the close; a member whose message is late asks the play route 1–3 s after the
//      boundary instead, and the clock again (counted as a fallback).
// Other work on the machine slows every figure: the CPU it took meanwhile is reported.
// Prints one JSON line for bench/run.js; progress goes to stderr.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EventSource } from 'eventsource';
import type PocketBase from 'pocketbase';
import { REVEAL_SECONDS } from '../src/lib/quiz/contest.ts';
import type { LiveMessage as Live } from '../src/lib/sync/contests.ts';
import {
	Arrivals,
	isoDate,
	pct,
	pool,
	runBench,
	seedContestOrg,
	sleepUntil,
	type BenchServer
} from './pb/harness.ts';
import { checkContest } from './pb/contest-check.ts';
import {
	boardLike,
	broadcasts,
	Inbox,
	metered,
	outcomeOf,
	summary,
	type Outcome
} from './pb/realtime.ts';

// The PocketBase SDK's realtime uses the browser's EventSource; Node 20 has none.
(globalThis as { EventSource?: unknown }).EventSource ??= EventSource;

const MEMBERS = Number(process.env.MEMBERS ?? 500);
const BRANCHES = 20;
const QUESTIONS = 10;
/** The shortest a question may be open (the contests collection's minimum). */
const SECONDS = 5;
const ANSWER_WITHIN = 2_000;
/** Share of right answers. */
const RIGHT = 0.7;
const BROADCASTS = 10;
/** Pause between two baseline updates, once every client has the previous one. */
const GAP = 300;
/** A broadcast not at every client by then counts as missed. */
const DELIVERY_TIMEOUT = 10_000;
/** Clients signing in or subscribing at once while setting up. */
const SETUP_CONCURRENCY = 25;
const BROADCAST = 'bench_broadcast';

const t0 = performance.now();
const log = (msg: string) =>
	console.error(`  [contest ${((performance.now() - t0) / 1000).toFixed(0)} s] ${msg}`);

interface Member {
	n: number;
	pb: PocketBase;
	inbox: Inbox;
}

interface Sent {
	member: Member;
	position: number;
	right: boolean;
	sentAt: number;
	ms: number;
	outcome: Outcome;
	/** The server's time from the question's opening to the answer (accepted answers). */
	serverMs?: number;
	status?: number;
}

async function main(server: BenchServer) {
	const { su } = server;
	log(`载入 1 个组织、${BRANCHES} 个支部与 ${MEMBERS} 名成员…`);
	const { admin, bankId } = await seedContestOrg(server, {
		members: MEMBERS,
		branches: BRANCHES,
		questions: 2 * QUESTIONS
	});

	log(`为 ${MEMBERS} 名成员签发令牌（超级用户 impersonate），各自建立实时连接…`);
	let t = performance.now();
	const members: Member[] = [];
	await pool(
		Array.from({ length: MEMBERS }, (_, n) => n),
		SETUP_CONCURRENCY,
		async (n) => {
			members[n] = { n, pb: await server.member(n), inbox: new Inbox() };
		}
	);
	const clientsMs = performance.now() - t;

	// 1. Baseline: one record of a plain collection, updated by the superuser.
	await su.collections.create({
		name: BROADCAST,
		type: 'base',
		listRule: '@request.auth.id != ""',
		viewRule: '@request.auth.id != ""',
		fields: [
			{ name: 'seq', type: 'number' },
			{ name: 'data', type: 'json', maxSize: 200_000 }
		]
	});
	const plainRecord = await su
		.collection(BROADCAST)
		.create({ seq: -1, data: boardLike(MEMBERS, BRANCHES, QUESTIONS) });
	const plainArrivals = new Arrivals(MEMBERS);
	let plainBytes = 0;
	t = performance.now();
	await pool(members, SETUP_CONCURRENCY, async (m) => {
		await m.pb.collection(BROADCAST).subscribe(plainRecord.id, (e) => {
			plainArrivals.add(`plain:${e.record.seq}`);
			plainBytes = JSON.stringify(e).length;
		});
	});
	const connectMs = performance.now() - t;
	log(`基线：超级用户更新普通集合的一条记录 ${BROADCASTS} 次，${MEMBERS} 个客户端订阅…`);
	const plain = await broadcasts(
		server,
		plainArrivals,
		async (k) => {
			await su
				.collection(BROADCAST)
				.update(plainRecord.id, { seq: k, data: boardLike(MEMBERS, BRANCHES, QUESTIONS) });
			return `plain:${k}`;
		},
		{ count: BROADCASTS, gap: GAP, timeout: DELIVERY_TIMEOUT }
	);

	// 2. The contest: the admin's, for the whole organisation, from the admin's own bank.
	const slot = (SECONDS + REVEAL_SECONDS) * 1000;
	// The server keeps starts_at to the second; leave time to subscribe everyone.
	const startsAt = Math.ceil((Date.now() + connectMs + 5_000) / 1000) * 1000;
	const contest = await admin.collection('contests').create({
		name: '基准知识竞赛',
		mode: 'live',
		scope: 'organisation',
		banks: [bankId],
		count: QUESTIONS,
		seconds: SECONDS,
		starts_at: isoDate(startsAt),
		participation_points: 1,
		place_points: [3, 2, 1]
	});
	const arrivals = new Arrivals(MEMBERS);
	const boards = new Map<number, Live>();
	let boardBytes = 0;
	let openBytes = 0;
	t = performance.now();
	await pool(members, SETUP_CONCURRENCY, async (m) => {
		await m.pb.realtime.subscribe(`gongxue/contest/${contest.id}`, (msg: Live) => {
			const at = Date.now();
			const key =
				msg.kind === 'open' ? `open:${msg.position}` : `board:${msg.reveal?.position ?? -1}`;
			if (msg.kind === 'board') {
				boards.set(msg.reveal?.position ?? -1, msg);
				boardBytes = JSON.stringify(msg).length;
			} else openBytes = JSON.stringify(msg).length;
			arrivals.add(key, at);
			m.inbox.put(key, at);
		});
	});
	const subscribeMs = performance.now() - t;
	if (Date.now() > startsAt - 500) throw new Error('subscribing took longer than the lobby');
	log(
		`竞赛：${QUESTIONS} 题，每题 ${SECONDS} 秒、揭晓 ${REVEAL_SECONDS} 秒；${MEMBERS} 名成员在开题后 ${ANSWER_WITHIN / 1000} 秒内作答…`
	);

	const sent: Sent[] = [];
	const clocks: { ms: number; status: number }[] = [];
	const placePlays: { ms: number; ok: boolean }[] = [];
	const fallbacks: { q: number; at: 'open' | 'close'; ok: boolean }[] = [];
	const play = (m: Member) =>
		m.pb.send(`/api/gongxue/contests/${contest.id}/play`, { method: 'GET' }) as Promise<{
			phase: string;
			position?: number;
		}>;
	/** Ask the server to keep question `q`'s time; nobody waits on it (as in the app). */
	const clock = (m: Member, q: number) => {
		const at = Date.now();
		m.pb
			.send(`/api/gongxue/contests/${contest.id}/clock`, {
				method: 'POST',
				body: { position: q },
				requestKey: null
			})
			.then(
				(r: { kept?: boolean }) => r.kept && clocks.push({ ms: Date.now() - at, status: 202 }),
				(e: unknown) => clocks.push({ ms: Date.now() - at, ...outcomeOf(e) })
			);
	};
	/** The message `key`, or a play request 1–3 s after `boundary` if it has not come by then. */
	const awaitOrPlay = async (m: Member, key: string, boundary: number, q: number) => {
		const late = boundary + 1000 + Math.random() * 2000;
		if (await m.inbox.until(key, late)) return true;
		const at = key.startsWith('open') ? 'open' : 'close';
		// The server's clock may have stopped: ask it to keep the coming question's time.
		const coming = at === 'open' ? q : q + 1;
		if (coming < QUESTIONS) clock(m, coming);
		try {
			const s = await play(m);
			fallbacks.push({ q, at, ok: at === 'open' ? s.position === q : true });
		} catch {
			fallbacks.push({ q, at, ok: false });
		}
		return false;
	};
	const member = async (m: Member) => {
		// In the lobby the device asks for the first question's clock.
		clock(m, 0);
		for (let q = 0; q < QUESTIONS; q++) {
			const opensAt = startsAt + q * slot;
			const closesAt = opensAt + SECONDS * 1000;
			await awaitOrPlay(m, `open:${q}`, opensAt, q);
			// The member answers within the first ANSWER_WITHIN ms; no retry.
			await sleepUntil(opensAt + Math.random() * ANSWER_WITHIN);
			const right = Math.random() < RIGHT;
			const at = Date.now();
			try {
				const r = (await m.pb.send(`/api/gongxue/contests/${contest.id}/answer`, {
					method: 'POST',
					body: { position: q, answer: [right ? 'A' : 'B'] }
				})) as { ms: number };
				const ms = Date.now() - at;
				sent.push({
					member: m,
					position: q,
					right,
					sentAt: at,
					ms,
					outcome: 'accepted',
					serverMs: r.ms
				});
			} catch (e) {
				const ms = Date.now() - at;
				sent.push({ member: m, position: q, right, sentAt: at, ms, ...outcomeOf(e) });
			}
			if (!(await awaitOrPlay(m, `board:${q}`, closesAt, q))) continue;
			// The key is showing: the member's own place.
			await new Promise((r) => setTimeout(r, 1000 + Math.random() * 3000));
			const from = Date.now();
			try {
				await play(m);
				placePlays.push({ ms: Date.now() - from, ok: true });
			} catch {
				placePlays.push({ ms: Date.now() - from, ok: false });
			}
		}
	};
	const loop = monitorEventLoopDelay({ resolution: 10 });
	loop.enable();
	const { cores } = await metered(server, async () => {
		await Promise.all(members.map(member));
		// The last board may still be on its way.
		await arrivals.all(`board:${QUESTIONS - 1}`, DELIVERY_TIMEOUT);
	});
	loop.disable();

	// Per question: from the opening and from the close (server time) to every member.
	const questions = Array.from({ length: QUESTIONS }, (_, q) => {
		const opensAt = startsAt + q * slot;
		const closesAt = opensAt + SECONDS * 1000;
		const opened = arrivals.of(`open:${q}`);
		const closed = arrivals.of(`board:${q}`);
		const mine = sent.filter((s) => s.position === q);
		const board = boards.get(q);
		return {
			opened: opened.length,
			received: closed.length,
			openToAll: Math.max(...opened) - opensAt,
			openEach: opened.map((x) => x - opensAt),
			// The server's clock when it sent the board.
			closeToSent: board ? board.now - closesAt : NaN,
			closeToFirst: Math.min(...closed) - closesAt,
			closeToAll: Math.max(...closed) - closesAt,
			closeEach: closed.map((x) => x - closesAt),
			answerP95: pct(
				mine.map((s) => s.ms),
				95
			),
			answerSpanMs:
				Math.max(...mine.map((s) => s.sentAt + s.ms)) - Math.min(...mine.map((s) => s.sentAt))
		};
	});
	const accepted = sent.filter((s) => s.outcome === 'accepted');
	const answerToBoard = accepted
		.map((s) => (s.member.inbox.at(`board:${s.position}`) ?? NaN) - s.sentAt)
		.filter((x) => !Number.isNaN(x));

	log('核对：排行榜、积分与被接受的答案一一对应…');
	const check = await checkContest(
		su,
		contest.id,
		accepted.map((s) => ({ member: s.member.n, right: s.right, serverMs: s.serverMs! })),
		SECONDS
	);

	await Promise.all(members.map((m) => m.pb.realtime.unsubscribe()));
	log('完成');
	const spanSeconds = questions.reduce((n, q) => n + q.answerSpanMs, 0) / 1000;
	const closeToAll = questions.map((q) => q.closeToAll);
	const openToAll = questions.map((q) => q.openToAll);
	return {
		members: MEMBERS,
		branches: BRANCHES,
		questions: QUESTIONS,
		seconds: SECONDS,
		revealSeconds: REVEAL_SECONDS,
		answerWithinMs: ANSWER_WITHIN,
		right: RIGHT,
		rateLimitExempt: '127.0.0.1',
		setup: { clientsMs, connectMs, subscribeMs },
		plain: { ...plain, bytes: plainBytes },
		contest: {
			sent: sent.length,
			accepted: accepted.length,
			refused: sent.filter((s) => s.outcome === 'refused').length,
			failed: sent.filter((s) => s.outcome === 'failed').length,
			statuses: [...new Set(sent.filter((s) => s.status).map((s) => s.status!))],
			// Sent but not accepted, or accepted but never counted on the board.
			lost: sent.length - accepted.length + check.uncounted,
			perSec: accepted.length / spanSeconds,
			spanSeconds,
			answer: summary(sent.map((s) => s.ms)),
			openToAll: summary(openToAll),
			openEach: summary(questions.flatMap((q) => q.openEach)),
			closeToAll: summary(closeToAll),
			closeEach: summary(questions.flatMap((q) => q.closeEach)),
			byQuestion: {
				openToAll,
				closeToSent: questions.map((q) => q.closeToSent),
				closeToFirst: questions.map((q) => q.closeToFirst),
				closeToAll,
				answerP95: questions.map((q) => q.answerP95),
				opened: questions.map((q) => q.opened),
				received: questions.map((q) => q.received)
			},
			answerToBoard: summary(answerToBoard),
			answerToBoardMissing: accepted.length - answerToBoard.length,
			clock: {
				requests: clocks.length,
				...summary(clocks.map((c) => c.ms)),
				refused: clocks.filter((c) => c.status !== 202).length
			},
			placePlay: {
				...summary(placePlays.map((p) => p.ms)),
				failed: placePlays.filter((p) => !p.ok).length
			},
			fallbacks: fallbacks.length,
			fallbacksWrong: fallbacks.filter((f) => !f.ok).length,
			bytes: { open: openBytes, board: boardBytes },
			cores,
			loopDelay: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
			check
		}
	};
}

await runBench(main);
