// Server figures for `npm run bench`, each beside a baseline measured on the same PocketBase in
// the same run, on loopback only:
//   1. ingest: events per second through the real hooks (batches of 50 from 1,000 members, a
//      fixed number in flight), against creating the same bodies in a hook-less copy of `events`;
//   2. leaderboard: p50/p95 with 10,000 members and 1,000,000 events, against a trivial
//      authenticated request from the same client;
//   3. drain: a device's 1,000-event outbox through the real Syncer, against the same bodies
//      posted as raw batches to the plain collection.
// Prints one JSON line for bench/run.js; progress goes to stderr.
import 'fake-indexeddb/auto';
import type PocketBase from 'pocketbase';
import { periodsOf } from '../src/lib/credits/index.ts';
import { completeLesson, GongxueDb, openAttempt, recordAnswer } from '../src/lib/db/index.ts';
import { createClient, Syncer } from '../src/lib/sync/index.ts';
import {
	BATCH,
	createPlainCollection,
	lessonId,
	PASSWORD,
	pct,
	PLAIN,
	pool,
	questionId,
	sendBatch,
	runBench,
	studyBodies,
	type Answer,
	type BenchServer,
	type Body
} from './pb/harness.ts';

const BRANCHES = 50;
const MEMBERS = 10_000;
const EVENTS = 1_000_000;
/** Lessons 0–24 are studied in the ingest run; 25–524 by the draining device and the history. */
const INGEST_LESSONS = BATCH / 2;
const DRAIN_LESSONS = 500;
const INGEST_MEMBERS = 1_000;
const CONCURRENCY = 8;
const WARMUP_BATCHES = 16;
/** Time bounds: no new batch starts after these (the run reports how many it sent). */
const INGEST_SECONDS = 120;
const PLAIN_SECONDS = 60;
const LEADERBOARD_SAMPLES = 120;

const t0 = performance.now();
const log = (msg: string) =>
	console.error(`  [server ${((performance.now() - t0) / 1000).toFixed(0)} s] ${msg}`);

type Job = { pb: PocketBase; bodies: Body[] };

/** Push every job's batch into `collection`, CONCURRENCY at a time, for at most `seconds`;
 * also how many of the machine's cores PocketBase kept busy meanwhile. */
async function push(server: BenchServer, collection: string, jobs: Job[], seconds = Infinity) {
	const answers: Answer[] = [];
	const cpu = server.cpuSeconds();
	const t = performance.now();
	const sent = await pool(
		jobs,
		CONCURRENCY,
		async ({ pb, bodies }) => {
			answers.push(...(await sendBatch(pb, collection, bodies)));
		},
		t + seconds * 1000
	);
	const ms = performance.now() - t;
	const cores = (server.cpuSeconds() - cpu) / (ms / 1000);
	return {
		ms,
		batches: sent,
		events: answers.length,
		perSec: answers.length / (ms / 1000),
		cores,
		answers
	};
}

async function ingestRun(server: BenchServer) {
	log(`为 ${INGEST_MEMBERS} 名成员签发令牌…`);
	const clients: PocketBase[] = [];
	await pool(
		Array.from({ length: INGEST_MEMBERS + 2 * WARMUP_BATCHES }, (_, n) => n),
		CONCURRENCY,
		async (n) => {
			clients[n] = await server.member(n);
		}
	);
	// One batch per member: a day's study of 25 lessons, each completed and its question answered.
	const jobs = clients.map((pb) => ({ pb, bodies: studyBodies(0, INGEST_LESSONS) }));
	const warm = jobs.splice(INGEST_MEMBERS);
	log('预热…');
	await push(server, PLAIN, warm.slice(0, WARMUP_BATCHES));
	await push(server, 'events', warm.slice(WARMUP_BATCHES));
	log(`基线：${jobs.length * BATCH} 条事件写入无钩子的普通集合…`);
	const plain = await push(server, PLAIN, jobs, PLAIN_SECONDS);
	log(`共学：${jobs.length * BATCH} 条事件经钩子写入 events…`);
	const ingest = await push(server, 'events', jobs, INGEST_SECONDS);
	return {
		members: ingest.batches,
		events: ingest.events,
		perSec: ingest.perSec,
		ms: ingest.ms,
		plainEvents: plain.events,
		plainPerSec: plain.perSec,
		plainMs: plain.ms,
		warmupEvents: WARMUP_BATCHES * BATCH,
		cores: ingest.cores,
		plainCores: plain.cores,
		accepted: ingest.answers.filter((a) => a.status === 'accepted').length,
		earning: ingest.answers.filter((a) => (a.points ?? 0) > 0).length
	};
}

async function leaderboardRun(server: BenchServer) {
	const members: PocketBase[] = [];
	// Members 2000–2049: one in each branch, none of them in the ingest run.
	await pool(
		Array.from({ length: BRANCHES }, (_, b) => b),
		CONCURRENCY,
		async (b) => {
			members[b] = await server.member(2000 + b);
		}
	);
	const probes = {
		week: (pb: PocketBase) => pb.send('/api/gongxue/leaderboard', { query: { period: 'week' } }),
		all: (pb: PocketBase) => pb.send('/api/gongxue/leaderboard', { query: { period: 'all' } }),
		trivial: (pb: PocketBase) => pb.collection('users').getOne(pb.authStore.record!.id)
	};
	const kinds = Object.keys(probes) as (keyof typeof probes)[];
	const samples: Record<keyof typeof probes, number[]> = { week: [], all: [], trivial: [] };
	let listed = 0;
	// One request at a time, from one client; the order of the three kinds rotates.
	for (let i = -10; i < LEADERBOARD_SAMPLES; i++) {
		const pb = members[(i + 10) % BRANCHES]!;
		for (let k = 0; k < kinds.length; k++) {
			const kind = kinds[(i + 10 + k) % kinds.length]!;
			const t = performance.now();
			const res = (await probes[kind](pb)) as { branches?: unknown[] };
			const ms = performance.now() - t;
			if (i >= 0) samples[kind].push(ms);
			if (kind !== 'trivial') listed = res.branches?.length ?? 0;
		}
	}
	if (listed !== BRANCHES) throw new Error(`the leaderboard lists ${listed} branches`);
	const of = (k: keyof typeof probes) => ({ p50: pct(samples[k], 50), p95: pct(samples[k], 95) });
	return { samples: LEADERBOARD_SAMPLES, week: of('week'), all: of('all'), trivial: of('trivial') };
}

async function drainRun(server: BenchServer, email: string) {
	const db = new GongxueDb('bench-drain');
	await db.open();
	try {
		const pb = await createClient(db, server.url);
		await pb.collection('users').authWithPassword(email, PASSWORD);
		for (let i = INGEST_LESSONS; i < INGEST_LESSONS + DRAIN_LESSONS; i++) {
			await db.progress.put({
				lessonId: lessonId(i),
				status: 'started',
				readRatio: 1,
				seconds: 300,
				startedAt: 1,
				updatedAt: 1,
				completedAt: null,
				hash: 'h'
			});
			await completeLesson(db, lessonId(i), 'h', Date.now());
			const attempt = await openAttempt(db, lessonId(i), [questionId(i)], Date.now());
			await recordAnswer(db, attempt.id, {
				questionId: questionId(i),
				given: ['A'],
				correct: true,
				at: Date.now()
			});
		}
		const outbox = await db.outbox.orderBy('id').toArray();
		if (outbox.length !== 2 * DRAIN_LESSONS) throw new Error(`outbox: ${outbox.length} events`);
		// Baseline first: the same bodies, raw batches of 50 one after another, same client.
		const bodies: Body[] = outbox.map((e) => ({
			event_id: e.id,
			type: e.type,
			device: e.device,
			client_at: e.at,
			payload: e.payload
		}));
		let t = performance.now();
		for (let i = 0; i < bodies.length; i += BATCH) {
			await sendBatch(pb, PLAIN, bodies.slice(i, i + BATCH));
		}
		const rawMs = performance.now() - t;
		const syncer = new Syncer(db, pb);
		t = performance.now();
		await syncer.syncNow();
		const ms = performance.now() - t;
		syncer.stop();
		const left = await db.outbox.count();
		const ledger = await db.ledger.count();
		if (left !== 0 || ledger !== outbox.length || syncer.snapshot.phase !== 'idle') {
			throw new Error(`drain: ${left} left, ${ledger} in the ledger, ${syncer.snapshot.phase}`);
		}
		return { events: outbox.length, ms, rawMs };
	} finally {
		db.close();
	}
}

async function main(server: BenchServer) {
	const { su, seed } = server;
	log(
		`载入 1 个组织、${BRANCHES} 个支部、${INGEST_LESSONS + DRAIN_LESSONS} 节课与 ${MEMBERS} 名成员…`
	);
	let t = performance.now();
	await seed({ step: 'org', branches: BRANCHES, lessons: INGEST_LESSONS + DRAIN_LESSONS });
	// The draining device's member, made through the API: its password hash is every member's.
	const device = await su.collection('users').create({
		email: 'device@bench.test',
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name: '排空设备',
		branch: 'b00000000000000',
		role: 'member'
	});
	await seed({ step: 'members', members: MEMBERS, branches: BRANCHES, template: device.id });
	const membersMs = performance.now() - t;
	await createPlainCollection(su);

	const ingest = await ingestRun(server);

	log(`载入 ${EVENTS.toLocaleString('en')} 条历史事件并按事件重算积分汇总…`);
	t = performance.now();
	const loaded = await seed({
		step: 'events',
		events: EVENTS,
		members: MEMBERS,
		lessonFrom: INGEST_LESSONS,
		lessons: DRAIN_LESSONS
	});
	const eventsMs = performance.now() - t;
	if (loaded.eventPoints !== loaded.totalPoints) {
		throw new Error(`totals ${loaded.totalPoints} ≠ events ${loaded.eventPoints}`);
	}

	log('测量排行榜延迟…');
	const leaderboard = await leaderboardRun(server);
	// Where a leaderboard's time goes: its two statements timed in SQLite alone (median of 21).
	const periods = periodsOf(Date.now());
	const sql = {
		week: await seed({ step: 'board-sql', period: periods.week }),
		all: await seed({ step: 'board-sql', period: periods.all })
	};
	log('测量设备排空 1,000 条待同步事件…');
	const drain = await drainRun(server, device.email as string);
	log('完成');
	return {
		concurrency: CONCURRENCY,
		batch: BATCH,
		rateLimitExempt: '127.0.0.1',
		ingest,
		seed: {
			members: MEMBERS,
			branches: BRANCHES,
			membersMs,
			eventsMs,
			insertMs: loaded.insertMs,
			history: EVENTS,
			events: loaded.events,
			totals: loaded.totals,
			points: loaded.eventPoints
		},
		leaderboard: {
			...leaderboard,
			sql: Object.fromEntries(
				Object.entries(sql).map(([k, v]) => [
					k,
					{ members: v.membersMs, branches: v.branchesMs, plan: v.branchesPlan }
				])
			)
		},
		drain
	};
}

await runBench(main);
