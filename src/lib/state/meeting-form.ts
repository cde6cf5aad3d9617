import { m } from '$lib/i18n/studio';

/** The longest meeting (MAX_HOURS in pocketbase/pb_hooks/lib/meeting.js). */
export const MEETING_MAX_HOURS = 12;

/** The meeting form as typed: times as a datetime-local field has them (device time). */
export interface MeetingForm {
	title: string;
	branch: string;
	startsAt: string;
	endsAt: string;
}

/** `YYYY-MM-DDTHH:mm` of an instant, in the device's time, as datetime-local fields take it. */
export function localInput(ms: number): string {
	const d = new Date(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A fresh form: starting at the next half hour, for two hours. */
export function blankMeetingForm(branch: string, now: number): MeetingForm {
	const half = 30 * 60_000;
	const start = Math.ceil(now / half) * half;
	return { title: '', branch, startsAt: localInput(start), endsAt: localInput(start + 4 * half) };
}

/** Check the form on the device as the server will: the meeting to create, or what to change. */
export function readMeeting(
	form: MeetingForm
):
	| { ok: true; meeting: { branch: string; title: string; startsAt: number; endsAt: number } }
	| { ok: false; problem: string } {
	const t = m.studio.service;
	const title = form.title.trim();
	if (title === '') return { ok: false, problem: t.needTitle };
	const startsAt = Date.parse(form.startsAt);
	const endsAt = Date.parse(form.endsAt);
	if (Number.isNaN(startsAt) || Number.isNaN(endsAt)) return { ok: false, problem: t.needTimes };
	if (endsAt <= startsAt) return { ok: false, problem: t.endBeforeStart };
	if (endsAt - startsAt > MEETING_MAX_HOURS * 3_600_000) return { ok: false, problem: t.tooLong };
	return { ok: true, meeting: { branch: form.branch, title, startsAt, endsAt } };
}
