/** 创建竞赛 in the studio: a leader sets up a live contest from their own banks. */
export const contestsMessages = {
	tab: '竞赛',
	title: '创建竞赛',
	intro:
		'从本支部（或本组织）自己导入的题库中由服务器随机抽题；开赛后逐题发出，每题限时作答，截止后公布答案和排行。',
	name: '竞赛名称',
	namePlaceholder: '例如：二十大精神知识竞赛',
	banks: '题库',
	noBanks: '还没有自己的题库。请先在“导入题库”中保存一个题库。',
	bankCount: (n: number) => `${n} 题`,
	count: '题目数量',
	seconds: '每题限时（秒）',
	startsAt: '开赛时间',
	scope: '参赛范围',
	scopeBranch: '本支部',
	scopeOrganisation: '全组织',
	create: '创建竞赛',
	creating: '正在创建…',
	created: (name: string) => `已创建“${name}”，成员在“竞赛”页可以看到并进入等候。`,
	open: '查看竞赛',
	pick: '请填写名称、至少选择一个题库，并选择开赛时间。',
	offline: '没有网络，竞赛没有创建。请联网后再试，填写的内容还在。',
	memberOnly: '只有支部书记和组织管理员可以创建竞赛。'
};
