import { describe, expect, it } from 'vitest';
import { parseQuestions } from './index';

/** Problems in question-bank text: each names the question (第N题) and the file line. */

const CHOICE = ['A. 甲', 'B. 乙', 'C. 丙', 'D. 丁'].join('\n');

describe('problems', () => {
	it('names the question and the letter when an answer is not an option', () => {
		const text = ['5. 题干', 'A. 甲', 'B. 乙', 'C. 丙', 'D. 丁', '答案：E'].join('\n');
		expect(parseQuestions(text, 18).problems).toEqual([
			{ line: 23, message: '第5题：答案"E"不在选项 A–D 之中' }
		]);
	});

	it('reports a missing answer at the question line', () => {
		expect(parseQuestions(`\n\n2. 题干\n${CHOICE}`).problems).toEqual([
			{ line: 3, message: '第2题：缺少答案（写一行"答案：B"）' }
		]);
	});

	it('reports an unreadable true/false answer and an unreadable choice answer', () => {
		expect(parseQuestions('1.【判断】题干\n答案：大概').problems[0]?.message).toBe(
			'第1题：判断题答案"大概"无法识别：应为 对/错、正确/错误、√/× 或 T/F'
		);
		expect(parseQuestions(`1.【单选】题干\n${CHOICE}\n答案：甲`).problems[0]?.message).toBe(
			'第1题：答案"甲"无法识别：选择题的答案应为选项字母，如 B 或 ACD'
		);
	});

	it('reports a repeated question within one text, keeping the first', () => {
		const r = parseQuestions(
			`1. 题干\n${CHOICE}\n答案：A\n2. 其他____\n答案：甲\n3. 题干\n${CHOICE}\n答案：B`
		);
		expect(r.questions.map((q) => q.number)).toEqual([1, 2]);
		expect(r.problems).toEqual([{ line: 9, message: '第3题：与第1题重复' }]);
	});

	it('reports option and answer lines before any question, and ignores a title', () => {
		const r = parseQuestions('# 党章题库\n说明文字\nA. 甲\n答案：A\n1. 题干____\n答案：甲');
		expect(r.questions).toHaveLength(1);
		expect(r.problems.map((p) => p.line)).toEqual([3, 4]);
		expect(r.problems[0]?.message).toBe(
			'"A. 甲"不属于任何题目：题号应写成"1."、"1、"或"1）"这样的形式'
		);
		expect(r.problems[1]?.message).toContain('"答案：A"不属于任何题目');
	});

	it('reports unrecognised text after an answer', () => {
		const r = parseQuestions(`1. 题干\n${CHOICE}\n答案：A\n这一行不是解析`);
		expect(r.questions).toHaveLength(1);
		expect(r.problems).toEqual([
			{ line: 7, message: '第1题：无法识别的内容"这一行不是解析"（解析请以"解析："开头）' }
		]);
	});

	it('is lenient: good questions come back next to the errors of bad ones', () => {
		const text = [
			'1. 好题一____',
			'答案：甲',
			'2. 坏题',
			'A. 甲',
			'B. 乙',
			'答案：Z',
			'3. 好题二',
			'A. 甲',
			'B. 乙',
			'答案：B',
			'4.【多选】坏题二',
			'A. 甲',
			'B. 乙',
			'答案：A',
			'5. 好题三。',
			'答案：×'
		].join('\n');
		const r = parseQuestions(text, 101);
		expect(r.questions.map((q) => [q.number, q.line])).toEqual([
			[1, 101],
			[3, 107],
			[5, 115]
		]);
		expect(r.problems.map((p) => p.line)).toEqual([106, 114]);
		expect(r.problems[0]?.message.startsWith('第2题：')).toBe(true);
		expect(r.problems[1]?.message.startsWith('第4题：')).toBe(true);
	});

	it('question lines and problem lines honour firstLine', () => {
		const r = parseQuestions(`1. 题干\n${CHOICE}\n答案：AB\n2. 第二题____\n答案：甲`, 40);
		expect(r.questions.map((q) => q.line)).toEqual([40, 46]);
		expect(parseQuestions('1.【单选】题干\nA. 甲\nB. 乙\n答案：AB', 40).problems[0]?.line).toBe(43);
	});
});
