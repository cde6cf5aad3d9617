// The server bench's rows, notes and capacity estimate for bench/run.js, from the JSON line that
// bench/server.ts prints. Figures only: the 达标 column is informative.

/**
 * @typedef {{ p50: number, p95: number }} Latency
 * @typedef {object} ServerResult
 * @property {number} concurrency Batch requests in flight during the ingest runs.
 * @property {number} batch Events per batch request.
 * @property {string} rateLimitExempt
 * @property {{ members: number, events: number, perSec: number, ms: number, plainEvents: number,
 *   plainPerSec: number, plainMs: number, warmupEvents: number, cores: number,
 *   plainCores: number, accepted: number, earning: number }} ingest
 * @property {{ members: number, branches: number, membersMs: number, eventsMs: number,
 *   insertMs: number, history: number, events: number, totals: number, points: number }} seed
 * @property {{ samples: number, week: Latency, all: Latency, trivial: Latency,
 *   sql: Record<'week' | 'all', { members: number, branches: number, plan: string }> }} leaderboard
 * @property {{ events: number, ms: number, rawMs: number }} drain
 */

const n0 = (/** @type {number} */ x) => Math.round(x).toLocaleString('en');
const ms1 = (/** @type {number} */ x) => `${x.toFixed(1)} ms`;
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(2)}×`;

/** Rows for the table: [指标, 共学, 基线, 比值, 目标, 达标]. @param {ServerResult} s */
export function serverRows(s) {
	const { ingest, leaderboard: lb, drain } = s;
	const board = (/** @type {'week' | 'all'} */ period, /** @type {string} */ label) => [
		`排行榜 ${label} p50 / p95（${n0(s.seed.members)} 成员，${n0(s.seed.events)} 事件）`,
		`${ms1(lb[period].p50)} / ${ms1(lb[period].p95)}`,
		`${ms1(lb.trivial.p50)} / ${ms1(lb.trivial.p95)}（读取本人记录）`,
		ratio(lb[period].p95, lb.trivial.p95),
		'p95 < 50 ms',
		lb[period].p95 < 50
	];
	return [
		[
			`事件写入（钩子，每批 ${s.batch}，${s.concurrency} 个在途，${n0(ingest.members)} 成员）`,
			`${n0(ingest.perSec)} 事件/秒`,
			`${n0(ingest.plainPerSec)} 事件/秒（无钩子普通集合）`,
			ratio(ingest.perSec, ingest.plainPerSec),
			'≥ 0.5× 基线',
			ingest.perSec >= 0.5 * ingest.plainPerSec
		],
		board('week', '本周'),
		board('all', '总榜'),
		[
			`设备排空 ${n0(drain.events)} 条待同步事件（Syncer，含拉取）`,
			`${n0(drain.ms)} ms`,
			`${n0(drain.rawMs)} ms（原始批量请求，普通集合）`,
			ratio(drain.ms, drain.rawMs),
			'—',
			null
		]
	];
}

/** What the server figures measured, and how. @param {ServerResult} s */
export function serverNotes(s) {
	const { ingest, seed, leaderboard: lb, drain } = s;
	return [
		`服务器：真实 PocketBase（迁移与钩子同生产）只监听 ${s.rateLimitExempt}，为基准测试把限流白名单设为 ${s.rateLimitExempt}（一个本地客户端代表许多成员）。`,
		`事件写入：${n0(ingest.members)} 名成员各推一批 ${s.batch} 条（25 节课各“完成学习”并答对 1 题），令牌经超级用户 impersonate 签发；钩子判定 ${n0(ingest.accepted)} 条接受、${n0(ingest.earning)} 条得分（其余触及每日上限）。基线为同样的请求体、同样的批量与并发，写入字段与索引相同、没有钩子的普通集合（${n0(ingest.plainEvents)} 条）。写入期间 PocketBase 平均占用 ${ingest.cores.toFixed(2)} 核（基线 ${ingest.plainCores.toFixed(2)} 核）：每批在一个写事务中执行，钩子的工作基本串行。`,
		`排行榜：${n0(seed.members)} 名成员分属 ${seed.branches} 个支部（同一组织），events 表 ${n0(seed.events)} 条（${n0(seed.history)} 条用 SQL 批量载入、分布在过去 100 天的历史，其余为上面经钩子写入的 ${n0(ingest.events)} 条与预热的 ${n0(ingest.warmupEvents)} 条），point_totals ${n0(seed.totals)} 行由全部事件重算、与事件积分一致（共 ${n0(seed.points)} 分）。每种请求 ${lb.samples} 次，逐个发送，50 名成员轮流；基线为同一客户端读取本人用户记录。其两条 SQL 单独在 SQLite 中的耗时（21 次平均）：本周 成员榜 ${ms1(lb.sql.week.members)}、支部榜 ${ms1(lb.sql.week.branches)}；总榜 成员榜 ${ms1(lb.sql.all.members)}、支部榜 ${ms1(lb.sql.all.branches)}。`,
		`种子数据耗时：${n0(seed.members)} 名成员 ${n0(seed.membersMs)} ms（共用一个预先计算的密码哈希），${n0(seed.history)} 条历史事件与积分汇总 ${(seed.eventsMs / 1000).toFixed(1)} s（其中插入 ${(seed.insertMs / 1000).toFixed(1)} s，其余为重建索引与重算汇总）。`,
		`设备排空：Node 中 fake-indexeddb 上的 GongxueDb，completeLesson / recordAnswer 写出 ${n0(drain.events)} 条待同步事件，成员登录后计时 syncer.syncNow() 到待同步为空（每批 ${s.batch} 条依次推送，再拉取流水与积分）；基线为同一客户端把同样的请求体依次以原始批量请求写入普通集合。`
	].join('\n');
}

/**
 * How many members one node serves, from the measured ingest rate and leaderboard latency.
 * @param {ServerResult} s
 */
export function capacityEstimate(s) {
	const eventsPerDay = 20; // a member's events on a study day: a few lessons and their questions
	const boardsPerDay = 3; // leaderboard views per member per day
	const peakShare = 0.3; // share of a day's syncs and views in the busiest hour
	const headroom = 2; // the busiest hour uses at most half of the node
	const boardMs = Math.max(s.leaderboard.week.p50, s.leaderboard.all.p50);
	const perMemberPeakSeconds =
		peakShare * (eventsPerDay / s.ingest.perSec + (boardsPerDay * boardMs) / 1000);
	const members = 3600 / headroom / perMemberPeakSeconds;
	const ingestOnly = (3600 * s.ingest.perSec) / headroom / (peakShare * eventsPerDay);
	const boardShare = (boardsPerDay * boardMs) / 1000 / (perMemberPeakSeconds / peakShare);
	const round = (/** @type {number} */ x) => n0(Math.floor(x / 1000) * 1000);
	return (
		`容量估算：按实测写入 ${n0(s.ingest.perSec)} 事件/秒、排行榜 p50 ${ms1(boardMs)} 估算，本机（2 核）一个节点约可服务 ${round(members)} 名成员。` +
		`假设：每名成员每个学习日产生 ${eventsPerDay} 个事件、查看排行榜 ${boardsPerDay} 次；一天的同步与查看有 ${peakShare * 100}% 集中在最忙的一小时；高峰小时只用节点一半的能力（余量系数 ${headroom}）；排行榜请求按其 p50 延迟整段占用节点（逐个发送测得，偏保守），同步时的拉取请求与基线请求同量级，计入余量。` +
		`其中排行榜约占高峰负载的 ${(boardShare * 100).toFixed(0)}%；若只算写入，上限约 ${round(ingestOnly)} 名成员。` +
		`排行榜的支部排名按索引汇总全组织成员的积分（point_totals 按周期、支部），耗时仍随单个组织人数增长，以上按每个组织不超过 ${n0(s.seed.members)} 人计；写入在批量事务内基本串行，加核对写入帮助有限。`
	);
}
