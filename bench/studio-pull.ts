// Studio lessons reaching a device: 200 lessons a secretary wrote and published, pulled by a
// member's fresh device with pullLessons (fetch, parse with the built-in lessons' parser, store in
// Dexie on fake-indexeddb), against fetching the same 200 records with the plain PocketBase SDK's
// getFullList (same filter, fields and page size; no parsing, no storing). Real PocketBase with
// the repository's migrations and hooks, on loopback. Median of RUNS fresh devices after WARMUP,
// the two sides taken in turn. Prints one JSON line for bench/run.js, which runs it as
// `node --expose-gc --import tsx`; progress goes to stderr.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { parseLesson } from '../src/lib/content/lesson.ts';
import { GongxueDb } from '../src/lib/db/index.ts';
import { createClient, pullLessons } from '../src/lib/sync/index.ts';
import { PASSWORD, pool, type BenchServer, runBench } from './pb/harness.ts';

const LESSONS = 200;
const WARMUP = 2;
const RUNS = 15;
/** Lessons written at once by the secretary's client while seeding. */
const CONCURRENCY = 4;
/** What pullLessons asks for (src/lib/sync/library.ts), asked for the same way. */
const PUBLISHED = 'source = "uploaded" && status = "published"';
const LESSON_FIELDS = 'id,lesson_id,text,kind,featured,learners,updated';

const t0 = performance.now();
const log = (msg: string) =>
	console.error(`  [studio-pull ${((performance.now() - t0) / 1000).toFixed(0)} s] ${msg}`);

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : [];
	});
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function signedIn(url: string, email: string): Promise<PocketBase> {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	await pb.collection('users').authWithPassword(email, PASSWORD);
	return pb;
}

/** An organisation with one branch, its secretary and a member; both signed in. */
async function branch(server: BenchServer) {
	const { su } = server;
	const org = await su.collection('organisations').create({ name: '基准组织', code: 'bench-org' });
	const b = await su
		.collection('branches')
		.create({ name: '基准支部', organisation: org.id, join_code: 'BENCHPULL01' });
	const emails: Record<'secretary' | 'member', string> = {
		secretary: 'secretary@bench.test',
		member: 'member@bench.test'
	};
	for (const [role, email] of Object.entries(emails)) {
		await su.collection('users').create({
			email,
			password: PASSWORD,
			passwordConfirm: PASSWORD,
			name: role === 'secretary' ? '支部书记' : '党员',
			branch: b.id,
			role
		});
	}
	return { secretary: await signedIn(server.url, emails.secretary), memberEmail: emails.member };
}

/** The secretary writes LESSONS lessons in the studio and publishes each to the branch: the
 * repository's lessons (realistic length, markdown, tables, quizzes) cycled under fresh ids. */
async function publish(secretary: PocketBase) {
	const templates = walk('content/lessons').map((p) => readFileSync(p, 'utf8'));
	const texts = Array.from({ length: LESSONS }, (_, i) =>
		templates[i % templates.length]!.replace(
			/^id: .*$/m,
			`id: studio-lesson-${String(i).padStart(3, '0')}`
		)
	);
	await pool(
		texts.map((text, i) => ({ text, i })),
		CONCURRENCY,
		async ({ text }) => {
			const r = await secretary.collection('lessons').create({ text });
			await secretary.send(`/api/gongxue/lessons/${r.id}/review`, {
				method: 'POST',
				body: { action: 'publish' }
			});
		}
	);
	return {
		chars: texts.reduce((n, t) => n + t.length, 0),
		bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
		questions: texts.reduce(
			(n, text) => n + (parseLesson({ path: 'x.md', text }).lesson?.questions.length ?? 0),
			0
		)
	};
}

/** Before a timed part: the last part's garbage collected now, not during this one (with
 * node --expose-gc), and a moment for the server to finish what the last part left it. */
async function settle() {
	globalThis.gc?.();
	await new Promise((r) => setTimeout(r, 100));
}

let devices = 0;

/** A member's fresh device: an empty GongxueDb, signed in as the app signs in. Time its pull. */
async function devicePull(url: string, email: string): Promise<number> {
	const db = new GongxueDb(`bench-studio-pull-${++devices}`);
	await db.open();
	try {
		const pb = await createClient(db, url);
		await pb.collection('users').authWithPassword(email, PASSWORD);
		await settle();
		const t = performance.now();
		const stored = await pullLessons(db, pb);
		const ms = performance.now() - t;
		const kept = await db.lessons.count();
		if (stored !== LESSONS || kept !== LESSONS) {
			throw new Error(`pull stored ${stored}, the device holds ${kept}`);
		}
		return ms;
	} finally {
		db.close();
		await db.delete();
	}
}

/** The baseline: the same records through the plain SDK, for a freshly signed-in client. */
async function plainFetch(url: string, email: string): Promise<{ ms: number; bytes: number }> {
	const pb = await signedIn(url, email);
	await settle();
	const t = performance.now();
	const records = await pb
		.collection('lessons')
		.getFullList({ filter: PUBLISHED, sort: 'updated', fields: LESSON_FIELDS, batch: 200 });
	const ms = performance.now() - t;
	if (records.length !== LESSONS) throw new Error(`getFullList: ${records.length} records`);
	return { ms, bytes: Buffer.byteLength(JSON.stringify(records)) };
}

async function main(server: BenchServer) {
	log(`书记在工作室写作并发布 ${LESSONS} 节课程…`);
	const { secretary, memberEmail } = await branch(server);
	const t = performance.now();
	const written = await publish(secretary);
	const seedMs = performance.now() - t;
	log(`新设备拉取 ${LESSONS} 节课程（${WARMUP} 次预热 + ${RUNS} 次）…`);
	const ours: number[] = [];
	const baseline: number[] = [];
	let bytes = 0;
	for (let run = -WARMUP; run < RUNS; run++) {
		// The two sides in turn, the order swapped every run.
		const first = run % 2 === 0;
		let plain: { ms: number; bytes: number } | null = null;
		if (first) plain = await plainFetch(server.url, memberEmail);
		const pulled = await devicePull(server.url, memberEmail);
		if (!first) plain = await plainFetch(server.url, memberEmail);
		bytes = plain!.bytes;
		if (run >= 0) {
			ours.push(pulled);
			baseline.push(plain!.ms);
		}
	}
	log('完成');
	return {
		lessons: LESSONS,
		lessonChars: written.chars,
		lessonBytes: written.bytes,
		questions: written.questions,
		responseBytes: bytes,
		seedMs,
		runs: RUNS,
		oursMs: median(ours),
		plainMs: median(baseline),
		oursSamplesMs: ours.map(Math.round),
		plainSamplesMs: baseline.map(Math.round)
	};
}

await runBench(main);
