import type { Question, QuestionType } from './types.ts';

const MARKERS: Record<QuestionType, string> = {
	single: '【单选】',
	multiple: '【多选】',
	truefalse: '【判断】',
	fill: '【填空】'
};

/**
 * The question numbers written run 1…9999 and then start again: the parser reads at most four
 * digits, and a number only names a question in messages (ids come from the text).
 */
const MAX_NUMBER = 9999;

function answerText(q: Question): string {
	switch (q.type) {
		case 'single':
			return q.answer;
		case 'multiple':
			return q.answer.join('');
		case 'truefalse':
			return q.answer ? '正确' : '错误';
		case 'fill':
			return q.blanks.map((alts) => alts.join('/')).join('|');
	}
}

/** One question in the canonical bank text, numbered `n`. */
function formatQuestion(q: Question, n: number): string {
	const lines = [`${n}.${MARKERS[q.type]}${q.stem}`];
	if (q.type === 'single' || q.type === 'multiple') {
		for (const o of q.options) lines.push(`${o.key}. ${o.text}`);
	}
	lines.push(`答案：${answerText(q)}`);
	if (q.explanation !== '') lines.push(`解析：${q.explanation}`);
	return lines.join('\n');
}

/**
 * Write questions in the canonical question-bank text (content-format.md), numbered from 1 with a
 * type marker on every question: parsing the result gives the same questions (ids, types,
 * options, answers, stems, explanations); only numbers and lines may differ.
 */
export function formatQuestions(questions: readonly Question[]): string {
	return questions.map((q, i) => `${formatQuestion(q, (i % MAX_NUMBER) + 1)}\n`).join('\n');
}
