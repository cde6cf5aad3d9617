// The growth record bench's rows and notes for bench/run.js, from the JSON line that
// bench/record.ts prints. Figures only: the 达标 column is informative.

/**
 * @typedef {{ p50: number, p95: number, max: number, runs: number }} Spread
 * @typedef {{ tap: Spread, load: Spread, switch: Spread | null, failed: number,
 *   listed: number }} RecordRun
 * @typedef {object} RecordResult
 * @property {number} events Confirmed events in the member's ledger.
 * @property {number} years Years of history they span.
 * @property {number} runs Timed runs of each figure (after two warm-up runs).
 * @property {RecordRun} full The member with that history.
 * @property {RecordRun} empty The same member with none.
 */

const n0 = (/** @type {number} */ x) => Math.round(x).toLocaleString('en');
const spread = (/** @type {Spread} */ s) => `${n0(s.p50)} / ${n0(s.p95)} ms`;
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(2)}×`;
const TARGET_MS = 300;

/** Rows for the table: [指标, 共学, 基线, 比值, 目标, 达标]. @param {RecordResult} r */
export function recordRows(r) {
	const { full, empty } = r;
	const history = `${r.years} 年 ${n0(r.events)} 条记录`;
	const rows = [
		[
			`成长档案（${history}）：在「我的」点「成长档案」→ 档案显示，p50 / p95`,
			spread(full.tap),
			`${spread(empty.tap)}（空档案）`,
			ratio(full.tap.p95, empty.tap.p95),
			`p95 < ${TARGET_MS} ms`,
			full.tap.p95 < TARGET_MS
		],
		[
			`成长档案：整页加载 /me/record → 档案显示，p50 / p95`,
			spread(full.load),
			`${spread(empty.load)}（空档案）`,
			ratio(full.load.p95, empty.load.p95),
			'—',
			null
		]
	];
	if (full.switch !== null) {
		rows.push([
			'成长档案：切换年度 → 该年档案显示，p50 / p95',
			spread(full.switch),
			`${spread(empty.tap)}（空档案，点开）`,
			ratio(full.switch.p95, empty.tap.p95),
			`p95 < ${TARGET_MS} ms`,
			full.switch.p95 < TARGET_MS
		]);
	}
	return rows;
}

/** What the growth record figures measured, and how. @param {RecordResult} r */
export function recordNotes(r) {
	const failed = r.full.failed + r.empty.failed;
	return [
		`成长档案：Chromium 中已登录成员的设备账本预置 ${r.years} 年 ${n0(r.events)} 条已确认事件（约三分之二的日子有学习；答题、每日答题、挑战、课程、分享课程的学习者、会议签到、志愿服务、竞赛混合，含答错、封顶与被拒），基线为同一成员空账本，同一次运行。每项 ${r.runs} 次（先预热 2 次），每次新开页面：「我的」页面就绪后点「成长档案」到档案显示（客户端导航）；整页加载 /me/record 到页面的 gongxue:record-ready 标记（应用启动、读取 IndexedDB、生成档案）；切换到往年到该年档案显示（空档案只有一个年度，无法切换，以其点开为基线）。「显示」指页面根元素 data-ready 为该年度后的下一帧。档案只按索引读取所选年度的事件和有记录的年份，不读整本账本；该成员的档案列出 ${n0(r.full.listed)} 项。`,
		failed > 0 ? `注意：${failed} 次运行失败（页面崩溃或超时），未计入。` : ''
	]
		.filter(Boolean)
		.join('\n');
}
