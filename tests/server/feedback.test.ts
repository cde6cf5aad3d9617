// Members' ratings of lessons on a real PocketBase, through the calls the app makes: a member
// rates a built-in or a published lesson and changes their rating; the lesson's author and its
// leaders read the mean, the count and every comment with its writer's name (匿名 where the
// writer hides their name from someone who may not see their account); nobody else does.
import { ClientResponseError } from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	feedbackOn,
	feedbackSummaries,
	ownFeedback,
	sendFeedback,
	summarise
} from '../../src/lib/sync/feedback';
import { makeLesson, makeOrg, startServer, type Ctx, type Org } from './harness';
import { lessonText, review } from './studio-fixtures';

let ctx: Ctx;
let org: Org;
/** A built-in lesson's front-matter id. */
let builtin: string;

beforeAll(async () => {
	ctx = await startServer();
	org = await makeOrg(ctx);
	builtin = (await makeLesson(ctx, { minutes: 3, credits: null })).lessonId;
}, 60_000);
afterAll(() => ctx?.close());

/** A lesson shared by `member` of branch 0 and published to `scope` by its secretary (to the
 * branch) or the organisation's admin (to the organisation). */
async function shared(scope: 'branch' | 'organisation') {
	const { id, text } = lessonText();
	const r = await org.as.member.collection('lessons').create({ text });
	await review(org.as.member, r.id, { action: 'submit' });
	await review(org.as[scope === 'branch' ? 'secretary' : 'admin'], r.id, {
		action: 'publish',
		scope
	});
	return { id, origin: { record: r.id } };
}

async function refusal(p: Promise<unknown>): Promise<number> {
	try {
		await p;
	} catch (e) {
		if (e instanceof ClientResponseError) return e.status;
		throw e;
	}
	return 0;
}

describe('rating a lesson', () => {
	it('rates a built-in lesson by its id, and rating again changes the one rating', async () => {
		const pb = org.as.other;
		expect(await ownFeedback(pb, builtin)).toBeNull();
		const first = await sendFeedback(pb, { id: builtin }, { rating: 4, comment: '讲得清楚' });
		expect(first).toMatchObject({ rating: 4, comment: '讲得清楚' });
		expect(await ownFeedback(pb, builtin)).toEqual(first);

		const changed = await sendFeedback(pb, { id: builtin }, { rating: 2, comment: '' });
		expect(changed).toEqual({ id: first.id, rating: 2, comment: '' });
		const stored = await ctx.su
			.collection('feedback')
			.getFullList({ filter: `user = "${org.ids.other}" && lesson.lesson_id = "${builtin}"` });
		expect(stored.map((r) => [r.rating, r.comment])).toEqual([[2, '']]);
		// Another member's rating is their own.
		expect(await ownFeedback(org.as.member, builtin)).toBeNull();
	});

	it('rates a published lesson by the record it was pulled with; a comment is cut at 500 characters', async () => {
		const lesson = await shared('branch');
		const long = '好'.repeat(520);
		const mine = await sendFeedback(org.as.other, lesson, { rating: 5, comment: long });
		expect(mine.comment).toBe('好'.repeat(500));
		expect(await ownFeedback(org.as.other, lesson.id)).toEqual(mine);
	});

	it('refuses a lesson the member cannot study: unpublished, or published to another branch', async () => {
		const draft = lessonText();
		const r = await org.as.member.collection('lessons').create({ text: draft.text });
		expect(
			await refusal(sendFeedback(org.as.other, { id: draft.id }, { rating: 3, comment: '' }))
		).toBe(404);
		const theirs = await shared('branch');
		expect(await refusal(sendFeedback(org.as.stranger, theirs, { rating: 3, comment: '' }))).toBe(
			400
		);
		expect(
			await ctx.su
				.collection('feedback')
				.getFullList({ filter: `lesson = "${r.id}" || lesson = "${theirs.origin.record}"` })
		).toEqual([]);
	});
});

describe('reading the feedback on a lesson', () => {
	it('gives its author and leaders the mean, the count and each comment by name; nobody else', async () => {
		const lesson = await shared('organisation');
		const record = lesson.origin.record;
		await sendFeedback(org.as.other, lesson, { rating: 5, comment: '结合了我们公司的实际' });
		await sendFeedback(org.as.stranger, lesson, { rating: 2, comment: '' });

		for (const reader of ['member', 'secretary', 'admin'] as const) {
			const { overseen, summaries } = await feedbackSummaries(org.as[reader]);
			expect(overseen, reader).toContain(record);
			expect(summaries[record], reader).toEqual({ count: 2, average: 3.5 });
		}
		// The other branch's secretary, and a writer, see no summary (a writer reads their own
		// rating only, which is no mean).
		for (const reader of ['otherSecretary', 'stranger', 'other'] as const) {
			const { overseen, summaries } = await feedbackSummaries(org.as[reader]);
			expect(overseen, reader).not.toContain(record);
			expect(summaries[record], reader).toBeUndefined();
		}

		const entries = await feedbackOn(org.as.member, record);
		expect(entries.map((e) => [e.writer, e.rating, e.comment])).toEqual([
			['stranger-姓名', 2, ''],
			['other-姓名', 5, '结合了我们公司的实际']
		]);
		for (const e of entries) expect(Date.now() - Date.parse(e.at)).toBeLessThan(60_000);
		expect(await feedbackOn(org.as.otherSecretary, record)).toEqual([]);
	});

	it('names a writer who hides their name only to those who may see their account', async () => {
		const lesson = await shared('organisation');
		const record = lesson.origin.record;
		await ctx.su.collection('users').update(org.ids.stranger, { hide_name: true });
		try {
			await sendFeedback(org.as.stranger, lesson, { rating: 4, comment: '很实用' });
			const writers = async (reader: keyof Org['as']) =>
				(await feedbackOn(org.as[reader], record)).map((e) => e.writer);
			// The author, and the secretary of another branch than the writer's: 匿名.
			expect(await writers('member')).toEqual(['']);
			expect(await writers('secretary')).toEqual(['']);
			// The organisation's admin, and the writer: their name.
			expect(await writers('admin')).toEqual(['stranger-姓名']);
			expect(await writers('stranger')).toEqual(['stranger-姓名']);
		} finally {
			await ctx.su.collection('users').update(org.ids.stranger, { hide_name: false });
		}
	});
});

describe('the summary of ratings', () => {
	it('counts and averages per lesson, to one decimal', () => {
		expect(
			summarise([
				{ lesson: 'a', rating: 5 },
				{ lesson: 'a', rating: 4 },
				{ lesson: 'a', rating: 4 },
				{ lesson: 'b', rating: 1 }
			])
		).toEqual({ a: { count: 3, average: 4.3 }, b: { count: 1, average: 1 } });
		expect(summarise([])).toEqual({});
	});
});
