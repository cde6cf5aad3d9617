import { describe, expect, it } from 'vitest';
import { rules } from '$lib/credits';
import { blankForm, MAX_WINDOW_DAYS, readContest, type ContestForm } from './contest-form';

const NOW = Date.parse('2026-07-01T09:00');
const secretary = { admin: false, branch: 'b1' };
const admin = { admin: true, branch: 'b1' };

/** A form a secretary could send as it is: a live contest an hour from now. */
function filled(over: Partial<ContestForm> = {}): ContestForm {
	return {
		...blankForm(),
		name: ' 七一知识竞赛 ',
		banks: ['bank1'],
		startsAt: '2026-07-01T10:00',
		...over
	};
}

function problemsOf(form: ContestForm, leader = secretary) {
	const r = readContest(form, leader, NOW);
	return r.ok ? {} : r.problems;
}

describe('readContest', () => {
	it('starts blank: a live contest, no points, one field per place the rules allow', () => {
		const form = blankForm();
		expect(form).toMatchObject({ mode: 'live', participation: 0, scope: 'branch' });
		expect(form.places).toEqual(Array(rules.contests.places).fill(0));
	});

	it("turns a secretary's live contest into what the server takes", () => {
		const r = readContest(filled({ endsAt: '2026-07-02T10:00' }), secretary, NOW);
		expect(r).toEqual({
			ok: true,
			contest: {
				name: '七一知识竞赛',
				mode: 'live',
				scope: 'branch',
				branches: ['b1'],
				banks: ['bank1'],
				count: 10,
				seconds: 20,
				startsAt: Date.parse('2026-07-01T10:00'),
				endsAt: null,
				participationPoints: 0,
				placePoints: []
			}
		});
	});

	it('sends a window with its end and the points; empty points count as 0', () => {
		const r = readContest(
			filled({
				mode: 'window',
				endsAt: '2026-07-08T22:00',
				participation: 2,
				places: [5, null, 1]
			}),
			secretary,
			NOW
		);
		expect(r.ok && r.contest).toMatchObject({
			mode: 'window',
			startsAt: Date.parse('2026-07-01T10:00'),
			endsAt: Date.parse('2026-07-08T22:00'),
			participationPoints: 2,
			placePoints: [5, 0, 1]
		});
		// Places after the last that earns points are left out.
		const first = readContest(filled({ places: [5, 0, 0] }), secretary, NOW);
		expect(first.ok && first.contest.placePoints).toEqual([5]);
	});

	it('says what is missing, in Chinese, and sends nothing', () => {
		const empty = { ...blankForm(), count: null, seconds: 2 };
		expect(problemsOf(empty)).toEqual({
			name: '请填写竞赛名称。',
			startsAt: '请选择开赛时间。',
			banks: '请至少选择一个题库。',
			count: '题目数量为 1–50 的整数。',
			seconds: '每题限时为 5–300 秒的整数。'
		});
		expect(problemsOf(filled({ count: 2.5 }))).toEqual({ count: '题目数量为 1–50 的整数。' });
		expect(problemsOf(filled({ startsAt: '2026-07-01T08:00' }))).toEqual({
			startsAt: '开始时间不能早于现在。'
		});
	});

	it('asks a window for an end later than its start, and no more than the longest window', () => {
		expect(problemsOf(filled({ mode: 'window' }))).toEqual({
			endsAt: '请选择限时赛的开放结束时间。'
		});
		expect(problemsOf(filled({ mode: 'window', startsAt: '' }))).toEqual({
			startsAt: '请选择开放开始时间。',
			endsAt: '请选择限时赛的开放结束时间。'
		});
		for (const endsAt of ['2026-07-01T10:00', '2026-07-01T09:30']) {
			expect(problemsOf(filled({ mode: 'window', endsAt }))).toEqual({
				endsAt: '限时赛的结束时间要晚于开始时间。'
			});
		}
		const longest = new Date(Date.parse('2026-07-01T10:00') + MAX_WINDOW_DAYS * 86_400_000);
		const atLongest = readContest(
			filled({ mode: 'window', endsAt: '2026-08-01T10:00' }),
			secretary,
			NOW
		);
		expect(atLongest.ok && atLongest.contest.endsAt).toBe(longest.getTime());
		expect(problemsOf(filled({ mode: 'window', endsAt: '2026-08-01T10:01' }))).toEqual({
			endsAt: `限时赛最长开放 ${MAX_WINDOW_DAYS} 天。`
		});
	});

	it('keeps points within the rule', () => {
		const max = rules.contests.maxPoints;
		const message = `参与积分和名次积分为 0–${max} 的整数。`;
		expect(problemsOf(filled({ participation: max + 1 }))).toEqual({ points: message });
		expect(problemsOf(filled({ participation: -1 }))).toEqual({ points: message });
		expect(problemsOf(filled({ places: [max, 1.5, 0] }))).toEqual({ points: message });
		const top = readContest(filled({ participation: max, places: [max, max, max] }), admin, NOW);
		expect(top.ok).toBe(true);
	});

	it('lets only an admin choose the scope; chosen branches need at least one', () => {
		const org = filled({ scope: 'organisation', branches: ['b2'] });
		const mine = readContest(org, secretary, NOW);
		expect(mine.ok && [mine.contest.scope, mine.contest.branches]).toEqual(['branch', ['b1']]);
		const all = readContest(org, admin, NOW);
		expect(all.ok && [all.contest.scope, all.contest.branches]).toEqual(['organisation', []]);
		expect(problemsOf(filled({ scope: 'branches' }), admin)).toEqual({
			branches: '请至少选择一个参赛支部。'
		});
		const chosen = readContest(filled({ scope: 'branches', branches: ['b2', 'b3'] }), admin, NOW);
		expect(chosen.ok && [chosen.contest.scope, chosen.contest.branches]).toEqual([
			'branches',
			['b2', 'b3']
		]);
		// A secretary's form never asks for branches.
		expect(problemsOf(filled({ scope: 'branches' }), secretary)).toEqual({});
	});
});
