// Practice on a real PocketBase: 每日答题 answers are graded by the server's own copy of the
// built-in banks, only for the member's set of the day (drawn as every device draws it), once
// per question and day, within the day's cap; 挑战答题 runs earn a point per right answer before
// the first mistake, once per run, within their cap. The client sets none of it.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules, serverDay } from '../../src/lib/credits/engine';
import { dailySet } from '../../src/lib/quiz/daily';
import { makeOrg, startServer, unique, type Ctx, type Org } from './harness';

let ctx: Ctx;
let org: Org;
/** The built-in bank's questions: ids, every key `A`. */
let ids: string[];

const question = (id: string, n: number) => ({
	id,
	number: n,
	type: 'single',
	stem: `第 ${n} 题`,
	explanation: '',
	line: n,
	options: [
		{ key: 'A', text: '甲' },
		{ key: 'B', text: '乙' }
	],
	answer: 'A'
});

beforeAll(async () => {
	ctx = await startServer();
	org = await makeOrg(ctx);
	ids = Array.from({ length: 12 }, (_, i) => `qpractice${String(i).padStart(3, '0')}`);
	await ctx.su.collection('banks').create({
		bank_id: unique('bank-'),
		name: '内置练习题库',
		source: 'builtin',
		questions: ids.map(question),
		count: ids.length
	});
}, 60_000);
afterAll(() => ctx?.close());

const today = () => serverDay(Date.now());
const daily = (questionId: string, answer = 'A', day = today(), banks?: string[]) => ({
	event_id: uuidv7(),
	type: 'daily.answered',
	device: 'test-device',
	client_at: Date.now(),
	payload: { day, questionId, answer: [answer], ...(banks ? { banks } : {}) }
});
const challenge = (run: string, answers: string[]) => ({
	event_id: uuidv7(),
	type: 'challenge.completed',
	device: 'test-device',
	client_at: Date.now(),
	payload: { run, answers: answers.map((answer, i) => ({ questionId: ids[i], answer: [answer] })) }
});

async function push(who: keyof Org['as'], bodies: Record<string, unknown>[]) {
	const batch = org.as[who].createBatch();
	for (const b of bodies) batch.collection('events').create(b);
	const results = await batch.send();
	return results.map((r) => r.body as { status: string; points: number; reason: string });
}

describe('每日答题 on the server', () => {
	it('credits the day’s five right answers up to the cap; a question not in the set earns nothing', async () => {
		const set = dailySet(org.ids.member, today(), ids);
		const outside = ids.find((id) => !set.includes(id))!;
		const results = await push('member', [...set.map((id) => daily(id)), daily(outside)]);
		expect(results.slice(0, 5).map((r) => r.points)).toEqual(
			Array(5).fill(rules.activities['daily.answered'].points)
		);
		expect(results[5]).toMatchObject({ status: 'accepted', points: 0, reason: 'not-in-daily-set' });
		// Answering the day's question again, from another device, earns nothing more.
		const [again] = await push('member', [daily(set[0]!)]);
		expect(again).toMatchObject({ points: 0, reason: 'already-credited' });
	});

	it('grades by the server’s key, and knows only the server’s questions and days', async () => {
		const set = dailySet(org.ids.other, today(), ids);
		const [wrong, unknown, future] = await push('other', [
			daily(set[0]!, 'B'),
			daily('q000000000000'),
			daily(set[1]!, 'A', '2999-01-01')
		]);
		expect(wrong).toMatchObject({ status: 'accepted', points: 0, reason: 'wrong-answer' });
		expect(unknown).toMatchObject({ status: 'rejected', points: 0, reason: 'unknown-question' });
		expect(future).toMatchObject({ points: 0, reason: 'not-in-daily-set' });
	});

	it('an answer given offline yesterday counts for yesterday’s set', async () => {
		const yesterday = serverDay(Date.now() - 86_400_000);
		const set = dailySet(org.ids.stranger, yesterday, ids);
		const [r] = await push('stranger', [daily(set[2]!, 'A', yesterday)]);
		expect(r).toMatchObject({ status: 'accepted', points: 1, reason: '' });
	});
});

describe('挑战答题 on the server', () => {
	it('earns a point per right answer before the first mistake, once per run, within the day’s cap', async () => {
		const cap = rules.activities['challenge.completed'].dailyCap;
		const run = unique('run-');
		const [first] = await push('secretary', [challenge(run, ['A', 'A', 'A', 'A', 'B', 'A'])]);
		expect(first).toMatchObject({ status: 'accepted', points: 4, reason: '' });
		const [replayed] = await push('secretary', [challenge(run, ['A', 'A', 'A', 'A', 'A'])]);
		expect(replayed).toMatchObject({ points: 0, reason: 'already-credited' });
		const [capped] = await push('secretary', [challenge(unique('run-'), Array(8).fill('A'))]);
		expect(capped).toMatchObject({ points: cap - 4, reason: 'daily-cap' });
		const [none] = await push('otherSecretary', [challenge(unique('run-'), ['B', 'A'])]);
		expect(none).toMatchObject({ points: 0, reason: 'wrong-answer' });
	});

	it('points and the user are the server’s, whatever the device sends', async () => {
		const body = { ...challenge(unique('run-'), ['A']), points: 99, user: org.ids.other };
		const [r] = await push('admin', [body]);
		expect(r).toMatchObject({ points: 1 });
		const stored = await ctx.su
			.collection('events')
			.getFirstListItem(`event_id = "${body.event_id}"`);
		expect(stored.user).toBe(org.ids.admin);
		expect(stored.points).toBe(1);
	});
});

describe('the server’s copy of the banks', () => {
	it('grades by the bank as it is now: a changed key takes effect at once', async () => {
		const bank = await ctx.su.collection('banks').getFirstListItem('source = "builtin"');
		const changed = ids.map((id, i) => ({ ...question(id, i + 1), answer: 'B' }));
		await ctx.su.collection('banks').update(bank.id, { questions: changed });
		try {
			const set = dailySet(org.ids.admin, today(), ids);
			const [r] = await push('admin', [daily(set[0]!, 'B')]);
			expect(r).toMatchObject({ points: 1, reason: '' });
		} finally {
			await ctx.su.collection('banks').update(bank.id, { questions: ids.map(question) });
		}
	});
});

describe('a leader’s 练习题库', () => {
	const bankText = (n: number) =>
		Array.from(
			{ length: n },
			(_, i) => `${i + 1}.【单选】练习第 ${i + 1} 题（${unique('')}）\nA. 对\nB. 错\n答案：A\n`
		).join('\n');

	it('reaches the branch’s devices, joins the daily pool from the next day, and stays out of contests', async () => {
		const fresh = await makeOrg(ctx);
		const bank = await fresh.as.secretary
			.collection('banks')
			.create({ name: '支部练习题库', text: bankText(30), practice: true });
		expect(bank).toMatchObject({
			practice_scope: 'branch',
			practice_from: serverDay(Date.now() + 86_400_000)
		});
		const contestBank = await fresh.as.secretary
			.collection('banks')
			.create({ name: '竞赛题库', text: bankText(3) });
		expect(contestBank.practice_from).toBe('');

		// The branch's members read it, keys included; another branch does not, nor a contest bank.
		const seen = async (who: keyof Org['as']) =>
			(await fresh.as[who].collection('banks').getFullList()).map((b) => b.id);
		expect(await seen('member')).toEqual([bank.id]);
		expect(await seen('stranger')).toEqual([]);
		const [pulled] = await fresh.as.member.collection('banks').getFullList();
		expect(pulled!.questions[0].answer).toBe('A');

		// Fixed once published: its questions are in members' sets.
		await expect(
			fresh.as.secretary.collection('banks').update(bank.id, { text: bankText(2) })
		).rejects.toMatchObject({
			status: 400,
			response: { message: '练习题库已发布给成员，题目不能再修改；请另存为新题库。' }
		});
		await expect(
			fresh.as.secretary.collection('contests').create({
				name: '竞赛',
				mode: 'live',
				scope: 'branch',
				banks: [bank.id],
				count: 3,
				seconds: 20,
				starts_at: new Date(Date.now() + 60_000).toISOString().replace('T', ' ')
			})
		).rejects.toMatchObject({
			status: 400,
			response: { message: '“支部练习题库”是练习题库，题目和答案已在成员手机上，不能用于竞赛。' }
		});

		// From its first day, a set drawn from the built-in and the branch's banks (as the device
		// says it drew it) is graded from the same pool.
		await ctx.su.collection('banks').update(bank.id, { practice_from: today() });
		const own = new Set<string>(pulled!.questions.map((q: { id: string }) => q.id));
		const pool = [...ids, ...own];
		const who = (['member', 'other', 'secretary', 'admin'] as const).find((w) =>
			dailySet(fresh.ids[w], today(), pool).some((id) => own.has(id))
		)!;
		const set = dailySet(fresh.ids[who], today(), pool);
		const batch = fresh.as[who].createBatch();
		for (const id of set) {
			batch.collection('events').create(daily(id, 'A', today(), [bank.id]));
		}
		const results = (await batch.send()).map((r) => r.body as { points: number; reason: string });
		expect(results.map((r) => r.points)).toEqual(Array(5).fill(1));
		// A set said to be drawn from the built-in banks alone does not hold the branch's questions;
		// another branch's member cannot name the bank to reach them.
		const mine = [...own][0]!;
		const refusedBatch = fresh.as.member.createBatch();
		refusedBatch.collection('events').create(daily(mine, 'A', today()));
		const [alone] = (await refusedBatch.send()).map((r) => r.body as { reason: string });
		expect(alone!.reason).toBe('unknown-question');
		const strangers = fresh.as.stranger.createBatch();
		strangers.collection('events').create(daily(mine, 'A', today(), [bank.id]));
		const [named] = (await strangers.send()).map((r) => r.body as { reason: string });
		expect(named!.reason).toBe('unknown-question');
		// The other branch's member draws from the built-in banks alone.
		const theirs = dailySet(fresh.ids.stranger, today(), ids);
		const [r] = await (async () => {
			const b = fresh.as.stranger.createBatch();
			b.collection('events').create(daily(theirs[0]!));
			return (await b.send()).map((x) => x.body as { points: number });
		})();
		expect(r!.points).toBe(1);
	});
});
