import { describe, expect, it } from 'vitest';
import type { Results } from '$lib/sync';
import { toCsv } from './csv';
import { questionsTable, resultsFileName, standingsTable } from './contest-results';

const base = { number: 1, explanation: '', line: 1 };
const results: Results = {
	id: 'c1',
	name: '党史/知识 竞赛',
	mode: 'window',
	count: 2,
	seconds: 20,
	startsAt: 0,
	leader: true,
	points: { participation: 1, places: [5, 3, 1] },
	podium: [],
	members: [
		{
			user: 'u1',
			name: '张三',
			branch: 'b1',
			total: 180,
			ms: 6400,
			answered: 2,
			place: 1,
			right: 2,
			answers: [
				{ position: 0, answer: ['A'], correct: true, score: 95, ms: 2000 },
				{ position: 1, answer: ['true'], correct: true, score: 85, ms: 4400 }
			]
		},
		{
			user: 'u2',
			name: '',
			branch: 'b2',
			total: 0,
			ms: 3000,
			answered: 1,
			place: 2,
			right: 0,
			answers: [
				{ position: 0, answer: ['B'], correct: false, score: 0, ms: 3000 },
				{ position: 1, answer: null, correct: false, score: 0, ms: null }
			]
		}
	],
	branches: [],
	questions: [
		{
			position: 0,
			question: { ...base, id: 'q1', type: 'single', stem: '第一题', options: [], answer: 'A' },
			answers: 2,
			right: 1
		},
		{
			position: 1,
			question: { ...base, id: 'q2', type: 'truefalse', stem: '第二题', answer: true },
			answers: 1,
			right: 1
		}
	],
	mine: []
};

describe('contest results as sheets', () => {
	it('lists every member best first with each answer marked, anonymous names kept anonymous', () => {
		const table = standingsTable(results, { b1: '第一支部', b2: '第二支部' });
		expect(table.rows).toEqual([
			['名次', '姓名', '支部', '总分', '答对', '作答', '用时（秒）', '第 1 题', '第 2 题'],
			[1, '张三', '第一支部', 180, 2, 2, 6.4, 'A ✓', '正确 ✓'],
			[2, '匿名党员', '第二支部', 0, 0, 1, 3, 'B ✗', '未作答']
		]);
		expect(toCsv(table.rows).split('\r\n')[1]).toBe('1,张三,第一支部,180,2,2,6.4,A ✓,正确 ✓');
	});

	it('gives each question its key and the share who got it right', () => {
		expect(questionsTable(results).rows).toEqual([
			['题号', '题目', '正确答案', '作答', '答对', '正确率（%）'],
			[1, '第一题', 'A', 2, 1, 50],
			[2, '第二题', '正确', 1, 1, 100]
		]);
	});

	it('names the file safely', () => {
		expect(resultsFileName(results, 'xlsx')).toBe('竞赛结果-党史_知识_竞赛.xlsx');
	});
});
