// What the contest tests share: a bank in the studio's format, a live contest made by a branch
// secretary, and the contest routes as a member's device calls them.
import type PocketBase from 'pocketbase';
import { makeOrg, startServer, unique, type Ctx, type Org } from './harness';

/** A bank of `n` single-choice questions, every key `A`. */
export const bankText = (n: number) =>
	Array.from(
		{ length: n },
		(_, i) => `${i + 1}.【单选】竞赛第 ${i + 1} 题（${unique('')}）\nA. 对\nB. 错\n答案：A\n`
	).join('\n');

export const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ');

/** A live contest of the secretary's branch whose first question opened `ago` ms before now
 * (negative: opens in `-ago` ms). */
export async function liveContest(
	secretary: PocketBase,
	bankId: string,
	ago: number,
	seconds = 30,
	count = 3
) {
	const start = Date.now() - ago;
	return secretary.collection('contests').create({
		name: unique('竞赛'),
		mode: 'live',
		scope: 'branch',
		banks: [bankId],
		count,
		seconds,
		// Created a moment before its start: the server allows a minute's slack.
		starts_at: iso(Math.max(start, Date.now() - 50_000))
	});
}

export const play = (pb: PocketBase, id: string) =>
	pb.send(`/api/gongxue/contests/${id}/play`, { method: 'GET' });
export const next = (pb: PocketBase, id: string, position: number) =>
	pb.send(`/api/gongxue/contests/${id}/next`, { method: 'POST', body: { position } });
export const results = (pb: PocketBase, id: string) =>
	pb.send(`/api/gongxue/contests/${id}/results`, { method: 'GET' });
export const clock = (pb: PocketBase, id: string, position: number) =>
	pb.send(`/api/gongxue/contests/${id}/clock`, { method: 'POST', body: { position } });
export const answer = (pb: PocketBase, id: string, position: number, given: string[]) =>
	pb.send(`/api/gongxue/contests/${id}/answer`, {
		method: 'POST',
		body: { position, answer: given }
	});

/** A server with one organisation and a bank of ten questions of branch 0's secretary, the
 * contests' source (`stranger` is a member of branch 1). */
export async function contestOrg(): Promise<{ ctx: Ctx; a: Org; bankId: string }> {
	const ctx = await startServer();
	const a = await makeOrg(ctx);
	const bank = await a.as.secretary
		.collection('banks')
		.create({ name: '竞赛题库', text: bankText(10) });
	return { ctx, a, bankId: bank.id };
}
