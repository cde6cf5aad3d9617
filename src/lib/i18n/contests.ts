/** 竞赛: the contests list, a contest's lobby, play and results (loaded with those pages only). */
export const contestMessages = {
	title: '竞赛',
	intro:
		'支部和组织的党建知识竞赛：直播赛同一时间开赛，限时赛在开放时间内任选时间作答；题目都由服务器发出、计时、计分。',
	loading: '正在载入竞赛…',
	empty: '现在没有面向你的支部的竞赛。支部书记创建竞赛后会出现在这里。',
	signedOut: '登录后才能参加竞赛。',
	offline: '竞赛需要联网：题目和计分都在服务器上。请联网后再进入。',
	live: '直播赛',
	window: '限时赛',
	when: (t: string) => `开赛：${t}`,
	meta: (n: number, s: number) => `${n} 道题 · 每题 ${s} 秒`,
	status: { upcoming: '未开始', live: '进行中', finished: '已结束' },
	enter: '进入竞赛',
	back: '← 返回竞赛列表',
	lobby: '等待开赛',
	startsIn: (s: string) => `距开赛 ${s}`,
	counter: (i: number, n: number) => `第 ${i} / ${n} 题`,
	timeLeft: (s: number) => `剩余 ${s} 秒`,
	sent: (s: number) => `已提交（用时 ${s} 秒），本题截止后公布对错与得分。`,
	missed: '本题已截止，你没有作答。',
	right: (score: number) => `✓ 回答正确，得 ${score} 分`,
	wrong: '✗ 回答错误，本题 0 分',
	accuracy: (r: number, n: number) => `全场 ${n} 人作答，${r} 人答对`,
	next: (s: string) => `下一题 ${s} 后开始`,
	finished: '竞赛已结束。',
	until: (t: string) => `开放至：${t}`,
	windowIntro: (n: number, s: number) =>
		`共 ${n} 道题，每题 ${s} 秒，从题目出现时开始计时。每人只能答一次，中途离开后回来接着答，已出现的题照常计时。`,
	start: '开始答题',
	nextQuestion: '下一题',
	windowSent: '已提交。对错和得分在限时赛结束后公布。',
	timedOut: '这道题已超时，计 0 分。',
	done: (t: string) => `你已答完全部题目。结果在 ${t} 公布。`,
	closesIn: (s: string) => `距结束 ${s}`,
	me: (place: number, total: number) => `我的名次：第 ${place} 名 · ${total} 分`,
	participants: (n: number) => `${n} 人参赛`,
	results: '竞赛结果',
	resultsLoading: '正在载入结果…',
	resultsLater: '结果正在统计，稍后刷新。',
	podium: '领奖台',
	placeLabel: (n: number) => `第 ${n} 名`,
	prize: (joined: number, places: number[]) =>
		[
			joined > 0 ? `参赛 +${joined} 积分` : '',
			places.some((p) => p > 0)
				? `名次 ${places.map((p, i) => `第 ${i + 1} 名 +${p}`).join('、')}`
				: ''
		]
			.filter(Boolean)
			.join('；') + '（已计入积分明细）',
	everyone: '全部排名',
	myAnswers: '我的答题',
	noAnswers: '你没有参加这场竞赛。',
	yourAnswer: (a: string) => `你的答案：${a}`,
	noAnswer: '未作答',
	key: (a: string) => `正确答案：${a}`,
	questionStats: '每题正确率',
	questionRate: (right: number, n: number) =>
		n === 0 ? '无人作答' : `${right}/${n} 人答对（${Math.round((right / n) * 100)}%）`,
	exports: {
		label: '导出结果',
		csv: '导出 CSV',
		xlsx: '导出 Excel',
		working: '正在生成文件…',
		failed: '导出失败，请重试。',
		hint: 'CSV 为成绩表（含每人每题答案）；Excel 另含每题正确率。'
	},
	sheet: {
		place: '名次',
		name: '姓名',
		branch: '支部',
		total: '总分',
		right: '答对',
		answered: '作答',
		seconds: '用时（秒）',
		question: (n: number) => `第 ${n} 题`,
		number: '题号',
		stem: '题目',
		key: '正确答案',
		rate: '正确率（%）'
	},
	board: '成员排行',
	branchBoard: '支部排行',
	boardEmpty: '第一题截止后这里会显示排行。',
	anonymous: '匿名党员',
	points: (n: number) => `${n} 分`,
	you: '（我）',
	perMember: (n: number, m: number) => `人均 ${n} 分 · ${m} 人参赛`
};
