/** 创建竞赛 in the studio: a leader sets up a live or window contest from their own banks. */
export const contestsMessages = {
	tab: '竞赛',
	title: '创建竞赛',
	intro:
		'从本支部（或本组织）自己导入的题库中由服务器随机抽题，每题限时作答；成绩、排行和积分都由服务器计算。',
	name: '竞赛名称',
	namePlaceholder: '例如：二十大精神知识竞赛',
	mode: '竞赛形式',
	modes: {
		live: { name: '直播赛', hint: '同一时间开赛，逐题揭晓' },
		window: { name: '限时赛', hint: '在开放时间内任选时间作答，同一套题' }
	},
	banks: '题库',
	noBanks: '还没有自己的题库。请先在“导入题库”中保存一个题库。',
	bankCount: (n: number) => `${n} 题`,
	count: '题目数量',
	seconds: '每题限时（秒）',
	startsAt: '开赛时间',
	windowStartsAt: '开放开始时间',
	endsAt: '开放结束时间',
	windowHint: (days: number) =>
		`成员在开始和结束时间之间任选时间作答一次，每题从出现起计时；最长开放 ${days} 天。结束后公布答案和排行。`,
	points: '积分',
	participation: '参与积分（每位作答的成员）',
	place: (n: number) => `第 ${n} 名`,
	pointsHint: (max: number) =>
		`每项 0–${max} 分的整数，0 表示不加分。竞赛结束后，由服务器计入成员的积分。`,
	scope: '参赛范围',
	scopeBranch: '本支部',
	scopeBranches: '选定的支部',
	scopeOrganisation: '全组织',
	branches: '参赛支部',
	noBranches: '没有载入支部列表。请联网后刷新页面。',
	create: '创建竞赛',
	creating: '正在创建…',
	created: (name: string, window: boolean) =>
		window
			? `已创建“${name}”，成员在“竞赛”页可以看到，开放后即可作答。`
			: `已创建“${name}”，成员在“竞赛”页可以看到并进入等候。`,
	open: '查看竞赛',
	/** What to change before the contest can be sent (checked on the device). */
	fix: '请先修改以下内容：',
	problems: {
		name: '请填写竞赛名称。',
		banks: '请至少选择一个题库。',
		count: (min: number, max: number) => `题目数量为 ${min}–${max} 的整数。`,
		seconds: (min: number, max: number) => `每题限时为 ${min}–${max} 秒的整数。`,
		start: '请选择开赛时间。',
		windowStart: '请选择开放开始时间。',
		past: '开始时间不能早于现在。',
		end: '请选择限时赛的开放结束时间。',
		endBeforeStart: '限时赛的结束时间要晚于开始时间。',
		tooLong: (days: number) => `限时赛最长开放 ${days} 天。`,
		points: (max: number) => `参与积分和名次积分为 0–${max} 的整数。`,
		branches: '请至少选择一个参赛支部。'
	},
	offline: '没有网络，竞赛没有创建。请联网后再试，填写的内容还在。',
	memberOnly: '只有支部书记和组织管理员可以创建竞赛。'
};
