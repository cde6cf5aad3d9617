import { describe, expect, it } from 'vitest';
import { casePayload, caseFacts, creditCases } from '../../../tests/fixtures/credit-cases';
import {
	evaluate,
	minStudySeconds,
	payloadProblem,
	periodsOf,
	rules,
	serverDay,
	subjectOf
} from './engine';
import { serviceVerdict } from './service';

describe('the shared rule table, on the client estimate', () => {
	it.each(creditCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
		const verdict = c.service
			? serviceVerdict(c.service, { pointsThisMonth: c.service.monthBefore })
			: evaluate(c.type, casePayload(c, 'lesson-x', 'q123456789abc', 'A'), caseFacts(c));
		expect(verdict).toEqual(c.expect);
	});
});

describe('server time', () => {
	it('days turn at midnight in Beijing time, not UTC', () => {
		expect(serverDay(Date.parse('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
		expect(serverDay(Date.parse('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
	});

	it('weeks are ISO weeks in server time, across year ends and leap days', () => {
		const at = (iso: string) => periodsOf(Date.parse(iso));
		expect(at('2026-11-22T12:00:00+08:00')).toEqual({
			all: 'all',
			week: 'w2026-47',
			month: 'm2026-11'
		});
		expect(at('2021-01-03T12:00:00+08:00').week).toBe('w2020-53');
		expect(at('2024-12-30T12:00:00+08:00').week).toBe('w2025-01');
		expect(at('2024-02-29T23:30:00+08:00')).toMatchObject({ week: 'w2024-09', month: 'm2024-02' });
		// 00:30 on 1 March in Beijing is still 29 February in UTC.
		expect(at('2024-03-01T00:30:00+08:00').month).toBe('m2024-03');
	});

	it('the minimum study time is 30% of the lesson or 60 s, whichever is more', () => {
		const rule = rules.activities['lesson.completed'];
		expect(minStudySeconds(rule, 1)).toBe(60);
		expect(minStudySeconds(rule, 5)).toBe(90);
	});
});

describe('practice (每日答题, 挑战答题)', () => {
	const facts = { lesson: null, correct: true, alreadyCredited: false, pointsToday: 0 };
	const daily = { day: '2026-12-01', questionId: 'q123456789abc', answer: ['A'] };
	const run = { run: 'run-1', answers: [{ questionId: 'q123456789abc', answer: ['A'] }] };

	it('a daily answer counts once per question and day; a challenge once per run', () => {
		expect(subjectOf('daily.answered', daily)).toBe('2026-12-01:q123456789abc');
		expect(subjectOf('challenge.completed', run)).toBe('run-1');
	});

	it('refuses malformed practice payloads', () => {
		expect(payloadProblem('daily.answered', daily)).toBeNull();
		expect(payloadProblem('daily.answered', { ...daily, day: '1 Dec' })).toBe('bad-payload');
		expect(payloadProblem('daily.answered', { ...daily, answer: [] })).toBe('bad-payload');
		expect(payloadProblem('challenge.completed', run)).toBeNull();
		expect(payloadProblem('challenge.completed', { run: 'r', answers: [] })).toBe('bad-payload');
		expect(
			payloadProblem('challenge.completed', {
				run: 'r',
				answers: Array(201).fill(run.answers[0])
			})
		).toBe('bad-payload');
	});

	it('a right daily answer in the day’s set earns its point, within the cap', () => {
		const rule = rules.activities['daily.answered'];
		expect(evaluate('daily.answered', daily, { ...facts, inDailySet: true })).toEqual({
			status: 'accepted',
			points: rule.points,
			reason: null
		});
		expect(evaluate('daily.answered', daily, { ...facts, inDailySet: false }).reason).toBe(
			'not-in-daily-set'
		);
		expect(
			evaluate('daily.answered', daily, { ...facts, correct: false, inDailySet: true }).reason
		).toBe('wrong-answer');
		expect(
			evaluate('daily.answered', daily, { ...facts, inDailySet: true, pointsToday: rule.dailyCap })
		).toEqual({ status: 'accepted', points: 0, reason: 'daily-cap' });
		expect(evaluate('daily.answered', daily, { ...facts, correct: null }).status).toBe('rejected');
	});

	it('a challenge run earns a point per right answer before the first mistake, within the cap', () => {
		const cap = rules.activities['challenge.completed'].dailyCap;
		expect(evaluate('challenge.completed', run, { ...facts, runLength: 3 }).points).toBe(3);
		expect(evaluate('challenge.completed', run, { ...facts, runLength: 0 }).reason).toBe(
			'wrong-answer'
		);
		expect(evaluate('challenge.completed', run, { ...facts, runLength: cap + 5 })).toEqual({
			status: 'accepted',
			points: cap,
			reason: 'daily-cap'
		});
		expect(evaluate('challenge.completed', run, { ...facts, runLength: null }).status).toBe(
			'rejected'
		);
	});
});
