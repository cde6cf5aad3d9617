// The studio on a real PocketBase: lessons written in the app are parsed by the server, move
// through review, reach exactly the members they are published to, credit the author of a
// shared lesson once per learner and become 精品 by the rule; banks, assignments, feedback and
// media are checked by the server.
import type PocketBase from 'pocketbase';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules, SHARER_EVENT } from '../../src/lib/credits/engine';
import { client, makeOrg, startServer, type Ctx, type Org } from './harness';
import { lessonText, review } from './studio-fixtures';

let ctx: Ctx;
let a: Org;
let b: Org;

beforeAll(async () => {
	ctx = await startServer();
	a = await makeOrg(ctx);
	b = await makeOrg(ctx);
}, 60_000);
afterAll(() => ctx?.close());

const visibleTo = async (pb: PocketBase, lessonId: string) =>
	(await pb.collection('lessons').getList(1, 1, { filter: `lesson_id = "${lessonId}"` }))
		.totalItems === 1;

async function complete(pb: PocketBase, lessonId: string, answer = 'A') {
	const record = await ctx.su.collection('lessons').getFirstListItem(`lesson_id = "${lessonId}"`);
	const questionId = (record.questions as { id: string }[])[0]?.id;
	const batch = pb.createBatch();
	batch.collection('events').create({
		event_id: v7(),
		type: 'lesson.completed',
		payload: { lessonId, hash: 'h', seconds: 200, readRatio: 1 }
	});
	batch.collection('events').create({
		event_id: v7(),
		type: 'quiz.answered',
		payload: { lessonId, attemptId: 'a', questionId, answer: [answer] }
	});
	return batch.send();
}

async function sharerEvents(userId: string) {
	return ctx.su
		.collection('events')
		.getFullList({ filter: `user = "${userId}" && type = "${SHARER_EVENT}"` });
}

describe('a lesson written in the studio', () => {
	it('is parsed by the server: its fields come from the text, its status and author from the server', async () => {
		const { id, text } = lessonText();
		const r = await a.as.secretary.collection('lessons').create({
			text,
			status: 'published',
			author: a.ids.member,
			learners: 99,
			featured: true,
			title: '伪造的标题'
		});
		expect(r).toMatchObject({
			lesson_id: id,
			title: '支部工作三件事',
			category: '组织生活',
			minutes: 3,
			credits: 2,
			status: 'draft',
			kind: 'official',
			author: a.ids.secretary,
			branch: a.branches[0],
			source: 'uploaded',
			learners: 0,
			featured: false
		});
		expect(r.questions).toBeUndefined();
		const stored = await ctx.su.collection('lessons').getOne(r.id);
		expect(stored.questions).toHaveLength(1);
		expect(stored.questions[0].answer).toBe('A');
	});

	it('with problems is refused with each problem at its line, in Chinese', async () => {
		const { text } = lessonText();
		const broken = text.replace('答案：A', '答案：E').replace('title: 支部工作三件事\n', '');
		const err = await a.as.secretary
			.collection('lessons')
			.create({ text: broken })
			.catch((e: unknown) => e as { status: number; response: Record<string, unknown> });
		expect(err.status).toBe(400);
		const problems = String(
			(err.response.data as Record<string, { message: string }>).text?.message
		);
		expect(err.response.message).toMatch(/^课程内容有 2 处问题：第 \d+ 行：/);
		expect(problems).toContain('title');
		expect(problems).toMatch(/第 1\d 行：第1题/);
	});

	it('cannot take an id another lesson has', async () => {
		const { id, text } = lessonText();
		await a.as.secretary.collection('lessons').create({ text });
		await expect(
			b.as.secretary.collection('lessons').create({ text: lessonText(id).text })
		).rejects.toMatchObject({ status: 400, response: { message: expect.stringContaining(id) } });
	});
});

describe('review and publication', () => {
	it('a shared lesson goes member → review → changes → review → published, and only then reaches the branch', async () => {
		const { id, text } = lessonText();
		const draft = await a.as.member.collection('lessons').create({ text, scope: 'organisation' });
		expect(draft).toMatchObject({ kind: 'shared', status: 'draft', scope: 'branch' });
		expect(await visibleTo(a.as.other, id)).toBe(false);
		expect(await visibleTo(a.as.secretary, id)).toBe(false);
		await expect(review(a.as.member, draft.id, { action: 'publish' })).rejects.toMatchObject({
			status: 403
		});
		await review(a.as.member, draft.id, { action: 'submit' });
		expect(await visibleTo(a.as.secretary, id)).toBe(true);
		expect(await visibleTo(a.as.other, id)).toBe(false);
		await expect(
			review(a.as.otherSecretary, draft.id, { action: 'publish' })
		).rejects.toMatchObject({ status: 403 });
		await expect(review(a.as.secretary, draft.id, { action: 'changes' })).rejects.toMatchObject({
			status: 400,
			response: { message: '请写明原因，作者会看到它。' }
		});
		await review(a.as.secretary, draft.id, { action: 'changes', note: '第二段请补充出处' });
		const back = await a.as.member.collection('lessons').getOne(draft.id);
		expect(back).toMatchObject({ status: 'changes', review_note: '第二段请补充出处' });
		await a.as.member
			.collection('lessons')
			.update(draft.id, { text: text.replace('日常工作。', '日常工作（见《支部工作条例》）。') });
		await review(a.as.member, draft.id, { action: 'submit' });
		await review(a.as.secretary, draft.id, { action: 'publish' });
		expect(await visibleTo(a.as.other, id)).toBe(true);
		expect(await visibleTo(a.as.stranger, id)).toBe(false);
		expect(await visibleTo(b.as.member, id)).toBe(false);
		// Published: the author can no longer change it on their own.
		await expect(
			a.as.member.collection('lessons').update(draft.id, { text })
		).rejects.toMatchObject({ status: 404 });
	});

	it('only an admin publishes to the whole organisation', async () => {
		const { id, text } = lessonText();
		const mine = await a.as.secretary.collection('lessons').create({ text });
		await expect(
			review(a.as.secretary, mine.id, { action: 'publish', scope: 'organisation' })
		).rejects.toMatchObject({ status: 403 });
		await review(a.as.admin, mine.id, { action: 'publish', scope: 'organisation' });
		expect(await visibleTo(a.as.stranger, id)).toBe(true);
		expect(await visibleTo(b.as.member, id)).toBe(false);
	});

	it('a rejection keeps the lesson with its reason for the author', async () => {
		const { text } = lessonText();
		const draft = await a.as.member.collection('lessons').create({ text });
		await review(a.as.member, draft.id, { action: 'submit' });
		await review(a.as.secretary, draft.id, { action: 'reject', note: '与本支部主题无关' });
		expect(await a.as.member.collection('lessons').getOne(draft.id)).toMatchObject({
			status: 'rejected',
			review_note: '与本支部主题无关'
		});
		await expect(review(a.as.member, draft.id, { action: 'submit' })).rejects.toMatchObject({
			status: 409
		});
	});
});

describe('a shared lesson studied by others', () => {
	it('credits its author once per learner, within the rule, and becomes 精品 at the threshold', async () => {
		const o = await makeOrg(ctx);
		const { id, text } = lessonText();
		const draft = await o.as.member.collection('lessons').create({ text });
		await review(o.as.member, draft.id, { action: 'submit' });
		await review(o.as.admin, draft.id, { action: 'publish', scope: 'organisation' });

		await complete(o.as.member, id);
		expect(await sharerEvents(o.ids.member)).toHaveLength(0);

		const learners = [o.as.other, o.as.secretary, o.as.admin, o.as.stranger, o.as.otherSecretary];
		await complete(learners[0]!, id);
		await complete(learners[1]!, id);
		const credits = await sharerEvents(o.ids.member);
		expect(credits.map((c) => c.points)).toEqual([
			rules.sharing.pointsPerLearner,
			rules.sharing.pointsPerLearner
		]);
		// The same learner again (another device, a replay) adds nothing.
		await complete(learners[0]!, id);
		expect(await sharerEvents(o.ids.member)).toHaveLength(2);
		let stats = await o.as.member.collection('lessons').getOne(draft.id);
		expect(stats).toMatchObject({ learners: 2, featured: false });

		await complete(learners[2]!, id);
		await complete(learners[3]!, id);
		await complete(learners[4]!, id, 'B');
		stats = await o.as.member.collection('lessons').getOne(draft.id);
		expect(rules.sharing.featured.minLearners).toBe(5);
		expect(stats).toMatchObject({ learners: 5, accuracy: 0.8, featured: true });
		const totals = await ctx.su
			.collection('point_totals')
			.getFullList({ filter: `user = "${o.ids.member}" && period = "all"` });
		// The author's own completion (2) and answer (1), plus one per learner.
		expect(totals[0]?.points).toBe(2 + 1 + 5 * rules.sharing.pointsPerLearner);
	});
});

describe('banks, assignments and feedback', () => {
	const bank = `一、单选题
1. 党的最高领导机关是（ ）。
A. 党的全国代表大会和它所产生的中央委员会
B. 中央政治局
答案：A
二、判断题
2. 党员有权在党的会议上参加讨论。
答案：对
`;

	it('a bank keeps only text that parses, and only the branch’s leaders read it', async () => {
		const saved = await a.as.secretary.collection('banks').create({ name: '党章题库', text: bank });
		expect(saved).toMatchObject({ count: 2, branch: a.branches[0], author: a.ids.secretary });
		expect(await a.as.member.collection('banks').getFullList()).toHaveLength(0);
		expect(
			(await a.as.otherSecretary.collection('banks').getFullList()).map((x) => x.id)
		).not.toContain(saved.id);
		expect((await a.as.admin.collection('banks').getFullList()).map((x) => x.id)).toContain(
			saved.id
		);
		await expect(
			a.as.member.collection('banks').create({ name: 'x', text: bank })
		).rejects.toMatchObject({ status: 400 });
		await expect(
			a.as.secretary
				.collection('banks')
				.create({ name: '坏题库', text: bank.replace('答案：A', '答案：F') })
		).rejects.toMatchObject({
			status: 400,
			response: { message: expect.stringMatching(/^题库有 1 处问题：第 5 行：/) }
		});
	});

	it('a required lesson is assigned to a branch with a due date, seen by its members only', async () => {
		const { id, text } = lessonText();
		const lesson = await a.as.secretary.collection('lessons').create({ text });
		const due = '2026-12-31 12:00:00.000Z';
		await expect(
			a.as.secretary
				.collection('assignments')
				.create({ branch: a.branches[0], lesson: lesson.id, due })
		).rejects.toMatchObject({ status: 400 });
		await review(a.as.secretary, lesson.id, { action: 'publish' });
		const assigned = await a.as.secretary
			.collection('assignments')
			.create({ branch: a.branches[0], lesson: lesson.id, due, assigned_by: a.ids.member });
		expect(assigned.assigned_by).toBe(a.ids.secretary);
		await expect(
			a.as.otherSecretary
				.collection('assignments')
				.create({ branch: a.branches[0], lesson: lesson.id, due })
		).rejects.toMatchObject({ status: 400 });
		await expect(
			a.as.member
				.collection('assignments')
				.create({ branch: a.branches[0], lesson: lesson.id, due })
		).rejects.toMatchObject({ status: 400 });
		const seen = await a.as.other
			.collection('assignments')
			.getFullList({ expand: 'lesson', filter: `lesson = "${lesson.id}"` });
		expect(seen.map((x) => x.expand?.lesson?.lesson_id)).toEqual([id]);
		expect(
			await a.as.stranger
				.collection('assignments')
				.getFullList({ filter: `lesson = "${lesson.id}"` })
		).toHaveLength(0);
	});

	it('members rate a published lesson once; its author and secretary read the feedback', async () => {
		const { text } = lessonText();
		const lesson = await a.as.member.collection('lessons').create({ text });
		await expect(
			a.as.other.collection('feedback').create({ lesson: lesson.id, user: a.ids.other, rating: 5 })
		).rejects.toMatchObject({ status: 400 });
		await review(a.as.member, lesson.id, { action: 'submit' });
		await review(a.as.secretary, lesson.id, { action: 'publish' });
		await a.as.other
			.collection('feedback')
			.create({ lesson: lesson.id, user: a.ids.other, rating: 5, comment: '讲得清楚' });
		await expect(
			a.as.other.collection('feedback').create({ lesson: lesson.id, user: a.ids.other, rating: 4 })
		).rejects.toMatchObject({ status: 400 });
		await expect(
			a.as.secretary
				.collection('feedback')
				.create({ lesson: lesson.id, user: a.ids.secretary, rating: 6 })
		).rejects.toMatchObject({ status: 400 });
		await expect(
			a.as.secretary
				.collection('feedback')
				.create({ lesson: lesson.id, user: a.ids.other, rating: 1 })
		).rejects.toMatchObject({ status: 400 });
		const comments = (pb: PocketBase) =>
			pb.collection('feedback').getFullList({ filter: `lesson = "${lesson.id}"` });
		expect((await comments(a.as.member)).map((f) => f.comment)).toEqual(['讲得清楚']);
		expect((await comments(a.as.secretary)).map((f) => f.rating)).toEqual([5]);
		expect(await comments(a.as.admin)).toHaveLength(1);
		expect(await comments(a.as.stranger)).toHaveLength(0);
		expect(await comments(client(ctx.server.url))).toHaveLength(0);
	});
});

describe('media', () => {
	const png = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
		'base64'
	);
	const upload = (pb: PocketBase, id: string, bytes: Buffer, name: string, type: string) => {
		const form = new FormData();
		form.append('media', new Blob([new Uint8Array(bytes)], { type }), name);
		return pb.collection('lessons').update(id, form);
	};

	it('takes an image checked by its content, and refuses SVG and HTML whatever their name', async () => {
		const { text } = lessonText();
		const lesson = await a.as.secretary.collection('lessons').create({ text });
		const ok = await upload(a.as.secretary, lesson.id, png, 'cover.png', 'image/png');
		expect(ok.media).toHaveLength(1);
		const svg = Buffer.from(
			'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
		);
		const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
		for (const [bytes, name] of [
			[svg, 'x.svg'],
			[svg, 'disguised.png'],
			[html, 'page.mp4']
		] as const) {
			await expect(
				upload(a.as.secretary, lesson.id, bytes, name, 'image/png')
			).rejects.toMatchObject({ status: 400 });
		}
		const after = await a.as.secretary.collection('lessons').getOne(lesson.id);
		expect(after.media).toHaveLength(1);
	});

	it('refuses a file over 50 MB and a text over 200,000 characters; the lesson keeps what it had', async () => {
		const { text } = lessonText();
		const lesson = await a.as.secretary.collection('lessons').create({ text });
		await upload(a.as.secretary, lesson.id, png, 'cover.png', 'image/png');
		// A real PNG's first bytes, padded past the limit.
		const big = Buffer.alloc(50 * 1024 * 1024 + 1);
		png.copy(big);
		await expect(
			upload(a.as.secretary, lesson.id, big, 'huge.png', 'image/png')
		).rejects.toMatchObject({ status: 400 });
		await expect(
			a.as.secretary
				.collection('lessons')
				.update(lesson.id, { text: text + '\n' + '长'.repeat(200_001) })
		).rejects.toMatchObject({ status: 400 });
		const after = await a.as.secretary.collection('lessons').getOne(lesson.id);
		expect(after.media).toHaveLength(1);
		expect(after.text).toBe(lesson.text);
	});
});
