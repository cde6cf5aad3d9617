import type { Question } from '$lib/content';

/**
 * What a member answered: option keys for choice questions, `'true'` or `'false'` for
 * true/false, and one text per blank for fill-in.
 */
export type Given = string[];

/** Fold what people type differently but mean the same: width, case, spaces, end punctuation. */
export function normaliseFill(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\s+/g, '')
		.replace(/[。.,，、;；!！]+$/u, '');
}

/** Whether `given` answers `q` correctly. Multiple choice needs exactly the right set. */
export function isCorrect(q: Question, given: Given): boolean {
	switch (q.type) {
		case 'single':
			return given.length === 1 && given[0] === q.answer;
		case 'multiple': {
			const set = [...new Set(given)].sort();
			return set.length === q.answer.length && set.every((k, i) => k === q.answer[i]);
		}
		case 'truefalse':
			return given.length === 1 && given[0] === String(q.answer);
		case 'fill':
			return (
				given.length === q.blanks.length &&
				q.blanks.every((alts, i) =>
					alts.some((a) => normaliseFill(a) === normaliseFill(given[i] ?? ''))
				)
			);
	}
}

/** Whether `given` is complete enough to submit. */
export function isAnswerable(q: Question, given: Given): boolean {
	switch (q.type) {
		case 'single':
		case 'truefalse':
			return given.length === 1;
		case 'multiple':
			return given.length >= 1;
		case 'fill':
			return given.length === q.blanks.length && given.every((g) => g.trim() !== '');
	}
}

/** The right answer as a member reads it: `B`, `A、C、D`, `正确`, `每季度 | 每月`. */
export function answerText(q: Question, words: { true: string; false: string }): string {
	switch (q.type) {
		case 'single':
			return q.answer;
		case 'multiple':
			return q.answer.join('、');
		case 'truefalse':
			return q.answer ? words.true : words.false;
		case 'fill':
			return q.blanks.map((alts) => alts.join(' / ')).join(' | ');
	}
}

/** What a member answered, as they read it: `B`, `A、C`, `正确`, `每季度 | 每月`. */
export function givenText(
	q: Question,
	given: Given,
	words: { true: string; false: string }
): string {
	if (q.type === 'truefalse') return given[0] === 'true' ? words.true : words.false;
	return given.join(q.type === 'fill' ? ' | ' : '、');
}

/** A quiz's score: right answers over questions, and the percentage rounded. */
export function score(
	correct: number,
	total: number
): { correct: number; total: number; percent: number } {
	return { correct, total, percent: total === 0 ? 0 : Math.round((correct / total) * 100) };
}
