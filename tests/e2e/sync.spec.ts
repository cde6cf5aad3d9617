import type { Page } from '@playwright/test';
import { serverDay } from '../../src/lib/credits/engine';
import { answer, builtIndex, builtLesson, waitForOfflineReady } from './helpers';
import { expect, register, serverView, test, type Backend } from './server';

const lessons = builtIndex().lessons.filter((l) => l.questionCount >= 3);
const syncStatus = (page: Page) => page.getByRole('status').filter({ hasText: /待同步|已同步/ });

/** Study a lesson on the page: 完成学习, then every quiz question answered right. Returns the events made. */
async function study(page: Page, backend: Backend, index: number): Promise<number> {
	const lesson = builtLesson(lessons[index]!.id);
	await page.goto(`${backend.url}/lessons/${lesson.id}`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByRole('button', { name: '完成学习' }).click();
	const quiz = page.getByRole('region', { name: '课后测验' });
	await quiz.getByRole('button', { name: '开始答题' }).click();
	for (const [i, q] of lesson.questions.entries()) {
		await answer(page, q, true);
		await quiz
			.getByRole('button', { name: i < lesson.questions.length - 1 ? '下一题' : '查看得分' })
			.click();
	}
	return 1 + lesson.questions.length;
}

test('offline study waits as 待同步 N; back online, 立即同步 brings every event once and the totals agree', async ({
	page,
	context,
	backend
}) => {
	const email = await register(page, backend);
	await waitForOfflineReady(page);
	await context.setOffline(true);
	let events = 0;
	for (const i of [0, 1]) events += await study(page, backend, i);
	await expect(syncStatus(page)).toHaveText(`待同步 ${events}`);
	await page.getByRole('navigation').getByRole('link', { name: '我的' }).click();
	await expect(page.getByTestId('points-waiting')).toBeVisible();

	await context.setOffline(false);
	await page.getByRole('button', { name: '立即同步' }).click();
	await expect(syncStatus(page)).toHaveText('已同步');
	const server = await serverView(backend, email);
	expect(server.events).toHaveLength(events);
	expect(server.ids.size).toBe(events);
	await expect(page.getByTestId('points-confirmed')).toHaveText(String(server.points));
});

test('the page is closed mid-push after the server committed: reopened, nothing is counted twice', async ({
	context,
	backend
}) => {
	const page = await context.newPage();
	const email = await register(page, backend);
	await context.setOffline(true);
	await page.goto(`${backend.url}/`);
	const events = await study(page, backend, 2);
	// The batch reaches the server and commits; the page is gone before the answer arrives.
	const closed = new Promise<void>((resolve) => {
		void page.route('**/api/batch', async (route) => {
			await route.fetch();
			await page.close();
			resolve();
		});
	});
	// Coming back online starts the push by itself.
	await context.setOffline(false);
	await closed;
	expect((await serverView(backend, email)).events).toHaveLength(events);

	const again = await context.newPage();
	await again.goto(`${backend.url}/me`);
	await expect(syncStatus(again)).toHaveText('已同步');
	const server = await serverView(backend, email);
	expect(server.events).toHaveLength(events);
	await expect(again.getByTestId('points-confirmed')).toHaveText(String(server.points));
});

test('two tabs push at once: each event reaches the server once', async ({ context, backend }) => {
	const first = await context.newPage();
	const email = await register(first, backend);
	await context.setOffline(true);
	let events = 0;
	for (const i of [3, 4]) events += await study(first, backend, i);
	const second = await context.newPage();
	await second.goto(`${backend.url}/me`);
	await expect(syncStatus(second)).toHaveText(`待同步 ${events}`);
	await context.setOffline(false);
	await Promise.all([
		first.getByRole('button', { name: '立即同步' }).click(),
		second.getByRole('button', { name: '立即同步' }).click()
	]);
	for (const p of [first, second]) await expect(syncStatus(p)).toHaveText('已同步');
	const server = await serverView(backend, email);
	expect(server.events).toHaveLength(events);
	expect(server.ids.size).toBe(events);
});

test('with the phone’s clock a day behind, the server’s day counts and today’s progress shows it', async ({
	page,
	backend
}) => {
	await page.clock.install({ time: Date.now() - 86_400_000 });
	const email = await register(page, backend);
	const events = await study(page, backend, 5);
	await page.goto(`${backend.url}/me`);
	await page.getByRole('button', { name: '立即同步' }).click();
	await expect(syncStatus(page)).toHaveText('已同步');
	const server = await serverView(backend, email);
	expect(server.events).toHaveLength(events);
	expect(new Set(server.events.map((e) => e.server_day))).toEqual(new Set([serverDay(Date.now())]));
	const answers = server.events
		.filter((e) => e.type === 'quiz.answered')
		.reduce((s, e) => s + e.points, 0);
	await expect(page.getByText(`${answers} / 10 分`)).toBeVisible();
	await expect(page.getByTestId('points-confirmed')).toHaveText(String(server.points));
});

test('signing out with events waiting warns first and keeps them for the next sign-in', async ({
	page,
	context,
	backend
}) => {
	const email = await register(page, backend);
	await context.setOffline(true);
	const events = await study(page, backend, 6);
	await page.goto(`${backend.url}/me`);
	await page.getByRole('button', { name: '退出登录' }).click();
	await expect(page.getByRole('alertdialog')).toContainText(`还有 ${events} 条学习记录没有同步`);
	await page.getByRole('button', { name: '仍然退出' }).click();
	await expect(page.getByRole('link', { name: '登录' }).first()).toBeVisible();

	await context.setOffline(false);
	await page.goto(`${backend.url}/login`);
	await page.locator('html[data-hydrated]').waitFor();
	await page.getByLabel('邮箱').fill(email);
	await page.getByLabel('密码').fill('member-password-123');
	await page.getByRole('button', { name: '登录', exact: true }).last().click();
	await page.waitForURL('**/me');
	await expect(syncStatus(page)).toHaveText('已同步');
	expect((await serverView(backend, email)).events).toHaveLength(events);
});

test('500 and 429 answers keep every event waiting; the device retries and delivers them once', async ({
	page,
	context,
	backend
}) => {
	await page.clock.install();
	const email = await register(page, backend);
	await context.setOffline(true);
	const events = await study(page, backend, 7);
	const faults = [500, 429];
	await page.route('**/api/batch', (route) => {
		const status = faults.shift();
		if (status === undefined) return route.continue();
		return route.fulfill({
			status,
			contentType: 'application/json',
			body: JSON.stringify({ status, message: 'x', data: {} })
		});
	});
	await context.setOffline(false);
	// The device waits out its backoff by its own clock: let that clock run ahead.
	await expect
		.poll(
			async () => {
				await page.clock.fastForward(2_000);
				return syncStatus(page).textContent();
			},
			{ timeout: 30_000 }
		)
		.toBe('已同步');
	expect(faults).toEqual([]);
	const server = await serverView(backend, email);
	expect(server.events).toHaveLength(events);
	expect(server.ids.size).toBe(events);
});

test('PocketBase restarted mid-push: the device retries by itself and every event lands once', async ({
	page,
	backend
}) => {
	const email = await register(page, backend);
	let events = 0;
	for (const i of [8, 9]) events += await study(page, backend, i);
	// The first push reaches the server; then the server is killed and comes back, and the
	// device only sees its connection reset. Its own retry (with backoff) must finish the job.
	let first = true;
	await page.route('**/api/batch', async (route) => {
		if (!first) return route.continue();
		first = false;
		await route.fetch().catch(() => undefined);
		await backend.restart();
		await route.abort('connectionreset');
	});
	await page.getByRole('button', { name: '立即同步' }).click();
	await expect(syncStatus(page)).toHaveText('已同步', { timeout: 30_000 });
	const server = await serverView(backend, email);
	expect(server.events).toHaveLength(events);
	expect(server.ids.size).toBe(events);
});
