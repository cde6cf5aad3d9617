/**
 * The studio's messages (工作室), kept out of the catalogue every page loads: only the studio and
 * the cards it lends to lesson pages (loaded after the page) import them.
 */
import { zhCN } from '../zh-CN';
import { contestsMessages } from './contests';
import { feedbackMessages } from './feedback';
import { importMessages } from './import';
import { joincodeMessages } from './joincode';
import { reportMessages } from './report';
import { serviceStudioMessages } from './service';

export const studioMessages = {
	title: '工作室',
	loading: '正在载入…',
	signIn: '登录后可以在这里写课程、分享党课；支部书记还可以导入题库、指派必修课、查看支部概况。',
	tabs: {
		lessons: '课程',
		import: '导入题库',
		assign: '指派必修',
		report: '支部概况',
		records: '成长档案'
	},
	records: {
		title: '支部党员成长档案',
		intro: '按年度汇总每位党员的学分、课程、答题、竞赛、分享和活动记录；打印时每人一页（A4）。',
		year: '年度',
		branch: '支部',
		own: '我所在的支部',
		print: '打印全部',
		loading: '正在汇总成长档案…',
		empty: '这个支部还没有党员。',
		offline: '汇总成长档案需要联网，请联网后再试。',
		count: (n: number) => `共 ${n} 人`
	},
	status: {
		draft: '草稿',
		review: '待审核',
		changes: '需修改',
		published: '已发布',
		rejected: '未采用'
	} as Record<string, string>,
	kinds: { official: '支部课程', shared: '共享党课' } as Record<string, string>,
	scopes: { branch: '本支部', organisation: '全组织' } as Record<string, string>,
	featured: '精品党课',
	learners: (n: number) => `${n} 人学过`,
	mine: '我写的课程',
	mineEmpty: '还没有写过课程。写一节三五分钟的微党课，分享你的学习体会吧。',
	create: '写新课程',
	uploadFiles: '上传 .md 文件',
	uploadFolder: '上传课程文件夹',
	uploaded: (n: number, bad: number) =>
		bad === 0 ? `已导入 ${n} 节课程草稿。` : `已导入 ${n} 节课程草稿；另有 ${bad} 处问题：`,
	edit: '编辑',
	remove: '删除',
	removeConfirm: '确定删除这节课程吗？删除后无法恢复。',
	queue: '待审核',
	queueEmpty: '没有等待审核的课程。',
	publishedList: '已发布',
	publishedEmpty: '还没有发布的课程。',
	reviewNote: (note: string) => `审核意见：${note}`,
	open: '查看',
	approve: '通过并发布',
	askChanges: '退回修改',
	reject: '不予采用',
	withdraw: '撤回发布',
	notePlaceholder: '写给作者的意见（退回或不采用时必填）',
	scopeLabel: '发布范围',
	submit: '提交审核',
	publish: '发布',
	saveDraft: '保存草稿',
	saved: '已保存。',
	submitted: '已提交，等待支部书记审核。',
	publishedDone: '已发布，支部成员下次同步时就能学到。',
	editor: {
		titleNew: '写新课程',
		titleEdit: '编辑课程',
		fields: '课程信息',
		id: '编号（id，小写字母、数字和连字符）',
		title: '标题',
		summary: '简介',
		category: '分类',
		track: '类别',
		minutes: '时长（分钟，留空自动估算）',
		credits: '积分（留空按规则）',
		audio: '音频',
		video: '视频',
		body: '正文（markdown；题目写在 ```quiz 代码块里）',
		preview: '预览（学员看到的样子）',
		problems: (n: number) => `${n} 处问题`,
		noProblems: '格式检查通过',
		questions: (n: number) => `课后测验 ${n} 题`,
		line: (n: number) => `第 ${n} 行`,
		restored: '已恢复上次未保存的内容。',
		unsaved: '有未保存的修改',
		fixFirst: '请先改正上面的问题再保存。',
		locked: '这节课程正在审核或已发布，作者不能再修改。'
	},
	media: {
		title: '音频、视频和图片',
		saveFirst: '先保存草稿，再上传媒体文件。',
		choose: '选择文件上传',
		uploading: (name: string) => `正在上传 ${name}`,
		done: (name: string) => `${name} 已上传`,
		insertImage: '插入正文',
		useAsAudio: '设为课程音频',
		useAsVideo: '设为课程视频',
		record: '录制讲解',
		stop: '停止录制',
		recording: (s: number) => `录音中 ${s} 秒`,
		noMic: '无法使用麦克风：请在浏览器设置中允许本站使用麦克风。',
		recorded: '录音已完成，试听后上传。',
		uploadRecording: '上传录音并设为课程音频',
		discard: '重录'
	},
	assign: {
		title: '指派必修课程',
		lesson: '课程',
		due: '截止时间',
		note: '说明（可选）',
		add: '指派给本支部',
		current: '已指派',
		empty: '还没有指派必修课程。',
		remove: '取消指派',
		done: '已指派，成员下次同步时会在首页看到。',
		pick: '请选择课程和截止时间。'
	},
	import: importMessages,
	contests: contestsMessages,
	feedback: feedbackMessages,
	report: reportMessages,
	joincode: joincodeMessages,
	service: serviceStudioMessages
} as const;

/** The catalogue with the studio's messages, for studio code: `m.studio…` beside every other. */
export const m = { ...zhCN, studio: studioMessages };
