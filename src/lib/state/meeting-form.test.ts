import { describe, expect, it } from 'vitest';
import { blankMeetingForm, localInput, readMeeting } from './meeting-form';

describe('the meeting form', () => {
	const now = new Date(2026, 10, 22, 14, 10).getTime();

	it('starts at the next half hour, for two hours, in the device’s time', () => {
		expect(blankMeetingForm('b1', now)).toEqual({
			title: '',
			branch: 'b1',
			startsAt: '2026-11-22T14:30',
			endsAt: '2026-11-22T16:30'
		});
		expect(localInput(now)).toBe('2026-11-22T14:10');
	});

	it('reads a meeting, or says what to change', () => {
		const form = { ...blankMeetingForm('b1', now), title: ' 支部党员大会 ' };
		expect(readMeeting(form)).toEqual({
			ok: true,
			meeting: {
				branch: 'b1',
				title: '支部党员大会',
				startsAt: new Date(2026, 10, 22, 14, 30).getTime(),
				endsAt: new Date(2026, 10, 22, 16, 30).getTime()
			}
		});
		const problem = (change: object) => readMeeting({ ...form, ...change });
		expect(problem({ title: ' ' })).toEqual({ ok: false, problem: '请填写会议名称。' });
		expect(problem({ endsAt: '' })).toEqual({ ok: false, problem: '请填写开始和结束时间。' });
		expect(problem({ endsAt: '2026-11-22T14:00' })).toEqual({
			ok: false,
			problem: '结束时间要晚于开始时间。'
		});
		expect(problem({ endsAt: '2026-11-23T03:00' })).toEqual({
			ok: false,
			problem: '一次会议最长 12 小时。'
		});
	});
});
