// Where a contest's time goes: not part of `npm run bench` (about five minutes), run by hand with
// `npx tsx bench/contest-profile.ts` (VARIANTS=name,… for some of part 3). Nothing in pocketbase/
// is changed: variants run on temporary copies of the hooks (bench/pb/harness.ts), with
// timestamps added to the counting.
//   1. PocketBase CPU per request, one request at a time: the play and answer routes against
//      reading one's own user record; an answer with and without MEMBERS realtime clients
//      connected (PocketBase looks through every connected client for each record saved), and
//      written by one SQL statement instead of a record save.
//   2. The board's realtime fan-out to MEMBERS subscribers, the superuser rewriting it: subscribed
//      as the bench does (every board, filtered to the contest), to the board record by id, and
//      by id with the rule reduced to "signed in".
//   3. A question's close with MEMBERS members subscribed to the board, in variants: the hooks as
//      they are with every member asking the play route at the close (the app), or only one;
//      then also answers written by one INSERT (no record save, so no pass through every
//      connection), and the board sent on a custom realtime topic checked in memory.
//      Milliseconds from the close (server time) to each step.
// Prints three tables.
import { join } from 'node:path';
import { EventSource } from 'eventsource';
import type PocketBase from 'pocketbase';
import { REVEAL_SECONDS } from '../src/lib/quiz/contest.ts';
import {
	Arrivals,
	isoDate,
	machineCpuSeconds,
	ownCpuSeconds,
	patchFile,
	pct,
	pool,
	seedContestOrg,
	sleepUntil,
	startBenchServer,
	type BenchServer
} from './pb/harness.ts';

(globalThis as { EventSource?: unknown }).EventSource ??= EventSource;

const MEMBERS = Number(process.env.MEMBERS ?? 500);
const BRANCHES = 20;
const SAMPLES = 100;
const BROADCASTS = 10;
const SECONDS = 5;
const STEPS = ['enter', 'locked', 'counted', 'board', 'committed', 'settled'] as const;

const t0 = performance.now();
const log = (msg: string) =>
	console.error(`  [contest-profile ${((performance.now() - t0) / 1000).toFixed(0)} s] ${msg}`);

/** A board sent on a custom realtime topic, to the subscribers whose signed-in member (kept in
 * memory with their connection) belongs to the organisation: no SQL per subscriber. */
const TOPIC_ROUTE = `routerAdd('POST', '/api/bench/topic', (e) => {
	const b = e.requestInfo().body;
	const inOrg = {};
	e.app.findRecordsByFilter('branches', 'organisation = {:o}', '', 0, 0, { o: b.org }).forEach((r) => { inOrg[r.id] = true; });
	const message = new SubscriptionMessage({ name: b.topic, data: JSON.stringify(b.data) });
	const clients = e.app.subscriptionsBroker().clients();
	let sent = 0;
	for (const id in clients) {
		const client = clients[id];
		if (!client.hasSubscription(b.topic)) continue;
		const auth = client.get('auth');
		if (!auth || !inOrg[auth.getString('branch')]) continue;
		client.send(message);
		sent++;
	}
	return e.json(200, { sent: sent });
}, $apis.requireSuperuserAuth());`;

/** Timestamps in the counting (lib/contest-board.js tally), kept in the app store, read back
 * through a superuser route. */
function instrument(hooks: string) {
	const file = join(hooks, 'lib/contest-board.js');
	patchFile(
		file,
		'const { writeServerEvent }',
		"function step(k, c) { const l = $app.store().get('bench:steps') || []; l.push([k, c, Date.now()]); $app.store().set('bench:steps', l); }\nconst { writeServerEvent }"
	);
	patchFile(
		file,
		'\tapp.runInTransaction((tx) => {\n\t\tconst fresh',
		"\tstep('enter', closed);\n\tlet wrote = false;\n\tapp.runInTransaction((tx) => {\n\t\tstep('locked', closed);\n\t\tconst fresh"
	);
	patchFile(
		file,
		'\t\taddScores(tx, contest.id, closed);',
		"\t\taddScores(tx, contest.id, closed);\n\t\tstep('counted', closed);"
	);
	patchFile(
		file,
		'\t\twriteBoard(tx, g, fresh, standings(tx, g, contest.id), closed, final);',
		"\t\twriteBoard(tx, g, fresh, standings(tx, g, contest.id), closed, final);\n\t\tstep('board', closed);\n\t\twrote = true;"
	);
	patchFile(
		file,
		'\t});\n\t// The last board goes out first',
		"\t});\n\tif (wrote) step('committed', closed);\n\t// The last board goes out first"
	);
	patchFile(
		file,
		'\t\t\tsettle(tx, g, fresh, standings(tx, g, contest.id), now);\n\t\t});',
		"\t\t\tsettle(tx, g, fresh, standings(tx, g, contest.id), now);\n\t\t});\n\t\tstep('settled', closed);"
	);
	patchFile(
		join(hooks, 'bench_seed.pb.js'),
		'routerAdd(',
		"routerAdd('GET', '/api/bench/steps', (e) => e.json(200, $app.store().get('bench:steps') || []), $apis.requireSuperuserAuth());\n" +
			"routerAdd('POST', '/api/bench/flag', (e) => { const b = e.requestInfo().body; $app.store().set(b.key, b.value); return e.json(200, {}); }, $apis.requireSuperuserAuth());\n" +
			TOPIC_ROUTE +
			'\nrouterAdd('
	);
	return hooks;
}

/** The board also sent on a custom realtime topic once written (after the commit), to the
 * subscribers whose signed-in member belongs to the contest's organisation: checked in memory,
 * no SQL per subscriber (organisation-wide contests only: the profile's). */
function topicBoard(hooks: string) {
	patchFile(
		join(hooks, 'lib/contest-board.js'),
		"\tif (wrote) step('committed', closed);",
		`	if (wrote) {
		const inOrg = {};
		app
			.findRecordsByFilter('branches', 'organisation = {:o}', '', 0, 0, { o: contest.getString('organisation') })
			.forEach((r) => {
				inOrg[r.id] = true;
			});
		const topic = 'contest-board/' + contest.id;
		const message = new SubscriptionMessage({ name: topic, data: JSON.stringify(boardOf(app, contest.id)) });
		const clients = app.subscriptionsBroker().clients();
		for (const id in clients) {
			const client = clients[id];
			if (!client.hasSubscription(topic)) continue;
			const auth = client.get('auth');
			if (auth && inOrg[auth.getString('branch')]) client.send(message);
		}
		step('committed', closed);
	}`
	);
	return hooks;
}

/** Answers written by one INSERT (live mode only: window mode updates the row `next` made),
 * unless the app store's `bench:record-answers` is set (the route as it is). */
function sqlAnswers(hooks: string) {
	patchFile(
		join(hooks, 'lib/contest.js'),
		'\te.app.runInTransaction((tx) => {\n\t\tlet record = answerOf(',
		`	if (!$app.store().get('bench:record-answers')) {
		try {
			e.app
				.db()
				.newQuery(
					'INSERT INTO contest_answers (id, contest, user, position, answer, correct, score, ms, revealed_at, answered_at, counted, created) ' +
						"VALUES (lower(substr(hex(randomblob(8)), 1, 15)), {:c}, {:u}, {:p}, {:a}, {:ok}, {:s}, {:ms}, {:r}, {:now}, FALSE, strftime('%Y-%m-%d %H:%M:%fZ', 'now'))"
				)
				.bind({ c: contest.id, u: e.auth.id, p: position, a: JSON.stringify(given), ok: correct, s: score, ms: ms, r: state.opensAt, now: now })
				.execute();
		} catch (_) {
			duplicate = true;
		}
	} else e.app.runInTransaction((tx) => {
		let record = answerOf(`
	);
	return hooks;
}

async function signIn(server: BenchServer, n: number) {
	const out: PocketBase[] = [];
	await pool(
		Array.from({ length: n }, (_, i) => i),
		25,
		async (i) => {
			out[i] = await server.member(i);
		}
	);
	return out;
}

/** PocketBase CPU and wall time per request, SAMPLES requests one at a time. */
async function perRequest(server: BenchServer, fn: (i: number) => Promise<unknown>) {
	const cpu = server.cpuSeconds();
	const ms: number[] = [];
	for (let i = 0; i < SAMPLES; i++) {
		const t = performance.now();
		await fn(i);
		ms.push(performance.now() - t);
	}
	return { cpuMs: ((server.cpuSeconds() - cpu) * 1000) / SAMPLES, p50: pct(ms, 50) };
}

/** BROADCASTS writes, each once every client had the last: to the last client, and CPU. */
async function fanOut(
	server: BenchServer,
	write: (k: number) => Promise<string>,
	arrivals: Arrivals
) {
	const all: number[] = [];
	const cpu = server.cpuSeconds();
	for (let k = 0; k < BROADCASTS; k++) {
		const at = Date.now();
		const key = await write(k);
		await arrivals.all(key, 10_000);
		all.push(Math.max(...arrivals.of(key)) - at);
		await new Promise((r) => setTimeout(r, 300));
	}
	return {
		p50: pct(all, 50),
		p95: pct(all, 95),
		cpuMs: ((server.cpuSeconds() - cpu) * 1000) / BROADCASTS
	};
}

async function requestCosts() {
	const server = await startBenchServer((h) => sqlAnswers(instrument(h)));
	try {
		const flag = (key: string, value: boolean) =>
			server.su.send('/api/bench/flag', { method: 'POST', body: { key, value } });
		const { admin, bankId } = await seedContestOrg(server, {
			members: MEMBERS,
			branches: BRANCHES,
			questions: 4
		});
		const members = await signIn(server, MEMBERS);
		// One question open for 40 s: long enough to time every request kind.
		const startsAt = Math.ceil((Date.now() + 1_500) / 1000) * 1000;
		const contest = await admin.collection('contests').create({
			name: '基准竞赛（单个请求）',
			mode: 'live',
			scope: 'organisation',
			banks: [bankId],
			count: 1,
			seconds: 40,
			starts_at: isoDate(startsAt)
		});
		const route = `/api/gongxue/contests/${contest.id}`;
		const play = (pb: PocketBase) => pb.send(`${route}/play`, { method: 'GET' });
		// Every member answers once: each row takes the next SAMPLES members.
		let next = 0;
		const answers = async (record: boolean) => {
			await flag('bench:record-answers', record);
			const from = next;
			next += SAMPLES;
			return perRequest(server, (i) =>
				members[from + i]!.send(`${route}/answer`, {
					method: 'POST',
					body: { position: 0, answer: ['A'] }
				})
			);
		};
		await sleepUntil(startsAt + 100);
		log('单个请求的 CPU：无实时连接…');
		const rows: [string, { cpuMs: number; p50: number }][] = [];
		rows.push([
			'读取本人用户记录（基线）',
			await perRequest(server, (i) =>
				members[i]!.collection('users').getOne(members[i]!.authStore.record!.id)
			)
		]);
		rows.push(['play（题目进行中）', await perRequest(server, (i) => play(members[i]!))]);
		rows.push(['answer（保存记录，原样），无实时连接', await answers(true)]);
		rows.push(['answer（一条 INSERT），无实时连接', await answers(false)]);
		log(`单个请求的 CPU：${MEMBERS} 个实时连接…`);
		const arrivals = new Arrivals(MEMBERS);
		const heard = (e: { record: { updated?: unknown } }) => arrivals.add(String(e.record.updated));
		await pool(members, 25, async (pb) => {
			await pb
				.collection('contest_boards')
				.subscribe('*', heard, { filter: `contest = "${contest.id}"` });
		});
		rows.push([`answer（保存记录，原样），${MEMBERS} 个实时连接`, await answers(true)]);
		rows.push([`answer（一条 INSERT），${MEMBERS} 个实时连接`, await answers(false)]);
		rows.push([
			`play（题目进行中），${MEMBERS} 个实时连接`,
			await perRequest(server, (i) => play(members[i]!))
		]);
		await sleepUntil(startsAt + 40_000 + 100);
		await play(members[0]!); // counts the answers, writes the board
		rows.push([
			`play（已截题、已计分），${MEMBERS} 个实时连接`,
			await perRequest(server, (i) => play(members[i]!))
		]);

		log('看板的实时扇出…');
		const board = await server.su
			.collection('contest_boards')
			.getFirstListItem(`contest = "${contest.id}"`);
		const rewrite = async () => {
			const r = await server.su.collection('contest_boards').update(board.id, { closed: 0 });
			return String(r.updated);
		};
		const fan: [string, Awaited<ReturnType<typeof fanOut>>][] = [];
		fan.push([
			'订阅全部看板并按本场过滤（基准测试与 app 的做法）',
			await fanOut(server, rewrite, arrivals)
		]);
		await Promise.all(members.map((pb) => pb.realtime.unsubscribe()));
		await pool(members, 25, async (pb) => {
			await pb.collection('contest_boards').subscribe(board.id, heard);
		});
		fan.push(['按 id 订阅本场看板记录（只查规则）', await fanOut(server, rewrite, arrivals)]);
		await server.su.collections.update('contest_boards', {
			listRule: '@request.auth.id != ""',
			viewRule: '@request.auth.id != ""'
		});
		fan.push(['按 id 订阅，规则只要求已登录（假设）', await fanOut(server, rewrite, arrivals)]);
		await Promise.all(members.map((pb) => pb.realtime.unsubscribe()));
		const topic = `bench-board/${contest.id}`;
		await pool(members, 25, async (pb) => {
			await pb.realtime.subscribe(topic, (data: { seq: number }) =>
				arrivals.add(`topic:${data.seq}`)
			);
		});
		const data = { members: board.members, branches: board.branches, closed: board.closed };
		fan.push([
			'自定义主题：subscriptionsBroker 逐个连接按内存中的登录成员判断组织（无 SQL）',
			await fanOut(
				server,
				async (k) => {
					const r = (await server.su.send('/api/bench/topic', {
						method: 'POST',
						body: { topic, org: 'obench000000000', data: { ...data, seq: k } }
					})) as { sent: number };
					if (r.sent !== MEMBERS) throw new Error(`topic sent to ${r.sent}`);
					return `topic:${k}`;
				},
				arrivals
			)
		]);
		await Promise.all(members.map((pb) => pb.realtime.unsubscribe()));
		return { rows, fan };
	} finally {
		await server.close();
	}
}

const VARIANTS = [
	{
		name: 'app',
		what: '钩子原样，全体成员截题后 play（app 的做法）',
		patch: instrument,
		all: true
	},
	{ name: 'one', what: '钩子原样，只有一名成员截题后 play', patch: instrument, all: false },
	{
		name: 'one+insert',
		what: '作答改为一条 INSERT，只有一名成员 play',
		patch: (h: string) => sqlAnswers(instrument(h)),
		all: false
	},
	{
		name: 'one+insert+topic',
		what: '再把看板经自定义主题推送（内存中判断范围，无逐个 SQL），成员订阅该主题',
		patch: (h: string) => topicBoard(sqlAnswers(instrument(h))),
		all: false,
		topic: true
	}
];

/** Two questions (the second the last, with the points settled), every member answering. */
async function closes(v: (typeof VARIANTS)[number]) {
	const server = await startBenchServer(v.patch);
	try {
		const { admin, bankId } = await seedContestOrg(server, {
			members: MEMBERS,
			branches: BRANCHES,
			questions: 4
		});
		const members = await signIn(server, MEMBERS);
		const startsAt = Math.ceil((Date.now() + 6_000) / 1000) * 1000;
		const contest = await admin.collection('contests').create({
			name: '基准竞赛（截题）',
			mode: 'live',
			scope: 'organisation',
			banks: [bankId],
			count: 2,
			seconds: SECONDS,
			starts_at: isoDate(startsAt),
			participation_points: 1,
			place_points: [3, 2, 1]
		});
		const route = `/api/gongxue/contests/${contest.id}`;
		const arrivals = new Arrivals(MEMBERS);
		await pool(members, 25, async (pb) => {
			if ('topic' in v) {
				await pb.realtime.subscribe(`contest-board/${contest.id}`, (data: { closed: number }) =>
					arrivals.add(String(data.closed))
				);
			} else {
				await pb
					.collection('contest_boards')
					.subscribe('*', (e) => arrivals.add(String(e.record.closed)), {
						filter: `contest = "${contest.id}"`
					});
			}
		});
		const rows: string[] = [];
		for (let q = 0; q < 2; q++) {
			const opensAt = startsAt + q * (SECONDS + REVEAL_SECONDS) * 1000;
			const closesAt = opensAt + SECONDS * 1000;
			let accepted = 0;
			await Promise.all(
				members.map(async (pb) => {
					await sleepUntil(opensAt + 250 + Math.random() * 1750);
					const body = { position: q, answer: [Math.random() < 0.7 ? 'A' : 'B'] };
					await pb.send(`${route}/answer`, { method: 'POST', body }).then(
						() => accepted++,
						() => {}
					);
				})
			);
			await sleepUntil(closesAt + 250);
			const cpu = server.cpuSeconds();
			const machine = machineCpuSeconds();
			const own = ownCpuSeconds();
			const t = performance.now();
			const playing = (v.all ? members : members.slice(0, 1)).map((pb) =>
				pb.send(`${route}/play`, { method: 'GET' })
			);
			await arrivals.all(String(q), 30_000);
			const seconds = (performance.now() - t) / 1000;
			const used = server.cpuSeconds() - cpu;
			const others = machineCpuSeconds() - machine - used - (ownCpuSeconds() - own);
			await Promise.allSettled(playing);
			const steps = (await server.su.send('/api/bench/steps', {})) as [string, number, number][];
			// The counting that did the work: the first to take the transaction.
			const at = (k: string) => {
				const s = steps.find((x) => x[0] === k && x[1] === q);
				return s ? `${s[2] - closesAt}` : '—';
			};
			const times = arrivals.of(String(q));
			rows.push(
				`| ${v.name} | ${q === 1 ? '最后一题（含结算）' : '第 1 题'} | ${accepted} | ${STEPS.map(at).join(' | ')} | ${Math.min(...times) - closesAt} | ${Math.max(...times) - closesAt} | ${(used / seconds).toFixed(2)} | ${(others / seconds).toFixed(2)} |`
			);
		}
		await Promise.all(members.map((pb) => pb.realtime.unsubscribe()));
		return rows;
	} finally {
		await server.close();
	}
}

log('测量单个请求…');
const costs = await requestCosts();
console.log(
	`\n每种请求 ${SAMPLES} 次，逐个发送（${MEMBERS} 名成员的组织，竞赛题目进行中）。\n\n| 请求 | PocketBase CPU / 次 | 耗时 p50 |\n|---|---|---|`
);
for (const [what, r] of costs.rows) {
	console.log(`| ${what} | ${r.cpuMs.toFixed(2)} ms | ${r.p50.toFixed(1)} ms |`);
}
console.log(
	`\n看板的实时扇出：超级用户改写看板记录 ${BROADCASTS} 次，${MEMBERS} 个订阅者；自请求发出到最后一个订阅者收到。\n\n| 订阅方式 | p50 | p95 | PocketBase CPU / 次 |\n|---|---|---|---|`
);
for (const [what, r] of costs.fan) {
	console.log(`| ${what} | ${r.p50} ms | ${r.p95} ms | ${r.cpuMs.toFixed(0)} ms |`);
}
console.log(
	`\n截题：${MEMBERS} 名成员订阅看板、全部作答（开题后 0.25–2 秒），截题后 250 ms 发 play；各步为距截题（服务器时间）的毫秒数。\n\n| 变体 | 题 | 接受答案 | 进入计分 | 取得写事务 | 计分完 | 看板写完 | 提交并广播完 | 结算完 | 第一个成员收到 | 全部成员收到 | PocketBase 核数 | 其他进程核数 |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|`
);
const only = process.env.VARIANTS?.split(',');
for (const v of VARIANTS.filter((x) => !only || only.includes(x.name))) {
	log(`截题：${v.what}…`);
	for (const row of await closes(v)) console.log(row);
}
for (const v of VARIANTS) console.error(`  ${v.name}: ${v.what}`);
process.exit(0);
