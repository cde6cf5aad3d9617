// A live contest in Chromium against a real PocketBase: three members in their own browsers
// wait in the lobby, answer questions the server reveals and times, see right or wrong and the
// key only once a question closes, and watch the leaderboard update live; one drops off the
// network and rejoins at the current question; the results and the points follow.
import type { Page } from '@playwright/test';
import { expect, makeUser, person, signedIn, test, type Backend } from './server';

const SECONDS = 8;

/** A secretary of the test branch sets up a two-question live contest from their own bank. */
async function setUp(backend: Backend, startsIn: number) {
	const { email } = await makeUser(backend, 'secretary', '竞赛书记');
	const pb = await signedIn(backend, email);
	const text = [1, 2]
		.map(
			(n) =>
				`${n}.【单选】竞赛第 ${n} 题：党的最高领导机关是谁？（${Date.now()}）\nA. 对\nB. 错\n答案：A\n`
		)
		.join('\n');
	const bank = await pb.collection('banks').create({ name: '竞赛题库', text });
	const name = `党建知识竞赛 ${Date.now().toString(36)}`;
	const contest = await pb.collection('contests').create({
		name,
		mode: 'live',
		scope: 'branch',
		banks: [bank.id],
		count: 2,
		seconds: SECONDS,
		starts_at: new Date(Date.now() + startsIn).toISOString().replace('T', ' '),
		participation_points: 1,
		place_points: [5, 3, 1]
	});
	return { id: contest.id as string, name };
}

const play = (page: Page) => page.getByRole('region', { name: '竞赛', exact: true });

async function answer(page: Page, right: boolean) {
	await play(page)
		.getByText(right ? 'A. 对' : 'B. 错')
		.click();
	await play(page).getByRole('button', { name: '提交' }).click();
	await expect(play(page).getByRole('status')).toContainText('已提交');
}

test('three members play a live contest; the board follows live; a member who drops rejoins at the current question', async ({
	browser,
	backend
}) => {
	test.setTimeout(120_000);
	const [a, b, c] = await Promise.all([
		person(browser, backend, 'member', { offline: true }),
		person(browser, backend, 'member'),
		person(browser, backend, 'member')
	]);
	const contest = await setUp(backend, 6_000);
	for (const p of [a, b, c]) {
		await p.page.getByRole('navigation').getByRole('link', { name: '竞赛' }).click();
		await p.page.getByRole('link', { name: new RegExp(contest.name) }).click();
		await expect(play(p.page)).toContainText('等待开赛');
	}

	// The first question: a right, b wrong; c has lost the network.
	await c.context.setOffline(true);
	for (const p of [a, b]) await expect(play(p.page)).toContainText('第 1 / 2 题');
	await expect(play(a.page)).not.toContainText('回答正确');
	await answer(a.page, true);
	await answer(b.page, false);

	// Closed: the key shows, each learns their result, and the board reaches b live.
	await expect(play(a.page)).toContainText('回答正确', { timeout: 15_000 });
	await expect(play(b.page)).toContainText('回答错误');
	await expect(play(b.page)).toContainText('全场 2 人作答，1 人答对');
	const boardOf = (p: Page) => p.getByRole('region', { name: '成员排行' });
	await expect(boardOf(b.page).getByRole('listitem').first()).toContainText(a.name);
	await expect(boardOf(b.page).getByRole('listitem')).toHaveCount(2);

	// c comes back during the second question and joins it where it stands.
	for (const p of [a, b])
		await expect(play(p.page)).toContainText('第 2 / 2 题', { timeout: 15_000 });
	await c.context.setOffline(false);
	await expect(play(c.page)).toContainText('第 2 / 2 题', { timeout: 10_000 });
	for (const p of [a, b, c]) await answer(p.page, true);

	await expect(play(c.page)).toContainText('回答正确', { timeout: 15_000 });
	for (const p of [a, b, c]) {
		await expect(play(p.page)).toContainText('竞赛已结束', { timeout: 15_000 });
		const rows = boardOf(p.page).getByRole('listitem');
		await expect(rows).toHaveCount(3);
		await expect(rows.first()).toContainText(a.name);
	}
	// The results: the podium, each member's answers against the key, and the points, written
	// by the server to the ledger once.
	const podium = a.page.getByRole('list', { name: '领奖台' }).getByRole('listitem');
	await expect(podium.first()).toContainText(`第 1 名 ${a.name}（我）`);
	const mine = c.page.getByRole('region', { name: '我的答题' }).getByRole('listitem');
	await expect(mine).toHaveCount(2);
	await expect(mine.nth(1)).toContainText('你的答案：A ✓');
	await expect(mine.nth(1)).toContainText('正确答案：A');
	await expect(mine.nth(1)).toContainText('3/3 人答对（100%）');
	await expect(a.page.getByRole('button', { name: '导出 CSV' })).toHaveCount(0);
	const ledger = await backend.su.collection('events').getFullList({
		filter: `subject = "${contest.id}"`
	});
	const pointsOf = (user: string) =>
		ledger.filter((e) => e.user === user).reduce((sum, e) => sum + Number(e.points), 0);
	expect([pointsOf(a.id), pointsOf(b.id), pointsOf(c.id)]).toEqual([1 + 5, 1 + 3, 1 + 1]);
	await a.page.getByRole('navigation').getByRole('link', { name: '我的' }).click();
	await a.page.getByRole('button', { name: '立即同步' }).click();
	await expect(a.page.getByRole('region', { name: '积分明细' })).toContainText(
		new RegExp(`竞赛获奖\\s*${contest.name} · 第 1 名`)
	);

	// Nothing of the contest is kept by the service worker: no question, no key, in any cache.
	const cached = await a.page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
		}
		return urls;
	});
	expect(cached.length).toBeGreaterThan(0);
	expect(cached.filter((u) => u.includes('/api/'))).toEqual([]);
	// The server's board: a scored twice, b and c once; nothing written by a device.
	const scores = await backend.su
		.collection('contest_scores')
		.getFullList({ filter: `contest = "${contest.id}"`, sort: '-total' });
	expect(scores.map((s) => [s.user, s.answered])).toEqual(
		expect.arrayContaining([
			[a.id, 2],
			[b.id, 2],
			[c.id, 1]
		])
	);
	expect(scores[0]!.user).toBe(a.id);
	await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
});
