// The studio bench's rows and notes for bench/run.js, from the JSON lines that
// bench/studio-import.ts and bench/studio-pull.ts print. Figures only: no targets.

/**
 * @typedef {{ peakBytes: number, retainedBytes: number, gcsDuring: number }} Memory
 * @typedef {object} StudioImport
 * @property {number} questions Numbered questions in the pasted text.
 * @property {number} parsed Questions the import kept.
 * @property {number} problems Problems it listed (one for each planted mistake).
 * @property {number} chars
 * @property {number} bytes UTF-8 bytes of the pasted text.
 * @property {number} runs
 * @property {number} oursMs Median time of one import of the paste.
 * @property {number} markedMs Median time of `marked`'s lexer over the same text.
 * @property {number} saveFormatMs Median time of writing the kept questions as the saved text.
 * @property {{ ours: Memory, marked: Memory }} memory
 * @typedef {object} StudioPull
 * @property {number} lessons
 * @property {number} lessonChars
 * @property {number} lessonBytes
 * @property {number} questions Quiz questions in the lessons.
 * @property {number} responseBytes JSON bytes of the records the baseline fetched.
 * @property {number} seedMs Time the secretary took to write and publish them all.
 * @property {number} runs
 * @property {number} oursMs Median time of a fresh device's pullLessons.
 * @property {number} plainMs Median time of the SDK's getFullList of the same records.
 */

const n0 = (/** @type {number} */ x) => Math.round(x).toLocaleString('en');
const ms = (/** @type {number} */ x) => `${x.toFixed(0)} ms`;
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(2)}×`;
/** Heap growth in MB; `≥` when a collection ran during the import (the peak is then higher). */
const peak = (/** @type {Memory} */ m) =>
	`${m.gcsDuring > 0 ? '≥ ' : ''}${(m.peakBytes / 1024 / 1024).toFixed(1)} MB`;
const mb = (/** @type {number} */ b) => `${(b / 1024 / 1024).toFixed(1)} MB`;

/**
 * Rows for the table: [指标, 共学, 基线, 比值, 目标, 达标].
 * @param {StudioImport} imp
 * @param {StudioPull} pull
 */
export function studioRows(imp, pull) {
	const { ours, marked } = imp.memory;
	return [
		[
			`工作室题库导入 ${n0(imp.questions)} 题（Word 粘贴，宽松解析）`,
			ms(imp.oursMs),
			`${ms(imp.markedMs)}（marked 词法分析同一文本）`,
			ratio(imp.oursMs, imp.markedMs),
			'—',
			null
		],
		[
			'工作室题库导入内存：峰值 / 留存（堆增长）',
			`${peak(ours)} / ${mb(ours.retainedBytes)}`,
			`${peak(marked)} / ${mb(marked.retainedBytes)}（marked 词法分析）`,
			ratio(ours.peakBytes, marked.peakBytes),
			'—',
			null
		],
		[
			`新设备拉取 ${n0(pull.lessons)} 节工作室课程（pullLessons）`,
			ms(pull.oursMs),
			`${ms(pull.plainMs)}（SDK getFullList 同样记录）`,
			ratio(pull.oursMs, pull.plainMs),
			'—',
			null
		]
	];
}

/**
 * What the studio figures measured, and how.
 * @param {StudioImport} imp
 * @param {StudioPull} pull
 */
export function studioNotes(imp, pull) {
	const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(0)} KB`;
	return [
		`工作室题库导入：生成的 ${n0(imp.questions)} 道题（单选、多选、判断、填空混合，分节标题、多种题号/选项/答案写法，CR LF 换行、全角空格缩进、不换行空格与空段落等 Word 复制痕迹，${kb(imp.bytes)}），其中 ${n0(imp.problems)} 道有书记常见的错误；导入与题库导入页相同：换行规整（normaliseText）、parseQuestions 宽松解析、问题按行排序，得 ${n0(imp.parsed)} 题、${n0(imp.problems)} 处问题。时间为 ${imp.runs} 轮的中位数（先预热），基线为 marked 的 lexer 处理同一文本；保存时把留下的题写成题库文本（formatQuestions）另需 ${imp.saveFormatMs.toFixed(1)} ms。内存在各自全新的 node --expose-gc 子进程中测一次（预热后）：峰值为稳定堆之上的增长（新生代足够大，期间 GC ${imp.memory.ours.gcsDuring} / ${imp.memory.marked.gcsDuring} 次），留存为 GC 后仍被结果占用的部分。`,
		`工作室课程到达设备：真实 PocketBase（迁移与钩子同生产）上，书记经工作室写作并发布 ${n0(pull.lessons)} 节课程（仓库课程轮换、换新 id，共 ${kb(pull.lessonBytes)} 文本、${n0(pull.questions)} 道题；写入与发布用时 ${(pull.seedMs / 1000).toFixed(1)} s）。每次为成员的全新设备（fake-indexeddb 上的空 GongxueDb）计时 pullLessons：两次列表请求、用内置课程的解析器解析并渲染、写入 Dexie；基线为新登录的普通 SDK 客户端以同样条件 getFullList 同样的 ${n0(pull.lessons)} 条记录（响应 ${kb(pull.responseBytes)}），不解析、不存储。两者交替，${pull.runs} 次的中位数（先预热）。`
	].join('\n');
}
