import 'fake-indexeddb/auto';
import type PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeLesson, GongxueDb, openAttempt, recordAnswer } from '../../src/lib/db';
import { createClient, pullLedger, pullTotals, pushBatch, Syncer } from '../../src/lib/sync';
import { makeLesson, makeOrg, PASSWORD, startServer, type Ctx, type Org } from './harness';
import { startProxy } from './proxy';

let ctx: Ctx;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let n = 0;

beforeAll(async () => {
	ctx = await startServer();
	proxy = await startProxy(() => ctx.server.url);
}, 60_000);
afterAll(async () => {
	await proxy?.close();
	await ctx?.close();
});

/** A device: its own Dexie database and a client signed in as the member, through the proxy. */
async function device(org: Org, who: 'member' | 'other' = 'member') {
	const db = new GongxueDb(`device-${++n}`);
	await db.open();
	const pb = await createClient(db, proxy.url);
	const email = (await ctx.su.collection('users').getOne(org.ids[who])).email as string;
	proxy.set('none');
	await pb.collection('users').authWithPassword(email, PASSWORD);
	return { db, pb, user: org.ids[who], syncer: new Syncer(db, pb) };
}

/** Study `count` lessons on a device: each completion and one right answer go to the outbox. */
async function study(db: GongxueDb, lessons: Awaited<ReturnType<typeof makeLesson>>[]) {
	for (const l of lessons) {
		await db.progress.put({
			lessonId: l.lessonId,
			status: 'started',
			readRatio: 1,
			seconds: 300,
			startedAt: 1,
			updatedAt: 1,
			completedAt: null,
			hash: 'h'
		});
		await completeLesson(db, l.lessonId, 'h', Date.now());
		const a = await openAttempt(db, l.lessonId, [l.questionId], Date.now());
		await recordAnswer(db, a.id, {
			questionId: l.questionId,
			given: [l.key],
			correct: true,
			at: Date.now()
		});
	}
}

/** Every event is on the server exactly once, and the device's totals equal the server's. */
async function expectConverged(
	db: GongxueDb,
	pb: PocketBase,
	user: string,
	expectedEvents: number
) {
	const onServer = await ctx.su
		.collection('events')
		.getFullList({ filter: `user = "${user}"`, fields: 'event_id,points' });
	expect(onServer).toHaveLength(expectedEvents);
	expect(new Set(onServer.map((e) => e.event_id)).size).toBe(expectedEvents);
	expect(await db.outbox.count()).toBe(0);
	await pullLedger(db, pb, user);
	const ledger = await db.ledger.where('user').equals(user).toArray();
	expect(ledger.map((l) => l.id).sort()).toEqual(onServer.map((e) => e.event_id).sort());
	const serverTotal = onServer.reduce((s, e) => s + e.points, 0);
	expect(ledger.reduce((s, l) => s + l.points, 0)).toBe(serverTotal);
	expect((await pullTotals(db, pb, user)).all).toBe(serverTotal);
}

const lessons = (k: number) =>
	Promise.all(Array.from({ length: k }, () => makeLesson(ctx, { minutes: 2, credits: 1 })));

describe('exactly-once sync under faults', () => {
	it('server down while offline events pile up: nothing is lost, all arrive once', async () => {
		const org = await makeOrg(ctx);
		const d = await device(org);
		await study(d.db, await lessons(30));
		proxy.set('down');
		await d.syncer.syncNow();
		expect(d.syncer.snapshot.phase).toBe('offline');
		expect(await d.db.outbox.count()).toBe(60);
		proxy.set('none');
		await d.syncer.syncNow();
		d.syncer.stop();
		expect(d.syncer.snapshot.phase).toBe('idle');
		await expectConverged(d.db, d.pb, d.user, 60);
	});

	it('500 and 429 keep every event queued for a later retry', async () => {
		const org = await makeOrg(ctx);
		const d = await device(org);
		await study(d.db, await lessons(3));
		for (const fault of [500, 429] as const) {
			proxy.set(fault);
			expect((await pushBatch(d.db, d.pb, d.user)).failure).toBe(
				fault === 500 ? 'server' : 'rate-limited'
			);
			expect(await d.db.outbox.count()).toBe(6);
		}
		proxy.set('none');
		await d.syncer.syncNow();
		d.syncer.stop();
		await expectConverged(d.db, d.pb, d.user, 6);
	});

	it('the server commits but the response is lost: the replay changes nothing', async () => {
		const org = await makeOrg(ctx);
		const d = await device(org);
		await study(d.db, await lessons(5));
		proxy.set('lose-response');
		expect((await pushBatch(d.db, d.pb, d.user)).failure).toBe('offline');
		expect(await d.db.outbox.count()).toBe(10);
		const committed = await ctx.su
			.collection('events')
			.getFullList({ filter: `user = "${d.user}"` });
		expect(committed).toHaveLength(10);
		proxy.set('none');
		await d.syncer.syncNow();
		d.syncer.stop();
		await expectConverged(d.db, d.pb, d.user, 10);
	});

	it('two tabs push the same outbox at once: each event lands once', async () => {
		const org = await makeOrg(ctx);
		const d = await device(org);
		await study(d.db, await lessons(40));
		// A second tab: the same database, its own client.
		const tab = await createClient(d.db, proxy.url);
		await tab
			.collection('users')
			.authWithPassword((await ctx.su.collection('users').getOne(d.user)).email, PASSWORD);
		await Promise.all([
			new Syncer(d.db, tab).syncNow(),
			d.syncer.syncNow(),
			pushBatch(d.db, tab, d.user, 10)
		]);
		await d.syncer.syncNow();
		d.syncer.stop();
		await expectConverged(d.db, d.pb, d.user, 80);
	});

	it('a device clock a day off changes neither the server day nor the caps', async () => {
		const org = await makeOrg(ctx);
		const d = await device(org);
		const ls = await lessons(12);
		await study(d.db, ls);
		await d.db.outbox.toCollection().modify((e) => {
			e.at -= 86_400_000;
		});
		await d.syncer.syncNow();
		d.syncer.stop();
		const days = new Set((await d.db.ledger.toArray()).map((l) => l.serverDay));
		expect([...days]).toEqual([(await import('../../src/lib/credits')).serverDay(Date.now())]);
		// 12 lessons at 1 point each and 12 right answers: both activities are capped at 10 a day.
		expect((await pullTotals(d.db, d.pb, d.user)).all).toBe(20);
		await expectConverged(d.db, d.pb, d.user, 24);
	});

	it('PocketBase restarted mid-batch: the batch is all or nothing, and a retry completes it', async () => {
		const org = await makeOrg(ctx);
		const d = await device(org);
		await study(d.db, await lessons(50));
		// Kill the server the moment the batch of 100 is on its way; it may or may not commit.
		const arrived = proxy.nextRequest();
		const push = pushBatch(d.db, d.pb, d.user, 100);
		await arrived;
		const restarted = ctx.restart({ kill: true });
		expect((await push).failure).not.toBeNull();
		await restarted;
		await d.syncer.syncNow();
		d.syncer.stop();
		await expectConverged(d.db, d.pb, d.user, 100);
	});

	it('a member stays signed in across restarts of the app, from the device alone', async () => {
		const org = await makeOrg(ctx);
		const d = await device(org);
		proxy.set('down');
		const again = await createClient(d.db, proxy.url);
		expect(again.authStore.record?.id).toBe(d.user);
		expect(again.authStore.isValid).toBe(true);
		proxy.set('none');
	});

	it('two devices of one member converge: progress is the union, points counted once', async () => {
		const org = await makeOrg(ctx);
		const a = await device(org);
		const b = await device(org);
		const [x, y] = await lessons(2);
		await study(a.db, [x!]);
		await study(b.db, [x!, y!]);
		await a.syncer.syncNow();
		await b.syncer.syncNow();
		await a.syncer.syncNow();
		for (const d of [a, b]) {
			d.syncer.stop();
			const done = (await d.db.progress.where('status').equals('completed').toArray())
				.map((p) => p.lessonId)
				.sort();
			expect(done).toEqual([x!.lessonId, y!.lessonId].sort());
			await expectConverged(d.db, d.pb, d.user, 6);
		}
		// x completed on both devices earns its point once.
		expect((await pullTotals(a.db, a.pb, a.user)).all).toBe(4);
	});
});
