// Where the server's time goes: not part of `npm run bench` (about three minutes), run by hand
// with `npx tsx bench/server-profile.ts`. Nothing in pocketbase/ is changed.
//   1. Ingest: the same batches (one member's 25 lessons completed and answered, 50 events) go
//      through variants of the hooks, each a temporary copy of pocketbase/pb_hooks with one part
//      of lib/ingest.js taken out; the differences between variants are what each part costs.
//      Also the full hook at 1, 2 and 8 requests in flight, and how many cores PocketBase keeps
//      busy.
//   2. Leaderboard: with 10,000 members and 1,000,000 events, its two statements timed in SQLite
//      alone, with the branch ranking's plan.
// Prints two tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type PocketBase from 'pocketbase';
import { periodsOf } from '../src/lib/credits/index.ts';
import {
	BATCH,
	createPlainCollection,
	patchFile,
	PLAIN,
	pool,
	sendBatch,
	startBenchServer,
	studyBodies,
	type BenchServer
} from './pb/harness.ts';

const BATCHES = Number(process.env.BATCHES ?? 160);
const WARMUP = 8;
const VARIANTS: {
	name: string;
	what: string;
	collection?: string;
	concurrency?: number;
	patch?: (hooks: string) => void;
}[] = [
	{ name: 'full', what: '完整钩子' },
	{
		name: 'no-totals',
		what: '去掉积分汇总 upsert',
		patch: (h) => noTotals(h)
	},
	{
		name: 'no-caps',
		what: '再去掉两条上限/首次查询',
		patch: (h) => noCaps(noTotals(h))
	},
	{
		name: 'no-replay',
		what: '再去掉重放检查（按事件编号查询）',
		patch: (h) => noReplay(noCaps(noTotals(h)))
	},
	{
		name: 'tx-only',
		what: '钩子只 require + runInTransaction + e.next()',
		patch: (h) =>
			patchFile(join(h, 'events.pb.js'), '\t\tingest(e);', '\t\tvoid ingest;\n\t\te.next();')
	},
	{
		name: 'next-only',
		what: '钩子只调用 e.next()',
		patch: (h) =>
			patchFile(
				join(h, 'events.pb.js'),
				'\tconst { ingest } = require(`${__hooks}/lib/ingest.js`);\n',
				'\treturn e.next();\n\tconst { ingest } = require(`${__hooks}/lib/ingest.js`);\n'
			)
	},
	{
		name: 'no-hook',
		what: 'events 集合不注册任何 JS 钩子',
		patch: (h) =>
			patchFile(join(h, 'events.pb.js'), 'onRecordCreateRequest((e) => {', 'void ((e) => {')
	},
	{ name: 'plain', what: '无钩子的普通集合（基线）', collection: PLAIN },
	{ name: 'full-c1', what: '完整钩子，1 个请求在途', concurrency: 1 },
	{ name: 'full-c2', what: '完整钩子，2 个请求在途', concurrency: 2 },
	{ name: 'plain-c1', what: '普通集合，1 个请求在途', collection: PLAIN, concurrency: 1 }
];

/** Replace every occurrence of `from` in a hooks file (patchFile replaces the first). */
function patchAll(path: string, from: string, to: string) {
	while (readFileSync(path, 'utf8').includes(from)) patchFile(path, from, to);
}
function noTotals(h: string) {
	patchFile(join(h, 'lib/ingest.js'), '\taddToTotals(e.app, g, auth, points, now);', '');
	patchFile(join(h, 'lib/ingest.js'), '\taddToTotals(app, g, auth, points, now);', '');
	return h;
}
/** The first-time and daily-cap history: no queries, nothing credited yet. */
function noCaps(h: string) {
	patchAll(join(h, 'lib/ingest.js'), '.all(rows);', ';');
	patchAll(join(h, 'lib/ingest.js'), '.all(sums);', ';');
	return h;
}
function noReplay(h: string) {
	patchFile(
		join(h, 'lib/ingest.js'),
		'function storedEvents(app, ids) {\n\tconst byId = {};',
		'function storedEvents(app, ids) {\n\tconst byId = {};\n\treturn byId;'
	);
	return h;
}

async function run(server: BenchServer, clients: PocketBase[], v: (typeof VARIANTS)[number]) {
	await server.restart(v.patch);
	const collection = v.collection ?? 'events';
	const jobs = clients.map((pb) => ({ pb, bodies: studyBodies(0, BATCH / 2) }));
	await pool(jobs.slice(0, WARMUP), v.concurrency ?? 8, ({ pb, bodies }) =>
		sendBatch(pb, collection, bodies).then(() => {})
	);
	const measured = jobs.slice(WARMUP);
	let earning = 0;
	const cpu = server.cpuSeconds();
	const t = performance.now();
	await pool(measured, v.concurrency ?? 8, async ({ pb, bodies }) => {
		const answers = await sendBatch(pb, collection, bodies);
		earning += answers.filter((a) => (a.points ?? 0) > 0).length;
	});
	const s = (performance.now() - t) / 1000;
	const events = measured.length * BATCH;
	return {
		perSec: events / s,
		msPerEvent: (s * 1000) / events,
		cpuMsPerEvent: ((server.cpuSeconds() - cpu) * 1000) / events,
		cores: (server.cpuSeconds() - cpu) / s,
		earning: collection === PLAIN ? NaN : earning / events
	};
}

/** SKIP_BOARD=1: the ingest table only. */
class Skip extends Error {}

const server = await startBenchServer();
try {
	const members = Math.max(10_000, (BATCHES + WARMUP) * VARIANTS.length);
	await server.seed({ step: 'org', branches: 50, lessons: BATCH / 2 });
	const template = await server.su.collection('users').create({
		email: 'template@bench.test',
		password: 'member-password-123',
		passwordConfirm: 'member-password-123',
		branch: 'b00000000000000',
		role: 'member'
	});
	await server.seed({ step: 'members', members, branches: 50, template: template.id });
	await createPlainCollection(server.su);
	console.log(
		`\n每个变体 ${BATCHES} 批 × ${BATCH} 条（每批一名成员），默认 8 个请求在途。\n\n| 变体 | 说明 | 事件/秒 | 每事件耗时 | 每事件 PocketBase CPU | PocketBase 占用核数 | 得分事件占比 |\n|---|---|---|---|---|---|---|`
	);
	let next = 0;
	const only = process.env.VARIANTS?.split(',');
	for (const v of VARIANTS.filter((x) => !only || only.includes(x.name))) {
		// Fresh members for every variant: their daily caps start at zero.
		const clients = await Promise.all(
			Array.from({ length: BATCHES + WARMUP }, (_, i) => server.member(next + i))
		);
		next += BATCHES + WARMUP;
		const r = await run(server, clients, v);
		console.log(
			`| ${v.name} | ${v.what} | ${r.perSec.toFixed(0)} | ${r.msPerEvent.toFixed(2)} ms | ${r.cpuMsPerEvent.toFixed(2)} ms | ${r.cores.toFixed(2)} | ${Number.isNaN(r.earning) ? '—' : `${(r.earning * 100).toFixed(0)}%`} |`
		);
	}

	if (process.env.SKIP_BOARD) throw new Skip();
	console.error('载入 1,000,000 条历史事件…');
	await server.seed({
		step: 'events',
		events: 1_000_000,
		members,
		lessonFrom: 0,
		lessons: BATCH / 2
	});
	console.log(
		`\n排行榜的 SQL（${members.toLocaleString('en')} 成员、50 个支部、1,000,000+ 事件；SQLite 内 21 次的平均）：\n\n| 周期 | 成员榜 | 支部榜 | 支部榜查询计划 |\n|---|---|---|---|`
	);
	for (const [name, period] of Object.entries(periodsOf(Date.now())).reverse()) {
		const r = await server.seed({ step: 'board-sql', period });
		console.log(
			`| ${name} | ${Number(r.membersMs).toFixed(1)} ms | ${Number(r.branchesMs).toFixed(1)} ms | ${String(r.branchesPlan)} |`
		);
	}
} catch (e) {
	if (e instanceof Skip) process.exitCode = 0;
	else {
		console.error(e, server.stderr());
		process.exitCode = 1;
	}
} finally {
	await server.close();
}
