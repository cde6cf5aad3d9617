import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtIndex, open, signalOffline, waitForOfflineReady } from './helpers';

const index = builtIndex();

test('after the first visit, any lesson opens offline by its URL, even one never visited', async ({
	page,
	context
}) => {
	await open(page, '/');
	await waitForOfflineReady(page);
	await context.setOffline(true);

	for (const lesson of [index.lessons.at(-1)!, index.lessons[1]!]) {
		await open(page, `/lessons/${lesson.id}`);
		await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
		await expect(page.getByRole('button', { name: '完成学习' })).toBeVisible();
	}
	await open(page, '/me');
	await expect(page.getByRole('heading', { level: 1, name: '我的' })).toBeVisible();
	await open(page, '/lessons');
	await expect(page.getByRole('listitem')).toHaveCount(index.lessons.length);
	await signalOffline(context);
	await expect(page.getByText('当前离线')).toBeVisible();
});

test('offline before the app is installed, a page never opened says so in Chinese and opens when the network returns', async ({
	browser
}) => {
	// No service worker: the app is not installed on this device yet.
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await open(page, '/lessons');
	await context.setOffline(true);
	await page
		.getByRole('navigation', { name: '主导航' })
		.getByRole('link', { name: '排行' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: '这一页暂时打不开' })).toBeVisible();
	await expect(
		page.getByText('这一页还没有保存到本机，需要联网才能打开。联网后会自动重新打开。')
	).toBeVisible();
	await expect(page.getByRole('button', { name: '重试' })).toBeHidden();
	await context.setOffline(false);
	await expect(page.getByRole('heading', { level: 1, name: '排行' })).toBeVisible();
	await expect(page).toHaveURL(/\/leaderboard$/);
	await context.close();
});

test('a lesson URL that does not exist says so in Chinese', async ({ page }) => {
	await open(page, '/lessons/no-such-lesson');
	await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
	await expect(page.getByText('没有找到这节课')).toBeVisible();
});

test('the first visit keeps the app offline without downloading the studio’s .docx and .xlsx libraries', async ({
	page
}) => {
	await open(page, '/');
	await waitForOfflineReady(page);
	const onDemand: string[] = JSON.parse(readFileSync('build/_app/on-demand.json', 'utf8'));
	expect(onDemand.length).toBeGreaterThan(0);
	const cached = await page.evaluate(async () => {
		const name = (await caches.keys()).find(
			(k) => k.startsWith('gongxue-') && k !== 'gongxue-media'
		);
		const cache = await caches.open(name!);
		return (await cache.keys()).map((r) => new URL(r.url).pathname);
	});
	expect(cached).toContain('/200.html');
	expect(cached.filter((p) => p.startsWith('/_app/immutable/')).length).toBeGreaterThan(10);
	for (const chunk of onDemand) expect(cached).not.toContain(chunk);
});
