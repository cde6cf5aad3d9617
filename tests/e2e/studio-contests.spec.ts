// 创建竞赛 in the studio, in Chromium against a real PocketBase: a secretary sets up a live
// contest and a 限时赛 with points for their branch, the device checks the form before anything
// is sent (and keeps what was typed when the server refuses or the network is gone), and an
// organisation's admin holds a contest for the branches they choose.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, PASSWORD, person, signedIn, test, type Backend } from './server';

const rules = JSON.parse(readFileSync('src/lib/credits/rules.json', 'utf8')) as {
	contests: { maxPoints: number; places: number };
};

/** A datetime-local field's value for `ms` in the tests' time zone (Asia/Shanghai, UTC+8). */
const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
/** The instant a datetime-local value stands for there. */
const instant = (value: string) => Date.parse(`${value}:00+08:00`);
const HOUR = 3_600_000;
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/** A bank of the leader's own, saved through the API as the import page saves it. */
async function bankOf(backend: Backend, email: string, questions = 1): Promise<string> {
	const pb = await signedIn(backend, email);
	const text = Array.from(
		{ length: questions },
		(_, i) =>
			`${i + 1}.【单选】党章规定党的最高领导机关是（ ）。（${i}）\nA. 党的全国代表大会和它所产生的中央委员会\nB. 中央政治局\n答案：A\n`
	).join('\n');
	const name = unique('支部题库');
	await pb.collection('banks').create({ name, text });
	return name;
}

async function openStudio(page: Page, backend: Backend) {
	await page.goto(`${backend.url}/studio/contests`);
	await page.locator('html[data-hydrated]').waitFor();
	return page.getByRole('region', { name: '创建竞赛' });
}

/** A branch of the test organisation, made by the superuser. */
async function newBranch(backend: Backend, name: string): Promise<string> {
	const home = await backend.su
		.collection('branches')
		.getFirstListItem(backend.su.filter('join_code = {:c}', { c: backend.joinCode }));
	const branch = await backend.su
		.collection('branches')
		.create({ name, organisation: home.organisation });
	return branch.id;
}

let people = 0;

/** A member of `branch`, made by the superuser and signed in on a page of their own. */
async function memberOf(browser: Browser, backend: Backend, branch: string) {
	const email = `c${Date.now().toString(36)}${people++}@e2e.gongxue.test`;
	await backend.su.collection('users').create({
		email,
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name: '支部党员',
		branch,
		role: 'member'
	});
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(`${backend.url}/login`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('邮箱').fill(email);
	await page.getByLabel('密码').fill(PASSWORD);
	await page.getByRole('button', { name: '登录', exact: true }).click();
	await page.waitForURL('**/me');
	return { page, context };
}

const play = (page: Page) => page.getByRole('region', { name: '竞赛' });

test('a secretary sets up a contest in the studio from their bank; the branch sees it waiting', async ({
	browser,
	backend
}) => {
	const secretary = await person(browser, backend, 'secretary');
	const bankName = await bankOf(backend, secretary.email);

	const form = await openStudio(secretary.page, backend);
	const name = unique('七一知识竞赛');
	await form.getByRole('button', { name: '创建竞赛' }).click();
	const alert = form.getByRole('alert');
	await expect(alert).toContainText('请先修改以下内容：');
	for (const problem of ['请填写竞赛名称。', '请选择开赛时间。', '请至少选择一个题库。']) {
		await expect(alert.getByRole('listitem').filter({ hasText: problem })).toHaveCount(1);
	}
	await expect(form.getByLabel('竞赛名称')).toHaveAttribute('aria-invalid', 'true');
	await form.getByLabel('竞赛名称').fill(name);
	await form.getByLabel(new RegExp(bankName)).check();
	await form.getByLabel('题目数量').fill('1');
	// A live contest by default: one start, no end.
	await expect(form.getByRole('radio', { name: /^直播赛/ })).toBeChecked();
	await expect(form.getByLabel('开放结束时间')).toHaveCount(0);
	await form.getByLabel('开赛时间').fill(local(Date.now() + HOUR));
	await form.getByRole('button', { name: '创建竞赛' }).click();
	await expect(form.getByRole('status')).toContainText(`已创建“${name}”`);
	await expect(form.getByRole('alert')).toHaveCount(0);

	const member = await person(browser, backend, 'member');
	await member.page.getByRole('navigation').getByRole('link', { name: '竞赛' }).click();
	const entry = member.page.getByRole('listitem').filter({ hasText: name });
	await expect(entry).toContainText('未开始');
	await entry.getByRole('link').click();
	await expect(play(member.page)).toContainText('等待开赛');
	await expect(play(member.page).getByRole('timer')).toContainText('距开赛');
	await Promise.all([secretary.context.close(), member.context.close()]);
});

test('a secretary sets up a 限时赛 with points; the server keeps its window and points', async ({
	browser,
	backend
}) => {
	const secretary = await person(browser, backend, 'secretary');
	const bankName = await bankOf(backend, secretary.email, 2);
	const form = await openStudio(secretary.page, backend);
	const name = unique('限时知识竞赛');
	await form.getByLabel('竞赛名称').fill(name);
	await form.getByRole('radio', { name: /^限时赛/ }).check();
	const start = local(Date.now() + HOUR);
	const end = local(Date.now() + 3 * 24 * HOUR);
	await form.getByLabel('开放开始时间').fill(start);
	await form.getByLabel('开放结束时间').fill(end);
	await form.getByLabel(new RegExp(bankName)).check();
	await form.getByLabel('题目数量').fill('2');
	await form.getByLabel('每题限时（秒）').fill('30');
	await expect(form.getByRole('group', { name: '积分' })).toContainText(
		`每项 0–${rules.contests.maxPoints} 分`
	);
	await form.getByLabel(/^参与积分/).fill('2');
	const places = ['5', '3', '1'].slice(0, rules.contests.places);
	for (const [i, points] of places.entries()) {
		await form.getByLabel(`第 ${i + 1} 名`).fill(points);
	}
	await form.getByRole('button', { name: '创建竞赛' }).click();
	await expect(form.getByRole('status')).toContainText(`已创建“${name}”`);
	await expect(form.getByRole('status')).toContainText('开放后即可作答');
	// The name is cleared for the next contest; the rest stays as it was.
	await expect(form.getByLabel('竞赛名称')).toHaveValue('');
	await expect(form.getByLabel('开放结束时间')).toHaveValue(end);

	const saved = await backend.su
		.collection('contests')
		.getFirstListItem(backend.su.filter('name = {:name}', { name }));
	const home = await backend.su.collection('users').getOne(secretary.id);
	expect(saved).toMatchObject({
		mode: 'window',
		scope: 'branch',
		branches: [home.branch],
		count: 2,
		seconds: 30,
		participation_points: 2,
		place_points: places.map(Number)
	});
	expect(Date.parse(saved.starts_at.replace(' ', 'T'))).toBe(instant(start));
	expect(Date.parse(saved.ends_at.replace(' ', 'T'))).toBe(instant(end));
	await secretary.context.close();
});

test('the form is checked on the device before sending; a refusal or no network keeps what was typed', async ({
	browser,
	backend
}) => {
	const secretary = await person(browser, backend, 'secretary');
	const bankName = await bankOf(backend, secretary.email, 1);
	const s = secretary.page;
	const form = await openStudio(s, backend);
	const sent: string[] = [];
	s.on('request', (r) => {
		if (r.method() === 'POST' && r.url().includes('/api/collections/contests/')) sent.push(r.url());
	});

	const name = unique('检查竞赛');
	await form.getByLabel('竞赛名称').fill(name);
	await form.getByRole('radio', { name: /^限时赛/ }).check();
	const start = local(Date.now() + 2 * HOUR);
	await form.getByLabel('开放开始时间').fill(start);
	await form.getByLabel('开放结束时间').fill(local(Date.now() + HOUR));
	await form.getByLabel(new RegExp(bankName)).check();
	await form.getByLabel(/^参与积分/).fill(String(rules.contests.maxPoints + 1));
	await form.getByRole('button', { name: '创建竞赛' }).click();
	const alert = form.getByRole('alert');
	await expect(alert).toContainText('限时赛的结束时间要晚于开始时间。');
	await expect(alert).toContainText(`参与积分和名次积分为 0–${rules.contests.maxPoints} 的整数。`);
	await expect(form.getByLabel('开放结束时间')).toHaveAttribute('aria-invalid', 'true');
	await expect(form.getByLabel(/^参与积分/)).toHaveAttribute('aria-invalid', 'true');
	await expect(form.getByRole('status')).toHaveCount(0);
	expect(sent).toEqual([]);

	// Fixed on the device; the server refuses what only it can check, in its own words.
	const end = local(Date.now() + 5 * HOUR);
	await form.getByLabel('开放结束时间').fill(end);
	await form.getByLabel(/^参与积分/).fill('1');
	await form.getByLabel('题目数量').fill('3');
	await form.getByRole('button', { name: '创建竞赛' }).click();
	await expect(alert).toHaveText('所选题库只有 1 道题，不够 3 道。');
	await expect(form.getByLabel('竞赛名称')).toHaveValue(name);
	await expect(form.getByLabel('开放结束时间')).toHaveValue(end);
	expect(sent).toHaveLength(1);

	// No network: nothing created, and everything still there to send again.
	await form.getByLabel('题目数量').fill('1');
	await secretary.context.setOffline(true);
	await form.getByRole('button', { name: '创建竞赛' }).click();
	await expect(alert).toHaveText('没有网络，竞赛没有创建。请联网后再试，填写的内容还在。');
	await expect(form.getByLabel('竞赛名称')).toHaveValue(name);
	await expect(form.getByRole('radio', { name: /^限时赛/ })).toBeChecked();
	await expect(form.getByLabel(new RegExp(bankName))).toBeChecked();
	await secretary.context.setOffline(false);
	await form.getByRole('button', { name: '创建竞赛' }).click();
	await expect(form.getByRole('status')).toContainText(`已创建“${name}”`);
	const saved = await backend.su
		.collection('contests')
		.getFullList({ filter: backend.su.filter('name = {:name}', { name }) });
	expect(saved.map((c) => [c.mode, c.participation_points])).toEqual([['window', 1]]);
	await secretary.context.close();
});

test('an admin holds a contest for two chosen branches; a third branch does not see it', async ({
	browser,
	backend
}) => {
	test.setTimeout(90_000);
	const tag = Date.now().toString(36);
	const first = await newBranch(backend, `第一支部 ${tag}`);
	const second = await newBranch(backend, `第二支部 ${tag}`);
	const third = await newBranch(backend, `第三支部 ${tag}`);
	const admin = await person(browser, backend, 'admin');
	const bankName = await bankOf(backend, admin.email, 2);
	// The third branch's own contest: its members' list has loaded once this shows.
	const pb = await signedIn(backend, admin.email);
	const bank = await pb
		.collection('banks')
		.getFirstListItem(pb.filter('name = {:name}', { name: bankName }));
	const theirs = unique('第三支部竞赛');
	await pb.collection('contests').create({
		name: theirs,
		mode: 'live',
		scope: 'branch',
		branches: [third],
		banks: [bank.id],
		count: 1,
		seconds: 20,
		starts_at: new Date(Date.now() + HOUR).toISOString().replace('T', ' ')
	});

	const form = await openStudio(admin.page, backend);
	const name = unique('两支部联赛');
	await form.getByLabel('竞赛名称').fill(name);
	await form.getByLabel('开赛时间').fill(local(Date.now() + HOUR));
	await form.getByLabel(new RegExp(bankName)).check();
	await form.getByLabel('题目数量').fill('2');
	const scope = form.getByRole('group', { name: '参赛范围' });
	await scope.getByRole('radio', { name: '选定的支部' }).check();
	await form.getByRole('button', { name: '创建竞赛' }).click();
	await expect(form.getByRole('alert')).toHaveText('请至少选择一个参赛支部。');
	const chosen = scope.getByRole('group', { name: '参赛支部' });
	await chosen.getByLabel(`第一支部 ${tag}`).check();
	await chosen.getByLabel(`第二支部 ${tag}`).check();
	await form.getByRole('button', { name: '创建竞赛' }).click();
	await expect(form.getByRole('status')).toContainText(`已创建“${name}”`);

	const saved = await backend.su
		.collection('contests')
		.getFirstListItem(backend.su.filter('name = {:name}', { name }));
	expect(saved.scope).toBe('branches');
	expect([...saved.branches].sort()).toEqual([first, second].sort());

	const [a, c] = await Promise.all([
		memberOf(browser, backend, second),
		memberOf(browser, backend, third)
	]);
	for (const p of [a, c]) {
		await p.page.getByRole('navigation').getByRole('link', { name: '竞赛' }).click();
	}
	await expect(a.page.getByRole('listitem').filter({ hasText: name })).toContainText('未开始');
	await expect(c.page.getByRole('listitem').filter({ hasText: theirs })).toBeVisible();
	await expect(c.page.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
	await Promise.all([admin.context.close(), a.context.close(), c.context.close()]);
});
