// Where the growth record's time goes (`npx tsx bench/record-profile.ts`, after `npm run build`):
// for an empty record and for 5 years of history (10,000 events), a tap on 成长档案 split into
// the route on screen (its code, the content index, the page's first render, the record in it)
// and the record ready (the list of years read too); and the IndexedDB reads the record and /me
// make, timed alone in the page. Medians of RUNS; prints a table. Not part of `npm run bench`.
import type { Page } from '@playwright/test';
import { serverDay } from '../src/lib/credits/engine.ts';
import { benchSetup, seed } from './record-history.ts';

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** On /me, tap 成长档案: ms to the route's root, to the record in it, to `data-ready`. */
function tap(page: Page) {
	return page.evaluate(async () => {
		const t0 = performance.now();
		const at: Record<string, number> = {};
		(document.querySelector('a[href="/me/record"]') as HTMLAnchorElement).click();
		await new Promise<void>((resolve) => {
			const check = () => {
				const root = document.querySelector('.record-page');
				if (root) at.route ??= performance.now() - t0;
				if (document.querySelector('article.record')) at.record ??= performance.now() - t0;
				if (root?.hasAttribute('data-ready')) resolve();
				else setTimeout(check, 1);
			};
			check();
		});
		return { ...at, ready: performance.now() - t0 } as Record<string, number>;
	});
}

/** The ledger's reads, each alone in its own transaction, by the app's indexes (ms). */
function reads(page: Page, year: number) {
	return page.evaluate(async (year) => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const r = indexedDB.open('gongxue');
			r.onsuccess = () => resolve(r.result);
		});
		const u = 'bench-member';
		const done = <T>(r: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		const index = (name: string) => db.transaction('ledger').objectStore('ledger').index(name);
		const out: Record<string, number> = {};
		const time = async (name: string, read: () => Promise<unknown>) => {
			const t0 = performance.now();
			await read();
			out[name] = performance.now() - t0;
		};
		const range = (y: number) => IDBKeyRange.bound([u, `${y}-01-01`], [u, `${y}-12-31`]);
		await time('a year’s events (getAll)', () =>
			done(index('[user+serverDay]').getAll(range(year)))
		);
		await time('a year’s count', () => done(index('[user+serverDay]').count(range(year))));
		await time('one key per year (years present)', () =>
			Promise.all(
				[0, 1, 2, 3, 4, 5].map((i) => done(index('[user+serverDay]').getKey(range(year - i))))
			)
		);
		await time('latest 100 (/me)', () =>
			done(index('[user+at]').getAll(IDBKeyRange.bound([u], [u, []]), 100))
		);
		await time('every quiz answer (home)', () =>
			done(
				index('[user+status+type+serverDay]').getAll(
					IDBKeyRange.bound([u, 'accepted', 'quiz.answered'], [u, 'accepted', 'quiz.answered', []])
				)
			)
		);
		await time('whole ledger (as before)', () =>
			done(db.transaction('ledger').objectStore('ledger').getAll())
		);
		db.close();
		return out;
	}, year);
}

const { url, browser, rows: full, close } = await benchSetup();
const year = Number(serverDay(Date.now()).slice(0, 4));
console.log('| | empty | 10,000 events |\n|---|---|---|');
const table: Record<string, string[]> = {};
for (const rows of [[], full]) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	const first = await context.newPage();
	await first.goto(`${url}/`);
	await first.locator('html[data-hydrated]').waitFor();
	await seed(first, rows);
	await first.close();
	const runs: Record<string, number>[] = [];
	for (let i = 0; i < RUNS; i++) {
		const page = await context.newPage();
		await page.goto(`${url}/me`);
		await page.locator('#ledger-title').waitFor();
		await page.waitForTimeout(300);
		const split = await tap(page);
		runs.push(rows.length > 0 ? { ...split, ...(await reads(page, year - 1)) } : split);
		await page.close();
	}
	await context.close();
	for (const key of Object.keys(runs.at(-1) ?? {})) {
		(table[key] ??= []).push(`${median(runs.map((r) => r[key] ?? NaN)).toFixed(0)} ms`);
	}
}
const names: Record<string, string> = {
	route: 'tap → the route on screen',
	record: 'tap → the record in it',
	ready: 'tap → ready (years listed)'
};
for (const [key, [a, b]] of Object.entries(table)) {
	console.log(`| ${names[key] ?? key} | ${b === undefined ? '—' : a} | ${b ?? a} |`);
}
await close();
