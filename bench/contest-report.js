// The contest bench's rows and notes for bench/run.js, from the JSON line that bench/contest.ts
// prints. Figures only: the 达标 column is informative.

/**
 * @typedef {{ p50: number, p95: number, max: number }} Spread
 * @typedef {{ server: number, clients: number, others: number }} Cores
 * @typedef {{ updates: number, missed: number, all: Spread, each: Spread, request: Spread,
 *   cores: Cores, bytes: number }} Broadcast
 * @typedef {object} ContestResult
 * @property {number} members
 * @property {number} branches
 * @property {number} questions
 * @property {number} seconds Seconds each question is open.
 * @property {number} revealSeconds
 * @property {number} answerWithinMs Every member answers within this of the opening.
 * @property {number} right Share of right answers.
 * @property {string} rateLimitExempt
 * @property {{ clientsMs: number, connectMs: number, subscribeMs: number }} setup
 * @property {Broadcast} plain Baseline: one plain record updated by the superuser.
 * @property {{ sent: number, accepted: number, refused: number, failed: number,
 *   statuses: number[], lost: number, perSec: number, spanSeconds: number, answer: Spread,
 *   openToAll: Spread, openEach: Spread, closeToAll: Spread, closeEach: Spread,
 *   byQuestion: Record<'openToAll' | 'closeToSent' | 'closeToFirst' | 'closeToAll' |
 *     'answerP95' | 'opened' | 'received', number[]>,
 *   answerToBoard: Spread, answerToBoardMissing: number,
 *   clock: Spread & { requests: number, refused: number },
 *   placePlay: Spread & { failed: number }, fallbacks: number, fallbacksWrong: number,
 *   bytes: { open: number, board: number }, cores: Cores,
 *   loopDelay: { p99: number, max: number },
 *   check: { expectedPoints: number, boardPoints: number, expectedAnswered: number,
 *     boardAnswered: number, counted: number, participants: number,
 *     expectedParticipants: number, final: boolean, settled: boolean, joinedEvents: number,
 *     uncounted: number, ok: boolean } }} contest
 */

const n0 = (/** @type {number} */ x) => Math.round(x).toLocaleString('en');
const ms = (/** @type {number} */ x) => `${n0(x)} ms`;
const spread = (/** @type {Spread} */ s) => `${n0(s.p50)} / ${n0(s.p95)} ms`;
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(2)}×`;
const cores = (/** @type {Cores} */ c) =>
	`PocketBase ${c.server.toFixed(2)} 核、模拟客户端 ${c.clients.toFixed(2)} 核、其他进程 ${c.others.toFixed(2)} 核`;
const list = (/** @type {(number | null)[]} */ xs) =>
	xs.map((x) => (x === null || !Number.isFinite(x) ? '—' : n0(x))).join('、');

/** Rows for the table: [指标, 共学, 基线, 比值, 目标, 达标]. @param {ContestResult} r */
export function contestRows(r) {
	const c = r.contest;
	const plain = `${spread(r.plain.all)}（普通集合一条记录的实时广播，自更新请求起）`;
	return [
		[
			`竞赛作答（${n0(r.members)} 名成员，${r.questions} 题，开题后 ${r.answerWithinMs / 1000} 秒内各答一次）`,
			`${n0(c.perSec)} 答/秒，丢失 ${n0(c.lost)} / ${n0(c.sent)}`,
			'—',
			'—',
			'丢失 = 0',
			c.lost === 0
		],
		[
			`竞赛排行榜：截题 → 全部 ${n0(r.members)} 名成员收到，p50 / p95`,
			spread(c.closeToAll),
			plain,
			ratio(c.closeToAll.p95, r.plain.all.p95),
			'p95 < 500 ms',
			c.closeToAll.p95 < 500
		],
		[
			`竞赛开题：开题 → 全部 ${n0(r.members)} 名成员收到题目，p50 / p95`,
			spread(c.openToAll),
			'（同上）',
			ratio(c.openToAll.p95, r.plain.all.p95),
			'—',
			null
		],
		[
			'竞赛作答 → 含该答案的排行榜到达本人，p50 / p95（含等待截题）',
			spread(c.answerToBoard),
			'—',
			'—',
			'—',
			null
		]
	];
}

/** What the contest figures measured, and how. @param {ContestResult} r */
export function contestNotes(r) {
	const c = r.contest;
	const q = c.byQuestion;
	const k = c.check;
	return [
		`竞赛负载：真实 PocketBase（迁移与钩子同生产）只监听 ${r.rateLimitExempt}，限流白名单为 ${r.rateLimitExempt}。${n0(r.members)} 名成员分属 ${r.branches} 个支部，各为一个独立的 Node 客户端（PocketBase SDK + eventsource，令牌经超级用户 impersonate 签发），各有自己的实时连接（建立 ${ms(r.setup.connectMs)}，订阅竞赛主题 ${ms(r.setup.subscribeMs)}）。组织管理员用自己的题库建一场全组织直播赛：${r.questions} 题，每题 ${r.seconds} 秒、揭晓 ${r.revealSeconds} 秒。与 app 相同：每名成员订阅该场的实时主题，并在大厅里请服务器计时（clock 路由：第一个请求守时直到终场，其余立即返回）；服务器在开题时推送题目（不含答案），截题时计分并推送排行榜与该题答案；成员在开题后 ${r.answerWithinMs / 1000} 秒内的随机时刻各答一次（${Math.round(r.right * 100)}% 答对），不重试；揭晓期间在截题后 1–4 秒的各自时刻请求一次 play（本人名次）；推送迟到的成员才在边界后 1–3 秒请求 play 并再请求 clock（共 ${n0(c.fallbacks)} 次，其中状态不对 ${n0(c.fallbacksWrong)} 次）。`,
		`作答：发出 ${n0(c.sent)} 个，接受 ${n0(c.accepted)}，拒绝 ${n0(c.refused)}${c.statuses.length ? `（HTTP ${c.statuses.join('、')}）` : ''}，失败 ${n0(c.failed)}；丢失 = 未被接受 + 被接受却未计入排行榜 = ${n0(c.lost)}。答/秒 = 接受数 ÷ 各题从第一个答案发出到最后一个答案返回的时长之和（${c.spanSeconds.toFixed(1)} s）；单个答案请求 p50 / p95 ${spread(c.answer)}（各题 p95：${list(q.answerP95)} ms）；揭晓期间的 play ${spread(c.placePlay)}（失败 ${c.placePlay.failed}），立即返回的 clock 请求 ${n0(c.clock.requests)} 个（大厅里每人一次，推送迟到时再一次） ${spread(c.clock)}（拒绝 ${c.clock.refused}）。`,
		`开题 → 题目、截题 → 排行榜：自开题或截题时刻（服务器时间，本机同一时钟）到第 ${n0(r.members)} 个成员收到推送；每题一个样本，p95 即 ${r.questions} 题中最慢的一题。各题（ms）：开题 → 全部收到 ${list(q.openToAll)}；截题 → 服务器发出排行榜（消息里服务器的时钟）${list(q.closeToSent)}；→ 第一个成员收到 ${list(q.closeToFirst)}；→ 全部收到 ${list(q.closeToAll)}。全部 ${n0(r.members)} × ${r.questions} 次送达的 p50 / p95：题目 ${spread(c.openEach)}，排行榜 ${spread(c.closeEach)}。推送大小：题目约 ${n0(c.bytes.open)} 字节，排行榜约 ${n0(c.bytes.board)} 字节。基线为同一批客户端订阅一个普通集合（规则为已登录、无钩子）的一条记录，超级用户更新 ${r.plain.updates} 次（每条约 ${n0(r.plain.bytes)} 字节），自更新请求发出到最后一个客户端收到（未送达 ${r.plain.missed}）。`,
		`作答 → 排行榜：每个被接受的答案从发出到本人收到该题截题后的排行榜；按设计包括等到截题（答在开题后 ${r.answerWithinMs / 1000} 秒内，截题在 ${r.seconds} 秒），所以至少数秒，不是延迟缺陷。`,
		`核对${k.ok ? '通过' : '未通过'}：按 answer 路由返回的用时与答对与否算出的总分 ${n0(k.expectedPoints)}，排行榜（contest_scores）总分 ${n0(k.boardPoints)}；被接受 ${n0(k.expectedAnswered)} 个，计入 ${n0(k.boardAnswered)} 个（标记 counted ${n0(k.counted)}，被接受却未计入 ${n0(k.uncounted)}）；参赛 ${n0(k.participants)} 人（应为 ${n0(k.expectedParticipants)}），终榜 ${k.final ? '是' : '否'}，已结算 ${k.settled ? '是' : '否'}，参与积分事件 ${n0(k.joinedEvents)} 条。`,
		`负载：竞赛期间 ${cores(c.cores)}（本机 2 核）；模拟客户端事件循环延迟 p99 ${ms(c.loopDelay.p99)}、最大 ${ms(c.loopDelay.max)}。基线期间 ${cores(r.plain.cores)}。`
	].join('\n');
}
