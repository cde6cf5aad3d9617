// 学分 on a real PocketBase: the shared table of target and streak cases (tests/fixtures/
// target-cases.json, run on the client by src/lib/credits/targets.test.ts) against the server's
// own count of a member's events; an organisation's targets are checked by the same rule.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cases from '../fixtures/target-cases.json';
import { serverDay } from '../../src/lib/credits/engine';
import { client, makeOrg, PASSWORD, startServer, unique, type Ctx, type Org } from './harness';

let ctx: Ctx;
let org: Org;
/** A lesson of each track, by track. */
const lessons: Record<string, string> = {};

beforeAll(async () => {
	ctx = await startServer();
	org = await makeOrg(ctx);
	for (const track of ['required', 'elective']) {
		const lessonId = unique(`credits-${track}-`).toLowerCase();
		await ctx.su.collection('lessons').create({
			lesson_id: lessonId,
			title: '学分课程',
			minutes: 5,
			track,
			questions: [],
			source: 'builtin'
		});
		lessons[track] = lessonId;
	}
}, 60_000);
afterAll(() => ctx?.close());

/** A new member of branch 0 with these events on the server, signed in. */
async function memberWith(
	events: { type: string; points: number; day: string; status?: string; track?: string | null }[]
) {
	const email = `${unique('credits')}@gongxue.test`;
	const user = await ctx.su.collection('users').create({
		email,
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name: '学分党员',
		branch: org.branches[0],
		role: 'member'
	});
	for (const e of events) {
		await ctx.su.collection('events').create({
			event_id: uuidv7(),
			user: user.id,
			type: e.type,
			payload: {},
			server_day: e.day,
			status: e.status ?? 'accepted',
			points: e.points,
			subject: unique('s'),
			lesson: e.track ? lessons[e.track] : ''
		});
	}
	const pb = client(ctx.server.url);
	await pb.collection('users').authWithPassword(email, PASSWORD);
	return pb;
}

const credits = (pb: Awaited<ReturnType<typeof memberWith>>, query: string) =>
	pb.send(`/api/gongxue/credits?${query}`, { method: 'GET' });

describe('the shared target and streak table, on the server', () => {
	it.each(cases.credits.map((c) => [c.name, c] as const))('学分：%s', async (_name, c) => {
		const pb = await memberWith(
			c.events.map((e) => ({
				type: e.type,
				points: e.points,
				day: serverDay(Date.parse(e.at)),
				status: (e as { status?: string }).status,
				track: e.lessonTrack
			}))
		);
		expect((await credits(pb, `year=${c.year}`)).credits).toEqual(c.expect);
	});

	it.each(cases.streaks.map((c) => [c.name, c] as const))('连续学习：%s', async (_name, c) => {
		const pb = await memberWith(c.days.map((day) => ({ type: 'daily.answered', points: 1, day })));
		// The cases' days are past: the server counts a streak up to a day, never beyond today.
		expect((await credits(pb, `until=${c.today}`)).streak).toEqual(c.expect);
	});
});

describe('an organisation’s targets', () => {
	it('are its admin’s to set within the rule; members read them with their year', async () => {
		await expect(
			org.as.admin
				.collection('organisations')
				.update(org.org, { targets: { required: 600, elective: 1 } })
		).rejects.toMatchObject({
			status: 400,
			response: { message: '学分目标须为 0–500 的整数（必修、选修各一项）。' }
		});
		await expect(
			org.as.member
				.collection('organisations')
				.update(org.org, { targets: { required: 1, elective: 1 } })
		).rejects.toMatchObject({ status: 404 });
		await org.as.admin
			.collection('organisations')
			.update(org.org, { targets: { required: 30, elective: 10 } });
		const year = await credits(org.as.member, '');
		expect(year).toMatchObject({
			targets: { required: 30, elective: 10 },
			organisation: '测试组织'
		});
	});
});

describe('a branch’s growth records', () => {
	it('its secretary and the organisation’s admin print them; members and other branches may not', async () => {
		const year = Number(serverDay(Date.now()).slice(0, 4));
		await ctx.su.collection('events').create({
			event_id: uuidv7(),
			user: org.ids.other,
			type: 'lesson.completed',
			payload: { lessonId: lessons.required },
			server_day: serverDay(Date.now()),
			status: 'accepted',
			points: 3,
			subject: unique('s'),
			lesson: lessons.required
		});
		const records = (pb: typeof org.as.member, query = '') =>
			pb.send(`/api/gongxue/records?year=${year}${query}`, { method: 'GET' });
		const printed = await records(org.as.secretary);
		expect(printed).toMatchObject({ year, organisation: '测试组织', branch: '第一支部' });
		const other = printed.members.find((x: { id: string }) => x.id === org.ids.other);
		expect(other.record.credits.required).toBe(3);
		expect(other.record.lessons).toEqual([expect.objectContaining({ id: lessons.required })]);
		expect(printed.titles[lessons.required!]).toBe('学分课程');
		expect(printed.members.map((x: { id: string }) => x.id)).not.toContain(org.ids.stranger);
		const byAdmin = await records(org.as.admin, `&branch=${org.branches[1]}`);
		expect(byAdmin.members.map((x: { id: string }) => x.id)).toContain(org.ids.stranger);
		for (const [pb, query] of [
			[org.as.member, ''],
			[org.as.otherSecretary, `&branch=${org.branches[0]}`]
		] as const) {
			await expect(records(pb, query)).rejects.toMatchObject({
				status: 403,
				response: { message: '只有本支部书记或组织管理员可以打印支部的成长档案。' }
			});
		}
	});
});
