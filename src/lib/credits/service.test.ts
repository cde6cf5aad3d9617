import { describe, expect, it } from 'vitest';
import { checkinInTime, rules } from './engine';
import { serviceMonth, servicePoints, serviceProblem, serviceVerdict } from './service';

const today = '2026-11-22';
const activity = { kind: 'volunteer', date: '2026-11-20', hours: 3, note: '社区义诊' };

describe('what a member may submit', () => {
	it('accepts an activity of a known kind, on a past day, in steps of half an hour', () => {
		expect(serviceProblem(activity, today)).toBeNull();
		expect(serviceProblem({ ...activity, date: today, hours: 0.5 }, today)).toBeNull();
		expect(serviceProblem({ ...activity, hours: rules.service.maxHours }, today)).toBeNull();
	});

	it('names what is wrong', () => {
		const problem = (change: object) => serviceProblem({ ...activity, ...change }, today);
		expect(problem({ kind: 'party' })).toBe('unknown-kind');
		expect(problem({ kind: 'toString' })).toBe('unknown-kind');
		expect(problem({ date: '2026-02-30' })).toBe('bad-date');
		expect(problem({ date: '20 Nov' })).toBe('bad-date');
		expect(problem({ date: '2026-11-23' })).toBe('future-date');
		expect(problem({ hours: 0 })).toBe('bad-hours');
		expect(problem({ hours: -1 })).toBe('bad-hours');
		expect(problem({ hours: 1.25 })).toBe('bad-hours');
		expect(problem({ hours: Number.NaN })).toBe('bad-hours');
		expect(problem({ hours: rules.service.maxHours + 0.5 })).toBe('too-many-hours');
		expect(problem({ note: '很'.repeat(501) })).toBe('note-too-long');
	});

	it('takes activities up to the rules’ number of days old, not older', () => {
		const days = rules.service.submitWithinDays;
		const ago = (n: number) =>
			new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
		expect(serviceProblem({ ...activity, date: ago(days) }, today)).toBeNull();
		expect(serviceProblem({ ...activity, date: ago(days + 1) }, today)).toBe('too-old');
	});
});

describe('what an approval is worth', () => {
	it('hours times the kind’s points per hour, rounded down', () => {
		expect(servicePoints('volunteer', 3)).toBe(6);
		expect(servicePoints('meeting', 1.5)).toBe(1);
		expect(servicePoints('theme-day', 0.5)).toBe(1);
		expect(servicePoints('nothing', 3)).toBe(0);
		expect(servicePoints('volunteer', 100)).toBe(rules.service.maxHours * 2);
	});

	it('stays within the monthly cap of the activity’s month', () => {
		const cap = rules.service.monthlyCap;
		expect(serviceVerdict(activity, { pointsThisMonth: 0 })).toEqual({
			status: 'accepted',
			points: 6,
			reason: null
		});
		expect(serviceVerdict(activity, { pointsThisMonth: cap - 2 })).toEqual({
			status: 'accepted',
			points: 2,
			reason: 'monthly-cap'
		});
		expect(serviceVerdict(activity, { pointsThisMonth: cap + 5 }).points).toBe(0);
		expect(serviceMonth('2026-11-20')).toBe('2026-11');
	});
});

describe('a meeting check-in’s time', () => {
	const minute = 60_000;
	const startsAt = Date.parse('2026-11-22T14:00:00+08:00');
	const meeting = { startsAt, endsAt: startsAt + 120 * minute };
	const c = rules.service.checkin;

	it('counts from a little before the start to a little after the end', () => {
		const at = (m: number) => checkinInTime(meeting, startsAt + m * minute, startsAt + m * minute);
		expect(at(-c.earlyMinutes)).toBe(true);
		expect(at(-c.earlyMinutes - 1)).toBe(false);
		expect(at(120 + c.lateMinutes)).toBe(true);
		expect(at(120 + c.lateMinutes + 1)).toBe(false);
	});

	it('trusts the device’s clock only so far ahead of the server’s, and only for some days', () => {
		const during = startsAt + 10 * minute;
		expect(checkinInTime(meeting, during, during - c.clockSkewMinutes * minute)).toBe(true);
		expect(checkinInTime(meeting, during, during - (c.clockSkewMinutes + 1) * minute)).toBe(false);
		const end = meeting.endsAt;
		expect(checkinInTime(meeting, during, end + c.syncDays * 86_400_000)).toBe(true);
		expect(checkinInTime(meeting, during, end + c.syncDays * 86_400_000 + 1)).toBe(false);
	});
});
