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
		practice: '答题',
		contests: '竞赛',
		leaderboard: '排行',
		studio: '工作室',
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
		activities: {
			'lesson.completed': '学习课程',
			'quiz.answered': '课后答题',
			'daily.answered': '每日答题',
			'challenge.completed': '挑战答题',
			'lesson.shared-completed': '分享的课程被学习',
			'contest.joined': '参加竞赛',
			'contest.placed': '竞赛获奖',
			'meeting.checkin': '会议签到',
			'service.approved': '服务活动'
		} as Record<string, string>,
		ledger: '积分明细',
		place: (n: number) => `第 ${n} 名`,
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
			'not-in-daily-set': '不是当天的每日答题',
			'daily-cap': '已达今日上限',
			'unknown-meeting': '会议不存在或已取消',
			'other-branch': '不是本支部的会议',
			'bad-token': '签到码无效',
			'outside-window': '不在会议签到时间内',
			'monthly-cap': '已达本月活动积分上限'
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
		suggested: '补学分：建议先学',
		suggestTrack: (track: string) => `补${track}学分`,
		suggestWeak: (category: string, percent: number) =>
			`「${category}」类课后测验正确率 ${percent}%，先补这一课`,
		title: '今日学习',
		resume: '继续学习',
		resumeAction: '接着学',
		required: '必修课程',
		requiredDone: '必修课程都已完成，真棒！',
		requiredMore: (n: number) => `全部 ${n} 节未完成的必修课`,
		/** A due time as members read it: 12月31日 18:00. */
		formatDue: (ms: number) =>
			new Date(ms).toLocaleString('zh-CN', {
				month: 'numeric',
				day: 'numeric',
				hour: '2-digit',
				minute: '2-digit',
				timeZone: 'Asia/Shanghai'
			}),
		due: (when: string) => `支部指派 · ${when} 截止`,
		dueSoon: (n: number, when: string) => `有 ${n} 节支部指派的必修课快到期了，最早 ${when} 截止。`,
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
		questions: (n: number) => `${n} 道题`,
		featured: '精品党课',
		featuredHint: '学的人最多、测验答得最好的共享党课，由平台按规则自动评选。',
		featuredBadge: '精品',
		shared: '共享党课',
		learners: (n: number) => `${n} 人学过`
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
		offlineMissing: '这节课还没有保存到本机，联网后再打开即可离线学习。',
		media: {
			title: '离线媒体',
			size: (size: string) => `本课的音频、视频和图片共 ${size}`,
			sizeUnknown: '本课带有音频、视频或图片，联网时可以查看大小并下载',
			download: (size: string) => `下载到本机（${size}）`,
			downloadUnknown: '下载到本机',
			downloading: '正在下载媒体',
			progress: (done: string, total: string) => `已下载 ${done} / ${total}`,
			saved: (size: string) => `已保存到本机（${size}），没有网络也能播放`,
			remove: '从本机删除',
			retry: '重试'
		}
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
	practice: {
		title: '答题',
		intro: '每天五道题，挑战连对，错题按遗忘规律回来复习。没有网络也能答，联网后积分自动同步。',
		loading: '正在载入题库…',
		unavailable: '题库还没有保存到本机。请联网打开一次本页，之后离线也能答题。',
		branchBanks: (names: string, n: number) =>
			`今天的题目来自内置题库和支部练习题库：${names}（共 ${n} 题）。`,
		daily: {
			title: '每日答题',
			intro: (n: number, cap: number) => `今天的 ${n} 道题，每道答对得 1 分，每天最多 ${cap} 分。`,
			practiceRound: (r: number) => `再来一组 · 第 ${r} 组（练习，不计积分）`,
			counter: (i: number, n: number) => `第 ${i} / ${n} 题`,
			done: (c: number, n: number) => `今天的每日答题已完成：答对 ${c} / ${n} 题。`,
			points: (p: number) => `预计得 ${p} 分，同步后确认。`,
			practiceDone: (c: number, n: number) => `这一组答对 ${c} / ${n} 题。`,
			more: '再来一组',
			finish: '完成'
		},
		challenge: {
			title: '挑战答题',
			intro: (cap: number) =>
				`一直答到第一次答错为止，连对越多分越高：每连对 1 题得 1 分，每天最多 ${cap} 分。`,
			start: '开始挑战',
			again: '再挑战一次',
			stop: '结束挑战',
			streak: (n: number) => `已连对 ${n} 题`,
			over: (n: number) => `挑战结束：连对 ${n} 题。`,
			cleared: (n: number) => `太厉害了，${n} 道题全部答对！`,
			best: (n: number) => `本机最好成绩：连对 ${n} 题`
		},
		book: {
			title: '错题本',
			intro: '答错的题会自动收进错题本，按遗忘规律安排复习；隔几天仍能答对几次，就会移出错题本。',
			empty: '错题本是空的。课后测验、每日答题和挑战答题里答错的题会自动收进来。',
			due: (n: number) => `今天有 ${n} 道题要复习`,
			noneDue: '今天没有要复习的题。',
			start: (n: number) => `开始复习（${n} 题）`,
			next: (date: string) => `下次复习：${date}`,
			misses: (n: number) => `答错 ${n} 次`,
			note: '我的笔记',
			notePlaceholder: '记下这道题的要点，复习时会看到',
			saveNote: '保存笔记',
			noteSaved: '笔记已保存在本机。',
			left: '移出错题本',
			reviewDone: '本次复习完成。',
			counter: (i: number, n: number) => `复习 第 ${i} / ${n} 题`
		}
	},
	credits: {
		title: (year: number) => `${year} 年学分`,
		track: { required: '必修', elective: '选修' } as Record<string, string>,
		figure: (earned: number, target: number) => `${earned} / ${target} 学分`,
		reached: '已完成本年度目标',
		left: (left: number, perWeek: number, days: number) =>
			`还差 ${left} 学分，距年底 ${days} 天：每周学 ${perWeek} 节课可以按时完成`,
		behind: '进度落后于全年平均，建议多学几节',
		targetsFrom: (org: string) => `目标由${org}设定`,
		streak: (n: number) => `连续学习 ${n} 天`,
		longest: (n: number) => `最长 ${n} 天`,
		forgiven: '（本周漏学的一天已原谅）',
		noStreak: '今天学一节课，开始连续学习记录',
		record: '成长档案'
	},
	record: {
		title: '党员成长档案',
		year: '年度',
		member: (name: string, org: string) => `${name}${org ? ` · ${org}` : ''}`,
		printed: (date: string) => `打印日期：${date}`,
		print: '打印',
		pdf: '下载 PDF',
		pdfHint: '在打印窗口中选择“另存为 PDF”即可下载。',
		credits: '学分与目标',
		lessons: (n: number) => `完成课程 ${n} 节`,
		noLessons: '这一年还没有完成的课程。',
		quiz: (right: number, n: number) =>
			n === 0
				? '课后测验：没有作答'
				: `课后测验：答对 ${right} / ${n}（${Math.round((right / n) * 100)}%）`,
		practice: (daily: number, runs: number) => `每日答题 ${daily} 题 · 挑战答题 ${runs} 轮`,
		contests: '竞赛',
		noContests: '这一年没有参加竞赛。',
		place: (n: number | null) => (n === null ? '参赛' : `第 ${n} 名`),
		shared: '分享的课程',
		noShared: '这一年没有被他人学习的分享课程。',
		learners: (n: number) => `${n} 人学习`,
		activities: '志愿服务与组织生活',
		noActivities: '这一年没有经审核的活动记录。',
		points: (n: number) => `全年积分 ${n}`,
		streak: (n: number) => `最长连续学习 ${n} 天`,
		offline: '离线时显示本机已同步的记录；联网后会更新。'
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
		notPersisted: '浏览器可能在空间不足时清理本机数据，请尽快联网同步。',
		service: '服务活动',
		serviceHint: '登记志愿服务、主题党日、支部会议，审核通过后计分'
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
