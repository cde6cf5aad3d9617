// The growth record's figure for `npm run bench`: /me/record in Chromium for a signed-in member
// with five years of history (10,000 confirmed events in the device's ledger), against the same
// member with an empty record, in the same run. Three timings, p50 / p95 over RUNS each:
//   tap:    on /me, tapping 成长档案 to this year's record on screen (a client-side navigation);
//   load:   a full page load of /me/record to the record on screen (navigation start to the
//           page's `gongxue:record-ready` mark: the app starting, IndexedDB read, record built);
//   switch: choosing another year to its record on screen (full history only: an empty record
//           has one year to show).
// "On screen" is the page's `data-ready` for that year, seen on the next animation frame.
// Needs `build/` (bench/run.js builds it). Prints one JSON line; progress goes to stderr.
import { chromium, type Browser, type Page } from '@playwright/test';
import { serveStatic } from '../scripts/serve.js';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.js';
import { serverDay } from '../src/lib/credits/engine.ts';

const EVENTS = 10_000;
const YEARS = 5;
const RUNS = 15;
const DAY_MS = 86_400_000;
const USER = 'bench-member';

/** p50, p95 (nearest rank) and max of `xs`, in ms. */
function spread(xs: number[]) {
	const s = [...xs].sort((a, b) => a - b);
	const rank = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? NaN;
	return { p50: rank(0.5), p95: rank(0.95), max: s.at(-1) ?? NaN, runs: s.length };
}

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
function history(lessons: string[]) {
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
	return Array.from({ length: EVENTS }, (_, i) => {
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
			id: `bench-${String(i).padStart(5, '0')}`,
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
}

/** Put a signed-in member and their ledger into the app's IndexedDB, as a sync leaves it. */
async function seed(page: Page, rows: unknown[]) {
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

/** In the page: run `act`, then wait for the record of `year` on screen; ms from `act`. */
function untilReady(page: Page, year: number, act: 'tap' | 'switch') {
	return page.evaluate(
		async ({ year, act }) => {
			const t0 = performance.now();
			if (act === 'tap') {
				(document.querySelector('a[href="/me/record"]') as HTMLAnchorElement).click();
			} else {
				const select = document.querySelector('.record-page select') as HTMLSelectElement;
				select.value = String(year);
				select.dispatchEvent(new Event('change', { bubbles: true }));
			}
			await new Promise<void>((resolve) => {
				const check = () => {
					const root = document.querySelector('.record-page');
					if (root?.getAttribute('data-ready') === String(year)) resolve();
					else requestAnimationFrame(check);
				};
				requestAnimationFrame(check);
			});
			return performance.now() - t0;
		},
		{ year, act }
	);
}

async function measure(browser: Browser, url: string, label: string, ledger: unknown[]) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	// tsx names functions with a helper the page does not have; give it one.
	await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	const first = await context.newPage();
	await first.goto(`${url}/`);
	await first.locator('html[data-hydrated]').waitFor();
	await seed(first, ledger);
	await first.close();
	const thisYear = Number(serverDay(Date.now()).slice(0, 4));
	const tap: number[] = [];
	const load: number[] = [];
	const change: number[] = [];
	const problems: string[] = [];
	let lessonsShown = 0;
	// Two warm-up rounds (the browser's caches, the JIT), then RUNS timed ones.
	for (let i = -2; i < RUNS; i++) {
		// A fresh page each run, as a member opening the app would have.
		const page = await context.newPage();
		try {
			await page.goto(`${url}/me`);
			await page.locator('html[data-hydrated]').waitFor();
			await page.locator('a[href="/me/record"]').waitFor();
			await page.locator('#ledger-title').waitFor();
			await page.waitForTimeout(300);
			const a = await untilReady(page, thisYear, 'tap');
			await page.goto(`${url}/me/record`);
			await page.locator(`.record-page[data-ready="${thisYear}"]`).waitFor();
			const b = await page.evaluate(
				() => performance.getEntriesByName('gongxue:record-ready')[0]?.startTime ?? NaN
			);
			let c = NaN;
			if (ledger.length > 0) c = await untilReady(page, thisYear - 1 - ((i + 2) % 4), 'switch');
			lessonsShown = await page.locator('article.record li').count();
			if (i >= 0) {
				tap.push(a);
				load.push(b);
				if (!Number.isNaN(c)) change.push(c);
			}
		} catch (e) {
			// Reported, not hidden: a page that dies under a long history is a finding.
			problems.push(String(e).split('\n')[0]!);
			console.error(`    ${label} run ${i + 1} failed: ${problems.at(-1)}`);
		}
		await page.close();
	}
	await context.close();
	const r = {
		tap: spread(tap),
		load: spread(load),
		switch: change.length > 0 ? spread(change) : null,
		failed: problems.length,
		listed: lessonsShown
	};
	console.error(
		`  [record] ${label}: tap p50 ${r.tap.p50.toFixed(0)} / p95 ${r.tap.p95.toFixed(0)} ms, load p50 ${r.load.p50.toFixed(0)} / p95 ${r.load.p95.toFixed(0)} ms` +
			(r.switch
				? `, switch p50 ${r.switch.p50.toFixed(0)} / p95 ${r.switch.p95.toFixed(0)} ms`
				: '')
	);
	return r;
}

const server = await serveStatic('build', 0);
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const index = (await (await fetch(`${url}/content/index.json`)).json()) as {
	lessons: { id: string }[];
};
const browser = await chromium.launch(chromiumLaunchOptions);
const rows = history(index.lessons.map((l) => l.id));

console.error(`成长档案基准：${YEARS} 年 ${EVENTS.toLocaleString('en')} 条记录 vs 空记录…`);
const empty = await measure(browser, url, 'empty', []);
const full = await measure(browser, url, `${EVENTS.toLocaleString('en')} events`, rows);
await browser.close();
server.close();
console.log(JSON.stringify({ events: EVENTS, years: YEARS, runs: RUNS, full, empty }));
