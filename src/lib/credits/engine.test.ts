import { describe, expect, it } from 'vitest';
import { casePayload, caseFacts, creditCases } from '../../../tests/fixtures/credit-cases';
import { evaluate, minStudySeconds, periodsOf, rules, serverDay } from './engine';

describe('the shared rule table, on the client estimate', () => {
	it.each(creditCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
		expect(
			evaluate(c.type, casePayload(c, 'lesson-x', 'q123456789abc', 'A'), caseFacts(c))
		).toEqual(c.expect);
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
