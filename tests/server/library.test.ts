// Lessons published in the studio reach members' devices on the next pull, stored for offline
// study and parsed like built-in ones; withdrawn ones leave; the branch's assignments come along.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lib/content/lesson';
import { GongxueDb } from '../../src/lib/db';
import { createClient, pullAssignments, pullLessons } from '../../src/lib/sync';
import { makeOrg, PASSWORD, startServer, type Ctx, type Org } from './harness';
import { lessonText, review } from './studio-fixtures';

let ctx: Ctx;
let org: Org;
let n = 0;

beforeAll(async () => {
	ctx = await startServer();
	org = await makeOrg(ctx);
}, 60_000);
afterAll(() => ctx?.close());

async function device(who: 'member' | 'stranger') {
	const db = new GongxueDb(`library-${++n}`);
	await db.open();
	const pb = await createClient(db, ctx.server.url);
	const email = (await ctx.su.collection('users').getOne(org.ids[who])).email as string;
	await pb.collection('users').authWithPassword(email, PASSWORD);
	return { db, pb };
}

describe('pulling published lessons', () => {
	it('stores exactly the lessons published to the member, parsed as built-in ones are', async () => {
		const ours = lessonText();
		const theirs = lessonText();
		const draft = lessonText();
		const a = await org.as.secretary.collection('lessons').create({ text: ours.text });
		const b = await org.as.otherSecretary.collection('lessons').create({ text: theirs.text });
		await org.as.secretary.collection('lessons').create({ text: draft.text });
		await review(org.as.secretary, a.id, { action: 'publish' });
		await review(org.as.otherSecretary, b.id, { action: 'publish' });

		const { db, pb } = await device('member');
		expect(await pullLessons(db, pb)).toBe(1);
		const stored = await db.lessons.get(ours.id);
		const local = parseLesson({ path: 'x.md', text: ours.text }).lesson;
		expect(stored).toMatchObject({
			id: ours.id,
			title: local?.title,
			html: local?.html,
			questions: local?.questions,
			hash: local?.hash,
			origin: { record: a.id, kind: 'official', featured: false }
		});
		expect(await db.lessons.get(theirs.id)).toBeUndefined();
		expect(await db.lessons.get(draft.id)).toBeUndefined();
		// Nothing new: nothing parsed again.
		expect(await pullLessons(db, pb)).toBe(0);
	});

	it('brings edits on the next pull and drops a withdrawn lesson, keeping its progress', async () => {
		const l = lessonText();
		const r = await org.as.secretary.collection('lessons').create({ text: l.text });
		await review(org.as.secretary, r.id, { action: 'publish' });
		const { db, pb } = await device('member');
		await pullLessons(db, pb);
		await db.progress.put({
			lessonId: l.id,
			status: 'completed',
			readRatio: 1,
			seconds: 100,
			startedAt: 1,
			updatedAt: 2,
			completedAt: 2,
			hash: 'h'
		});
		await org.as.secretary
			.collection('lessons')
			.update(r.id, { text: l.text.replace('支部工作三件事', '支部工作三件大事') });
		expect(await pullLessons(db, pb)).toBeGreaterThanOrEqual(1);
		expect((await db.lessons.get(l.id))?.title).toBe('支部工作三件大事');
		await review(org.as.secretary, r.id, { action: 'withdraw' });
		await pullLessons(db, pb);
		expect(await db.lessons.get(l.id)).toBeUndefined();
		expect((await db.progress.get(l.id))?.status).toBe('completed');
	});

	it('keeps the branch’s assignments with their due times for offline display', async () => {
		const l = lessonText();
		const r = await org.as.secretary.collection('lessons').create({ text: l.text });
		await review(org.as.secretary, r.id, { action: 'publish' });
		const due = '2026-12-31 10:00:00.000Z';
		await org.as.secretary
			.collection('assignments')
			.create({ branch: org.branches[0], lesson: r.id, due, note: '年底前完成' });
		const member = await device('member');
		const list = await pullAssignments(member.db, member.pb);
		expect(list).toContainEqual({
			lessonId: l.id,
			title: '支部工作三件事',
			due: Date.parse('2026-12-31T10:00:00.000Z'),
			note: '年底前完成'
		});
		const stranger = await device('stranger');
		expect((await pullAssignments(stranger.db, stranger.pb)).map((a) => a.lessonId)).not.toContain(
			l.id
		);
	});
});
