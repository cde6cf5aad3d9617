import { describe, expect, it } from 'vitest';
import { challengeOrder, DAILY_SIZE, dailySet, poolOn, runLength } from './daily';

const pool = Array.from({ length: 40 }, (_, i) => `q${String(i).padStart(3, '0')}`);

describe('每日答题: the day’s five questions', () => {
	it('are five distinct questions of the pool', () => {
		const set = dailySet('m1', '2026-12-01', pool);
		expect(set).toHaveLength(DAILY_SIZE);
		expect(new Set(set).size).toBe(DAILY_SIZE);
		for (const id of set) expect(pool).toContain(id);
	});

	it('are the same on every device: the pool’s order and duplicates do not matter', () => {
		const shuffled = [...pool].reverse().concat(pool.slice(0, 7));
		expect(dailySet('m1', '2026-12-01', shuffled)).toEqual(dailySet('m1', '2026-12-01', pool));
	});

	it('differ from day to day and from member to member', () => {
		const days = ['2026-12-01', '2026-12-02', '2026-12-03'].map((d) =>
			dailySet('m1', d, pool).join()
		);
		expect(new Set(days).size).toBe(3);
		expect(dailySet('m2', '2026-12-01', pool)).not.toEqual(dailySet('m1', '2026-12-01', pool));
	});

	it('change by at most one question when a question joins the pool', () => {
		const before = dailySet('m1', '2026-12-01', pool);
		const after = dailySet('m1', '2026-12-01', [...pool, 'q-new']);
		expect(after.filter((id) => !before.includes(id)).length).toBeLessThanOrEqual(1);
	});

	it('再来一组 draws other questions than the day’s set, until the pool runs out', () => {
		const sets = [0, 1, 2].map((round) => dailySet('m1', '2026-12-01', pool, round));
		expect(new Set(sets.flat()).size).toBe(3 * DAILY_SIZE);
		const small = pool.slice(0, 7);
		const second = dailySet('m1', '2026-12-01', small, 1);
		expect(second).toHaveLength(DAILY_SIZE);
		expect(new Set(second).size).toBe(DAILY_SIZE);
	});

	it('a pool smaller than a set gives all of it; an empty pool gives none', () => {
		expect([...dailySet('m1', '2026-12-01', pool.slice(0, 3))].sort()).toEqual(pool.slice(0, 3));
		expect(dailySet('m1', '2026-12-01', [])).toEqual([]);
	});
});

describe('挑战答题', () => {
	it('plays the whole pool in an order of its own per run', () => {
		const a = challengeOrder('m1', 'run-1', pool);
		expect([...a].sort()).toEqual(pool);
		expect(challengeOrder('m1', 'run-1', [...pool].reverse())).toEqual(a);
		expect(challengeOrder('m1', 'run-2', pool)).not.toEqual(a);
	});

	it('scores the right answers before the first mistake', () => {
		expect(runLength([])).toBe(0);
		expect(runLength([false, true])).toBe(0);
		expect(runLength([true, true, true, false, true])).toBe(3);
		expect(runLength([true, true])).toBe(2);
	});
});

describe('the practice pool of a day', () => {
	const q = (id: string) => ({ id });
	const banks = [
		{ id: 'b1', name: '本支部练习', from: '2026-12-01', questions: [q('x1'), q('shared')] },
		{ id: 'b2', name: '明天起', from: '2026-12-03', questions: [q('y1')] }
	];

	it('takes the built-in questions and the banks open on that day, each question once', () => {
		expect(poolOn(['shared', 'a'], banks, '2026-12-02')).toEqual(['shared', 'a', 'x1']);
		expect(poolOn(['a'], banks, '2026-12-03')).toEqual(['a', 'x1', 'shared', 'y1']);
	});

	it('keeps a bank out before its first day, so the day’s set does not change under the member', () => {
		const before = dailySet('m', '2026-12-02', poolOn(['a', 'b'], banks, '2026-12-02'));
		expect(before.every((id) => id !== 'y1')).toBe(true);
	});
});
