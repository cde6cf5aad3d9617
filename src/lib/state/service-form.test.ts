import { describe, expect, it } from 'vitest';
import { rules } from '$lib/credits';
import {
	blankServiceForm,
	estimatePoints,
	photoProblem,
	readServiceForm,
	ruleLine
} from './service-form';

const today = '2026-11-22';
const form = {
	kind: 'volunteer',
	date: '2026-11-21',
	hours: 2 as number | null,
	note: ' 社区义诊 '
};

describe('the service form, checked on the device', () => {
	it('reads a good form as the activity to send, its note trimmed', () => {
		expect(readServiceForm(form, null, today)).toEqual({
			ok: true,
			activity: { kind: 'volunteer', date: '2026-11-21', hours: 2, note: '社区义诊' }
		});
		expect(estimatePoints(form)).toBe(4);
		expect(blankServiceForm(today)).toEqual({
			kind: 'volunteer',
			date: today,
			hours: null,
			note: ''
		});
	});

	it('names every problem at once, in the order of the form, with the rules’ figures', () => {
		const read = readServiceForm(
			{ kind: 'volunteer', date: '2026-12-01', hours: rules.service.maxHours + 1, note: '' },
			{ type: 'image/gif', size: 10 },
			today
		);
		expect(read).toEqual({
			ok: false,
			problems: [
				'活动日期不能晚于今天。',
				`一次活动最多计 ${rules.service.maxHours} 小时。`,
				'照片只能是 jpg、png 或 webp 格式。'
			]
		});
		const empty = readServiceForm({ ...form, hours: null }, null, today);
		expect(empty).toEqual({ ok: false, problems: ['时长请按 0.5 小时为单位填写，且要大于 0。'] });
	});

	it('refuses a photo over 10 MB, saying how large it is', () => {
		expect(photoProblem({ type: 'image/jpeg', size: 12.5 * 1024 * 1024 })).toBe(
			'照片有 12.5 MB，超过 10 MB 的上限。'
		);
		expect(photoProblem({ type: 'image/webp', size: 1024 })).toBeNull();
	});

	it('states the rules in a line', () => {
		expect(ruleLine()).toBe(
			'计分：志愿服务每小时 2 分，主题党日每小时 2 分，支部会议每小时 1 分；一次最多计 8 小时，每月活动积分最多 40 分。'
		);
	});
});
