import { describe, expect, it } from 'vitest';
import type { LessonMeta } from '$lib/content';
import type { ProgressRow } from '$lib/db';
import {
	accuracyByCategory,
	categoriesOf,
	dueSoon,
	DUE_SOON_DAYS,
	filterFromQuery,
	filterLessons,
	filterToQuery,
	suggestLessons,
	today
} from './today';

const lesson = (id: string, category: string, track: 'required' | 'elective'): LessonMeta => ({
	id,
	title: id,
	summary: '',
	category,
	track,
	minutes: 4,
	credits: null,
	tags: [],
	audio: null,
	video: null,
	questionCount: 3,
	hash: 'h',
	order: 0
});
const row = (
	lessonId: string,
	status: 'started' | 'completed',
	updatedAt: number
): ProgressRow => ({
	lessonId,
	status,
	readRatio: 0.5,
	seconds: 60,
	startedAt: 0,
	updatedAt,
	completedAt: status === 'completed' ? updatedAt : null,
	hash: 'h'
});

const lessons = [
	lesson('a', '党章党规', 'required'),
	lesson('b', '组织生活', 'elective'),
	lesson('c', '组织生活', 'required'),
	lesson('d', '党章党规', 'elective')
];

describe('today', () => {
	it('offers the last unfinished lesson, the required ones not done, and unopened ones', () => {
		const rows = {
			a: row('a', 'completed', 5),
			b: row('b', 'started', 9),
			d: row('d', 'started', 3)
		};
		const plan = today(lessons, rows);
		expect(plan.resume?.id).toBe('b');
		expect(plan.required.map((l) => l.id)).toEqual(['c']);
		expect(plan.fresh.map((l) => l.id)).toEqual([]);
		expect([plan.done, plan.total]).toEqual([1, 4]);
	});

	it('for a new member: nothing to resume, every required lesson, the first new ones', () => {
		const plan = today(lessons, {}, 2);
		expect(plan.resume).toBeNull();
		expect(plan.required.map((l) => l.id)).toEqual(['a', 'c']);
		expect(plan.fresh.map((l) => l.id)).toEqual(['b', 'd']);
	});
});

describe('filterLessons', () => {
	it('filters by category, track and done state together', () => {
		const rows = { c: row('c', 'completed', 1) };
		const f = (
			category: string | null,
			track: 'required' | 'elective' | null,
			status: 'todo' | 'done' | null
		) => filterLessons(lessons, rows, { category, track, status }).map((l) => l.id);
		expect(f(null, null, null)).toEqual(['a', 'b', 'c', 'd']);
		expect(f('组织生活', null, null)).toEqual(['b', 'c']);
		expect(f(null, 'required', 'todo')).toEqual(['a']);
		expect(f(null, null, 'done')).toEqual(['c']);
		expect(categoriesOf(lessons)).toEqual(['党章党规', '组织生活']);
	});
});

describe('filters in the URL', () => {
	it('round-trip through the query string and ignore values they do not know', () => {
		const f = { category: '组织生活', track: 'required' as const, status: null };
		expect(filterFromQuery(new URLSearchParams(filterToQuery(f)))).toEqual(f);
		expect(filterToQuery({ category: null, track: null, status: null })).toBe('');
		expect(filterFromQuery(new URLSearchParams('track=mandatory&status=all'))).toEqual({
			category: null,
			track: null,
			status: null
		});
	});
});

describe('assignments from the branch', () => {
	const DAY = 86_400_000;
	const now = Date.parse('2026-11-22T08:00:00Z');
	const assigned = (lessonId: string, inDays: number) => ({
		lessonId,
		title: lessonId,
		due: now + inDays * DAY,
		note: ''
	});

	it('lists assigned lessons first, soonest due first, with their due time, then the curriculum’s', () => {
		const plan = today(lessons, {}, 4, [assigned('d', 10), assigned('b', 2)]);
		expect(plan.required.map((l) => [l.id, l.due])).toEqual([
			['b', now + 2 * DAY],
			['d', now + 10 * DAY],
			['a', undefined],
			['c', undefined]
		]);
	});

	it('drops assigned lessons once studied, and lessons the device does not have', () => {
		const plan = today(lessons, { b: row('b', 'completed', 1) }, 4, [
			assigned('b', 2),
			assigned('gone', 1)
		]);
		expect(plan.required.map((l) => l.id)).toEqual(['a', 'c']);
	});

	it('reminds of assigned lessons due within the window or overdue, not of studied ones', () => {
		const list = [
			assigned('a', -1),
			assigned('b', DUE_SOON_DAYS - 0.5),
			assigned('c', DUE_SOON_DAYS + 1),
			assigned('d', 1)
		];
		const soon = dueSoon(list, { d: row('d', 'completed', 1) }, now);
		expect(soon.map((a) => a.lessonId)).toEqual(['a', 'b']);
	});
});

describe('lessons that close the 学分 gap', () => {
	const accuracy = accuracyByCategory(
		[
			{ lessonId: 'a', right: true },
			{ lessonId: 'd', right: true },
			{ lessonId: 'b', right: false },
			{ lessonId: 'c', right: true }
		],
		lessons
	);

	it('measures accuracy per category from the member’s answers', () => {
		expect(accuracy.get('组织生活')).toEqual({ right: 1, answers: 2 });
		expect(accuracy.get('党章党规')).toEqual({ right: 2, answers: 2 });
	});

	it('puts the weakest category first among unstudied lessons of the tracks still short', () => {
		const rows = { c: row('c', 'completed', 1) };
		const both = suggestLessons(lessons, rows, { required: 4, elective: 2 }, accuracy);
		expect(both.map((s) => [s.lesson.id, s.accuracy])).toEqual([
			['b', 0.5],
			['a', 1],
			['d', 1]
		]);
		const requiredOnly = suggestLessons(lessons, rows, { required: 4, elective: 0 }, accuracy);
		expect(requiredOnly.map((s) => s.lesson.id)).toEqual(['a']);
		expect(suggestLessons(lessons, rows, { required: 0, elective: 0 }, accuracy)).toEqual([]);
	});

	it('counts a category never answered as middling', () => {
		const fresh = [...lessons, lesson('e', '党史', 'elective')];
		const picks = suggestLessons(fresh, {}, { required: 0, elective: 9 }, accuracy, 2);
		expect(picks.map((s) => [s.lesson.id, s.accuracy])).toEqual([
			['b', 0.5],
			['e', null]
		]);
	});
});
