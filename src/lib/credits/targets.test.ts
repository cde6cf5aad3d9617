import { describe, expect, it } from 'vitest';
import cases from '../../../tests/fixtures/target-cases.json';
import { serverDay } from './engine';
import {
	creditsInYear,
	daysLeftInYear,
	paceOf,
	streakOf,
	targetsOf,
	targetsValid,
	trackOf,
	type Track
} from './targets';

describe('the shared target and streak table, on the client', () => {
	it.each(cases.credits.map((c) => [c.name, c] as const))('学分：%s', (_name, c) => {
		const events = c.events.map((e) => ({
			type: e.type,
			points: e.points,
			status: (e as { status?: string }).status ?? 'accepted',
			serverDay: serverDay(Date.parse(e.at)),
			lessonTrack: e.lessonTrack as Track | null
		}));
		expect(creditsInYear(events, c.year)).toEqual(c.expect);
	});

	it.each(cases.pace.map((c) => [c.name, c] as const))('进度：%s', (_name, c) => {
		expect(paceOf(c.target, c.earned, c.today, c.perLesson)).toEqual(c.expect);
	});

	it.each(cases.streaks.map((c) => [c.name, c] as const))('连续学习：%s', (_name, c) => {
		expect(streakOf(c.days, c.today)).toEqual(c.expect);
	});
});

describe('targets', () => {
	it('counts lesson events toward the lesson’s own track, others by the table', () => {
		expect(trackOf('lesson.completed', 'required')).toBe('required');
		expect(trackOf('quiz.answered', null)).toBe('elective');
		expect(trackOf('daily.answered', 'required')).toBe('elective');
		expect(trackOf('no.such-type', null)).toBeNull();
	});

	it('takes an organisation’s own targets only when they are whole numbers within the rule', () => {
		expect(targetsOf({ required: 30, elective: 10 })).toEqual({ required: 30, elective: 10 });
		expect(targetsOf({ required: -1, elective: 10 })).toEqual({ required: 24, elective: 16 });
		expect(targetsOf(null)).toEqual({ required: 24, elective: 16 });
		expect(targetsValid({ required: 2.5, elective: 1 })).toBe(false);
		expect(targetsValid({ required: 501, elective: 1 })).toBe(false);
	});

	it('knows leap years', () => {
		expect(daysLeftInYear('2028-01-01')).toBe(366);
		expect(daysLeftInYear('2026-01-01')).toBe(365);
	});
});
