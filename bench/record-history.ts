// A member's five years of history for the growth record's bench (bench/record.ts) and its
// profile (bench/record-profile.ts): 10,000 confirmed events as a sync leaves them in the
// device's ledger, and the seeding of a signed-in member into the app's IndexedDB.
import { chromium, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { serveStatic } from '../scripts/serve.js';
import { serverDay } from '../src/lib/credits/engine.ts';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.js';

export const EVENTS = 10_000;
export const YEARS = 5;
const DAY_MS = 86_400_000;
const USER = 'bench-member';

/** A small seeded generator: the same history every run. */
function random(seed: number) {
	return () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

/**
 * Five years of a member's confirmed events as a sync leaves them: study on about two days in
 * three, bursts of quiz and daily answers, lessons, challenges, meeting check-ins, contests,
 * learners of shared lessons and approved service; some wrong answers, capped days and
 * rejections, as the server answers them.
 */
export function history(lessons: string[]) {
	const rnd = random(7);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
	const now = Date.now();
	const first = now - YEARS * 365 * DAY_MS;
	const days = Array.from({ length: YEARS * 365 }, (_, i) => first + i * DAY_MS).filter(
		() => rnd() < 0.68
	);
	const mix: [string, number][] = [
		['quiz.answered', 0.44],
		['daily.answered', 0.26],
		['challenge.completed', 0.1],
		['lesson.completed', 0.08],
		['lesson.shared-completed', 0.05],
		['meeting.checkin', 0.03],
		['service.approved', 0.02],
		['contest.joined', 0.01],
		['contest.placed', 0.01]
	];
	const typeOf = (x: number) => {
		for (const [type, share] of mix) if ((x -= share) < 0) return type;
		return 'quiz.answered';
	};
	const events = Array.from({ length: EVENTS }, (_, i) => {
		const at = pick(days) + Math.floor(rnd() * 14 * 3_600_000) + 8 * 3_600_000;
		const type = typeOf(rnd());
		const lessonId = pick(lessons);
		const wrong = type.endsWith('answered') && rnd() < 0.25;
		const rejected = rnd() < 0.02;
		const payload: Record<string, unknown> =
			type === 'quiz.answered'
				? { lessonId, attemptId: `a${i >> 3}`, questionId: `q${i}`, answer: ['A'] }
				: type === 'daily.answered'
					? { day: serverDay(at), questionId: `q${i}`, answer: ['B'] }
					: type === 'challenge.completed'
						? { run: `r${i}`, answers: 10 }
						: type === 'lesson.completed'
							? { lessonId, seconds: 300 + Math.floor(rnd() * 600), hash: 'h' }
							: type === 'lesson.shared-completed'
								? { lessonId, learner: `m${Math.floor(rnd() * 40)}` }
								: type === 'meeting.checkin'
									? { meeting: `mt${i}`, token: 't' }
									: type === 'service.approved'
										? { kind: 'volunteer', hours: 2, note: '社区服务' }
										: { contestId: `c${i >> 6}`, name: `知识竞赛 ${i >> 6}`, place: 1 + (i % 3) };
		return {
			id: '',
			type,
			user: USER,
			at,
			serverDay: serverDay(at),
			status: rejected ? 'rejected' : 'accepted',
			points: rejected || wrong ? 0 : type === 'contest.placed' ? 5 : 1 + (i % 2),
			reason: rejected ? 'too-short' : wrong ? 'wrong-answer' : i % 23 === 0 ? 'daily-cap' : null,
			lessonId: 'lessonId' in payload ? lessonId : '',
			questionId: type.endsWith('answered') ? `q${i}` : null,
			payload
		};
	});
	// Ids are UUIDv7 made when the event happened, as the devices make them: time-ordered.
	events.sort((a, b) => a.at - b.at);
	for (const e of events) e.id = uuidv7({ msecs: e.at });
	return events;
}

/** Put a signed-in member and their ledger into the app's IndexedDB, as a sync leaves it. */
export async function seed(page: Page, rows: unknown[]) {
	await page.evaluate(
		async ({ rows, user }) => {
			// Wait for the app to have made its database (Dexie version 5 is IndexedDB's 50).
			for (;;) {
				const dbs = await indexedDB.databases();
				if ((dbs.find((d) => d.name === 'gongxue')?.version ?? 0) >= 50) break;
				await new Promise((r) => setTimeout(r, 50));
			}
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const r = indexedDB.open('gongxue');
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
			const tx = db.transaction(['meta', 'ledger'], 'readwrite');
			const record = { id: user, name: '基准党员', branch: 'b', role: 'member' };
			tx.objectStore('meta').put({
				key: 'auth',
				value: JSON.stringify({ token: 'bench', record: { ...record, collectionName: 'users' } })
			});
			tx.objectStore('meta').put({ key: 'user', value: user });
			tx.objectStore('ledger').clear();
			for (const row of rows) tx.objectStore('ledger').put(row);
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ rows, user: USER }
	);
}

/** The built app served on a free port, the full browser, and the history over the app's own
 * lessons: what the bench and its profile start from. `close` ends both. */
export async function benchSetup() {
	const server = await serveStatic('build', 0);
	const address = server.address();
	const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	const index = (await (await fetch(`${url}/content/index.json`)).json()) as {
		lessons: { id: string }[];
	};
	const browser = await chromium.launch(chromiumLaunchOptions);
	const close = async () => {
		await browser.close();
		server.close();
	};
	return { url, browser, rows: history(index.lessons.map((l) => l.id)), close };
}
