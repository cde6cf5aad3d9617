import { describe, expect, it } from 'vitest';
import { parseQuestions, type Question } from '$lib/content';
import { answerText, givenText, isAnswerable, isCorrect, normaliseFill, score } from './grade';

function one(text: string): Question {
	const { questions, problems } = parseQuestions(text);
	expect(problems).toEqual([]);
	return questions[0]!;
}

const single = one('1.【单选】党员大会一般每季度召开（ ）次。\nA. 1\nB. 2\n答案：A');
const multiple = one(
	'1.【多选】三会一课包括\nA. 党员大会  B. 支委会  C. 党小组会  D. 运动会\n答案：ABC'
);
const tf = one('1.【判断】预备期为一年。\n答案：√');
const fill = one('1. 党员大会一般____召开一次，支委会一般____召开一次。\n答案：每季度|每月/每个月');

describe('isCorrect', () => {
	it('single choice needs exactly the key', () => {
		expect(isCorrect(single, ['A'])).toBe(true);
		expect(isCorrect(single, ['B'])).toBe(false);
		expect(isCorrect(single, ['A', 'B'])).toBe(false);
	});

	it('multiple choice needs the whole set, in any order, and nothing more', () => {
		expect(isCorrect(multiple, ['C', 'A', 'B'])).toBe(true);
		expect(isCorrect(multiple, ['A', 'B'])).toBe(false);
		expect(isCorrect(multiple, ['A', 'B', 'C', 'D'])).toBe(false);
	});

	it('true/false compares the truth value', () => {
		expect(isCorrect(tf, ['true'])).toBe(true);
		expect(isCorrect(tf, ['false'])).toBe(false);
	});

	it('fill-in accepts any listed alternative per blank, whatever width, case or spacing', () => {
		expect(isCorrect(fill, ['每季度', '每月'])).toBe(true);
		expect(isCorrect(fill, [' 每季度 ', '每个月。'])).toBe(true);
		expect(isCorrect(fill, ['每月', '每季度'])).toBe(false);
		expect(isCorrect(fill, ['每季度'])).toBe(false);
	});
});

describe('isAnswerable', () => {
	it('waits for a choice, or for every blank to be filled', () => {
		expect(isAnswerable(single, [])).toBe(false);
		expect(isAnswerable(multiple, ['A'])).toBe(true);
		expect(isAnswerable(fill, ['每季度', ''])).toBe(false);
		expect(isAnswerable(fill, ['每季度', '每月'])).toBe(true);
	});
});

describe('answerText and score', () => {
	it('writes keys the way members read them', () => {
		const words = { true: '正确', false: '错误' };
		expect(answerText(multiple, words)).toBe('A、B、C');
		expect(answerText(tf, words)).toBe('正确');
		expect(answerText(fill, words)).toBe('每季度 | 每月 / 每个月');
	});

	it('writes what a member answered the same way', () => {
		const words = { true: '正确', false: '错误' };
		expect(givenText(multiple, ['A', 'C'], words)).toBe('A、C');
		expect(givenText(tf, ['false'], words)).toBe('错误');
		expect(givenText(fill, ['每季度', '每周'], words)).toBe('每季度 | 每周');
	});

	it('rounds the percentage and survives an empty quiz', () => {
		expect(score(2, 3)).toEqual({ correct: 2, total: 3, percent: 67 });
		expect(score(0, 0).percent).toBe(0);
	});

	it('folds full-width letters and digits in fill-in answers', () => {
		expect(normaliseFill('ＡＢＣ１２')).toBe('abc12');
	});
});
