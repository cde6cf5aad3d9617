// The bench's own PocketBase: started as scripts/pocketbase/server.js starts it, but on
// temporary copies of the hooks (plus bench/pb/bench_seed.pb.js, a superuser-only bulk loader)
// and of the migrations, with auto-migrations off: collections the bench creates through the API
// must never write migration files into the repository. Also the bench's shared helpers.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PocketBase from 'pocketbase';
import { v7 as uuidv7 } from 'uuid';
import { pocketbaseBinary } from '../../scripts/pocketbase/binary.js';
import { buildHooksLib } from '../../scripts/pocketbase/build-hooks.js';
import { freePort } from '../../scripts/pocketbase/server.js';
import type { EventType } from '../../src/lib/db/schema.ts';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SUPERUSER = { email: 'bench@gongxue.test', password: 'bench-password-123' };
export const PASSWORD = 'member-password-123';
/** The baseline collection: a copy of `events` (same fields and indexes) with no hooks. */
export const PLAIN = 'bench_plain';
export const BATCH = 50;

export type Body = {
	event_id: string;
	type: EventType;
	device: string;
	client_at: number;
	payload: Record<string, unknown>;
};

export const lessonId = (i: number) => `bench-lesson-${String(i).padStart(4, '0')}`;
export const questionId = (i: number) => `bq${String(i).padStart(4, '0')}`;
/** Seeded member n's record id (bench_seed.pb.js makes them). */
export const memberId = (n: number) => `m${String(n).padStart(14, '0')}`;

/** A member's study on one device, pushed at once: lessons `from`…, each completed, then its
 * question answered right. */
export function studyBodies(from: number, lessons: number): Body[] {
	const device = uuidv7();
	return Array.from({ length: lessons }, (_, j): Body[] => [
		{
			event_id: uuidv7(),
			type: 'lesson.completed',
			device,
			client_at: Date.now(),
			payload: { lessonId: lessonId(from + j), hash: 'h', seconds: 300, readRatio: 1 }
		},
		{
			event_id: uuidv7(),
			type: 'quiz.answered',
			device,
			client_at: Date.now(),
			payload: { lessonId: lessonId(from + j), questionId: questionId(from + j), answer: ['A'] }
		}
	]).flat();
}

/** Run `fn` over `items` with `n` in flight; no new item starts after `deadline` (ms, clock of
 * performance.now()). Returns how many items ran. */
export async function pool<T>(
	items: T[],
	n: number,
	fn: (item: T) => Promise<void>,
	deadline = Infinity
): Promise<number> {
	let next = 0;
	await Promise.all(
		Array.from({ length: n }, async () => {
			while (next < items.length && performance.now() < deadline) await fn(items[next++]!);
		})
	);
	return Math.min(next, items.length);
}

/** Nearest-rank percentile. */
export function pct(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

export type Answer = { points?: number; status?: string; reason?: string };

/** One batch request of creates; throws unless every create succeeded. */
export async function sendBatch(pb: PocketBase, collection: string, bodies: Body[]) {
	const batch = pb.createBatch();
	for (const b of bodies) batch.collection(collection).create(b);
	const results = await batch.send();
	for (const r of results) if (r.status !== 200) throw new Error(JSON.stringify(r));
	return results.map((r) => r.body as Answer);
}

export interface BenchServer {
	url: string;
	su: PocketBase;
	/** POST /api/bench/seed (bench_seed.pb.js). */
	seed(body: Record<string, unknown>): Promise<Record<string, number>>;
	/** A client signed in as seeded member n, without a password (superuser impersonation). */
	member(n: number): Promise<PocketBase>;
	/** Stop PocketBase and start it again on the same data with the hooks as `patch` leaves them. */
	restart(patch?: (hooksDir: string) => void): Promise<void>;
	/** Stop PocketBase and remove every temporary file. Safe to call twice. */
	close(): Promise<void>;
	/** The last few KB PocketBase wrote to stderr. */
	stderr(): string;
	/** CPU time PocketBase has used so far, in seconds (Linux; NaN elsewhere). */
	cpuSeconds(): number;
}

/** Replace `from` by `to` in a file of the hooks copy; throws if `from` is not there. */
export function patchFile(path: string, from: string, to: string) {
	const text = readFileSync(path, 'utf8');
	if (!text.includes(from)) throw new Error(`patch: not found in ${path}: ${from}`);
	writeFileSync(path, text.replace(from, to));
}

const live = new Set<BenchServer>();
let handlersInstalled = false;

/** Start PocketBase on a fresh temporary data folder, with the superuser signed in and
 * loopback exempt from the rate limiter (one client stands in for many members). */
export async function startBenchServer(patch?: (hooksDir: string) => void): Promise<BenchServer> {
	if (!handlersInstalled) {
		handlersInstalled = true;
		for (const signal of ['SIGINT', 'SIGTERM'] as const) {
			process.on(signal, () => {
				void Promise.all([...live].map((s) => s.close())).finally(() => process.exit(130));
			});
		}
	}
	buildHooksLib();
	const tmp = mkdtempSync(join(tmpdir(), 'gongxue-bench-'));
	const migrations = join(tmp, 'migrations');
	cpSync(join(root, 'pocketbase/pb_migrations'), migrations, { recursive: true });
	const bin = pocketbaseBinary();
	const common = ['--dir', join(tmp, 'data'), '--migrationsDir', migrations];
	const up = spawnSync(
		bin,
		['superuser', 'upsert', SUPERUSER.email, SUPERUSER.password, ...common],
		{ encoding: 'utf8' }
	);
	if (up.status !== 0) {
		rmSync(tmp, { recursive: true, force: true });
		throw new Error(`superuser upsert failed: ${up.stderr}${up.stdout}`);
	}
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const publicDir = join(root, 'build');
	let child: ChildProcess | null = null;
	let errors = '';
	let generation = 0;

	const stop = async () => {
		const c = child;
		child = null;
		if (!c || c.exitCode !== null || c.signalCode !== null) return;
		const exited = new Promise((r) => c.once('exit', r));
		c.kill('SIGTERM');
		const timer = setTimeout(() => c.kill('SIGKILL'), 5_000);
		await exited;
		clearTimeout(timer);
	};

	const launch = async (fix?: (hooksDir: string) => void) => {
		const hooks = join(tmp, `hooks-${generation++}`);
		cpSync(join(root, 'pocketbase/pb_hooks'), hooks, { recursive: true });
		copyFileSync(join(root, 'bench/pb/bench_seed.pb.js'), join(hooks, 'bench_seed.pb.js'));
		fix?.(hooks);
		const c = spawn(
			bin,
			[
				'serve',
				'--http',
				`127.0.0.1:${port}`,
				...common,
				'--hooksDir',
				hooks,
				'--hooksWatch=false',
				'--automigrate=false',
				'--publicDir',
				publicDir
			],
			{
				env: { ...process.env, GONGXUE_PUBLIC_DIR: publicDir },
				stdio: ['ignore', 'ignore', 'pipe']
			}
		);
		child = c;
		c.stderr?.on('data', (d: Buffer) => {
			errors = (errors + d.toString()).slice(-4000);
		});
		const started = Date.now();
		for (;;) {
			if (c.exitCode !== null) throw new Error(`PocketBase exited: ${errors}`);
			try {
				// Ours, not some other process that took the port: the bench's seed route answers.
				const res = await fetch(`${url}/api/bench/seed`, { method: 'POST' });
				if (res.status === 401) break;
			} catch {
				// not listening yet
			}
			if (Date.now() - started > 20_000) throw new Error('PocketBase did not start within 20 s');
			await new Promise((r) => setTimeout(r, 50));
		}
	};

	const su = new PocketBase(url);
	su.autoCancellation(false);
	const signIn = () =>
		su.collection('_superusers').authWithPassword(SUPERUSER.email, SUPERUSER.password);

	const server: BenchServer = {
		url,
		su,
		seed: (body) => su.send('/api/bench/seed', { method: 'POST', body }),
		async member(n) {
			const pb = await su.collection('users').impersonate(memberId(n), 3600);
			pb.autoCancellation(false);
			return pb;
		},
		async restart(fix) {
			await stop();
			await launch(fix);
			await signIn();
		},
		async close() {
			live.delete(server);
			await stop();
			rmSync(tmp, { recursive: true, force: true });
		},
		stderr: () => errors,
		cpuSeconds() {
			try {
				// Fields 14 and 15 of /proc/<pid>/stat (after the command in parentheses): user and
				// system time in clock ticks, 100 a second on Linux.
				const stat = readFileSync(`/proc/${child?.pid}/stat`, 'utf8');
				const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				return (Number(fields[11]) + Number(fields[12])) / 100;
			} catch {
				return NaN;
			}
		}
	};
	live.add(server);
	try {
		await launch(patch);
		await signIn();
		const { rateLimits } = await su.settings.getAll();
		await su.settings.update({ rateLimits: { ...rateLimits, excludedIPs: ['127.0.0.1'] } });
	} catch (e) {
		await server.close();
		throw e;
	}
	return server;
}

/** Create the baseline collection: `events`' fields and indexes, `events`' create rule, no hooks. */
export async function createPlainCollection(su: PocketBase): Promise<void> {
	const events = await su.collections.getOne('events');
	await su.collections.create({
		name: PLAIN,
		type: 'base',
		createRule: events.createRule,
		fields: events.fields.filter((f) => f.name !== 'id').map((f) => ({ ...f, id: undefined })),
		indexes: events.indexes.map((i: string) =>
			i.replace(/idx_events_/, 'idx_plain_').replace(/`?events`? \(/, `${PLAIN} (`)
		)
	});
}

/**
 * Run a bench script's `main` against a fresh bench server: print its result as the one JSON
 * line bench/run.js reads, stop the server, and exit non-zero if it failed.
 */
export async function runBench(main: (server: BenchServer) => Promise<unknown>): Promise<never> {
	const server = await startBenchServer();
	let code = 0;
	try {
		console.log(JSON.stringify(await main(server)));
	} catch (e) {
		console.error(e, server.stderr());
		code = 1;
	} finally {
		await server.close();
	}
	process.exit(code);
}

/** CPU time every process on the machine has used so far, in seconds (Linux; NaN elsewhere):
 * with cpuSeconds() and the bench's own, how much of the machine other work took meanwhile. */
export function machineCpuSeconds(): number {
	try {
		// The first line of /proc/stat: cpu user nice system idle iowait irq softirq steal …
		const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
		return (f[1]! + f[2]! + f[3]! + f[6]! + f[7]! + f[8]!) / 100;
	} catch {
		return NaN;
	}
}

/** This process's CPU time so far, in seconds. */
export const ownCpuSeconds = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1e6;
};

/** A PocketBase date field's text for `ms`. */
export const isoDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

/** Wait until `at` (ms, Date.now()'s clock, which loopback shares with the server). */
export const sleepUntil = (at: number) =>
	new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

/** A question bank in the studio's format (tests/server/contests.test.ts): single choice, every
 * key A. */
export const contestBankText = (n: number) =>
	Array.from(
		{ length: n },
		(_, i) => `${i + 1}.【单选】基准竞赛第 ${i + 1} 题\nA. 对\nB. 错\n答案：A\n`
	).join('\n');

/**
 * The contest benches' organisation: `branches` branches and `members` seeded members (member n
 * in branch n % branches), plus its admin made through the API (whose password hash every member
 * shares), signed in, with a bank of `questions` questions of the admin's own.
 */
export async function seedContestOrg(
	server: BenchServer,
	opts: { members: number; branches: number; questions: number }
) {
	const { su, seed } = server;
	await seed({ step: 'org', branches: opts.branches, lessons: 1 });
	const record = await su.collection('users').create({
		email: 'admin@bench.test',
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name: '组织管理员',
		branch: 'b00000000000000',
		role: 'admin'
	});
	await seed({
		step: 'members',
		members: opts.members,
		branches: opts.branches,
		template: record.id
	});
	const admin = await su.collection('users').impersonate(record.id, 3600);
	admin.autoCancellation(false);
	const bank = await admin
		.collection('banks')
		.create({ name: '基准竞赛题库', text: contestBankText(opts.questions) });
	return { admin, bankId: bank.id as string };
}

/** When each realtime message reached each client, by key; `all` waits for every client. */
export class Arrivals {
	private times = new Map<string, number[]>();
	private waiting = new Map<string, () => void>();
	constructor(private readonly expected: number) {}
	add(key: string, at = Date.now()) {
		const list = this.times.get(key) ?? [];
		list.push(at);
		this.times.set(key, list);
		if (list.length >= this.expected) this.waiting.get(key)?.();
	}
	of(key: string): number[] {
		return this.times.get(key) ?? [];
	}
	/** Whether every client had `key` within `ms`. */
	async all(key: string, ms: number): Promise<boolean> {
		if (this.of(key).length >= this.expected) return true;
		let timer: NodeJS.Timeout | undefined;
		const done = await Promise.race([
			new Promise<boolean>((r) => this.waiting.set(key, () => r(true))),
			new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))
		]);
		clearTimeout(timer);
		this.waiting.delete(key);
		return done;
	}
}
