import { describe, expect, it } from 'vitest';
import { estimateMinutes, formatProblem, normaliseText, parseLesson } from './index';

const FENCE = '```';
const PATH = 'content/lessons/sanhui.md';

const SPEC_EXAMPLE = `---
id: sanhui-yike
title: 什么是"三会一课"
summary: 五分钟弄清支部党员大会、支委会、党小组会和党课
category: 组织生活
track: required
minutes: 5
credits: 2
tags: [支部, 组织生活]
audio: /media/sanhui-yike.mp3
video: /media/sanhui-yike.mp4
---

正文是普通 markdown：标题、段落、列表、引用、表格、图片。

${FENCE}quiz
1.【单选】党支部党员大会一般每季度召开（ ）次。
A. 1
B. 2
C. 3
D. 4
答案：A
解析：党支部党员大会一般每季度召开 1 次。
${FENCE}
`;

function lesson(body: string, extra: string[] = []): string {
	return ['---', 'id: test-lesson', 'title: 测试', 'category: 党章', ...extra, '---', body].join(
		'\n'
	);
}

describe('parseLesson', () => {
	it('parses the spec example', () => {
		const { lesson: l, problems } = parseLesson({ path: PATH, text: SPEC_EXAMPLE }, 7);
		expect(problems).toEqual([]);
		expect(l).not.toBeNull();
		expect(l).toMatchObject({
			id: 'sanhui-yike',
			title: '什么是"三会一课"',
			category: '组织生活',
			track: 'required',
			minutes: 5,
			credits: 2,
			tags: ['支部', '组织生活'],
			audio: '/media/sanhui-yike.mp3',
			video: '/media/sanhui-yike.mp4',
			questionCount: 1,
			order: 7
		});
		expect(l!.questions[0]).toMatchObject({ type: 'single', answer: 'A', line: 17, number: 1 });
		expect(l!.questions[0]!.explanation).toBe('党支部党员大会一般每季度召开 1 次。');
		expect(l!.hash).toMatch(/^[0-9a-f]{16}$/);
	});

	it('renders the body to html without the quiz blocks', () => {
		const { lesson: l } = parseLesson({ path: PATH, text: SPEC_EXAMPLE });
		expect(l!.html).toContain('<p>正文是普通 markdown：标题、段落、列表、引用、表格、图片。</p>');
		expect(l!.html).not.toContain('答案');
		expect(l!.html).not.toContain('党支部党员大会');
		expect(l!.html).not.toContain('<pre');
		expect(l!.html).not.toContain('quiz');
	});

	it('keeps other code blocks and reference links in the html', () => {
		const body = `见[党章][zc]。\n\n${FENCE}js\nlet a = 1;\n${FENCE}\n\n[zc]: https://www.12371.cn/\n\n${FENCE}quiz\n1. 题____\n答案：甲\n${FENCE}\n`;
		const { lesson: l, problems } = parseLesson({ path: PATH, text: lesson(body) });
		expect(problems).toEqual([]);
		expect(l!.html).toContain('<a href="https://www.12371.cn/"');
		expect(l!.html).toContain('let a = 1;');
		expect(l!.questionCount).toBe(1);
	});

	it('collects the questions of several quiz blocks, in order', () => {
		const body = [
			'# 第一节',
			'',
			`${FENCE}quiz`,
			'1. 第一题____',
			'答案：甲',
			'2. 第二题。',
			'答案：对',
			FENCE,
			'',
			'## 第二节',
			'',
			'- 要点一',
			'- 要点二',
			'',
			`${FENCE}quiz`,
			'1. 第三题',
			'A. 甲  B. 乙',
			'答案：B',
			FENCE
		].join('\n');
		const { lesson: l, problems } = parseLesson({ path: PATH, text: lesson(body) });
		expect(problems).toEqual([]);
		expect(l!.questions.map((q) => q.stem)).toEqual(['第一题____', '第二题。', '第三题']);
		expect(l!.questions.map((q) => q.type)).toEqual(['fill', 'truefalse', 'single']);
		expect(l!.questions.map((q) => q.line)).toEqual([9, 11, 21]);
		expect(l!.html).toContain('<h2>第二节</h2>');
		expect(l!.html).toContain('<li>要点一</li>');
	});

	it('reports problems inside quiz blocks at their file lines, as path:line: message', () => {
		const body = [
			'引言。',
			'',
			'| 会议 | 频次 |',
			'| --- | --- |',
			'| 党员大会 | 每季度 |',
			'',
			'> 引用一行',
			'> 引用两行',
			'',
			`${FENCE}quiz`,
			'5. 题干',
			'A. 甲',
			'B. 乙',
			'C. 丙',
			'D. 丁',
			'答案：E',
			FENCE
		].join('\n');
		const { lesson: l, problems } = parseLesson({ path: PATH, text: lesson(body) });
		expect(l).toBeNull();
		expect(problems.map(formatProblem)).toEqual([`${PATH}:21: 第5题：答案"E"不在选项 A–D 之中`]);
	});

	it('reports a question repeated in a later quiz block', () => {
		const q = '1. 重复的题____\n答案：甲';
		const body = `正文\n\n${FENCE}quiz\n${q}\n${FENCE}\n\n${FENCE}quiz\n${q}\n${FENCE}\n`;
		const { problems } = parseLesson({ path: PATH, text: lesson(body) });
		expect(problems).toEqual([{ path: PATH, line: 14, message: '第1题：与第1题重复' }]);
	});

	it('reports an empty quiz block at its fence line', () => {
		const body = `正文\n\n${FENCE}quiz\n只有说明\n${FENCE}\n`;
		expect(parseLesson({ path: PATH, text: lesson(body) }).problems).toEqual([
			{ path: PATH, line: 8, message: 'quiz 代码块中没有题目（题目应以"1."这样的题号开头）' }
		]);
	});

	it('reports a lesson whose body is empty or only quiz blocks', () => {
		for (const body of ['', '\n\n   \n', `${FENCE}quiz\n1. 题____\n答案：甲\n${FENCE}`]) {
			const r = parseLesson({ path: PATH, text: lesson(body) });
			expect(r.lesson).toBeNull();
			expect(r.problems).toEqual([{ path: PATH, line: 6, message: '课程正文为空' }]);
		}
	});

	it('reports front-matter problems with the path and returns no lesson', () => {
		const r = parseLesson({ path: PATH, text: '---\nid: abc\ncategory: c\n---\n正文' });
		expect(r.lesson).toBeNull();
		expect(r.problems.map(formatProblem)).toEqual([
			expect.stringMatching(/^content\/lessons\/sanhui\.md:\d+: front matter 缺少必填字段 title$/)
		]);
		expect(parseLesson({ path: PATH, text: '正文' }).problems).toEqual([
			{
				path: PATH,
				line: 1,
				message: '缺少 front matter：文件应以一行 --- 开头，写明 id、title、category 等字段'
			}
		]);
	});

	it('gives identical output for CRLF, CR and BOM input', () => {
		const lf = parseLesson({ path: PATH, text: SPEC_EXAMPLE.replace('minutes: 5\n', '') });
		const crlf = parseLesson({
			path: PATH,
			text: `\uFEFF${SPEC_EXAMPLE.replace('minutes: 5\n', '').replace(/\n/g, '\r\n')}`
		});
		const cr = parseLesson({
			path: PATH,
			text: SPEC_EXAMPLE.replace('minutes: 5\n', '').replace(/\n/g, '\r')
		});
		expect(lf.lesson).not.toBeNull();
		expect(crlf).toEqual(lf);
		expect(cr).toEqual(lf);
		expect(crlf.lesson!.html).not.toContain('\r');
		expect(crlf.lesson!.questions[0]!.stem).toBe('党支部党员大会一般每季度召开（ ）次。');
		expect(normaliseText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
	});

	it('reports the same problem lines for CRLF input as for LF', () => {
		const bad = SPEC_EXAMPLE.replace('答案：A', '答案：E');
		const lf = parseLesson({ path: PATH, text: bad }).problems;
		expect(lf).toEqual([{ path: PATH, line: 22, message: '第1题：答案"E"不在选项 A–D 之中' }]);
		expect(
			parseLesson({ path: PATH, text: `\uFEFF${bad.replace(/\n/g, '\r\n')}` }).problems
		).toEqual(lf);
	});

	it('renders an uploaded body as inertly as renderMarkdown: no element carries an event handler', () => {
		const body = '按 <kbd><img/src=x onerror=alert(1)> 键\n\n[链接](java%73cript:alert(1))\n';
		const { lesson: l, problems } = parseLesson({ path: 'upload.md', text: lesson(body) });
		expect(problems).toEqual([]);
		expect(l!.html).not.toMatch(/<img[^>]*onerror/i);
		expect(l!.html).not.toMatch(/href="\s*javascript:/i);
	});

	it('changes the hash when the text changes', () => {
		const a = parseLesson({ path: PATH, text: SPEC_EXAMPLE }).lesson!.hash;
		const b = parseLesson({ path: PATH, text: SPEC_EXAMPLE.replace('正文', '本文') }).lesson!.hash;
		expect(a).not.toBe(b);
	});
});

describe('minutes', () => {
	it('are estimated from the text and the questions when absent', () => {
		const body = `${'学'.repeat(900)}\n\n${FENCE}quiz\n1. 题____\n答案：甲\n2. 题二____\n答案：乙\n${FENCE}\n`;
		const { lesson: l } = parseLesson({ path: PATH, text: lesson(body) });
		expect(l!.minutes).toBe(4); // 900 characters at 300 a minute, plus half a minute per question
		const given = parseLesson({ path: PATH, text: lesson(body, ['minutes: 12']) }).lesson!;
		expect(given.minutes).toBe(12);
	});

	it('are at least 1 and at most 60, and ignore markup and code', () => {
		expect(estimateMinutes('短', 0)).toBe(1);
		expect(estimateMinutes('字'.repeat(300 * 100), 0)).toBe(60);
		expect(estimateMinutes('# 标题\n\n- 项\n\n```\n' + 'x'.repeat(3000) + '\n```', 0)).toBe(1);
		expect(estimateMinutes('字'.repeat(1500), 0)).toBe(5);
	});
});
