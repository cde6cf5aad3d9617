/**
 * The content parser's message catalogue (zh-CN). Secretaries read these next to their text, so
 * each names the question (第N题) or the field, and says what to write instead.
 */
export const contentMessages = {
	noFrontMatter: () => '缺少 front matter：文件应以一行 --- 开头，写明 id、title、category 等字段',
	unclosedFrontMatter: () => 'front matter 没有结束：请在字段之后加一行 ---',
	yamlError: (detail: string) => `front matter 格式错误：${detail}`,
	yamlDuplicate: () => '同一个字段写了两次',
	yamlTab: () => '不能用 Tab 缩进，字段请顶格书写',
	yamlNoColon: () => '这一行缺少冒号：应写成"字段: 值"（冒号后加空格）',
	yamlIndent: () => '这一行无法识别：字段应顶格写成"字段: 值"；值以 @、`、: 等符号开头时请加引号',
	yamlUnclosed: () => '方括号或引号没有闭合',
	frontMatterNotMap: () => 'front matter 应为"字段: 值"的形式',
	missingField: (field: string) => `front matter 缺少必填字段 ${field}`,
	unknownField: (field: string) => `front matter 中有无法识别的字段 ${field}（请检查拼写）`,
	notText: (field: string) => `字段 ${field} 应为文字`,
	badId: (id: string) => `id "${id}" 无效：只能用小写字母、数字和连字符，长度 3–64`,
	duplicateId: (id: string, other: string) => `id "${id}" 与 ${other} 重复`,
	tooLong: (field: string, max: number, actual: number) =>
		`${field} 不能超过 ${max} 个字（现在 ${actual} 个）`,
	badTrack: (value: string) => `track "${value}" 无效：应为 required（必修）或 elective（选修）`,
	badNumber: (field: string, min: number, max: number) =>
		`${field} 应为 ${min} 到 ${max} 之间的整数`,
	badTags: () => 'tags 应为文字列表，例如 [支部, 组织生活]',
	badMedia: (field: string) => `${field} 只能引用平台内的文件（以 / 开头的路径），不能是外部网址`,
	emptyBody: () => '课程正文为空',
	emptyQuiz: () => 'quiz 代码块中没有题目（题目应以"1."这样的题号开头）',
	questionPrefix: (n: number) => `第${n}题：`,
	emptyStem: () => '题干为空',
	noAnswer: () => '缺少答案（写一行"答案：B"）',
	answerNotInOptions: (answer: string, first: string, last: string) =>
		`答案"${answer}"不在选项 ${first}–${last} 之中`,
	optionsNotConsecutive: (expected: string, got: string) =>
		`选项应按 A、B、C… 连续排列：此处应为 ${expected}，却是 ${got}`,
	tooFewOptions: () => '选择题至少需要两个选项',
	singleNeedsOne: (answer: string) => `单选题只能有一个答案，却写了"${answer}"`,
	multipleNeedsTwo: () => '多选题至少有两个正确答案；只有一个答案请标为单选题',
	badChoiceAnswer: (answer: string) =>
		`答案"${answer}"无法识别：选择题的答案应为选项字母，如 B 或 ACD`,
	badTrueFalse: (answer: string) =>
		`判断题答案"${answer}"无法识别：应为 对/错、正确/错误、√/× 或 T/F`,
	trueFalseOption: (text: string) => `判断题的选项"${text}"应为"正确"或"错误"`,
	fillNeedsBlank: () => '填空题的题干中没有空（用 ____ 或 （ ） 标出要填的地方）',
	fillCount: (blanks: number, answers: number) =>
		`题干有 ${blanks} 个空，答案却有 ${answers} 个（多个空的答案用 | 分隔）`,
	fillEmptyAnswer: () => '填空题的答案不能为空',
	unexpectedLine: (text: string) => `无法识别的内容"${text}"（解析请以"解析："开头）`,
	duplicateQuestion: (other: number) => `与第${other}题重复`,
	textBeforeQuestion: (text: string) => `题号之前的内容无法识别："${text}"`,
	unsupportedSection: (name: string) => `不支持的题型"${name}"：只支持单选、多选、判断、填空题`,
	answerAfterExplanation: () => '解析之后又出现了答案行：是否漏写了下一题的题号？',
	bankEmpty: () => '题库中没有题目（每道题以"1."这样的题号开头）'
} as const;

/** Cut a line for quoting in a message. */
export function quote(text: string, max = 20): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Messages for lines that belong to no question. */
export const orphanMessages = {
	orphanLine: (text: string) =>
		`"${quote(text)}"不属于任何题目：题号应写成"1."、"1、"或"1）"这样的形式`
} as const;
