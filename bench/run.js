// npm run bench: Gongxue's size and speed figures, each beside a baseline measured in the same
// run. Prints a table; writes bench/results/latest.json. Figures only, never pass/fail.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { serveStatic } from '../scripts/serve.js';
import { chromiumLaunchOptions } from '../tests/e2e/chromium.js';
import { contestNotes, contestRows } from './contest-report.js';
import { recordNotes, recordRows } from './record-report.js';
import { capacityEstimate, serverNotes, serverRows } from './server-report.js';
import { studioNotes, studioRows } from './studio-report.js';

const RENDER_RUNS = 15;

/** @param {string} cmd @param {string[]} args @param {string} [cwd] */
function run(cmd, args, cwd) {
	const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
	if (r.status !== 0) {
		console.error(r.stdout, r.stderr);
		throw new Error(`${cmd} ${args.join(' ')} failed`);
	}
	return r.stdout;
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
/** @param {import('node:http').Server} s */
const urlOf = (s) => {
	const a = s.address();
	return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
};

console.error('构建 Gongxue 与基线页面…');
run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
run(
	process.execPath,
	['../../node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
	'bench/baseline'
);
const app = await serveStatic('build', 0);
const base = await serveStatic('bench/baseline/build', 0);
const index = await (await fetch(`${urlOf(app)}/content/index.json`)).json();
const lessonId = index.lessons[0].id;

const browser = await chromium.launch(chromiumLaunchOptions);

/**
 * JavaScript a first visit loads: every script the page fetches, gzipped as a server would send
 * it. The service worker's own background precache is reported separately.
 * @param {string} url
 */
async function firstVisitJs(url) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	/** @type {Promise<{raw: number, gz: number}>[]} */
	const sizes = [];
	page.on('response', (res) => {
		if (res.request().resourceType() !== 'script') return;
		sizes.push(res.body().then((b) => ({ raw: b.length, gz: gzipSync(b).length })));
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await page.locator('html[data-hydrated]').waitFor();
	const all = await Promise.all(sizes);
	await context.close();
	return {
		files: all.length,
		raw: all.reduce((n, s) => n + s.raw, 0),
		gz: all.reduce((n, s) => n + s.gz, 0)
	};
}

/** Time from navigation start to the hydration mark, and to first contentful paint, in ms. */
async function timings(
	/** @type {import('@playwright/test').Page} */ page,
	/** @type {string} */ url
) {
	await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor();
	return page.evaluate(() => ({
		hydrated: performance.getEntriesByName('gongxue:hydrated')[0]?.startTime ?? NaN,
		fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
	}));
}

/** Render a lesson RENDER_RUNS times: offline from the service worker, or online without one. */
async function lessonRender(/** @type {boolean} */ offline) {
	const context = await browser.newContext({ serviceWorkers: offline ? 'allow' : 'block' });
	const page = await context.newPage();
	const url = `${urlOf(app)}/lessons/${lessonId}`;
	if (offline) {
		await page.goto(`${urlOf(app)}/`);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await context.setOffline(true);
	}
	const samples = [];
	for (let i = 0; i < RENDER_RUNS + 2; i++) samples.push(await timings(page, url));
	await context.close();
	const kept = samples.slice(2); // the first two warm the browser's caches
	return { hydrated: median(kept.map((s) => s.hydrated)), fcp: median(kept.map((s) => s.fcp)) };
}

/**
 * Bytes the service worker downloads at install to make everything work offline: it precaches
 * every file of the build (app shell, prerendered pages, content pack, static files) but the
 * studio's on-demand library chunks listed in `_app/on-demand.json`, gzipped.
 * @param {string} dir
 * @returns {number}
 */
function precacheBytes(dir) {
	/** @type {string[]} */
	const onDemand = JSON.parse(readFileSync(join(dir, '_app/on-demand.json'), 'utf8'));
	const skipped = new Set(onDemand.map((p) => join(dir, p)));
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name !== 'service-worker.js')
		.filter((e) => !skipped.has(join(e.parentPath, e.name)))
		.reduce((n, e) => n + gzipSync(readFileSync(join(e.parentPath, e.name))).length, 0);
}

console.error('测量首次访问加载的 JavaScript…');
const jsHome = await firstVisitJs(`${urlOf(app)}/`);
const jsLesson = await firstVisitJs(`${urlOf(app)}/lessons/${lessonId}`);
const jsBase = await firstVisitJs(`${urlOf(base)}/`);
const precache = precacheBytes('build');
console.error('测量离线渲染课程页…');
const offline = await lessonRender(true);
const online = await lessonRender(false);
await browser.close();
app.close();
base.close();

console.error('测量内容构建（1000 节课）…');
const content = JSON.parse(
	run('npx', ['tsx', 'bench/content.ts']).trim().split('\n').pop() ?? '{}'
);

/**
 * Run a bench script with tsx, gc exposed (it may settle the heap between timed parts), and read
 * the JSON line it prints last; its progress shows.
 * @param {string} script
 */
function tsxJson(script) {
	const args = ['--expose-gc', '--import', 'tsx', script];
	const r = spawnSync(process.execPath, args, {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit']
	});
	if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
	return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
}

console.error('测量成长档案（5 年 10,000 条记录 vs 空记录，Chromium）…');
/** @type {import('./record-report.js').RecordResult} */
const record = tsxJson('bench/record.ts');

console.error('测量工作室题库导入（2,000 题，含内存子进程）…');
/** @type {import('./studio-report.js').StudioImport} */
const studioImport = tsxJson('bench/studio-import.ts');
console.error('测量工作室课程到达设备（真实 PocketBase，200 节课程）…');
/** @type {import('./studio-report.js').StudioPull} */
const studioPull = tsxJson('bench/studio-pull.ts');

console.error('测量服务器（真实 PocketBase：事件写入、排行榜、设备排空，约 3 分钟）…');
const serverRun = spawnSync('npx', ['tsx', 'bench/server.ts'], {
	encoding: 'utf8',
	stdio: ['ignore', 'pipe', 'inherit']
});
if (serverRun.status !== 0) throw new Error('npx tsx bench/server.ts failed');
/** @type {import('./server-report.js').ServerResult} */
const server = JSON.parse(serverRun.stdout.trim().split('\n').pop() ?? '{}');

console.error('测量竞赛负载（真实 PocketBase，500 名成员各自实时订阅，约 2 分钟）…');
/** @type {import('./contest-report.js').ContestResult} */
const contest = tsxJson('bench/contest.ts');

const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (/** @type {number} */ x) => `${x.toFixed(0)} ms`;
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(2)}×`;
const rows = [
	[
		'首页首次访问 JS (gzip)',
		kb(jsHome.gz),
		kb(jsBase.gz),
		ratio(jsHome.gz, jsBase.gz),
		'≤ 100 KB',
		jsHome.gz <= 100 * 1024
	],
	[
		'课程页首次访问 JS (gzip)',
		kb(jsLesson.gz),
		kb(jsHome.gz) + ' (首页)',
		`+${kb(jsLesson.gz - jsHome.gz)}`,
		'≤ 首页 + 20 KB',
		jsLesson.gz - jsHome.gz <= 20 * 1024
	],
	[
		'内容构建 1000 节课',
		ms(content.oursMs),
		ms(content.markedMs) + ' (marked)',
		ratio(content.oursMs, content.markedMs),
		'≤ 3×',
		content.oursMs <= 3 * content.markedMs
	],
	[
		'课程页可交互 (离线, SW)',
		ms(offline.hydrated),
		ms(online.hydrated) + ' (联网, 无 SW)',
		ratio(offline.hydrated, online.hydrated),
		'—',
		null
	],
	[
		'课程页首次内容绘制 (离线)',
		ms(offline.fcp),
		ms(online.fcp) + ' (联网, 无 SW)',
		ratio(offline.fcp, online.fcp),
		'—',
		null
	],
	['离线预缓存下载量 (gzip)', kb(precache), '—', '—', '—', null],
	...recordRows(record),
	...studioRows(studioImport, studioPull),
	...serverRows(server),
	...contestRows(contest)
];
console.log('\n| 指标 | 共学 | 基线 | 比值 | 目标 | 达标 |\n|---|---|---|---|---|---|');
for (const [name, ours, baseline, r, target, ok] of rows) {
	console.log(
		`| ${name} | ${ours} | ${baseline} | ${r} | ${target} | ${ok === null ? '' : ok ? '是' : '否'} |`
	);
}
console.log(
	`\n基线：首页与课程页的基线为同样方式构建的空白 SvelteKit 页面（${jsBase.files} 个脚本）；内容构建的基线为 marked 单独解析同样的 ${(content.bytes / 1e6).toFixed(1)} MB 文本（中位数，${content.runs} 轮）；离线渲染的基线为同一课程页联网加载且不经 service worker（中位数，${RENDER_RUNS} 次）。`
);
console.log(`\n${recordNotes(record)}`);
console.log(`\n${studioNotes(studioImport, studioPull)}`);
console.log(`\n${serverNotes(server)}`);
console.log(`\n${capacityEstimate(server)}`);
console.log(`\n${contestNotes(contest)}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
	'bench/results/latest.json',
	JSON.stringify(
		{
			at: new Date().toISOString(),
			jsHome,
			jsLesson,
			jsBase,
			precache,
			offline,
			online,
			content,
			record,
			studioImport,
			studioPull,
			server,
			contest
		},
		null,
		2
	)
);
