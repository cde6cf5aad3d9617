// The growth record's figure for `npm run bench`: /me/record rendered in Chromium for a member
// with five years of history (10,000 confirmed events in the device's ledger), against the same
// page for a member with none, in the same run. Two timings each, medians of RUNS:
//   open:   from navigation to the year's record on screen (loading the ledger from IndexedDB
//           and building the record included);
//   switch: choosing another year, to that year's record on screen.
// Needs `build/` (bench/run.js builds it). Prints one JSON line; progress goes to stderr.
import { chromium, type Page } from '@playwright/test';
import { serveStatic } from '../scripts/serve.js';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.js';
import { serverDay } from '../src/lib/credits/engine.ts';

const EVENTS = 10_000;
const YEARS = 5;
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Five years of a member's confirmed events, spread evenly, of every kind the record reads. */
function history(user: string, lessons: string[]) {
	const now = Date.now();
	const span = YEARS * 365 * 86_400_000;
	const kinds = ['lesson.completed', 'quiz.answered', 'daily.answered', 'challenge.completed'];
	return Array.from({ length: EVENTS }, (_, i) => {
		const at = now - span + Math.floor((i * span) / EVENTS);
		const type = i % 97 === 0 ? 'contest.placed' : kinds[i % kinds.length]!;
		const lessonId = lessons[i % lessons.length]!;
		return {
			id: `bench-${i}`,
			type,
			user,
			at,
			serverDay: serverDay(at),
			status: 'accepted',
			points: 1,
			reason: i % 5 === 0 ? 'wrong-answer' : null,
			lessonId: type.startsWith('lesson') || type === 'quiz.answered' ? lessonId : '',
			questionId: null,
			payload:
				type === 'contest.placed'
					? { contestId: `c${i}`, name: `竞赛 ${i}`, place: 1 + (i % 3) }
					: { lessonId }
		};
	});
}

/** Put a signed-in member and their ledger into the app's IndexedDB (as a sync would leave it). */
async function seed(page: Page, rows: unknown[]) {
	await page.evaluate(async (rows) => {
		const open = () =>
			new Promise<IDBDatabase>((resolve, reject) => {
				const r = indexedDB.open('gongxue');
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		const db = await open();
		const tx = db.transaction(['meta', 'ledger'], 'readwrite');
		const record = { id: 'bench-member', name: '基准党员', branch: 'b', role: 'member' };
		tx.objectStore('meta').put({
			key: 'auth',
			value: JSON.stringify({ token: 'bench', record: { ...record, collectionName: 'users' } })
		});
		tx.objectStore('meta').put({ key: 'user', value: record.id });
		tx.objectStore('ledger').clear();
		for (const row of rows) tx.objectStore('ledger').put(row);
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, rows);
}

/** Open /me/record and time it to the record of `year` with `lessons` lessons on screen. */
async function timeOpen(page: Page, url: string, expected: string) {
	await page.goto(`${url}/`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.evaluate(() => {
		// A client-side navigation, as a tap on 成长档案 makes it.
		(document.querySelector('a[href="/me"]') as HTMLAnchorElement | null)?.click();
	});
	await page.locator('a[href="/me/record"]').waitFor();
	await page.evaluate(() => {
		(window as unknown as { t0: number }).t0 = performance.now();
		(document.querySelector('a[href="/me/record"]') as HTMLAnchorElement).click();
	});
	await page.waitForFunction(
		(text) =>
			document
				.querySelector('article.record section:nth-of-type(2) h2')
				?.textContent?.includes(text),
		expected
	);
	const ms = await page.evaluate(
		() => performance.now() - (window as unknown as { t0: number }).t0
	);
	return ms;
}

/** Choose `year` and time it to its record on screen. */
async function timeSwitch(page: Page, year: number, expected: string) {
	const ms = await page.evaluate(
		async ({ year, expected }) => {
			const select = document.querySelector('.tools select') as HTMLSelectElement;
			const t0 = performance.now();
			select.value = String(year);
			select.dispatchEvent(new Event('change', { bubbles: true }));
			await new Promise<void>((resolve) => {
				const check = () => {
					const h1 = document.querySelector('article.record h1')?.textContent ?? '';
					const h2 =
						document.querySelector('article.record section:nth-of-type(2) h2')?.textContent ?? '';
					if (h1.includes(String(year)) && h2.includes(expected)) resolve();
					else requestAnimationFrame(check);
				};
				check();
			});
			return performance.now() - t0;
		},
		{ year, expected }
	);
	return ms;
}

const server = await serveStatic('build', 0);
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const index = (await (await fetch(`${url}/content/index.json`)).json()) as {
	lessons: { id: string }[];
};
const browser = await chromium.launch(chromiumLaunchOptions);
const lessons = index.lessons.map((l) => l.id);
const rows = history('bench-member', lessons);
const thisYear = Number(serverDay(Date.now()).slice(0, 4));

async function measure(label: string, ledger: unknown[]) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	// tsx names functions with a helper the page does not have; give it one.
	await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	const page = await context.newPage();
	await page.goto(`${url}/`);
	await page.locator('html[data-hydrated]').waitFor();
	await seed(page, ledger);
	const open: number[] = [];
	const change: number[] = [];
	await page.close();
	let crashed = 0;
	for (let i = 0; i < RUNS; i++) {
		// A fresh page each run, as a member opening the app would have.
		const page = await context.newPage();
		try {
			open.push(await timeOpen(page, url, '完成课程'));
			if (ledger.length > 0) {
				change.push(await timeSwitch(page, thisYear - 1 - (i % 3), '完成课程'));
			}
			await page.close();
		} catch (e) {
			// Reported, not hidden: a page that dies under a long history is a finding.
			crashed++;
			console.error(`    run ${i + 1} failed: ${String(e).split('\n')[0]}`);
		}
	}
	console.error(`  [record] ${label}: open ${median(open).toFixed(0)} ms`);
	await context.close();
	return {
		open: median(open),
		openMax: Math.max(...open),
		change: change.length > 0 ? median(change) : null,
		crashed
	};
}

console.error('成长档案基准：5 年 10,000 条记录 vs 空记录…');
const full = await measure('10,000 events', rows);
const empty = await measure('empty', []);
await browser.close();
server.close();
console.log(JSON.stringify({ events: EVENTS, years: YEARS, runs: RUNS, full, empty }));
