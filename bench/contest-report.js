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
 * @property {number} playAfterMs The app asks the play route this long after a boundary.
 * @property {number} right Share of right answers.
 * @property {string} rateLimitExempt
 * @property {{ clientsMs: number, connectMs: number, subscribeMs: number }} setup
 * @property {Broadcast} plain Baseline: one plain record updated by the superuser.
 * @property {Broadcast} rewrite The contest's board record rewritten by the superuser.
 * @property {{ sent: number, accepted: number, refused: number, failed: number,
 *   statuses: number[], lost: number, perSec: number, spanSeconds: number, answer: Spread,
 *   closeToAll: Spread, closeEach: Spread,
 *   byQuestion: Record<'closeToFirstPlay' | 'closeToWritten' | 'closeToFirst' | 'closeToAll' |
 *     'received', number[]>,
 *   answerToBoard: Spread, answerToBoardMissing: number,
 *   playAtOpen: Spread & { failed: number }, playAtClose: Spread & { failed: number },
 *   wrongState: number, bytes: number, cores: Cores, loopDelay: { p99: number, max: number },
 *   check: { expectedPoints: number, boardPoints: number, expectedAnswered: number,
 *     boardAnswered: number, counted: number, participants: number,
 *     expectedParticipants: number, final: boolean, settled: boolean, joinedEvents: number,
 *     uncounted: number, uncountedAfterLastBoard: number, ok: boolean } }} contest
 */

const n0 = (/** @type {number} */ x) => Math.round(x).toLocaleString('en');
const ms = (/** @type {number} */ x) => `${n0(x)} ms`;
const spread = (/** @type {Spread} */ s) => `${n0(s.p50)} / ${n0(s.p95)} ms`;
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(2)}×`;
const cores = (/** @type {Cores} */ c) =>
	`PocketBase ${c.server.toFixed(2)} 核、模拟客户端 ${c.clients.toFixed(2)} 核、其他进程 ${c.others.toFixed(2)} 核`;
const list = (/** @type {number[]} */ xs) => xs.map((x) => n0(x)).join('、');

/** Rows for the table: [指标, 共学, 基线, 比值, 目标, 达标]. @param {ContestResult} r */
export function contestRows(r) {
	const c = r.contest;
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
			`${spread(r.plain.all)}（普通集合一条记录的实时广播，自更新请求起）`,
			ratio(c.closeToAll.p95, r.plain.all.p95),
			'p95 < 500 ms',
			c.closeToAll.p95 < 500
		],
		[
			'竞赛看板记录直接重写 → 全部成员收到，p50 / p95（同样的规则与过滤，不计分）',
			spread(r.rewrite.all),
			`${spread(r.plain.all)}（同上）`,
			ratio(r.rewrite.all.p95, r.plain.all.p95),
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
		`竞赛负载：真实 PocketBase（迁移与钩子同生产）只监听 ${r.rateLimitExempt}，限流白名单为 ${r.rateLimitExempt}。${n0(r.members)} 名成员分属 ${r.branches} 个支部，各为一个独立的 Node 客户端（PocketBase SDK + eventsource，令牌经超级用户 impersonate 签发），各有自己的实时连接（建立 ${ms(r.setup.connectMs)}，订阅看板 ${ms(r.setup.subscribeMs)}）。组织管理员用自己的题库建一场全组织直播赛：${r.questions} 题，每题 ${r.seconds} 秒、揭晓 ${r.revealSeconds} 秒。每题开题后 ${r.playAfterMs} ms 全体成员请求 play（与 app 相同），再在开题后 ${r.answerWithinMs / 1000} 秒内的随机时刻各答一次（${Math.round(r.right * 100)}% 答对），不重试；截题后 ${r.playAfterMs} ms 全体成员再请求 play，其中第一个请求计分并改写该场唯一的看板记录，实时推送给所有订阅者（按设计，答案只在截题后计入排行榜，以免分数在他人仍可作答时泄露答案）。`,
		`作答：发出 ${n0(c.sent)} 个，接受 ${n0(c.accepted)}，拒绝 ${n0(c.refused)}${c.statuses.length ? `（HTTP ${c.statuses.join('、')}：到达时已截题）` : ''}，失败 ${n0(c.failed)}；丢失 = 未被接受 + 被接受却未计入排行榜 = ${n0(c.lost)}。答/秒 = 接受数 ÷ 各题从第一个答案发出到最后一个答案返回的时长之和（${c.spanSeconds.toFixed(1)} s）；单个答案请求 p50 / p95 ${spread(c.answer)}，开题时的 play p50 / p95 ${spread(c.playAtOpen)}，截题时的 play ${spread(c.playAtClose)}（失败 ${c.playAtOpen.failed + c.playAtClose.failed}；开题 play 未见本题 ${n0(c.wrongState)} 次）。`,
		`截题 → 看板：自截题时刻（服务器时间，本机同一时钟）到第 ${n0(r.members)} 个成员收到该题的看板记录；每题一个样本，p95 即 ${r.questions} 题中最慢的一题。各题（ms）：第一个 play 发出 ${list(q.closeToFirstPlay)}；看板记录写入（其 updated 字段）${list(q.closeToWritten)}；第一个成员收到 ${list(q.closeToFirst)}；全部收到 ${list(q.closeToAll)}。全部 ${n0(r.members)} × ${r.questions} 次送达的 p50 / p95 ${spread(c.closeEach)}。基线为同一批客户端订阅一个普通集合（规则为已登录、无钩子）的一条记录，超级用户更新 ${r.plain.updates} 次（每条约 ${n0(r.plain.bytes)} 字节，看板约 ${n0(r.rewrite.bytes)} 字节），自更新请求发出到最后一个客户端收到；看板记录直接重写为同样的测量，但走看板的规则与过滤（每个订阅者一条规则查询与一条过滤查询），不计分、无 play 请求。未送达：基线 ${r.plain.missed}、重写 ${r.rewrite.missed}。`,
		`作答 → 排行榜：每个被接受的答案从发出到本人收到该题截题后的看板；按设计包括等到截题（答在开题后 ${r.answerWithinMs / 1000} 秒内，截题在 ${r.seconds} 秒），所以至少数秒，不是延迟缺陷。`,
		`核对${k.ok ? '通过' : '未通过'}：按 answer 路由返回的用时与答对与否算出的总分 ${n0(k.expectedPoints)}，排行榜（contest_scores）总分 ${n0(k.boardPoints)}；被接受 ${n0(k.expectedAnswered)} 个，计入 ${n0(k.boardAnswered)} 个（标记 counted ${n0(k.counted)}）；参赛 ${n0(k.participants)} 人（应为 ${n0(k.expectedParticipants)}），终榜 ${k.final ? '是' : '否'}，已结算 ${k.settled ? '是' : '否'}，参与积分事件 ${n0(k.joinedEvents)} 条。${k.uncounted > 0 ? `有 ${n0(k.uncounted)} 个答案被接受却没有计入，其中 ${n0(k.uncountedAfterLastBoard)} 个写入时间晚于终榜：answer 路由在请求开始时按时钟判定未截题，随后排队等写事务，写入时该题已计分（之后的截题会补计，最后一题之后不再计分）。` : ''}`,
		`负载：竞赛期间 ${cores(c.cores)}（本机 2 核）；模拟客户端事件循环延迟 p99 ${ms(c.loopDelay.p99)}、最大 ${ms(c.loopDelay.max)}。基线期间 ${cores(r.plain.cores)}；重写期间 ${cores(r.rewrite.cores)}。时间都花在哪里：npx tsx bench/contest-profile.ts（单个请求的 CPU，以及截题各步的时间线与改进的变体）。`
	].join('\n');
}
