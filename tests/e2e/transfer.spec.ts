// 组织关系转接 in Chromium against the real server: a branch secretary asks to move by the new
// branch's join code (a wrong code is explained, and offline the page says it needs the network),
// the new branch's secretary accepts in the studio, and the mover is then a plain member of the
// new branch (their device follows: the studio's leader tabs go), with their points along and the
// move in their growth record; the new branch's report counts only what happened after the move.
// A rejection: the branch being left sees the request, the new one must give a reason, which the
// member reads; the member asks again and withdraws.
import type { Browser } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { builtIndex, open, signalOffline } from './helpers';
import { expect, PASSWORD, person, signedIn, test, type Backend } from './server';

/** A branch of the test organisation with its own join code and a secretary, signed in on a
 * page of their own. */
async function newBranch(browser: Browser, backend: Backend, worker: number) {
	const home = await backend.su
		.collection('branches')
		.getFirstListItem(backend.su.filter('join_code = {:c}', { c: backend.joinCode }));
	const joinCode = `NEW${worker}${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
	const branch = await backend.su
		.collection('branches')
		.create({ name: '新支部', organisation: home.organisation, join_code: joinCode });
	const email = `new-secretary-${Date.now().toString(36)}@e2e.gongxue.test`;
	await backend.su.collection('users').create({
		email,
		password: PASSWORD,
		passwordConfirm: PASSWORD,
		name: '新支部书记',
		branch: branch.id,
		role: 'secretary'
	});
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await open(page, `${backend.url}/login`);
	await page.getByLabel('邮箱').fill(email);
	await page.getByLabel('密码').fill(PASSWORD);
	await page.getByRole('button', { name: '登录', exact: true }).click();
	await page.waitForURL('**/me');
	return { id: branch.id, joinCode, email, page };
}

test('a secretary moves to another branch: requested by join code, accepted by its secretary, history along', async ({
	browser,
	backend
}, testInfo) => {
	const target = await newBranch(browser, backend, testInfo.workerIndex);
	const member = await person(browser, backend, 'secretary');
	// Before the move: a lesson studied (its points) in the old branch.
	const lesson = builtIndex().lessons[0]!;
	const api = await signedIn(backend, member.email);
	const before = await api.collection('events').create({
		event_id: uuidv7(),
		type: 'lesson.completed',
		payload: { lessonId: lesson.id, hash: 'h', seconds: 900, readRatio: 1 }
	});
	expect(before.points).toBeGreaterThan(0);

	const page = member.page;
	await open(page, `${backend.url}/studio`);
	await expect(page.getByRole('link', { name: '支部概况' })).toBeVisible();
	await open(page, `${backend.url}/me`);
	await page.getByRole('link', { name: /组织关系转接/ }).click();
	await page.waitForURL('**/me/transfer');
	const form = page.getByRole('region', { name: '申请转接' });
	const mine = page.getByRole('region', { name: '我的转接申请' });
	await expect(mine).toContainText('还没有转接申请。');

	// A wrong code is explained in Chinese, and nothing is sent.
	await form.getByLabel('新支部加入码').fill('WRONG123');
	await form.getByRole('button', { name: '提交申请' }).click();
	await expect(form.getByRole('alert')).toHaveText('加入码无效：请向新支部的书记确认加入码。');

	// Offline the page says it needs the network, and the button waits for it.
	await signalOffline(member.context);
	await expect(form.getByRole('status')).toHaveText(
		'提交和撤回转接申请需要联网。当前离线，联网后再试。'
	);
	await expect(form.getByRole('button', { name: '提交申请' })).toBeDisabled();
	await member.context.setOffline(false);
	await expect(form.getByRole('button', { name: '提交申请' })).toBeEnabled();

	await form.getByLabel('新支部加入码').fill(target.joinCode.toLowerCase());
	await form.getByLabel('留言（选填）').fill('工作调动，下月起在新支部参加组织生活');
	await form.getByRole('button', { name: '提交申请' }).click();
	await expect(form.getByRole('status')).toHaveText('已提交，等待新支部书记处理。');
	await expect(form).toContainText('你有一份待处理的申请');
	const item = mine.getByRole('listitem');
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('测试支部 → 新支部');
	await expect(item).toContainText('待新支部处理');

	// The new branch's secretary accepts it in the studio.
	const studio = target.page;
	await open(studio, `${backend.url}/studio`);
	await studio.getByRole('link', { name: '转接审批' }).click();
	const queue = studio.getByRole('region', { name: '待处理的转入申请' });
	const request = queue.getByRole('listitem', { name: `${member.name}（来自测试支部）` });
	await expect(request).toContainText('留言：工作调动，下月起在新支部参加组织生活');
	await request.getByRole('button', { name: '同意转入' }).click();
	await expect(queue.getByRole('status')).toHaveText(`已同意 ${member.name} 转入本支部。`);
	await expect(request).toHaveCount(0);
	await expect(queue).toContainText('没有待处理的转入申请。');

	// The member is in the new branch, a plain member.
	const user = await backend.su.collection('users').getOne(member.id);
	expect(user).toMatchObject({ branch: target.id, role: 'member' });
	await open(page, `${backend.url}/me/transfer`);
	await expect(item).toContainText('已转入');
	await expect(item).toContainText('你已转入新支部。');
	await expect(form).not.toContainText('你有一份待处理的申请');
	// The device reads the account again once the move reaches its ledger: no longer a leader.
	await open(page, `${backend.url}/studio`);
	const tabs = page.getByRole('navigation', { name: '工作室' });
	await expect(tabs.getByRole('link', { name: '课程', exact: true })).toBeVisible();
	await expect(tabs.getByRole('link', { name: '支部概况' })).toHaveCount(0);

	// Their points came along; the new branch's report counts only what happened since.
	const leader = await signedIn(backend, target.email);
	const report = await leader.send<{ members: { id: string; pointsAll: number }[] }>(
		'/api/gongxue/report',
		{}
	);
	expect(report.members.find((m) => m.id === member.id)?.pointsAll).toBe(0);
	const totals = await backend.su.collection('point_totals').getFullList({
		filter: backend.su.filter('user = {:u} && period = "all"', { u: member.id })
	});
	expect(totals.map((t) => [t.points, t.branch])).toEqual([[before.points, target.id]]);

	// The growth record (the ledger the device pulls) lists the move.
	await open(page, `${backend.url}/me/record`);
	const moves = page
		.locator('section')
		.filter({ has: page.getByRole('heading', { name: '组织关系' }) });
	await expect(moves.getByRole('listitem')).toHaveCount(1);
	await expect(moves.getByRole('listitem')).toContainText('测试支部 → 新支部');
});

test('a rejected request: the old branch sees it, the new one must give a reason, the member reads it, asks again and withdraws', async ({
	browser,
	backend
}, testInfo) => {
	const target = await newBranch(browser, backend, testInfo.workerIndex);
	const member = await person(browser, backend, 'member');
	const page = member.page;
	await open(page, `${backend.url}/me/transfer`);
	const form = page.getByRole('region', { name: '申请转接' });
	// Nothing to send without a code.
	await form.getByRole('button', { name: '提交申请' }).click();
	await expect(form.getByRole('alert')).toHaveText('请填写新支部的加入码。');
	await form.getByLabel('新支部加入码').fill(target.joinCode);
	await form.getByRole('button', { name: '提交申请' }).click();
	await expect(form.getByRole('status')).toHaveText('已提交，等待新支部书记处理。');

	// The branch the member leaves sees who asks to go, and where; it does not decide.
	const old = await person(browser, backend, 'secretary');
	await open(old.page, `${backend.url}/studio/transfers`);
	const leaving = old.page
		.getByRole('region', { name: '本支部转出的申请' })
		.getByRole('listitem')
		.filter({ hasText: member.name });
	await expect(leaving).toContainText(`${member.name} → 新支部`);
	await expect(leaving).toContainText('待新支部处理');
	await expect(old.page.getByRole('region', { name: '待处理的转入申请' })).toContainText(
		'没有待处理的转入申请。'
	);

	const studio = target.page;
	await open(studio, `${backend.url}/studio/transfers`);
	const queue = studio.getByRole('region', { name: '待处理的转入申请' });
	const request = queue.getByRole('listitem', { name: `${member.name}（来自测试支部）` });
	await request.getByRole('button', { name: '不同意', exact: true }).click();
	await request.getByRole('button', { name: '确认不同意' }).click();
	await expect(queue.getByRole('alert')).toHaveText('请写明不同意的原因。');
	await request.getByLabel('不同意的原因（申请人会看到）').fill('请先与原支部办理介绍信');
	await request.getByRole('button', { name: '确认不同意' }).click();
	await expect(queue.getByRole('status')).toHaveText(`已回复 ${member.name}：不同意转入。`);
	await expect(queue.getByRole('listitem').filter({ hasText: '未同意' })).toContainText(
		'请先与原支部办理介绍信'
	);

	await open(page, `${backend.url}/me/transfer`);
	const item = page.getByRole('region', { name: '我的转接申请' }).getByRole('listitem');
	await expect(item).toContainText('未同意');
	await expect(item).toContainText('原因：请先与原支部办理介绍信');
	// The member stays where they were, and may ask again, and withdraw that request.
	const user = await backend.su.collection('users').getOne(member.id);
	expect(user.branch).not.toBe(target.id);
	await form.getByLabel('新支部加入码').fill(target.joinCode);
	await form.getByRole('button', { name: '提交申请' }).click();
	await expect(form.getByRole('status')).toHaveText('已提交，等待新支部书记处理。');
	const again = page.getByRole('region', { name: '我的转接申请' }).getByRole('listitem').first();
	await expect(again).toContainText('待新支部处理');
	page.once('dialog', (d) => void d.accept());
	await again.getByRole('button', { name: '撤回申请' }).click();
	await expect(form.getByRole('status')).toHaveText('已撤回申请。');
	await expect(again).toContainText('已撤回');
	await open(studio, `${backend.url}/studio/transfers`);
	await expect(queue).toContainText('没有待处理的转入申请。');
});
