// Rating lessons in Chromium against a real PocketBase serving the built app: a member rates a
// lesson shared in the branch and changes their rating; its author and the branch secretary
// read the mean, the count and the comments in the studio; a member without a network is told
// their rating is not sent, and what they wrote survives a reload and goes once they are online.
import type { Page } from '@playwright/test';
import { builtIndex, open, waitForOfflineReady } from './helpers';
import { expect, makeUser, PASSWORD, person, test, type Backend, signedIn } from './server';

const card = (page: Page) => page.getByRole('region', { name: '评价这节课' });
/** Today on the server's clock (China time), as the studio dates feedback. */
const today = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** A member of the test branch who only uses the API (another device). */
const colleague = (backend: Backend) => makeUser(backend, 'member', '同支部党员');

test('a member rates a shared lesson with a comment and changes it; the author and the secretary read it in the studio', async ({
	browser,
	backend
}) => {
	const author = await person(browser, backend, 'member');
	const secretary = await person(browser, backend, 'secretary');
	const rater = await person(browser, backend, 'member');
	const other = await colleague(backend);

	// The author shares a lesson and the secretary publishes it to the branch.
	const id = `pingjia-${Date.now().toString(36)}`;
	const title = '我在项目组当党员';
	const lesson = await (await signedIn(backend, author.email)).collection('lessons').create({
		text: `---\nid: ${id}\ntitle: ${title}\ncategory: 党员故事\n---\n\n上线前夜的故事。\n`
	});
	await (
		await signedIn(backend, author.email)
	).send(`/api/gongxue/lessons/${lesson.id}/review`, {
		method: 'POST',
		body: { action: 'submit' }
	});
	await (
		await signedIn(backend, secretary.email)
	).send(`/api/gongxue/lessons/${lesson.id}/review`, {
		method: 'POST',
		body: { action: 'publish' }
	});

	// The member rates it at the end of the lesson.
	const p = rater.page;
	await p.getByRole('button', { name: '立即同步' }).click();
	await p.getByRole('navigation').getByRole('link', { name: '课程' }).click();
	await p.getByRole('link', { name: new RegExp(title) }).click();
	await expect(p.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const c = card(p);
	await expect(c.getByRole('button', { name: '提交' })).toBeDisabled();
	await c.getByRole('radio', { name: '4 星' }).check();
	await c.getByLabel('留言（可选）').fill('结合工作实际，讲得很透');
	await c.getByRole('button', { name: '提交' }).click();
	await expect(c.getByRole('status')).toContainText('已评价');
	await expect(c.getByRole('img', { name: '4 星' })).toBeVisible();
	await expect(c.getByText('结合工作实际，讲得很透')).toBeVisible();

	// They change it; opened again, the page shows their rating as the server has it.
	await c.getByRole('button', { name: '修改评价' }).click();
	await expect(c.getByRole('radio', { name: '4 星' })).toBeChecked();
	await c.getByRole('radio', { name: '5 星' }).check();
	await c.getByRole('button', { name: '提交' }).click();
	await expect(c.getByRole('img', { name: '5 星' })).toBeVisible();
	await p.reload();
	await p.locator('html[data-hydrated]').waitFor();
	await expect(card(p).getByRole('status')).toContainText('已评价');
	await expect(card(p).getByRole('img', { name: '5 星' })).toBeVisible();
	await expect(card(p).getByText('结合工作实际，讲得很透')).toBeVisible();
	const stored = await backend.su
		.collection('feedback')
		.getFullList({ filter: `lesson = "${lesson.id}"` });
	expect(stored.map((r) => [r.user, r.rating, r.comment])).toEqual([
		[rater.id, 5, '结合工作实际，讲得很透']
	]);

	// Another member rates it 3 from their own device.
	await (
		await signedIn(backend, other.email)
	)
		.collection('feedback')
		.create({ lesson: lesson.id, user: other.id, rating: 3, comment: '' });

	// The author sees the mean and the count, and opens the comments.
	const a = author.page;
	await open(a, `${backend.url}/studio`);
	const row = a
		.getByRole('region', { name: '我写的课程' })
		.getByRole('listitem')
		.filter({ hasText: title });
	await expect(row).toContainText('4.0 分 · 2 人评价');
	await row.getByRole('button', { name: '查看评价' }).click();
	const list = a.getByRole('region', { name: `“${title}”的评价` });
	const entries = list.getByRole('listitem');
	await expect(entries).toHaveCount(2);
	await expect(entries.nth(0)).toContainText(other.name);
	await expect(entries.nth(0).getByRole('img', { name: '3 星' })).toBeVisible();
	const mine = entries.filter({ hasText: rater.name });
	await expect(mine.getByRole('img', { name: '5 星' })).toBeVisible();
	await expect(mine).toContainText('结合工作实际，讲得很透');
	await expect(mine).toContainText(today());
	await row.getByRole('button', { name: '收起评价' }).click();
	await expect(list).toBeHidden();

	// So does the branch secretary, among the branch's published lessons.
	const s = secretary.page;
	await open(s, `${backend.url}/studio`);
	const published = s
		.getByRole('region', { name: '已发布' })
		.getByRole('listitem')
		.filter({ hasText: title });
	await expect(published).toContainText('4.0 分 · 2 人评价');
	await published.getByRole('button', { name: '查看评价' }).click();
	await expect(
		s.getByRole('region', { name: `“${title}”的评价` }).getByText('结合工作实际，讲得很透')
	).toBeVisible();
	await Promise.all([author.context.close(), secretary.context.close(), rater.context.close()]);
});

test('offline, a member is told their rating is not sent; what they wrote survives a reload and is sent once online', async ({
	browser,
	backend
}) => {
	const member = await person(browser, backend, 'member', { offline: true });
	const p = member.page;
	const lessonId = builtIndex().lessons[0]!.id;
	await open(p, `${backend.url}/lessons/${lessonId}`);
	await waitForOfflineReady(p);
	const c = card(p);
	await expect(c.getByRole('button', { name: '提交' })).toBeVisible();

	await member.context.setOffline(true);
	await expect(c.getByText('当前离线')).toBeVisible();
	await c.getByRole('radio', { name: '2 星' }).check();
	await c.getByLabel('留言（可选）').fill('案例可以再多一些');
	await c.getByRole('button', { name: '提交' }).click();
	await expect(c.getByRole('alert')).toContainText('没有网络，评价还没有提交');

	// Reopened with no network, the card still holds the rating and the comment.
	await p.reload();
	await p.locator('html[data-hydrated]').waitFor();
	await expect(card(p).getByRole('radio', { name: '2 星' })).toBeChecked();
	await expect(card(p).getByLabel('留言（可选）')).toHaveValue('案例可以再多一些');
	await expect(card(p).getByRole('alert')).toContainText('已写的内容保存在本机');
	await expect(card(p).getByRole('button', { name: '重新提交' })).toBeVisible();
	const sent = () =>
		backend.su
			.collection('feedback')
			.getFullList({ filter: `user = "${member.id}" && lesson.lesson_id = "${lessonId}"` });
	expect(await sent()).toEqual([]);

	// Back online, it goes by itself.
	await member.context.setOffline(false);
	await expect(card(p).getByRole('status')).toContainText('已评价');
	await expect(card(p).getByRole('img', { name: '2 星' })).toBeVisible();
	expect((await sent()).map((r) => [r.rating, r.comment])).toEqual([[2, '案例可以再多一些']]);
	await member.context.close();
});

test('signed out, a member is asked to sign in and what they wrote waits for them', async ({
	browser,
	backend
}) => {
	const member = await person(browser, backend, 'member');
	const p = member.page;
	const lessonId = builtIndex().lessons[0]!.id;
	await open(p, `${backend.url}/me`);
	await p.getByRole('button', { name: '退出登录' }).click();
	await expect(p.getByRole('button', { name: '退出登录' })).toBeHidden();
	await open(p, `${backend.url}/lessons/${lessonId}`);
	const c = card(p);
	await expect(c).toContainText('登录后可以评价这节课');
	await c.getByRole('radio', { name: '3 星' }).check();
	await c.getByLabel('留言（可选）').fill('希望多讲讲基层支部的做法');
	await c.getByRole('button', { name: '提交' }).click();
	await expect(c.getByRole('alert')).toContainText('请先登录再提交评价');

	await c.getByRole('link', { name: '去登录' }).click();
	await p.locator('html[data-hydrated]').waitFor();
	await p.getByLabel('邮箱').fill(member.email);
	await p.getByLabel('密码').fill(PASSWORD);
	await p.getByRole('button', { name: '登录', exact: true }).click();
	await p.waitForURL('**/me');
	await open(p, `${backend.url}/lessons/${lessonId}`);
	await expect(card(p).getByLabel('留言（可选）')).toHaveValue('希望多讲讲基层支部的做法');
	await expect(card(p).getByRole('radio', { name: '3 星' })).toBeChecked();
	await card(p).getByRole('button', { name: '重新提交' }).click();
	await expect(card(p).getByRole('status')).toContainText('已评价');
	await expect(card(p).getByRole('img', { name: '3 星' })).toBeVisible();
	await member.context.close();
});
