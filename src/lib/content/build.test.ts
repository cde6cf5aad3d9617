import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bankId, buildContent, formatProblem, kindOf, parseBank } from './index';
import type { SourceFile } from './types';

const FENCE = '```';

function lessonFile(
	path: string,
	id: string,
	category = '组织生活',
	stem = '题干____'
): SourceFile {
	const text = [
		'---',
		`id: ${id}`,
		`title: 课程 ${id}`,
		`category: ${category}`,
		'---',
		'',
		`${id} 的正文。`,
		'',
		`${FENCE}quiz`,
		`1. ${stem}`,
		'答案：甲',
		FENCE,
		''
	].join('\n');
	return { path, text };
}

const BANK_TEXT = [
	'# 党章知识题库',
	'',
	'一、单选题',
	'1. 党的最高理想是（ ）。',
	'A. 共产主义  B. 小康社会',
	'答案：A',
	'二、判断题',
	'2. 党员应当按期交纳党费。',
	'答案：对'
].join('\n');

describe('kindOf', () => {
	it('decides by folder, else by front matter', () => {
		expect(kindOf({ path: 'content/banks/dangzhang.md', text: '---\nid: x\n---' })).toBe('bank');
		expect(kindOf({ path: 'content/banks/sub/a.txt', text: '' })).toBe('bank');
		expect(kindOf({ path: 'content/lessons/a/b/01-x.md', text: '1. 题' })).toBe('lesson');
		expect(kindOf({ path: 'upload.md', text: '---\nid: abc\n---\n' })).toBe('lesson');
		expect(kindOf({ path: 'upload.md', text: '\uFEFF---\r\nid: abc\r\n---\r\n' })).toBe('lesson');
		expect(kindOf({ path: 'upload.txt', text: '1. 题____\n答案：甲' })).toBe('bank');
	});
});

describe('banks', () => {
	it.each([
		['content/banks/01-dangzhang.md', 'dangzhang'],
		['content/banks/2_daily.txt', 'daily'],
		['content/banks/sub/10.contest-2024.MD', 'contest-2024'],
		['content/banks/plain.md', 'plain']
	])('%s has the id %s', (path, id) => {
		expect(bankId(path)).toBe(id);
	});

	it('take the title from the first # heading, else the id', () => {
		const r = parseBank({ path: 'content/banks/01-dangzhang.md', text: BANK_TEXT });
		expect(r.problems).toEqual([]);
		expect(r.bank).toMatchObject({ id: 'dangzhang', title: '党章知识题库' });
		expect(r.bank!.questions.map((q) => q.type)).toEqual(['single', 'truefalse']);
		const untitled = parseBank({
			path: 'content/banks/daily.txt',
			text: BANK_TEXT.replace('# 党章知识题库\n', '')
		});
		expect(untitled.bank?.title).toBe('daily');
		const h2 = parseBank({ path: 'content/banks/daily.txt', text: `## 小节\n${BANK_TEXT}` });
		expect(h2.bank?.title).toBe('党章知识题库');
	});

	it('report their problems with path and file line, and an empty bank', () => {
		const bad = BANK_TEXT.replace('答案：A', '答案：C');
		expect(
			parseBank({ path: 'content/banks/a-b.md', text: bad.replace(/\n/g, '\r\n') }).problems.map(
				formatProblem
			)
		).toEqual(['content/banks/a-b.md:6: 第1题：答案"C"不在选项 A–B 之中']);
		expect(
			parseBank({ path: 'content/banks/empty.md', text: '# 空题库\n\n说明。\n' }).problems
		).toEqual([
			{
				path: 'content/banks/empty.md',
				line: 1,
				message: '题库中没有题目（每道题以"1."这样的题号开头）'
			}
		]);
	});

	it('need a file name that makes a valid id', () => {
		const r = parseBank({ path: 'content/banks/01-党章.md', text: BANK_TEXT });
		expect(r.bank).toBeNull();
		expect(r.problems.map(formatProblem)).toEqual([
			'content/banks/01-党章.md:1: id "党章" 无效：只能用小写字母、数字和连字符，长度 3–64'
		]);
	});
});

describe('buildContent', () => {
	it('orders files by path, numeric prefixes as numbers', () => {
		const files = [
			lessonFile('content/lessons/10-y.md', 'lesson-y', '党章', '十____'),
			lessonFile('content/lessons/2-x.md', 'lesson-x', '党章', '二____'),
			lessonFile('content/lessons/1-w.md', 'lesson-w', '党章', '一____'),
			lessonFile('content/lessons/b/01-z.md', 'lesson-z', '党章', '子____'),
			{ path: 'content/banks/02-second.md', text: BANK_TEXT.replace('共产主义', '共产主义事业') },
			{ path: 'content/banks/01-first.md', text: BANK_TEXT }
		];
		const b = buildContent(files);
		expect(b.problems).toEqual([]);
		expect(b.lessons.map((l) => l.id)).toEqual(['lesson-w', 'lesson-x', 'lesson-y', 'lesson-z']);
		expect(b.lessons.map((l) => l.order)).toEqual([0, 1, 2, 3]);
		expect(b.banks.map((x) => x.id)).toEqual(['first', 'second']);
	});

	it('reports a lesson id used in two files, naming both paths', () => {
		const b = buildContent([
			lessonFile('content/lessons/2-b.md', 'same-id', '党章', '乙____'),
			lessonFile('content/lessons/1-a.md', 'same-id', '党章', '甲____'),
			lessonFile('content/lessons/3-c.md', 'other-id', '党章', '丙____')
		]);
		expect(b.problems.map(formatProblem)).toEqual([
			'content/lessons/2-b.md:1: id "same-id" 与 content/lessons/1-a.md 重复'
		]);
		expect(b.lessons.map((l) => `${l.id}:${l.questions[0]!.stem}`)).toEqual([
			'same-id:甲____',
			'other-id:丙____'
		]);
	});

	it('reports two banks with the same id', () => {
		const b = buildContent([
			{ path: 'content/banks/01-daily.md', text: BANK_TEXT },
			{ path: 'content/banks/02-daily.txt', text: BANK_TEXT }
		]);
		expect(b.banks).toHaveLength(1);
		expect(b.problems).toHaveLength(1);
		expect(b.problems[0]).toMatchObject({ path: 'content/banks/02-daily.txt', line: 1 });
		expect(b.problems[0]!.message).toContain('content/banks/01-daily.md');
	});

	it('collects every problem of every file and keeps the good files', () => {
		const b = buildContent([
			lessonFile('content/lessons/1-good.md', 'good-one'),
			{ path: 'content/lessons/2-bad.md', text: '---\nid: bad-one\ntitle: t\n---\n正文' },
			{ path: 'content/banks/broken.md', text: '1. 无答案的题____' }
		]);
		expect(b.lessons.map((l) => l.id)).toEqual(['good-one']);
		expect(b.banks).toEqual([]);
		expect(b.problems.map(formatProblem).sort()).toEqual([
			'content/banks/broken.md:1: 第1题：缺少答案（写一行"答案：B"）',
			'content/lessons/2-bad.md:2: front matter 缺少必填字段 category'
		]);
	});
});

function readTree(dir: string, root: string): SourceFile[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = join(dir, e.name);
		if (e.isDirectory()) return readTree(full, root);
		if (!/\.(md|txt)$/i.test(e.name)) return [];
		return [{ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') }];
	});
}

describe('the repository content/ folder', () => {
	it('builds without problems and holds the launch curriculum', () => {
		const root = fileURLToPath(new URL('../../..', import.meta.url));
		const dir = join(root, 'content');
		const files = existsSync(dir) ? readTree(dir, root) : [];
		expect(files.length, 'content/ has no .md or .txt files yet').toBeGreaterThan(0);
		const b = buildContent(files);
		expect(b.problems.map(formatProblem)).toEqual([]);

		expect(b.lessons.length).toBeGreaterThanOrEqual(12);
		expect(new Set(b.lessons.map((l) => l.category)).size).toBeGreaterThanOrEqual(4);
		for (const l of b.lessons) {
			expect(l.questions.length, `${l.id}: questions`).toBeGreaterThanOrEqual(3);
			expect(l.questions.length, `${l.id}: questions`).toBeLessThanOrEqual(5);
		}
		const big = b.banks.filter(
			(x) => x.questions.length >= 60 && new Set(x.questions.map((q) => q.type)).size === 4
		);
		expect(
			big.length,
			'a bank of ≥60 questions with single, multiple, truefalse and fill'
		).toBeGreaterThanOrEqual(1);
	});
});
