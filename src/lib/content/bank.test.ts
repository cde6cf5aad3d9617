import { describe, expect, it } from 'vitest';
import { parseQuestions, parseLetters, parseTrueFalse, countBlanks } from './index';
import type { Question } from './types';

/** Parse text that must hold exactly one good question, and return it. */
function one(text: string): Question {
	const r = parseQuestions(text);
	expect(r.problems).toEqual([]);
	expect(r.questions).toHaveLength(1);
	return r.questions[0] as Question;
}

const CHOICE = ['A. 甲', 'B. 乙', 'C. 丙', 'D. 丁'].join('\n');

describe('question starts and type markers', () => {
	it.each(['1.', '1．', '12、', '3)', '3）', '7 .'])('accepts the question number %s', (start) => {
		const q = one(`${start}党的最高理想是什么？\n${CHOICE}\n答案：B`);
		expect(q.type).toBe('single');
		expect(q.stem).toBe('党的最高理想是什么？');
		expect(q.number).toBe(Number.parseInt(start, 10));
	});

	const MARKERS = {
		single: ['【单选】', '【单选题】', '[单选]', '(单选题)', '（单选）', '【单项选择题】'],
		multiple: ['【多选】', '（多选题）', '[多选题]', '(多选)'],
		truefalse: ['【判断】', '(判断题)', '（判断题）'],
		fill: ['【填空】', '[填空题]', '（填空题）']
	};
	it.each(Object.entries(MARKERS).flatMap(([type, ms]) => ms.map((m) => [m, type])))(
		'the marker %s makes a %s question and is not part of the stem',
		(marker, type) => {
			const body: Record<string, string> = {
				single: `题干（ ）\n${CHOICE}\n答案：C`,
				multiple: `题干（ ）\n${CHOICE}\n答案：ACD`,
				truefalse: '题干。（ ）\n答案：对',
				fill: '题干是____。\n答案：甲'
			};
			const q = one(`1.${marker}${body[type]}`);
			expect(q.type).toBe(type);
			expect(q.stem.startsWith('题干')).toBe(true);
		}
	);

	it('a type marker wins over what the answer would suggest', () => {
		const r = parseQuestions(`1.【多选】题干\n${CHOICE}\n答案：B`);
		expect(r.questions).toEqual([]);
		expect(r.problems).toEqual([
			{ line: 6, message: '第1题：多选题至少有两个正确答案；只有一个答案请标为单选题' }
		]);
	});
});

describe('section headers', () => {
	it('set the default type of the questions that follow', () => {
		const text = [
			'一、单选题',
			'1. 单选题干',
			'A. 甲',
			'B. 乙',
			'答案：A',
			'二、多选题（每题2分）',
			'2. 多选题干',
			'A. 甲',
			'B. 乙',
			'C. 丙',
			'答案：AB',
			'三、判断题',
			'3. 判断题干。',
			'答案：√',
			'4. 判断题二，选项作答',
			'A. 正确  B. 错误',
			'答案：B',
			'四、填空题',
			'5. 填空____。',
			'答案：对'
		].join('\n');
		const r = parseQuestions(text);
		expect(r.problems).toEqual([]);
		expect(r.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'truefalse',
			'truefalse',
			'fill'
		]);
		// In a 填空 section, 对 is the blank's answer, not a true/false word.
		expect(r.questions[4]).toMatchObject({ type: 'fill', blanks: [['对']] });
		expect(r.questions[3]).toMatchObject({ answer: false });
	});

	it('a section type is enforced: two letters in a 单选 section is an error', () => {
		const r = parseQuestions(`一、单选题\n1. 题干\n${CHOICE}\n答案：AB`);
		expect(r.problems).toEqual([{ line: 7, message: '第1题：单选题只能有一个答案，却写了"AB"' }]);
	});
});

describe('options', () => {
	it.each(['A.', 'A．', 'A、', 'A:', 'A：', '(A)', '（A）', 'A)', 'A）'])(
		'accepts option keys written %s',
		(a) => {
			const b = a.replace('A', 'B');
			const q = one(`1. 题干\n${a} 甲方\n${b}乙方\n答案：B`);
			expect(q).toMatchObject({
				type: 'single',
				answer: 'B',
				options: [
					{ key: 'A', text: '甲方' },
					{ key: 'B', text: '乙方' }
				]
			});
		}
	);

	it.each([
		['A. 对  B. 错', ['对', '错']],
		['A、甲    B、乙    C、丙', ['甲', '乙', '丙']],
		['(A) 甲 (B) 乙 (C) 丙 (D) 丁', ['甲', '乙', '丙', '丁']],
		['A．一次\tB．两次', ['一次', '两次']]
	])('splits several options on one line: %s', (line, texts) => {
		const q = one(`1. 题干\n${line}\n答案：A`);
		expect(q.type === 'single' && q.options.map((o) => o.text)).toEqual(texts);
	});

	it('joins a wrapped option line onto the option above', () => {
		const q = one('1. 题干\nA. 坚持党的\n基本路线\nB. 其他\n答案：A');
		expect(q.type === 'single' && q.options[0]?.text).toBe('坚持党的基本路线');
	});

	it('reports options whose letters skip one, at the option line', () => {
		const r = parseQuestions('1. 题干\nA. 甲\nB. 乙\nD. 丁\n答案：A');
		expect(r.questions).toEqual([]);
		expect(r.problems).toEqual([
			{ line: 4, message: '第1题：选项应按 A、B、C… 连续排列：此处应为 C，却是 D' }
		]);
	});
});

describe('answers', () => {
	it.each(['答案：B', '答案:B', '答案： B', '【答案】B', '正确答案：B', '参考答案：B', '答案：b'])(
		'reads the answer line %s',
		(line) => {
			expect(one(`1. 题干\n${CHOICE}\n${line}`)).toMatchObject({ type: 'single', answer: 'B' });
		}
	);

	it.each(['ABD', 'A、B、D', 'A,B,D', 'A，B，D', 'A;B;D', 'A B D', 'DBA'])(
		'reads several letters written %s, sorted',
		(letters) => {
			const q = one(`1. 题干\n${CHOICE}\n参考答案：${letters}`);
			expect(q).toMatchObject({ type: 'multiple', answer: ['A', 'B', 'D'] });
		}
	);

	it('parseLetters and parseTrueFalse read what the spec lists', () => {
		expect(parseLetters('A;C')).toEqual(['A', 'C']);
		expect(parseLetters('对')).toBeNull();
		for (const w of ['对', '正确', '√', '是', 'T', 't']) expect(parseTrueFalse(w)).toBe(true);
		for (const w of ['错', '错误', '×', '否', 'F']) expect(parseTrueFalse(w)).toBe(false);
		expect(parseTrueFalse('也许')).toBeNull();
	});

	it.each([
		...['对', '正确', '√', '是', 'T'].map((w) => [w, true] as const),
		...['错', '错误', '×', '否', 'F'].map((w) => [w, false] as const)
	])('a true/false answer %s is %s', (word, value) => {
		expect(one(`1. 党员应当按期交纳党费。（ ）\n答案：${word}`)).toMatchObject({
			type: 'truefalse',
			answer: value
		});
	});

	it('a 【判断】 question with options 正确/错误 is answered by letter', () => {
		expect(one('1.【判断】题干\nA. 正确  B. 错误\n答案：A')).toMatchObject({
			type: 'truefalse',
			answer: true
		});
		expect(one('1.【判断】题干\nA. 错误\nB. 正确\n答案：A')).toMatchObject({ answer: false });
	});
});

describe('fill-in questions', () => {
	it('counts blanks written as underscores or an empty bracket', () => {
		expect(countBlanks('甲____乙__丙（ ）丁()')).toBe(4);
		expect(countBlanks('只有一个下划线_')).toBe(0);
	});

	it('reads one answer per blank with | or ｜, and alternatives with /', () => {
		const q = one(
			'1.【填空】党的最高理想是____，最终目标是（ ），第三空____。\n答案：共产主义/实现共产主义｜共产主义 | 丙'
		);
		expect(q).toMatchObject({
			type: 'fill',
			blanks: [['共产主义', '实现共产主义'], ['共产主义'], ['丙']]
		});
	});

	it('reports a fill-in stem without a blank', () => {
		const r = parseQuestions('1.【填空】没有空的题干\n答案：甲');
		expect(r.problems).toEqual([
			{ line: 1, message: '第1题：填空题的题干中没有空（用 ____ 或 （ ） 标出要填的地方）' }
		]);
	});

	it('reports a blank count that differs from the answer count', () => {
		const r = parseQuestions('\n3. 甲____乙____。\n答案：一');
		expect(r.problems).toEqual([
			{ line: 3, message: '第3题：题干有 2 个空，答案却有 1 个（多个空的答案用 | 分隔）' }
		]);
	});
});

describe('explanations', () => {
	it('runs from 解析： to the next question, over several lines', () => {
		const r = parseQuestions(
			`1. 题干\n${CHOICE}\n答案：A\n解析：第一行\n第二行\n\n第三行\n2. 第二题____\n答案：甲`
		);
		expect(r.problems).toEqual([]);
		expect(r.questions[0]?.explanation).toBe('第一行\n第二行\n\n第三行');
		expect(r.questions[1]?.explanation).toBe('');
	});
	it('keeps explanation lines that look like options, up to the next question', () => {
		// The spec: 解析 runs "to the next question; may span lines". Banks often explain option by option.
		const r = parseQuestions(
			`1. 题干\n${CHOICE}\n答案：A\n解析：\nA. 正确，因为甲\nB. 错误，因为乙\n2. 第二题____\n答案：甲`
		);
		expect(r.problems).toEqual([]);
		expect(r.questions[0]?.explanation).toBe('A. 正确，因为甲\nB. 错误，因为乙');
	});
});

describe('type inference without a marker or section', () => {
	it.each([
		[`1. 题干\n${CHOICE}\n答案：C`, 'single'],
		[`1. 题干\n${CHOICE}\n答案：BC`, 'multiple'],
		['1. 题干。\n答案：错误', 'truefalse'],
		['1. 题干____。\n答案：甲', 'fill']
	])('%j is %s', (text, type) => {
		expect(one(text).type).toBe(type);
	});

	it('with no options and no true/false word, a stem without a blank is an error', () => {
		const r = parseQuestions('1. 题干没有空。\n答案：甲');
		expect(r.questions).toEqual([]);
		expect(r.problems[0]).toMatchObject({ line: 1 });
		expect(r.problems[0]?.message).toContain('第1题：填空题的题干中没有空');
	});
});

describe('stable ids', () => {
	const a = `1. 党的最高理想是什么？\n${CHOICE}\n答案：A`;
	const b = '2. 党员应当按期交纳党费。（ ）\n答案：对';
	const c = '3. 党的根本宗旨是____。\n答案：全心全意为人民服务';
	const ids = (text: string) =>
		Object.fromEntries(parseQuestions(text).questions.map((q) => [q.stem, q.id]));

	it('keep the same id when other questions are added, removed or reordered', () => {
		const base = ids([a, b, c].join('\n'));
		expect(new Set(Object.values(base)).size).toBe(3);
		const extra = '1. 新加的题____\n答案：新';
		for (const text of [[c, a], [extra, b, a, c], [b]]) {
			const now = ids(text.join('\n'));
			for (const [stem, id] of Object.entries(now))
				if (!stem.startsWith('新加')) expect(id).toBe(base[stem]);
		}
		const renumbered = one(a.replace('1. ', '9、'));
		expect(renumbered.id).toBe(base['党的最高理想是什么？']);
	});

	it('keep the same id when spacing, punctuation width, blanks or option style change', () => {
		const id = one('1. 中国共产党，是（ ）的先锋队。\nA. 工人阶级  B. 农民阶级\n答案：A').id;
		expect(
			one('1．【单选】中国共产党, 是 ( ) 的先锋队。\n(A) 工人 阶级\n(B) 农民阶级\n答案:A').id
		).toBe(id);
		expect(one('5)中国共产党，是____的先锋队。\nA：工人阶级\nB：农民阶级\n答案：A').id).toBe(id);
		expect(id).toMatch(/^q[0-9a-f]{12}$/);
	});

	it('change when the stem or an option changes', () => {
		const id = one(a).id;
		expect(one(a.replace('理想', '目标')).id).not.toBe(id);
		expect(one(a.replace('C. 丙', 'C. 丙丙')).id).not.toBe(id);
	});
});
