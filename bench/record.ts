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
import type { Browser, Page } from '@playwright/test';
import { serverDay } from '../src/lib/credits/engine.ts';
import { benchSetup, EVENTS, seed, YEARS } from './record-history.ts';

const RUNS = 15;

/** p50, p95 (nearest rank) and max of `xs`, in ms. */
function spread(xs: number[]) {
	const s = [...xs].sort((a, b) => a - b);
	const rank = (p: number) => s[Math.max(0, Math.ceil(p * s.length) - 1)] ?? NaN;
	return { p50: rank(0.5), p95: rank(0.95), max: s.at(-1) ?? NaN, runs: s.length };
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

const { url, browser, rows, close } = await benchSetup();

console.error(`成长档案基准：${YEARS} 年 ${EVENTS.toLocaleString('en')} 条记录 vs 空记录…`);
const empty = await measure(browser, url, 'empty', []);
const full = await measure(browser, url, `${EVENTS.toLocaleString('en')} events`, rows);
await close();
console.log(JSON.stringify({ events: EVENTS, years: YEARS, runs: RUNS, full, empty }));
