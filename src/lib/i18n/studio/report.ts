/** 支部概况 (/studio/report): the messages of the branch report. */
export const reportMessages = {
	title: '支部概况',
	orgTitle: '组织概况',
	loading: '正在载入支部概况…',
	leadersOnly:
		'支部概况供支部书记和组织管理员查看，用来了解本支部的学习情况。你的学习记录和积分请在“我的”中查看。',
	offline: (when: string) => `离线：显示 ${when} 的数据`,
	offlineNone: '当前离线，本机还没有保存过支部概况。联网后打开本页，就会保存一份供离线查看。',
	failed: '暂时无法载入支部概况，请稍后再试。',
	retry: '重试',
	month: (month: string) => `统计月份：${month}`,
	allBranches: '← 全部支部',
	empty: '本支部还没有学习记录。',
	emptyHint:
		'先在“指派必修”中给本支部指派一节必修课程，成员学习并同步后，这里就会显示进度、易错题和每周活跃情况。',
	emptyAction: '去指派必修课程',
	noMembers:
		'这个支部还没有成员。请把支部加入码（在“支部加入码”页查看）发给党员，注册后他们就会出现在这里。',
	members: {
		title: '成员',
		name: '姓名',
		role: '角色',
		required: '必修完成',
		requiredOf: (done: number, total: number) => `${done}/${total}`,
		none: '未指派',
		pointsMonth: '本月积分',
		pointsAll: '累计积分',
		lastActive: '最近学习'
	},
	lessons: {
		title: '课程完成情况',
		hint: '按完成比例从低到高排列；必修课程标出截止日期。',
		empty: '还没有指派或学过的课程。',
		required: '必修',
		due: (date: string) => `截止 ${date}`,
		overdue: '已过截止日期',
		count: (done: number, of: number, pct: number) => `${done}/${of} 人 · ${pct}%`
	},
	missed: {
		title: '易错题 · 下次党课的依据',
		hint: '本支部答错最多的题目。下次党课可以围绕这些题目重点讲解。',
		empty: '还没有答错的题目。',
		number: (n: number) => `第 ${n} 题`,
		figures: (wrong: number, answers: number, pct: number) =>
			`答错 ${wrong} / 作答 ${answers} 次 · 错误率 ${pct}%`
	},
	weeks: {
		title: '每周活跃',
		hint: '近 8 周，最右为本周。',
		active: '活跃人数',
		events: '学习记录',
		points: '积分',
		week: '周',
		thisWeek: '本周',
		chart: (label: string, weeks: string) => `近 8 周${label}：${weeks}`,
		bar: (week: string, value: number) => `${week}：${value}`,
		weekOf: (date: string) => `${date}起`,
		table: '以表格查看'
	},
	branches: {
		title: '各支部',
		hint: '点击支部名称查看该支部的详细概况。',
		empty: '本组织还没有支部。',
		name: '支部',
		members: '人数',
		required: '必修完成率',
		requiredOf: (pct: number, done: number, total: number) => `${pct}%（${done}/${total}）`,
		none: '未指派',
		pointsMonth: '本月积分',
		active: '本周活跃'
	},
	relative: {
		never: '从未',
		today: '今天',
		yesterday: '昨天',
		days: (n: number) => `${n} 天前`,
		months: (n: number) => `${n} 个月前`,
		years: (n: number) => `${n} 年前`
	},
	exports: {
		label: '导出',
		csv: '导出 CSV',
		xlsx: '导出 Excel',
		hintBranch: 'CSV 为成员表；Excel 含成员、课程、易错题和每周活跃四张表。',
		hintOrg: 'CSV 与 Excel 均为各支部对比表。',
		working: '正在生成文件…',
		failed: '导出失败，请重试。',
		branchFile: '支部概况',
		orgFile: '组织概况',
		yes: '是',
		no: '否',
		sheets: {
			members: '成员',
			lessons: '课程完成',
			missed: '易错题',
			weeks: '每周活跃',
			branches: '各支部'
		},
		columns: {
			name: '姓名',
			role: '角色',
			requiredDone: '已完成必修',
			requiredTotal: '必修课程数',
			pointsMonth: '本月积分',
			pointsAll: '累计积分',
			lastActive: '最近学习时间',
			lesson: '课程',
			lessonId: '课程编号',
			required: '必修',
			due: '截止时间',
			completed: '完成人数',
			of: '支部人数',
			completedPct: '完成率（%）',
			stem: '题目',
			number: '题号',
			answers: '作答次数',
			wrong: '答错次数',
			wrongPct: '错误率（%）',
			week: '周次',
			weekStart: '起始日期',
			active: '活跃人数',
			events: '学习记录数',
			points: '积分',
			branch: '支部',
			members: '人数',
			requiredPct: '必修完成率（%）',
			activeThisWeek: '本周活跃人数'
		}
	}
};
