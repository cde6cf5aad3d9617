import { describe, expect, it } from 'vitest';
import { composeLesson, EMPTY_FORM, headerLines, splitLesson, type LessonForm } from './compose';
import { parseLesson } from './lesson';

const form: LessonForm = {
	...EMPTY_FORM,
	id: 'zhibu-gongzuo',
	title: '支部工作: "三会一课"',
	summary: '五分钟了解支部日常工作',
	category: '组织生活',
	track: 'required',
	minutes: '4',
	credits: '',
	audio: '/api/files/lessons/abc/narration.webm'
};
const body = '正文第一段。\n\n```quiz\n1.【单选】一年有几个季度？\nA. 4\nB. 3\n答案：A\n```\n';

describe('the studio form and a lesson file', () => {
	it('composes a file the lesson parser accepts, with the form’s values', () => {
		const { lesson, problems } = parseLesson({ path: 'x.md', text: composeLesson(form, body) });
		expect(problems).toEqual([]);
		expect(lesson).toMatchObject({
			id: 'zhibu-gongzuo',
			title: '支部工作: "三会一课"',
			summary: '五分钟了解支部日常工作',
			category: '组织生活',
			track: 'required',
			minutes: 4,
			credits: null,
			audio: '/api/files/lessons/abc/narration.webm',
			questionCount: 1
		});
	});

	it('splits a composed file back into the same form and body', () => {
		expect(splitLesson(composeLesson(form, body))).toEqual({ form, body });
	});

	it('reads 必修/选修 and numbers written by hand', () => {
		const text = '---\nid: abc\ntitle: 标题\ncategory: 党史\ntrack: 必修\ncredits: 3\n---\n正文';
		expect(splitLesson(text).form).toMatchObject({ track: 'required', credits: '3' });
		expect(splitLesson(text).body).toBe('正文');
	});

	it('keeps everything in the body when the front matter does not read', () => {
		const text = '---\nid: [unclosed\n---\n正文';
		expect(splitLesson(text)).toEqual({ form: EMPTY_FORM, body: text });
	});

	it('counts the header lines, so a problem’s line maps into the body', () => {
		const text = composeLesson(form, body);
		const n = headerLines(form);
		expect(text.split('\n')[n]).toBe('正文第一段。');
	});
});
