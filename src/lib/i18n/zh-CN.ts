/** The zh-CN message catalogue: every string a member sees. */
export const zhCN = {
	app: {
		name: '共学',
		tagline: '三五分钟一节课，没有信号也能学'
	},
	nav: {
		label: '主导航',
		home: '首页',
		lessons: '课程',
		leaderboard: '排行',
		me: '我的'
	},
	sync: {
		pending: (n: number) => `待同步 ${n}`,
		synced: '已同步',
		syncing: '同步中…',
		now: '立即同步',
		offline: '离线，联网后自动同步',
		retrying: '同步失败，稍后自动重试',
		signInToSync: '登录后同步',
		signInAgain: '登录已过期，请重新登录',
		refused: (n: number) => `${n} 条记录被服务器拒绝`
	},
	login: {
		title: '登录 / 注册',
		signIn: '登录',
		register: '注册',
		email: '邮箱',
		password: '密码',
		passwordHint: '至少 8 位',
		name: '姓名',
		joinCode: '支部加入码',
		joinCodeHint: '向支部书记索取',
		submitSignIn: '登录',
		submitRegister: '注册并登录',
		signedInAs: (name: string) => `已登录：${name}`,
		problems: {
			credentials: '邮箱或密码不正确。',
			offline: '无法连接服务器，请联网后再试。学习记录已保存在本机。',
			'rate-limited': '尝试次数过多，请一分钟后再试。',
			'join-code': '加入码无效：请向支部书记确认本支部的加入码。',
			email: '该邮箱格式不正确或已被注册。',
			password: '密码至少需要 8 位。',
			failed: '服务器暂时无法处理，请稍后再试。'
		}
	},
	points: {
		title: '积分',
		confirmed: '已确认积分',
		waiting: (n: number) => `另有约 ${n} 分待同步确认`,
		week: '本周',
		month: '本月',
		today: '今日进度',
		cap: (p: number, c: number) => `${p} / ${c} 分`,
		activities: { 'lesson.completed': '学习课程', 'quiz.answered': '课后答题' } as Record<
			string,
			string
		>,
		ledger: '积分明细',
		ledgerEmpty: '还没有已确认的积分记录。登录并联网后，学习记录会自动同步。',
		signInHint: '登录后，学习积分会同步到支部，并计入排行。',
		rejected: '未被接受',
		reasons: {
			'unknown-type': '无法识别的记录',
			'bad-payload': '记录格式有误',
			'unknown-lesson': '课程不存在或已下架',
			'unknown-question': '题目不存在或已修改',
			'too-short': '学习时间不足，未计分',
			'already-credited': '已计过分',
			'wrong-answer': '回答错误',
			'daily-cap': '已达今日上限'
		} as Record<string, string>
	},
	account: {
		title: '账号',
		hideName: '在排行榜上隐藏我的姓名',
		signOut: '退出登录',
		signOutWarning: (n: number) =>
			`还有 ${n} 条学习记录没有同步。退出后它们会保留在本机，下次用本账号登录时再同步。确定退出吗？`,
		signOutConfirm: '仍然退出',
		cancel: '取消',
		roles: { member: '党员', secretary: '支部书记', admin: '组织管理员' }
	},
	board: {
		title: '排行',
		periods: { week: '本周', month: '本月', all: '总榜' },
		myBranch: '本支部',
		branches: '各支部（人均积分）',
		myRank: (r: number, of: number) => `我在本支部排第 ${r} 名（共 ${of} 人）`,
		anonymous: '匿名党员',
		me: '我',
		points: (p: number) => `${p} 分`,
		perMember: (avg: number, n: number) => `人均 ${avg} 分 · ${n} 人`,
		mine: '本支部',
		signIn: '登录后查看本支部和组织的排行。',
		offline: (t: string) => `离线：显示 ${t} 的排行`,
		empty: '暂时还没有排行数据。'
	},
	track: { required: '必修', elective: '选修' },
	status: { done: '已完成', started: '学习中', todo: '未学习' },
	home: {
		title: '今日学习',
		resume: '继续学习',
		resumeAction: '接着学',
		required: '必修课程',
		requiredDone: '必修课程都已完成，真棒！',
		requiredMore: (n: number) => `全部 ${n} 节未完成的必修课`,
		fresh: '选修新课',
		freshEmpty: '选修课都学过了，可以去"课程"里温故知新。',
		progress: (done: number, total: number) => `已完成 ${done} / ${total} 节课`,
		allLessons: '查看全部课程'
	},
	lessons: {
		title: '课程',
		filterCategory: '分类',
		filterTrack: '类型',
		filterStatus: '进度',
		all: '全部',
		todo: '未完成',
		done: '已完成',
		count: (n: number) => `共 ${n} 节`,
		empty: '没有符合条件的课程。换个筛选条件试试。',
		minutes: (n: number) => `${n} 分钟`,
		questions: (n: number) => `${n} 道题`
	},
	lesson: {
		back: '返回课程列表',
		readingProgress: '阅读进度',
		resumeReading: (p: number) => `从上次读到的位置继续（${p}%）`,
		complete: '完成学习',
		completed: '已完成',
		completedHint: '已记录学习，积分将在联网后同步。',
		audio: '音频讲解',
		video: '视频讲解',
		notFound: '没有找到这节课',
		notFoundHint: '这节课可能已下架，或者链接有误。',
		offlineMissing: '这节课还没有保存到本机，联网后再打开即可离线学习。'
	},
	quiz: {
		title: '课后测验',
		intro: (n: number) => `共 ${n} 道题，答完即可看到得分。`,
		start: '开始答题',
		resume: '继续答题',
		counter: (i: number, n: number) => `第 ${i} / ${n} 题`,
		types: { single: '单选', multiple: '多选', truefalse: '判断', fill: '填空' },
		true: '正确',
		false: '错误',
		blank: (i: number) => `第 ${i} 空`,
		submit: '提交',
		next: '下一题',
		finish: '查看得分',
		right: '回答正确',
		wrong: '回答错误',
		answer: (a: string) => `正确答案：${a}`,
		explanation: '解析',
		done: '测验完成',
		score: (c: number, t: number) => `答对 ${c} / ${t} 题`,
		percent: (p: number) => `正确率 ${p}%`,
		again: '再做一次',
		saved: '每道题的作答都已保存在本机。'
	},
	me: {
		title: '我的',
		lessonsDone: '已完成课程',
		accuracy: '答题正确率',
		studyTime: '学习时长',
		minutes: (m: number) => `${m} 分钟`,
		noAnswers: '还没有答题',
		pending: (n: number) => `${n} 条学习记录待同步`,
		history: '答题记录',
		historyEmpty: '还没有答题记录。学完一节课后做做课后测验吧。',
		attempt: (c: number, t: number) => `答对 ${c} / ${t}`,
		unfinished: '未答完',
		storage: '本机存储',
		install: '安装到桌面',
		installHint: '把共学装到手机桌面，打开更快，没有网络也能学。',
		storageOk: '学习记录保存在本机，没有网络也不会丢失。',
		persisted: '已申请持久保存：浏览器不会自动清理你的学习记录。',
		notPersisted: '浏览器可能在空间不足时清理本机数据，请尽快联网同步。'
	},
	storage: {
		unavailable:
			'此浏览器无法在本机保存学习进度（可能处于无痕模式，或禁用了网站存储）。课程仍可阅读和答题，但关闭页面后进度不会保留。',
		full: '手机存储空间已满，新的学习进度暂时无法保存。已保存的记录不受影响；清理一些空间后再继续学习即可。',
		blocked: '共学在另一个标签页中打开了旧版本，请关闭其他标签页后刷新。已保存的记录不受影响。',
		failed: '保存学习进度时出错，已保存的记录不受影响。请刷新页面重试。',
		dismiss: '知道了'
	},
	update: {
		available: '共学有新版本。',
		quizSafe: '答题进度已保存，更新后可继续。',
		reload: '立即更新'
	},
	offline: '当前离线：学习记录保存在本机，联网后自动同步。',
	error: {
		title: '出错了',
		notFound: '页面不存在',
		home: '回到首页'
	}
} as const;
