import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../db/schema';
import { recordYears, yearRecord, yearsToShow } from './record';

let n = 0;
function row(type: string, day: string, points: number, extra: Partial<LedgerRow> = {}): LedgerRow {
	return {
		id: `e${n++}`,
		type,
		user: 'u',
		at: Date.parse(`${day}T04:00:00Z`) + n,
		serverDay: day,
		status: 'accepted',
		points,
		reason: null,
		lessonId: '',
		questionId: null,
		payload: {},
		...extra
	};
}

const tracks: Record<string, 'required' | 'elective'> = { a: 'required', b: 'elective' };
const history = [
	row('lesson.completed', '2025-12-30', 2, { lessonId: 'a' }),
	row('lesson.completed', '2026-03-01', 3, { lessonId: 'a' }),
	row('lesson.completed', '2026-03-02', 2, { lessonId: 'b' }),
	row('lesson.completed', '2026-03-03', 0, { lessonId: 'b', reason: 'too-short' }),
	row('quiz.answered', '2026-03-02', 1, { lessonId: 'b' }),
	row('quiz.answered', '2026-03-02', 0, { lessonId: 'b', reason: 'wrong-answer' }),
	row('daily.answered', '2026-03-04', 1),
	row('contest.joined', '2026-05-01', 1, { payload: { contestId: 'c1', name: '知识竞赛' } }),
	row('contest.placed', '2026-05-01', 5, {
		payload: { contestId: 'c1', name: '知识竞赛', place: 1 }
	}),
	row('lesson.shared-completed', '2026-06-01', 1, {
		lessonId: 's',
		payload: { lessonId: 's', learner: 'x' }
	}),
	row('lesson.shared-completed', '2026-06-02', 1, {
		lessonId: 's',
		payload: { lessonId: 's', learner: 'y' }
	}),
	row('service.approved', '2026-07-01', 4, { payload: { kind: 'volunteer', hours: 2 } }),
	row('transfer.accepted', '2025-11-20', 0, { payload: { from: '第三支部', to: '第一支部' } }),
	row('transfer.accepted', '2026-08-10', 0, { payload: { from: '第一支部', to: '第二支部' } }),
	row('quiz.answered', '2026-03-05', 1, { status: 'rejected' })
];

describe('the growth record of a year', () => {
	const r = yearRecord(history, 2026, (id) => tracks[id] ?? null, '2026-12-02');

	it('counts the year’s credits by track and its lessons once, without a too-short study', () => {
		// 选修: a lesson, a right answer, a daily answer, a contest (1 + 5), two learners, service.
		expect(r.credits).toEqual({ required: 3, elective: 2 + 1 + 1 + 1 + 5 + 2 + 4 });
		expect(r.lessons.map((l) => [l.id, l.track])).toEqual([
			['a', 'required'],
			['b', 'elective']
		]);
	});

	it('gathers quiz accuracy, practice, contests with placings, shared lessons’ learners and service', () => {
		expect(r.quiz).toEqual({ answers: 2, right: 1 });
		expect(r.practice).toEqual({ daily: 1, challenges: 0 });
		expect(r.contests).toEqual([{ name: '知识竞赛', place: 1 }]);
		expect(r.shared).toEqual([{ lessonId: 's', learners: 2 }]);
		expect(r.activities.map((a) => [a.type, a.points])).toEqual([['service.approved', 4]]);
		expect(r.points).toBe(3 + 2 + 0 + 1 + 0 + 1 + 1 + 5 + 1 + 1 + 4);
		expect(r.longestStreak).toBe(4);
	});

	it('lists the year’s moves between branches, which count as no credit and no study day', () => {
		expect(r.moves.map((mv) => [mv.from, mv.to])).toEqual([['第一支部', '第二支部']]);
		expect(new Date(r.moves[0]?.at ?? 0).toISOString().slice(0, 10)).toBe('2026-08-10');
		expect(r.activities.map((a) => a.type)).not.toContain('transfer.accepted');
		const before = yearRecord(history, 2025, (id) => tracks[id] ?? null, '2026-12-02');
		expect(before.moves.map((mv) => mv.to)).toEqual(['第一支部']);
		expect(before.points).toBe(2);
		expect(before.longestStreak).toBe(1);
	});

	it('lists the years with history, newest first', () => {
		expect(recordYears(history, 2026)).toEqual([2026, 2025]);
	});

	it('offers this year and each year with history once, newest first, even with none yet', () => {
		expect(yearsToShow([2024, 2022, 2024], 2026)).toEqual([2026, 2024, 2022]);
		expect(yearsToShow([], 2026)).toEqual([2026]);
		expect(yearsToShow([2026, 2025], 2026)).toEqual([2026, 2025]);
	});
});
