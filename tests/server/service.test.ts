// Service activities and branch meetings on a real PocketBase: a member submits an activity with
// a photo (checked by its content, seen only with a file token), the server checks it by the
// shared rules; a leader approves it (points to the ledger and the totals, once, within the
// monthly cap) or rejects it with a reason; a meeting's check-in QR code earns its points once.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PocketBase from 'pocketbase';
import { rules, serverDay } from '../../src/lib/credits/engine';
import { client, makeOrg, startServer, unique, type Ctx, type Org } from './harness';

let ctx: Ctx;
let org: Org;

beforeAll(async () => {
	ctx = await startServer();
	org = await makeOrg(ctx);
}, 60_000);
afterAll(() => ctx?.close());

const png = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);
const today = () => serverDay(Date.now());
const DAY = 86_400_000;
const dayBefore = (n: number) => serverDay(Date.now() - n * DAY);

/** An activity as a form sends it, with a photo. */
function withPhoto(fields: Record<string, string | number>, bytes = png, name = 'photo.png') {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
	form.append('photo', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
	return form;
}

const submit = (pb: PocketBase, body: object) => pb.collection('service_activities').create(body);
const review = (pb: PocketBase, id: string, body: object) =>
	pb.send(`/api/gongxue/service/${id}/review`, { method: 'POST', body });

async function totalOf(userId: string): Promise<number> {
	const [row] = await ctx.su
		.collection('point_totals')
		.getFullList({ filter: `user = "${userId}" && period = "all"` });
	return row?.points ?? 0;
}

const ledgerOf = (userId: string, type: string) =>
	ctx.su.collection('events').getFullList({ filter: `user = "${userId}" && type = "${type}"` });

describe('submitting an activity', () => {
	it('keeps who, where and pending as the server says, with a photo checked by its content', async () => {
		const made = await submit(
			org.as.member,
			withPhoto({
				kind: 'volunteer',
				date: today(),
				hours: 2.5,
				note: '  社区反诈宣传  ',
				member: org.ids.other,
				status: 'approved',
				points: 40
			})
		);
		expect(made).toMatchObject({
			member: org.ids.member,
			branch: org.branches[0],
			organisation: org.org,
			status: 'pending',
			points: 0,
			hours: 2.5,
			note: '社区反诈宣传'
		});
		expect(made.photo).toMatch(/\.png$/);
		const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>');
		for (const [bytes, name] of [
			[html, 'photo.jpg'],
			[svg, 'photo.png']
		] as const) {
			await expect(
				submit(
					org.as.member,
					withPhoto({ kind: 'volunteer', date: today(), hours: 1 }, bytes, name)
				)
			).rejects.toMatchObject({ status: 400 });
		}
		const big = Buffer.alloc(10 * 1024 * 1024 + 1);
		png.copy(big);
		await expect(
			submit(org.as.member, withPhoto({ kind: 'volunteer', date: today(), hours: 1 }, big))
		).rejects.toMatchObject({ status: 400 });
	});

	it('refuses what the rules do not allow, saying why in Chinese', async () => {
		const cases: [object, string][] = [
			[{ kind: 'party' }, '请选择活动类型'],
			[{ date: serverDay(Date.now() + 2 * DAY) }, '活动日期不能晚于今天。'],
			[{ date: dayBefore(rules.service.submitWithinDays + 1) }, '天以内的活动'],
			[{ hours: rules.service.maxHours + 1 }, `最多计 ${rules.service.maxHours} 小时`],
			[{ hours: 1.2 }, '小时为单位填写']
		];
		for (const [change, words] of cases) {
			const body = { kind: 'volunteer', date: today(), hours: 1, ...change };
			const error = await submit(org.as.other, body).catch((e: unknown) => e);
			expect(error).toMatchObject({ status: 400 });
			expect((error as { response: { message: string } }).response.message).toContain(words);
		}
		expect(
			await ctx.su
				.collection('service_activities')
				.getFullList({ filter: `member = "${org.ids.other}"` })
		).toHaveLength(0);
	});

	it('sent twice under one client-made id (a lost response), is stored once', async () => {
		const id = unique('').toLowerCase().padEnd(15, '0').slice(0, 15);
		const body = { id, kind: 'theme-day', date: today(), hours: 3, note: unique('主题党日') };
		await submit(org.as.stranger, body);
		await expect(submit(org.as.stranger, body)).rejects.toMatchObject({ status: 400 });
		expect(await org.as.stranger.collection('service_activities').getOne(id)).toMatchObject({
			note: body.note
		});
	});

	it('shows its photo only with a file token of someone who may see the activity', async () => {
		const made = await submit(
			org.as.member,
			withPhoto({ kind: 'meeting', date: today(), hours: 1 })
		);
		const url = (token?: string) =>
			`${ctx.server.url}/api/files/service_activities/${made.id}/${made.photo}` +
			(token ? `?token=${token}` : '');
		const tokenOf = (pb: PocketBase) => pb.files.getToken();
		expect((await fetch(url())).status).not.toBe(200);
		for (const pb of [org.as.member, org.as.secretary, org.as.admin]) {
			const response = await fetch(url(await tokenOf(pb)));
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('image/png');
		}
		for (const pb of [org.as.other, org.as.stranger, org.as.otherSecretary]) {
			expect((await fetch(url(await tokenOf(pb)))).status).not.toBe(200);
		}
	});
});

describe('review', () => {
	it('an approval writes its points to the ledger and the totals once', async () => {
		const o = await makeOrg(ctx);
		const made = await submit(o.as.member, { kind: 'volunteer', date: today(), hours: 3 });
		const answer = await review(o.as.secretary, made.id, { action: 'approve' });
		expect(answer).toEqual({ id: made.id, status: 'approved', points: 6, reason: '' });
		const [again, reject] = await Promise.allSettled([
			review(o.as.admin, made.id, { action: 'approve' }),
			review(o.as.secretary, made.id, { action: 'reject', reason: '重复' })
		]);
		expect([again, reject].map((r) => r.status)).toEqual(['rejected', 'rejected']);
		await expect(review(o.as.admin, made.id, { action: 'approve' })).rejects.toMatchObject({
			status: 409
		});
		const events = await ledgerOf(o.ids.member, 'service.approved');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			status: 'accepted',
			points: 6,
			subject: made.id,
			device: 'server',
			server_day: today()
		});
		const name = `志愿服务 · 3 小时 · ${today()}`;
		expect(events[0]?.payload).toMatchObject({ name, title: name, kind: 'volunteer', hours: 3 });
		expect(await totalOf(o.ids.member)).toBe(6);
		const stored = await ctx.su.collection('service_activities').getOne(made.id);
		expect(stored).toMatchObject({ status: 'approved', points: 6, reviewed_by: o.ids.secretary });
		expect(stored.reviewed_at).not.toBe('');
		// Decided: the member can no longer change or withdraw it.
		await expect(
			o.as.member.collection('service_activities').update(made.id, { hours: 8 })
		).rejects.toMatchObject({ status: 404 });
		await expect(
			o.as.member.collection('service_activities').delete(made.id)
		).rejects.toMatchObject({ status: 404 });
	});

	it('counts the monthly cap over approved activities of the same month', async () => {
		const o = await makeOrg(ctx);
		const cap = rules.service.monthlyCap;
		const points: number[] = [];
		for (let i = 0; i < cap / 16 + 2; i++) {
			const made = await submit(o.as.member, { kind: 'volunteer', date: today(), hours: 8 });
			points.push((await review(o.as.admin, made.id, { action: 'approve' })).points);
		}
		expect(points.reduce((a, b) => a + b, 0)).toBe(cap);
		expect(points.at(-1)).toBe(0);
		expect(await totalOf(o.ids.member)).toBe(cap);
		const reasons = (await ledgerOf(o.ids.member, 'service.approved')).map((e) => e.reason);
		expect(reasons.filter((r) => r === 'monthly-cap').length).toBeGreaterThan(0);
	});

	it('a rejection needs a reason, which the member reads; no points', async () => {
		const o = await makeOrg(ctx);
		const made = await submit(o.as.member, { kind: 'theme-day', date: today(), hours: 2 });
		const error = await review(o.as.secretary, made.id, { action: 'reject', reason: '  ' }).catch(
			(e: unknown) => e
		);
		expect(error).toMatchObject({ status: 400 });
		expect((error as { response: { message: string } }).response.message).toBe(
			'请写明不通过的原因，提交人会看到它。'
		);
		await review(o.as.secretary, made.id, {
			action: 'reject',
			reason: '未见活动照片，请补充后重新提交'
		});
		expect(await o.as.member.collection('service_activities').getOne(made.id)).toMatchObject({
			status: 'rejected',
			reason: '未见活动照片，请补充后重新提交',
			points: 0
		});
		expect(await ledgerOf(o.ids.member, 'service.approved')).toHaveLength(0);
		expect(await totalOf(o.ids.member)).toBe(0);
	});

	it('a leader may not decide on their own activity; the organisation’s admin may', async () => {
		const o = await makeOrg(ctx);
		const own = await submit(o.as.secretary, { kind: 'meeting', date: today(), hours: 2 });
		const error = await review(o.as.secretary, own.id, { action: 'approve' }).catch((e) => e);
		expect(error).toMatchObject({ status: 403 });
		expect((error as { response: { message: string } }).response.message).toContain('自己');
		expect(await review(o.as.admin, own.id, { action: 'approve' })).toMatchObject({ points: 2 });
		expect(await totalOf(o.ids.secretary)).toBe(2);
	});
});

describe('meetings and check-in', () => {
	const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

	it('a leader sets up a meeting whose times make one, in Chinese when they do not', async () => {
		const meetings = org.as.secretary.collection('meetings');
		const body = { branch: org.branches[0], title: '十一月支部党员大会' };
		const made = await meetings.create({ ...body, starts_at: at(0), ends_at: at(2) });
		expect(made).toMatchObject({ organisation: org.org, created_by: org.ids.secretary });
		expect(made).not.toHaveProperty('secret');
		for (const [change, words] of [
			[{ starts_at: at(2), ends_at: at(1) }, '结束时间要晚于开始时间。'],
			[{ starts_at: at(0), ends_at: at(13) }, '一次会议最长 12 小时。'],
			[{ title: '   ', starts_at: at(0), ends_at: at(1) }, '请填写会议名称。']
		] as const) {
			const error = await meetings.create({ ...body, ...change }).catch((e: unknown) => e);
			expect((error as { response: { message: string } }).response.message).toBe(words);
		}
	});

	it('the QR code’s check-in earns its points once; a replay or a second scan changes nothing', async () => {
		const o = await makeOrg(ctx);
		const meeting = await o.as.secretary
			.collection('meetings')
			.create({ branch: o.branches[0], title: '主题党日', starts_at: at(-0.5), ends_at: at(1) });
		const { path } = await o.as.secretary.send<{ path: string }>(
			`/api/gongxue/meetings/${meeting.id}/qr`,
			{}
		);
		const scanned = new URL(path, 'https://gongxue.example');
		expect(scanned.pathname).toBe('/checkin');
		const payload = {
			meetingId: scanned.searchParams.get('m'),
			token: scanned.searchParams.get('t')
		};
		const checkin = () => ({
			event_id: uuidv7(),
			type: 'meeting.checkin',
			device: 'phone',
			client_at: Date.now(),
			payload
		});
		const first = checkin();
		const r = await o.as.member.collection('events').create(first);
		expect(r).toMatchObject({ status: 'accepted', points: 2, subject: meeting.id });
		expect((await o.as.member.collection('events').create(first)).id).toBe(r.id);
		expect(await o.as.member.collection('events').create(checkin())).toMatchObject({
			points: 0,
			reason: 'already-credited'
		});
		expect(await totalOf(o.ids.member)).toBe(2);
		// Someone of another branch who got hold of the code, or a guessed code, earns nothing.
		expect(await o.as.stranger.collection('events').create(checkin())).toMatchObject({
			status: 'rejected',
			reason: 'other-branch'
		});
		const guessed = { ...checkin(), payload: { ...payload, token: 'a'.repeat(24) } };
		expect(await o.as.other.collection('events').create(guessed)).toMatchObject({
			status: 'rejected',
			reason: 'bad-token'
		});
		// Leaders see who checked in, through the events their branch's members sent.
		const attendance = await o.as.secretary.collection('events').getFullList({
			filter: `type = "meeting.checkin" && subject = "${meeting.id}" && points > 0`
		});
		expect(attendance.map((e) => e.user)).toEqual([o.ids.member]);
		expect(
			await client(ctx.server.url)
				.collection('meetings')
				.getFullList()
				.catch((e) => e.status)
		).toEqual([]);
	});
});
