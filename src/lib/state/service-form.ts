import {
	rules,
	SERVICE_KINDS,
	SERVICE_NOTE_MAX,
	SERVICE_PHOTO_MAX_BYTES,
	SERVICE_PHOTO_TYPES,
	servicePoints,
	serviceProblem,
	type ServiceActivity
} from '$lib/credits';
import type { ServiceFormDraft } from '$lib/db';
import { serviceMessages as t } from '$lib/i18n/service';

/** The form as typed: a number field reads null while empty. */
export type ServiceForm = ServiceFormDraft;

/** A fresh form: the first kind, today's date. */
export function blankServiceForm(today: string): ServiceForm {
	return { kind: SERVICE_KINDS[0] ?? 'volunteer', date: today, hours: null, note: '' };
}

/** A problem of the shared rules in words, with the rules' own figures. */
export function problemWords(problem: NonNullable<ReturnType<typeof serviceProblem>>): string {
	const p = t.problems;
	const rule = rules.service;
	switch (problem) {
		case 'too-old':
			return p['too-old'](rule.submitWithinDays);
		case 'bad-hours':
			return p['bad-hours'](rule.hourStep);
		case 'too-many-hours':
			return p['too-many-hours'](rule.maxHours);
		case 'note-too-long':
			return p['note-too-long'](SERVICE_NOTE_MAX);
		default:
			return p[problem];
	}
}

/** Why a photo cannot be attached, or null. */
export function photoProblem(photo: { type: string; size: number } | null): string | null {
	if (photo === null) return null;
	if (!SERVICE_PHOTO_TYPES.includes(photo.type)) return t.problems.photoType;
	if (photo.size > SERVICE_PHOTO_MAX_BYTES)
		return t.problems.photoSize((photo.size / 1024 / 1024).toFixed(1));
	return null;
}

/**
 * Check the form on the device by the same rules the server applies, on server day `today`:
 * the activity to send, or every problem in words.
 */
export function readServiceForm(
	form: ServiceForm,
	photo: { type: string; size: number } | null,
	today: string
): { ok: true; activity: ServiceActivity & { note: string } } | { ok: false; problems: string[] } {
	const activity = {
		kind: form.kind,
		date: form.date,
		hours: form.hours ?? 0,
		note: form.note.trim()
	};
	const problems: string[] = [];
	const kind: string = SERVICE_KINDS[0] ?? 'volunteer';
	// Each field once, in the order of the form: the rules name the first problem of an activity.
	for (const change of [
		{},
		{ kind },
		{ kind, date: today },
		{ kind, date: today, hours: rules.service.hourStep }
	]) {
		const problem = serviceProblem({ ...activity, ...change }, today);
		if (problem !== null) {
			const words = problemWords(problem);
			if (!problems.includes(words)) problems.push(words);
		}
	}
	const photoWords = photoProblem(photo);
	if (photoWords !== null) problems.push(photoWords);
	return problems.length === 0 ? { ok: true, activity } : { ok: false, problems };
}

/** What an activity should earn once approved (before the monthly cap). */
export const estimatePoints = (form: ServiceForm) => servicePoints(form.kind, form.hours ?? 0);

/** The rules in a line, for the page. */
export function ruleLine(): string {
	const s = rules.service;
	const perHour = SERVICE_KINDS.map((k) =>
		t.perHour(t.kinds[k] ?? k, s.kinds[k].pointsPerHour)
	).join('，');
	return t.rule(perHour, s.maxHours, s.monthlyCap);
}
