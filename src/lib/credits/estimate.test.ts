import { describe, expect, it } from 'vitest';
import { estimatePending } from './estimate';

const lesson = { minutes: 3, credits: 2 };
const at = Date.parse('2026-11-22T10:00:00+08:00');
const done = (id: string, lessonId: string, t = at) => ({
	id,
	type: 'lesson.completed',
	at: t,
	payload: { lessonId, hash: 'h', seconds: 300, readRatio: 1 },
	correct: null
});

describe('estimatePending', () => {
	it('applies the daily cap across waiting events and what the server already counted', () => {
		const priced = [{ type: 'lesson.completed', subject: 'x', points: 7, serverDay: '2026-11-22' }];
		const r = estimatePending([done('1', 'a'), done('2', 'b')], priced, () => lesson);
		expect([r.verdicts.get('1')?.points, r.verdicts.get('2')?.points, r.total]).toEqual([2, 1, 3]);
	});

	it('counts a subject once even if it waits twice or was already credited', () => {
		const priced = [{ type: 'lesson.completed', subject: 'a', points: 2, serverDay: '2026-11-21' }];
		const r = estimatePending(
			[done('1', 'a'), done('2', 'b'), done('3', 'b')],
			priced,
			() => lesson
		);
		expect(r.total).toBe(2);
		expect(r.verdicts.get('1')?.reason).toBe('already-credited');
		expect(r.verdicts.get('3')?.reason).toBe('already-credited');
	});

	it('uses the device’s grading for answers and knows nothing of unknown lessons', () => {
		const answer = (id: string, correct: boolean) => ({
			id,
			type: 'quiz.answered',
			at,
			payload: { lessonId: 'a', attemptId: 't', questionId: `q${id}`, answer: ['A'] },
			correct
		});
		const r = estimatePending([answer('1', true), answer('2', false)], [], (id) =>
			id === 'a' ? lesson : null
		);
		expect(r.total).toBe(1);
		expect(estimatePending([done('9', 'gone')], [], () => null).verdicts.get('9')?.status).toBe(
			'rejected'
		);
	});

	it('trusts a waiting check-in’s scanned code: points once per meeting', () => {
		const checkin = (id: string, meetingId: string) => ({
			id,
			type: 'meeting.checkin',
			at,
			payload: { meetingId, token: 't' },
			correct: null
		});
		const r = estimatePending([checkin('1', 'm1'), checkin('2', 'm1')], [], () => null);
		expect([r.verdicts.get('1')?.points, r.verdicts.get('2')?.reason]).toEqual([
			2,
			'already-credited'
		]);
	});
});
