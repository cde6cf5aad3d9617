// A window contest ("same-set duel") in Chromium against a real PocketBase: two members play the
// same questions at times of their own choosing, each question timed from when it appeared to
// them; right or wrong and the keys wait until the window closes; then the results show and the
// branch secretary exports them.
import type { Page } from '@playwright/test';
import { download } from './helpers';
import { expect, person, signedIn, test } from './server';

const SECONDS = 5;
const WINDOW_MS = 20_000;

const play = (page: Page) => page.getByRole('region', { name: '竞赛', exact: true });

async function answer(page: Page, right: boolean) {
	await play(page)
		.getByText(right ? 'A. 对' : 'B. 错')
		.click();
	await play(page).getByRole('button', { name: '提交' }).click();
	await expect(play(page).getByRole('status').first()).toContainText(
		'对错和得分在限时赛结束后公布'
	);
}

test('two members play the same set in the window at their own pace; results and the export come when it closes', async ({
	browser,
	backend
}) => {
	test.setTimeout(120_000);
	const [secretary, a, b] = await Promise.all([
		person(browser, backend, 'secretary'),
		person(browser, backend, 'member'),
		person(browser, backend, 'member')
	]);
	// The branch secretary's bank and contest, through the API as the studio form sends them.
	const text = [1, 2]
		.map((n) => `${n}.【单选】限时赛第 ${n} 题（${Date.now()}）\nA. 对\nB. 错\n答案：A\n`)
		.join('\n');
	const api = await signedIn(backend, secretary.email);
	const bank = await api.collection('banks').create({ name: '限时赛题库', text });
	const name = `限时赛 ${Date.now().toString(36)}`;
	const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
	const contest = await api.collection('contests').create({
		name,
		mode: 'window',
		scope: 'branch',
		banks: [bank.id],
		count: 2,
		seconds: SECONDS,
		starts_at: iso(Date.now()),
		ends_at: iso(Date.now() + WINDOW_MS),
		participation_points: 1
	});

	for (const p of [a, b]) {
		await p.page.getByRole('navigation').getByRole('link', { name: '竞赛' }).click();
		await p.page.getByRole('link', { name: new RegExp(name) }).click();
		await expect(play(p.page)).toContainText('从题目出现时开始计时');
	}

	// a plays straight through: no right or wrong, no key, until the window closes.
	await play(a.page).getByRole('button', { name: '开始答题' }).click();
	await expect(play(a.page)).toContainText('第 1 / 2 题');
	await answer(a.page, true);
	await play(a.page).getByRole('button', { name: '下一题' }).click();
	await expect(play(a.page)).toContainText('第 2 / 2 题');
	await answer(a.page, true);
	await expect(play(a.page)).toContainText('你已答完全部题目');
	await expect(play(a.page)).not.toContainText('回答正确');

	// b lets the first question run out, then answers the second wrong.
	await play(b.page).getByRole('button', { name: '开始答题' }).click();
	await expect(play(b.page)).toContainText('剩余');
	await expect(play(b.page)).toContainText('这道题已超时', { timeout: SECONDS * 1000 + 5_000 });
	await play(b.page).getByRole('button', { name: '下一题' }).click();
	await answer(b.page, false);
	await expect(play(b.page)).toContainText('你已答完全部题目');

	// The window closes: both see the results; the board ranks a first.
	for (const p of [a, b]) {
		await expect(p.page.getByRole('region', { name: '竞赛结果' })).toBeVisible({
			timeout: WINDOW_MS + 10_000
		});
	}
	const mine = b.page.getByRole('region', { name: '我的答题' }).getByRole('listitem');
	await expect(mine.first()).toContainText('未作答');
	await expect(mine.nth(1)).toContainText('你的答案：B ✗');
	await expect(mine.nth(1)).toContainText('正确答案：A');
	await expect(
		a.page.getByRole('list', { name: '领奖台' }).getByRole('listitem').first()
	).toContainText(a.name);

	// The secretary opens it and exports every member's answers.
	const s = secretary.page;
	await s.goto(`${backend.url}/contests/${contest.id}`);
	await s.locator('html[data-hydrated]').waitFor();
	await expect(s.getByRole('region', { name: '竞赛结果' })).toBeVisible();
	const csv = await download(s, '导出 CSV');
	expect(csv.name).toBe(`竞赛结果-${name.replace(' ', '_')}.csv`);
	const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n');
	expect(lines[0]).toBe('名次,姓名,支部,总分,答对,作答,用时（秒）,第 1 题,第 2 题');
	expect(lines[1]).toMatch(new RegExp(`^1,${a.name},[^,]+,\\d+,2,2,[\\d.]+,A ✓,A ✓$`));
	expect(lines[2]).toMatch(new RegExp(`^2,${b.name},[^,]+,0,0,1,[\\d.]+,未作答,B ✗$`));
	await Promise.all([secretary.context.close(), a.context.close(), b.context.close()]);
});
