import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatQuestions, normaliseText, parseLesson, parseQuestions } from './index';
import type { Question } from './types';

/** What must survive a round trip: everything but the number and the line. */
function essence(q: Question) {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { number, line, ...rest } = q;
	return rest;
}

/** Format the questions, parse them again, and expect the same questions and no problem. */
function roundTrip(questions: Question[]): string {
	const text = formatQuestions(questions);
	const again = parseQuestions(text);
	expect(again.problems).toEqual([]);
	expect(again.questions.map(essence)).toEqual(questions.map(essence));
	return text;
}

/** Parse text that must hold only good questions. */
function good(text: string): Question[] {
	const r = parseQuestions(text);
	expect(r.problems).toEqual([]);
	return r.questions;
}

function filesUnder(dir: string, ext: RegExp): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => ext.test(f))
		.map((f) => join(dir, f))
		.sort();
}

describe('formatQuestions round-trips the real content', () => {
	const banks = filesUnder('content/banks', /\.(md|txt)$/);
	it('finds the banks', () => expect(banks.length).toBeGreaterThan(0));

	it.each(banks)('every question of %s', (path) => {
		const questions = good(normaliseText(readFileSync(path, 'utf8')));
		expect(questions.length).toBeGreaterThan(0);
		roundTrip(questions);
	});

	it('every quiz question of the lessons', () => {
		const questions = filesUnder('content/lessons', /\.md$/).flatMap(
			(path) => parseLesson({ path, text: readFileSync(path, 'utf8') }, 0).lesson?.questions ?? []
		);
		expect(questions.length).toBeGreaterThan(0);
		roundTrip(questions);
	});

	it('all the banks as one, numbered from 1 again', () => {
		const questions = filesUnder('content/banks', /\.(md|txt)$/).flatMap((path) =>
			good(normaliseText(readFileSync(path, 'utf8')))
		);
		const text = roundTrip(questions);
		expect(parseQuestions(text).questions.map((q) => q.number)).toEqual(
			questions.map((_, i) => i + 1)
		);
	});
});

describe('formatQuestions edge cases', () => {
	it('writes the canonical format', () => {
		const text = formatQuestions(
			good(
				[
					'一、多选题',
					'3、党的纪律包括（ ）。',
					'A、政治纪律  B、组织纪律  C、廉洁纪律',
					'参考答案：A、C、B',
					'二、判断题',
					'7. 党员可以不参加组织生活。',
					'A. 正确  B. 错误',
					'【答案】B',
					'三、填空题',
					'8）填空：党的最高理想是实现____。',
					'答案：共产主义／共产主义社会',
					'【解析】党章总纲。'
				].join('\n')
			)
		);
		expect(text).toBe(
			[
				'1.【多选】党的纪律包括（ ）。',
				'A. 政治纪律',
				'B. 组织纪律',
				'C. 廉洁纪律',
				'答案：ABC',
				'',
				'2.【判断】党员可以不参加组织生活。',
				'答案：错误',
				'',
				'3.【填空】填空：党的最高理想是实现____。',
				'答案：共产主义/共产主义社会',
				'解析：党章总纲。',
				''
			].join('\n')
		);
	});

	it('keeps multi-line explanations, blank lines and option-like lines included', () => {
		const [q] = good(
			[
				'1. 题干第一行',
				'题干第二行（ ）',
				'A. 甲',
				'B. 乙',
				'答案：A',
				'解析：第一段。',
				'',
				'第二段：',
				'A. 这一行像选项，',
				'(B) 这一行也像。'
			].join('\n')
		);
		expect(q?.explanation).toBe('第一段。\n\n第二段：\nA. 这一行像选项，\n(B) 这一行也像。');
		expect(q?.stem).toBe('题干第一行\n题干第二行（ ）');
		roundTrip(good(formatQuestions([q!])));
	});

	it('keeps fill-in questions with several blanks and alternative answers', () => {
		const qs = good(
			[
				'1. 党的四个自信是道路自信、____自信、____自信和文化自信。',
				'答案：理论 / 理论上 ｜制度',
				'2.（填空题）“三会一课”中的“一课”是指（ ）。',
				'答案：党课'
			].join('\n')
		);
		expect(qs.map((q) => q.type)).toEqual(['fill', 'fill']);
		expect(qs[0]?.type === 'fill' && qs[0].blanks).toEqual([['理论', '理论上'], ['制度']]);
		roundTrip(qs);
	});

	it('keeps true/false questions however they were answered', () => {
		const qs = good(
			[
				'1. 甲。\n答案：√',
				'2. 乙。\n答案：×',
				'3.【判断】丙。\nA. 对\nB. 错\n答案：A',
				'4. 丁。\n答案：F',
				'5.（判断题）戊。\n答案：正确'
			].join('\n')
		);
		expect(qs.map((q) => q.type === 'truefalse' && q.answer)).toEqual([
			true,
			false,
			true,
			false,
			true
		]);
		roundTrip(qs);
	});

	it('keeps choice questions with wrapped or empty options and stems that start like markers', () => {
		roundTrip(
			good(
				[
					'1.',
					'（判断）这一行是题干，选项写在一行里。',
					'A. first option text',
					'wrapped here',
					'B.',
					'答案：B',
					'2.【单选】【多选】题干里还有一个记号',
					'A. 甲 B. 乙',
					'答案：A'
				].join('\n')
			)
		);
	});

	it('numbers past 9999 start again at 1, and an empty list is empty', () => {
		const [q] = good('1. 甲。\n答案：对');
		const many = Array.from({ length: 10_001 }, (_, i) => ({ ...q!, id: `q${i}` }));
		const text = formatQuestions(many);
		expect(text).toContain('\n\n9999.【判断】甲。');
		expect(text.endsWith('\n\n1.【判断】甲。\n答案：正确\n\n2.【判断】甲。\n答案：正确\n')).toBe(
			true
		);
		expect(formatQuestions([])).toBe('');
	});
});
