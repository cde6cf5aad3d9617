// The branch's join code in the studio, in Chromium against a real PocketBase serving the built
// app: the secretary sees and copies it and, after confirming, resets it; a newcomer who
// registers with the old code is refused, with the new one gets in. An admin picks the branch.
import type { Browser } from '@playwright/test';
import { expect, PASSWORD, person, test, type Backend } from './server';

/** The codes the server makes: eight of its unambiguous letters and digits. */
const SERVER_CODE = /^[A-HJ-NP-Z2-9]{8}$/;
let newcomers = 0;

/** A newcomer registers through the app's own form with `code`, on a device of their own. */
async function registerWith(browser: Browser, backend: Backend, code: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const email = `j${Date.now().toString(36)}${newcomers++}@e2e.gongxue.test`;
	await page.goto(`${backend.url}/login`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('tab', { name: '注册' }).click();
	await page.getByLabel('支部加入码').fill(code);
	await page.getByLabel('姓名').fill('新党员');
	await page.getByLabel('邮箱').fill(email);
	await page.getByLabel('密码').fill(PASSWORD);
	await page.getByRole('button', { name: '注册并登录' }).click();
	return { page, context, email };
}

/** The worker's test branch, as the superuser reads it. */
const testBranch = (backend: Backend) =>
	backend.su
		.collection('branches')
		.getFirstListItem(backend.su.filter('join_code = {:c}', { c: backend.joinCode }));

test('a secretary sees, copies and resets the join code; the old code then lets nobody in, the new one does', async ({
	browser,
	backend
}) => {
	const secretary = await person(browser, backend, 'secretary', { offline: true });
	const branch = await testBranch(backend);
	const s = secretary.page;
	await secretary.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
		origin: backend.url
	});
	await s.goto(`${backend.url}/studio`);
	await s.locator('html[data-hydrated]').waitFor();
	await s.getByRole('link', { name: '支部加入码' }).click();
	const card = s.getByRole('region', { name: '测试支部的加入码' });
	await expect(card.getByText(backend.joinCode, { exact: true })).toBeVisible();

	await card.getByRole('button', { name: '复制' }).click();
	await expect(card.getByRole('button', { name: '已复制' })).toBeVisible();
	await expect.poll(() => s.evaluate(() => navigator.clipboard.readText())).toBe(backend.joinCode);

	// The reset asks first, saying what it does; cancelling changes nothing.
	await card.getByRole('button', { name: '重置加入码' }).click();
	const confirm = card.getByRole('alertdialog', { name: '确认重置加入码？' });
	await expect(confirm).toContainText(`旧加入码 ${backend.joinCode} 立即失效`);
	await confirm.getByRole('button', { name: '取消' }).click();
	await expect(confirm).toBeHidden();
	await expect(card.getByText(backend.joinCode, { exact: true })).toBeVisible();

	// Offline, nothing is reset and the secretary is told so.
	await secretary.context.setOffline(true);
	await card.getByRole('button', { name: '重置加入码' }).click();
	await confirm.getByRole('button', { name: '确认重置' }).click();
	await expect(s.getByRole('alert')).toHaveText('当前离线，加入码没有重置。请联网后再试。');
	await expect(card.getByText(backend.joinCode, { exact: true })).toBeVisible();
	// Opening the page offline says why no code is shown.
	await s.getByRole('link', { name: '支部概况' }).click();
	await s.getByRole('link', { name: '支部加入码' }).click();
	await expect(s.getByRole('status').filter({ hasText: '当前离线' })).toHaveText(
		/当前离线，无法查看支部加入码。请联网后再打开本页。/
	);
	await expect(s.getByText(backend.joinCode, { exact: true })).toBeHidden();
	await secretary.context.setOffline(false);
	await expect(card.getByText(backend.joinCode, { exact: true })).toBeVisible();

	await card.getByRole('button', { name: '重置加入码' }).click();
	await confirm.getByRole('button', { name: '确认重置' }).click();
	await expect(s.getByRole('status').filter({ hasText: '加入码已重置' })).toHaveText(
		'加入码已重置。旧加入码已失效，不能再用于注册。'
	);
	const shown = card.getByText(SERVER_CODE);
	await expect(shown).toBeVisible();
	const code = (await shown.textContent()) ?? '';
	expect(code).not.toBe(backend.joinCode);
	expect((await backend.su.collection('branches').getOne(branch.id)).join_code).toBe(code);

	// A newcomer with the old code is refused in words they can act on.
	const late = await registerWith(browser, backend, backend.joinCode);
	await expect(late.page.getByRole('alert')).toHaveText(
		'加入码无效：请向支部书记确认本支部的加入码。'
	);
	await expect(late.page).toHaveURL(/\/login$/);
	const stray = await backend.su
		.collection('users')
		.getFullList({ filter: backend.su.filter('email = {:e}', { e: late.email }) });
	expect(stray).toEqual([]);

	// With the new code (typed in lower case) they get in, as a member of the branch.
	await late.page.getByLabel('支部加入码').fill(code.toLowerCase());
	await late.page.getByRole('button', { name: '注册并登录' }).click();
	await late.page.waitForURL('**/me');
	const joined = await backend.su
		.collection('users')
		.getFirstListItem(backend.su.filter('email = {:e}', { e: late.email }));
	expect(joined).toMatchObject({ branch: branch.id, role: 'member' });
	await late.context.close();

	// The worker's other tests register with the branch's usual code. (A failed test takes its
	// worker, and this PocketBase, with it; the next worker starts afresh.)
	await backend.su.collection('branches').update(branch.id, { join_code: backend.joinCode });
	await secretary.context.close();
});

test('an admin picks a branch of the organisation and sees its own code', async ({
	browser,
	backend
}) => {
	const admin = await person(browser, backend, 'admin');
	const branch = await testBranch(backend);
	const other = await backend.su.collection('branches').create({
		name: `第二支部${Date.now().toString(36)}`,
		organisation: branch.organisation,
		join_code: `SECOND${Date.now().toString(36).toUpperCase()}`.slice(0, 16)
	});
	const a = admin.page;
	await a.goto(`${backend.url}/studio/branch`);
	await a.locator('html[data-hydrated]').waitFor();
	await expect(
		a.getByRole('region', { name: '测试支部的加入码' }).getByText(backend.joinCode, { exact: true })
	).toBeVisible();
	await a.getByRole('combobox', { name: '支部' }).selectOption({ label: other.name });
	const card = a.getByRole('region', { name: `${other.name}的加入码` });
	await expect(card.getByText(other.join_code, { exact: true })).toBeVisible();
	await expect(a.getByText(backend.joinCode, { exact: true })).toBeHidden();

	// The worker's organisation goes back to its one branch for the other tests.
	await backend.su.collection('branches').delete(other.id);
	await admin.context.close();
});
