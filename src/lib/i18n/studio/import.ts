/** 题库导入 (/studio/import): the messages of the bank import. */
export const importMessages = {
	title: '导入题库',
	leadersOnly: '只有支部书记和组织管理员可以导入题库。需要导入题库时，请联系本支部书记。',
	intro:
		'把 Word 题库中的文字复制粘贴到下面，或选择 .txt、.md、.docx 文件。每道题以"1."这样的题号开头，并写明"答案："。有问题的题目会标出行号：改好文字，或勾选"不要这题"，再保存。',
	file: '选择文件',
	fileHint: '支持 .txt、.md、.docx',
	reading: '正在读取文件…',
	text: '题库文字',
	placeholder: '1.【单选】党的根本组织原则是（ ）。\nA. 民主集中制\nB. 集体领导\n答案：A\n解析：……',
	draftKept: '文字暂存在本浏览器标签页中，刷新页面不会丢失；点"确认保存"后才会上传。',
	replaced: (file: string) => `已用文件"${file}"的内容替换了原来的文字。`,
	undo: '撤销',
	docxNoQuestions:
		'没有从 Word 文件中读出题目。Word 的自动编号不会随文字读出：请在 Word 中选中全文复制，粘贴到上面的文本框。',
	parsing: '正在解析…',
	counts: (questions: number, problems: number, kept: number) =>
		`解析出 ${questions} 题，${problems} 处问题，已选 ${kept} 题`,
	problems: '问题',
	problemLine: (line: number, message: string) => `第 ${line} 行：${message}`,
	jumpHint: '点击问题可跳到文本中的那一行',
	questions: '解析出的题目',
	noQuestions: '还没有解析出题目。',
	question: (n: number) => `第${n}题`,
	atLine: (line: number) => `第 ${line} 行`,
	drop: '不要这题',
	types: { single: '单选', multiple: '多选', truefalse: '判断', fill: '填空' },
	answer: '答案：',
	correct: '正确答案',
	true: '正确',
	false: '错误',
	blank: (i: number) => `第 ${i} 空：`,
	or: ' 或 ',
	explanation: '解析：',
	showMore: (shown: number, total: number) => `显示更多（已显示 ${shown} / ${total}）`,
	name: '题库名称',
	namePlaceholder: '例如：党章党规基础知识',
	save: '保存题库',
	confirm: (kept: number, name: string) => `将把 ${kept} 道题保存为题库"${name}"。`,
	leftOut: (problems: number, dropped: number) =>
		[
			problems > 0 ? `${problems} 处问题所在的题目不会保存` : '',
			dropped > 0 ? `勾选了"不要这题"的 ${dropped} 道题不会保存` : ''
		]
			.filter((s) => s !== '')
			.join('；') + '。',
	confirmSave: '确认保存',
	cancel: '取消',
	saving: '正在保存…',
	saved: (name: string, count: number) => `已保存题库"${name}"，共 ${count} 题。`,
	savedPractice: (name: string, count: number) =>
		`已发布练习题库"${name}"，共 ${count} 题；明天起进入成员的每日答题。`,
	practice: '发布为练习题库',
	practiceHint:
		'成员同步后可离线练习；明天起加入每日答题和挑战答题。题目和答案会下载到成员手机上，所以练习题库不能用于竞赛，发布后也不能再修改。',
	contestHint: '不勾选：题库只有书记和管理员能看到，可用于竞赛，题目在开赛前保密。',
	errors: {
		unsupported: (file: string) => `无法读取"${file}"：只支持 .txt、.md 和 .docx 文件。`,
		oldDoc: '不支持旧版 Word（.doc）文件：请在 Word 中另存为 .docx，或直接复制文字粘贴进来。',
		tooBig: (file: string) => `文件"${file}"太大（超过 30 MB），请分成几个文件导入。`,
		unreadable: (file: string) => `无法读取"${file}"：文件可能已损坏，或不是它的扩展名所说的格式。`,
		noName: '请先填写题库名称。',
		nameTooLong: (max: number) => `题库名称不能超过 ${max} 个字。`,
		nothing: '没有可保存的题目：请先改好有问题的题目，或取消勾选"不要这题"。',
		tooLarge: '题库太大，超过了服务器能保存的长度：请分成几个题库保存。',
		busy: '正在保存，请稍候。',
		signedOut: '请先登录。',
		noServer: '还没有连上服务器，请刷新页面后再试。文字仍保留在本页。',
		offline: '网络未连接，题库没有保存。文字仍保留在本页，联网后再点"保存题库"。',
		auth: '服务器拒绝保存：只有支部书记和组织管理员可以保存题库。如果刚换了角色，请退出后重新登录。文字仍保留在本页。',
		busyServer: '服务器繁忙，题库没有保存。文字仍保留在本页，请稍后再试。',
		server: '服务器暂时无法保存，题库没有保存。文字仍保留在本页，请稍后再试。',
		refused: (message: string) => `服务器没有保存题库：${message}`
	}
};
