import { ClientResponseError, type RecordModel } from 'pocketbase';
import type PocketBase from 'pocketbase';

/** The member's own rating of a lesson, as the server keeps it. */
export interface OwnFeedback {
	/** The feedback record's id. */
	id: string;
	/** 1–5. */
	rating: number;
	comment: string;
}

/** One member's feedback, as the lesson's author or a leader reads it. */
export interface FeedbackEntry {
	id: string;
	/** The writer's name; '' when they keep it off public view and the reader may not see it. */
	writer: string;
	rating: number;
	comment: string;
	/** When it was last written (ISO time). */
	at: string;
}

/** A lesson's ratings in brief. */
export interface FeedbackSummary {
	count: number;
	/** Mean rating, to one decimal. */
	average: number;
}

/** A lesson on the device: its front-matter id, and for one pulled from the studio its record. */
export interface RatedLesson {
	id: string;
	origin?: { record: string };
}

/** Longest comment the server stores (characters). */
export const COMMENT_MAX = 500;

const OWN_FIELDS = 'id,rating,comment';

function toOwn(r: RecordModel): OwnFeedback {
	return { id: r.id, rating: Number(r.rating), comment: String(r.comment ?? '') };
}

function me(pb: PocketBase): string {
	const id = pb.authStore.record?.id;
	if (!id) throw new ClientResponseError({ status: 401, response: { message: 'signed out' } });
	return id;
}

/** The server record a lesson stands for: a pulled lesson knows it, a built-in one is found by
 * its id (the seed writes every built-in lesson under it). */
export async function lessonRecord(pb: PocketBase, lesson: RatedLesson): Promise<string> {
	if (lesson.origin?.record) return lesson.origin.record;
	const r = await pb
		.collection('lessons')
		.getFirstListItem(pb.filter('lesson_id = {:id}', { id: lesson.id }), { fields: 'id' });
	return r.id;
}

/** The signed-in member's feedback on a lesson (by its front-matter id), or null. */
export async function ownFeedback(pb: PocketBase, lessonId: string): Promise<OwnFeedback | null> {
	const page = await pb.collection('feedback').getList(1, 1, {
		filter: pb.filter('user = {:me} && lesson.lesson_id = {:id}', { me: me(pb), id: lessonId }),
		fields: OWN_FIELDS
	});
	const r = page.items[0];
	return r ? toOwn(r) : null;
}

/**
 * Rate a lesson (1–5) with an optional comment: the member's one feedback on it is written, or
 * changed if they rated it before (on this device or another).
 */
export async function sendFeedback(
	pb: PocketBase,
	lesson: RatedLesson,
	body: { rating: number; comment: string }
): Promise<OwnFeedback> {
	const user = me(pb);
	const fields = { rating: body.rating, comment: body.comment.slice(0, COMMENT_MAX) };
	const feedback = pb.collection('feedback');
	const before = await ownFeedback(pb, lesson.id);
	if (before !== null)
		return toOwn(await feedback.update(before.id, fields, { fields: OWN_FIELDS }));
	const record = await lessonRecord(pb, lesson);
	try {
		return toOwn(
			await feedback.create({ lesson: record, user, ...fields }, { fields: OWN_FIELDS })
		);
	} catch (e) {
		// Written from another device in the meantime: the unique (lesson, user) index refuses a
		// second one, so change that one instead.
		const again =
			e instanceof ClientResponseError && e.status === 400
				? await ownFeedback(pb, lesson.id)
				: null;
		if (again === null) throw e;
		return toOwn(await feedback.update(again.id, fields, { fields: OWN_FIELDS }));
	}
}

/** Count and mean rating per lesson record. */
export function summarise(
	rows: { lesson: string; rating: number }[]
): Record<string, FeedbackSummary> {
	const sums: Record<string, { count: number; total: number }> = {};
	for (const r of rows) {
		const s = (sums[r.lesson] ??= { count: 0, total: 0 });
		s.count++;
		s.total += r.rating;
	}
	return Object.fromEntries(
		Object.entries(sums).map(([lesson, s]) => [
			lesson,
			{ count: s.count, average: Math.round((s.total / s.count) * 10) / 10 }
		])
	);
}

/**
 * A filter for the lessons whose feedback the requester reads as a whole: their own, their
 * branch's (a secretary) or their organisation's (an admin); `prefix` reaches the lesson from the
 * filtered record. Feedback on other lessons reaches them only as its writer.
 */
async function overseen(pb: PocketBase): Promise<(prefix: '' | 'lesson.') => string> {
	const id = me(pb);
	const auth = pb.authStore.record;
	const branch = String(auth?.branch ?? '');
	let field: 'branch' | 'organisation' | null = null;
	let value = '';
	if (branch !== '' && auth?.role === 'secretary') [field, value] = ['branch', branch];
	if (branch !== '' && auth?.role === 'admin') {
		const own = await pb.collection('branches').getOne(branch, { fields: 'organisation' });
		[field, value] = ['organisation', String(own.organisation ?? '')];
	}
	return (prefix) =>
		pb.filter(`${prefix}author = {:id}`, { id }) +
		(field === null || value === ''
			? ''
			: pb.filter(` || ${prefix}${field} = {:value}`, { value }));
}

/**
 * The ratings of the lessons the requester oversees (see `overseen`), summarised per lesson
 * record; `overseen` lists those lessons, rated or not.
 */
export async function feedbackSummaries(
	pb: PocketBase
): Promise<{ overseen: string[]; summaries: Record<string, FeedbackSummary> }> {
	const filter = await overseen(pb);
	const lessons = await pb
		.collection('lessons')
		.getFullList({ filter: `source = "uploaded" && (${filter('')})`, fields: 'id', batch: 500 });
	const rows = await pb.collection('feedback').getFullList({
		filter: `lesson.source = "uploaded" && (${filter('lesson.')})`,
		fields: 'lesson,rating',
		batch: 1000
	});
	return {
		overseen: lessons.map((l) => l.id),
		summaries: summarise(rows.map((r) => ({ lesson: String(r.lesson), rating: Number(r.rating) })))
	};
}

/** Every member's feedback on a lesson record, the latest first. */
export async function feedbackOn(pb: PocketBase, record: string): Promise<FeedbackEntry[]> {
	const rows = await pb.collection('feedback').getFullList({
		filter: pb.filter('lesson = {:record}', { record }),
		sort: '-updated',
		fields: 'id,writer,rating,comment,updated',
		batch: 500
	});
	return rows.map((r) => ({
		id: r.id,
		writer: String(r.writer ?? ''),
		rating: Number(r.rating),
		comment: String(r.comment ?? ''),
		at: String(r.updated ?? '').replace(' ', 'T')
	}));
}
