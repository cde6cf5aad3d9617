import { serverDay } from '$lib/credits';
import { classify } from '$lib/sync';
import {
	COMMENT_MAX,
	feedbackOn,
	feedbackSummaries,
	ownFeedback,
	sendFeedback,
	type FeedbackEntry,
	type FeedbackSummary,
	type OwnFeedback,
	type RatedLesson
} from '$lib/sync/feedback';
import { account } from './account.svelte';

export { COMMENT_MAX, type FeedbackEntry, type FeedbackSummary, type OwnFeedback };

/** What the rating card shows beside the form. */
export type RatingNotice = 'signed-out' | 'offline' | 'failed' | 'unavailable' | null;

/** A rating not yet on the server, kept on the device: typed, or sent and refused. */
interface Draft {
	rating: number | null;
	comment: string;
	/** 提交 was pressed and the server has not got it yet. */
	unsent: boolean;
	/** Who pressed 提交 (null: signed out); only they resend it by themselves. */
	user: string | null;
}

const DRAFT_PREFIX = 'gongxue:feedback-draft:';

/** The kept draft of a lesson's rating, or null. */
export function readDraft(lessonId: string): Draft | null {
	try {
		const raw = localStorage.getItem(DRAFT_PREFIX + lessonId);
		if (raw === null) return null;
		const d = JSON.parse(raw) as Partial<Draft>;
		const rating = typeof d.rating === 'number' && d.rating >= 1 && d.rating <= 5 ? d.rating : null;
		return {
			rating,
			comment: typeof d.comment === 'string' ? d.comment.slice(0, COMMENT_MAX) : '',
			unsent: d.unsent === true,
			user: typeof d.user === 'string' ? d.user : null
		};
	} catch {
		return null;
	}
}

function writeDraft(lessonId: string, draft: Draft | null): void {
	try {
		if (draft === null) localStorage.removeItem(DRAFT_PREFIX + lessonId);
		else localStorage.setItem(DRAFT_PREFIX + lessonId, JSON.stringify(draft));
	} catch {
		// storage full or blocked: the form still holds the text
	}
}

/** A server time as the day it fell on in China, `2026-11-22`; '' if it is not a time. */
export function feedbackDay(iso: string): string {
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? '' : serverDay(ms);
}

/**
 * A member's rating of one lesson (评价这节课): their rating on the server, and the form, whose
 * unsent content stays on the device until the server has it.
 */
export class LessonRating {
	/** The rating on the server; null if none (or not known yet). */
	mine = $state<OwnFeedback | null>(null);
	/** The form. */
	rating = $state<number | null>(null);
	comment = $state('');
	/** The form is open (always, until the member has a rating on the server). */
	editing = $state(true);
	sending = $state(false);
	/** 提交 was pressed and the server has not got it: the card offers 重新提交. */
	unsent = $state(false);
	/** Restored from the device after a reload. */
	restored = $state(false);
	/** Just saved. */
	saved = $state(false);
	notice = $state<RatingNotice>(null);
	online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

	#lesson: RatedLesson;

	constructor(lesson: RatedLesson) {
		this.#lesson = {
			id: lesson.id,
			origin: lesson.origin ? { record: lesson.origin.record } : undefined
		};
		const draft = readDraft(lesson.id);
		if (draft !== null) {
			this.rating = draft.rating;
			this.comment = draft.comment;
			this.unsent = draft.unsent;
			this.restored = draft.rating !== null || draft.comment !== '';
		}
	}

	/** Load the member's rating from the server; resend a draft they sent while offline. */
	async load(): Promise<void> {
		await account.start();
		if (account.member === null) {
			this.notice = this.unsent ? 'signed-out' : null;
			return;
		}
		const pb = account.client();
		if (pb === null || !this.online) {
			if (this.unsent) this.notice = 'offline';
			return;
		}
		try {
			this.mine = await ownFeedback(pb, this.#lesson.id);
		} catch (e) {
			// Offline or failing: the form works all the same; what waits to be sent says why.
			if (this.unsent) this.notice = classify(e) === 'offline' ? 'offline' : 'failed';
			return;
		}
		if (this.mine !== null && !this.restored) {
			this.editing = false;
			this.rating = this.mine.rating;
			this.comment = this.mine.comment;
		}
		if (this.#mayResend()) await this.submit();
	}

	/** A star was chosen. */
	pick(rating: number): void {
		this.rating = rating;
		this.edited();
	}

	/** The form changed: keep it on the device. */
	edited(): void {
		this.saved = false;
		this.#keep();
	}

	/** Open the form on the member's current rating. */
	change(): void {
		if (this.mine !== null) {
			this.rating = this.mine.rating;
			this.comment = this.mine.comment;
		}
		this.saved = false;
		this.editing = true;
	}

	/** Close the form, back to the rating on the server; the draft is dropped. */
	cancel(): void {
		if (this.mine === null) return;
		this.rating = this.mine.rating;
		this.comment = this.mine.comment;
		this.unsent = false;
		this.restored = false;
		this.notice = null;
		this.editing = false;
		writeDraft(this.#lesson.id, null);
	}

	/** The device is on or off line. */
	connection(online: boolean): void {
		this.online = online;
		if (online && this.notice === 'offline') this.notice = null;
		if (online && this.#mayResend()) void this.submit();
	}

	/** 提交 / 重新提交: send the form; if the server cannot have it now, keep it for later. */
	async submit(): Promise<void> {
		const rating = this.rating;
		if (rating === null || this.sending) return;
		this.sending = true;
		this.saved = false;
		this.unsent = true;
		this.#keep();
		try {
			await account.start();
			const pb = account.client();
			if (account.member === null || pb === null) {
				this.notice = 'signed-out';
				return;
			}
			if (!this.online) {
				this.notice = 'offline';
				return;
			}
			this.mine = await sendFeedback(pb, this.#lesson, { rating, comment: this.comment });
			writeDraft(this.#lesson.id, null);
			this.unsent = false;
			this.restored = false;
			this.notice = null;
			this.editing = false;
			this.saved = true;
		} catch (e) {
			// The form only sends what the server accepts: a refusal means the lesson is not one
			// the member may rate (not on the server, or no longer published to them).
			const failure = classify(e);
			this.notice =
				failure === 'offline'
					? 'offline'
					: failure === 'auth'
						? 'signed-out'
						: failure === 'invalid'
							? 'unavailable'
							: 'failed';
		} finally {
			this.sending = false;
		}
	}

	#mayResend(): boolean {
		return (
			this.unsent &&
			!this.sending &&
			this.online &&
			this.rating !== null &&
			account.member !== null &&
			readDraft(this.#lesson.id)?.user === account.member.id
		);
	}

	#keep(): void {
		const same =
			this.mine !== null &&
			this.rating === this.mine.rating &&
			this.comment === this.mine.comment &&
			!this.unsent;
		writeDraft(
			this.#lesson.id,
			same || (this.rating === null && this.comment === '' && !this.unsent)
				? null
				: {
						rating: this.rating,
						comment: this.comment,
						unsent: this.unsent,
						user: account.member?.id ?? null
					}
		);
	}
}

/** The feedback on studio lessons, for their authors and leaders. */
class StudioFeedback {
	/** Count and mean rating per lesson record the member oversees. */
	summaries = $state<Record<string, FeedbackSummary>>({});
	/** Lesson records whose feedback the member reads as a whole (author or leader). */
	overseen = $state<string[]>([]);
	/** Reload the summaries; when they cannot load, the last ones stay. */
	async refresh(): Promise<void> {
		await account.start();
		const pb = account.client();
		if (pb === null || account.member === null) return;
		try {
			const { overseen, summaries } = await feedbackSummaries(pb);
			this.overseen = overseen;
			this.summaries = summaries;
		} catch {
			// offline or failing: the studio shows its own message
		}
	}

	/** Whether the member reads all feedback on a lesson record. */
	oversees(record: string): boolean {
		return this.overseen.includes(record);
	}

	/** A lesson's summary: no ratings is a count of 0. */
	summary(record: string): FeedbackSummary {
		return this.summaries[record] ?? { count: 0, average: 0 };
	}

	/** Every member's feedback on a lesson record, the latest first; null if it cannot load. */
	async entries(record: string): Promise<FeedbackEntry[] | null> {
		const pb = account.client();
		if (pb === null) return null;
		try {
			return await feedbackOn(pb, record);
		} catch {
			return null;
		}
	}
}

/** The studio's feedback. */
export const studioFeedback = new StudioFeedback();
