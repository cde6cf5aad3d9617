import { m } from '$lib/i18n';
import { contestMessages as t } from '$lib/i18n/contests';
import { answerText, givenText } from '$lib/quiz';
import type { ResultAnswer, Results } from '$lib/sync';
import type { Cell } from './csv';
import { safeFileName, type Table } from './export';

const words = { true: m.quiz.true, false: m.quiz.false };
const percent = (right: number, n: number) => (n === 0 ? null : Math.round((right / n) * 100));

/** One answer in a sheet: what was given and whether it was right, or that none was given. */
function answerCell(r: Results, a: ResultAnswer | undefined): Cell {
	if (a === undefined) return null;
	const q = r.questions[a.position]?.question;
	if (a.answer === null || q === undefined) return t.noAnswer;
	return `${givenText(q, a.answer, words)} ${a.correct ? '✓' : '✗'}`;
}

/**
 * The standings as a leader exports them: one row per member, best first, with every answer
 * question by question (the leader's results carry them).
 */
export function standingsTable(r: Results, branchNames: Record<string, string>): Table {
	const s = t.sheet;
	const header: Cell[] = [s.place, s.name, s.branch, s.total, s.right, s.answered, s.seconds];
	for (let i = 1; i <= r.count; i++) header.push(s.question(i));
	return {
		name: t.results,
		rows: [
			header,
			...r.members.map((member) => {
				const byPosition = new Map((member.answers ?? []).map((a) => [a.position, a]));
				return [
					member.place,
					member.name || t.anonymous,
					branchNames[member.branch] ?? '',
					member.total,
					member.right,
					member.answered,
					Math.round(member.ms / 100) / 10,
					...r.questions.map((q) => answerCell(r, byPosition.get(q.position)))
				];
			})
		]
	};
}

/** Each question with its key and how the members did. */
export function questionsTable(r: Results): Table {
	const s = t.sheet;
	return {
		name: t.questionStats,
		rows: [
			[s.number, s.stem, s.key, s.answered, s.right, s.rate],
			...r.questions.map((q) => [
				q.position + 1,
				q.question.stem,
				answerText(q.question, words),
				q.answers,
				q.right,
				percent(q.right, q.answers)
			])
		]
	};
}

/** A file name such as `竞赛结果-党史知识竞赛.xlsx`, safe on every system. */
export function resultsFileName(r: Results, ext: 'csv' | 'xlsx'): string {
	return `${t.results}-${safeFileName(r.name)}.${ext}`;
}
