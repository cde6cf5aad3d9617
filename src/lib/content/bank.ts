import { contentMessages as msg, orphanMessages, quote } from './messages.ts';
import { questionId } from './hash.ts';
import type { Option, Question, QuestionType } from './types.ts';

/** Questions parsed from question-bank text, with every problem found. */
export interface QuestionsResult {
	questions: Question[];
	problems: { line: number; message: string }[];
}

const TYPE_WORDS: Record<string, QuestionType> = {
	单选: 'single',
	单项选择: 'single',
	多选: 'multiple',
	多项选择: 'multiple',
	判断: 'truefalse',
	填空: 'fill'
};
const TYPE_ALT = '单项选择|多项选择|单选|多选|判断|填空';
const SECTION = new RegExp(`^[一二三四五六七八九十]+\\s*[、.．]\\s*(${TYPE_ALT})题?`);
/** A section header of a type this format does not have, e.g. `五、简答题`. */
const OTHER_SECTION = /^[一二三四五六七八九十]+\s*[、.．]\s*(\S{1,6}题)/;
const QUESTION = /^(\d{1,4})\s*[.．、)）](?!\d)\s*(.*)$/;
const MARKER = new RegExp(`^[【\\[(（]\\s*(${TYPE_ALT})题?\\s*[】\\])）]\\s*`);
const OPTION = /^(?:[(（]\s*([A-H])\s*[)）]|([A-H])\s*[.．、:：)）])\s*(.*)$/;
const ANSWER = /^(?:【\s*(?:参考|正确|标准)?答案\s*】|(?:参考|正确|标准)?答案\s*[:：])\s*(.*)$/;
const EXPLANATION = /^(?:【\s*(?:答案)?解析\s*】|(?:答案)?解析\s*[:：])\s*(.*)$/;
const HEADING = /^#{1,6}\s/;
const BLANK = /[_＿]{2,}|[（(]\s*[)）]/g;

// First characters that can start each kind of line: most lines are tested by one regex at most.
const SECTION_START = new Set([...'一二三四五六七八九十']);
const ANSWER_START = new Set([...'【答正参标']);
const EXPLANATION_START = new Set([...'【解答']);
const OPTION_START = new Set([...'ABCDEFGH(（']);

const TRUE_WORDS = new Set(['对', '正确', '√', '✓', '✔', '是', 'T', 'TRUE', 'Y']);
const FALSE_WORDS = new Set(['错', '错误', '×', '✗', '✘', '否', 'F', 'FALSE', 'N', 'X']);

/** Read a true/false answer word; null when it is none. */
export function parseTrueFalse(text: string): boolean | null {
	const w = text
		.normalize('NFKC')
		.trim()
		.replace(/[。.]$/, '')
		.toUpperCase();
	if (TRUE_WORDS.has(w)) return true;
	if (FALSE_WORDS.has(w)) return false;
	return null;
}

/** Read option letters written as `ABD`, `A、B、D`, `A,B,D`, `A;C` or `A C D`; null if not letters. */
export function parseLetters(text: string): string[] | null {
	const s = text
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s、,，;；/。.]/g, '');
	if (!/^[A-H]+$/.test(s)) return null;
	return [...new Set(s)].sort();
}

/** Count the blanks (`____` or an empty `（ ）`) in a stem. */
export function countBlanks(stem: string): number {
	return stem.match(BLANK)?.length ?? 0;
}

interface Draft {
	number: number;
	line: number;
	type: QuestionType | null;
	stem: string[];
	options: (Option & { line: number })[];
	answer: { text: string; line: number } | null;
	explanation: string[];
	mode: 'stem' | 'options' | 'answer' | 'explanation';
}

function joinWrapped(a: string, b: string): string {
	return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** Split one line of options, e.g. `A. 对  B. 错`, at the next expected letters. */
/** For each letter B–H, the pattern of that option starting later on the same line. */
const NEXT_OPTION = new Map(
	[...'BCDEFGH'].map((k) => [
		k,
		new RegExp(`\\s+(?:[(（]\\s*${k}\\s*[)）]|${k}\\s*[.．、:：)）])\\s*`)
	])
);

function splitOptions(first: string, text: string, line: number): (Option & { line: number })[] {
	const out: (Option & { line: number })[] = [];
	let key = first;
	let rest = text;
	for (;;) {
		const next = String.fromCharCode(key.charCodeAt(0) + 1);
		const m = NEXT_OPTION.get(next)?.exec(rest) ?? null;
		if (!m) {
			out.push({ key, text: rest.trim(), line });
			return out;
		}
		out.push({ key, text: rest.slice(0, m.index).trim(), line });
		rest = rest.slice(m.index + m[0].length);
		key = next;
	}
}

/**
 * Parse text in the question-bank format (see content-format.md). `firstLine` is the file line
 * of the text's first line; `defaultType` applies where neither a marker nor a section says.
 */
export function parseQuestions(text: string, firstLine = 1): QuestionsResult {
	const problems: { line: number; message: string }[] = [];
	const questions: Question[] = [];
	const seen = new Map<string, number>();
	let section: QuestionType | null = null;
	let draft: Draft | null = null;

	const finish = () => {
		if (draft === null) return;
		const q = finishDraft(draft, problems);
		if (q !== null) {
			const earlier = seen.get(q.id);
			if (earlier !== undefined) {
				problems.push({
					line: q.line,
					message: msg.questionPrefix(q.number) + msg.duplicateQuestion(earlier)
				});
			} else {
				seen.set(q.id, q.number);
				questions.push(q);
			}
		}
		draft = null;
	};

	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const lineNo = firstLine + i;
		const t = (lines[i] ?? '').replace(/\u3000/g, ' ').trim();
		if (t === '') {
			if (draft?.mode === 'explanation') draft.explanation.push('');
			continue;
		}
		const first = t[0] ?? '';
		if (first === '#' && HEADING.test(t)) {
			if (draft?.mode === 'explanation') draft.mode = 'answer';
			continue;
		}
		const sec = SECTION_START.has(first) ? SECTION.exec(t) : null;
		if (sec) {
			finish();
			section = TYPE_WORDS[sec[1] ?? ''] ?? null;
			continue;
		}
		const other = SECTION_START.has(first) ? OTHER_SECTION.exec(t) : null;
		if (other) {
			finish();
			section = null;
			problems.push({ line: lineNo, message: msg.unsupportedSection(other[1] ?? t) });
			continue;
		}
		const qm = first >= '0' && first <= '9' ? QUESTION.exec(t) : null;
		if (qm) {
			finish();
			let rest = qm[2] ?? '';
			let type = section;
			const mk = MARKER.exec(rest);
			if (mk) {
				type = TYPE_WORDS[mk[1] ?? ''] ?? type;
				rest = rest.slice(mk[0].length);
			}
			draft = {
				number: Number(qm[1]),
				line: lineNo,
				type,
				stem: rest.trim() === '' ? [] : [rest.trim()],
				options: [],
				answer: null,
				explanation: [],
				mode: 'stem'
			};
			continue;
		}
		const am = ANSWER_START.has(first) ? ANSWER.exec(t) : null;
		const em = EXPLANATION_START.has(first) ? EXPLANATION.exec(t) : null;
		const om = OPTION_START.has(first) ? OPTION.exec(t) : null;
		if (draft === null) {
			if (am || em || om) problems.push({ line: lineNo, message: orphanMessages.orphanLine(t) });
			// Titles and notes before the first question are allowed and ignored.
			continue;
		}
		const d: Draft = draft;
		if (am && d.mode === 'explanation') {
			// An answer after the explanation means the next question's number is missing.
			problems.push({
				line: lineNo,
				message: msg.questionPrefix(d.number) + msg.answerAfterExplanation()
			});
		} else if (am) {
			d.answer = { text: (am[1] ?? '').trim(), line: lineNo };
			d.mode = 'answer';
		} else if (em) {
			d.explanation = (em[1] ?? '').trim() === '' ? [] : [(em[1] ?? '').trim()];
			d.mode = 'explanation';
		} else if (om && (d.mode === 'stem' || d.mode === 'options')) {
			d.options.push(...splitOptions(om[1] ?? om[2] ?? 'A', om[3] ?? '', lineNo));
			d.mode = 'options';
		} else if (d.mode === 'explanation') {
			// An explanation runs to the next question, option-like lines included.
			d.explanation.push(t);
		} else if (d.mode === 'stem') {
			d.stem.push(t);
		} else if (d.mode === 'options') {
			const last = d.options[d.options.length - 1];
			if (last) last.text = joinWrapped(last.text, t);
		} else {
			problems.push({
				line: lineNo,
				message: msg.questionPrefix(d.number) + msg.unexpectedLine(quote(t))
			});
		}
	}
	finish();
	return { questions, problems };
}

function choiceId(stem: string, options: Option[]): string {
	return questionId(
		stem,
		options.map((o) => o.text)
	);
}

function finishDraft(d: Draft, problems: { line: number; message: string }[]): Question | null {
	const prefix = msg.questionPrefix(d.number);
	const fail = (line: number, message: string): null => {
		problems.push({ line, message: prefix + message });
		return null;
	};
	const stem = d.stem.join('\n').trim();
	if (stem === '') return fail(d.line, msg.emptyStem());
	if (d.answer === null || d.answer.text === '') return fail(d.line, msg.noAnswer());
	const answer = d.answer;
	const explanation = d.explanation.join('\n').trim();
	const options: Option[] = d.options.map(({ key, text }) => ({ key, text }));
	const base = {
		id: questionId(
			stem,
			options.map((o) => o.text)
		),
		number: d.number,
		stem,
		explanation,
		line: d.line
	};

	let type = d.type;
	if (type === null) {
		if (options.length > 0) {
			const letters = parseLetters(answer.text);
			if (letters !== null) type = letters.length > 1 ? 'multiple' : 'single';
			else if (parseTrueFalse(answer.text) !== null) type = 'truefalse';
			else return fail(answer.line, msg.badChoiceAnswer(quote(answer.text)));
		} else {
			type = parseTrueFalse(answer.text) !== null ? 'truefalse' : 'fill';
		}
	}

	if (type === 'single' || type === 'multiple') {
		if (options.length < 2) return fail(d.line, msg.tooFewOptions());
		for (let i = 0; i < d.options.length; i++) {
			const expected = String.fromCharCode(65 + i);
			const o = d.options[i];
			if (o && o.key !== expected) return fail(o.line, msg.optionsNotConsecutive(expected, o.key));
		}
		const letters = parseLetters(answer.text);
		if (letters === null) return fail(answer.line, msg.badChoiceAnswer(quote(answer.text)));
		const last = options[options.length - 1]?.key ?? 'A';
		const missing = letters.find((l) => l > last);
		if (missing !== undefined) return fail(answer.line, msg.answerNotInOptions(missing, 'A', last));
		if (type === 'single') {
			if (letters.length !== 1) return fail(answer.line, msg.singleNeedsOne(answer.text));
			return { ...base, id: choiceId(stem, options), type, options, answer: letters[0] ?? 'A' };
		}
		if (letters.length < 2) return fail(answer.line, msg.multipleNeedsTwo());
		return { ...base, id: choiceId(stem, options), type, options, answer: letters };
	}

	if (type === 'truefalse') {
		let value = parseTrueFalse(answer.text);
		if (value === null && options.length > 0) {
			const letters = parseLetters(answer.text);
			const chosen = letters?.length === 1 ? options.find((o) => o.key === letters[0]) : undefined;
			if (chosen !== undefined) {
				value = parseTrueFalse(chosen.text);
				if (value === null) return fail(answer.line, msg.trueFalseOption(quote(chosen.text)));
			}
		}
		if (value === null) return fail(answer.line, msg.badTrueFalse(quote(answer.text)));
		// A true/false question is the same question however its two options were written.
		return { ...base, id: questionId(stem, []), type, answer: value };
	}

	const blanks = countBlanks(stem);
	if (blanks === 0) return fail(d.line, msg.fillNeedsBlank());
	const parts = answer.text.split(/[|｜]/).map((part) =>
		part
			.split(/[/／]/)
			.map((alt) => alt.trim())
			.filter((alt) => alt !== '')
	);
	if (parts.some((alts) => alts.length === 0)) return fail(answer.line, msg.fillEmptyAnswer());
	if (parts.length !== blanks) return fail(answer.line, msg.fillCount(blanks, parts.length));
	return { ...base, id: questionId(stem, []), type: 'fill', blanks: parts };
}
