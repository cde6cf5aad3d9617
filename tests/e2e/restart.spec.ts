import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { e2eLaunchOptions } from './chromium.js';
import { answer, builtIndex, builtLesson } from './helpers';

test('progress and quiz answers survive closing the browser and starting it again', async ({
	baseURL
}) => {
	const profile = mkdtempSync(join(tmpdir(), 'gongxue-profile-'));
	const lesson = builtLesson(builtIndex().lessons.find((l) => l.questionCount >= 3)!.id);
	const launch = () =>
		chromium.launchPersistentContext(profile, {
			...e2eLaunchOptions,
			baseURL,
			locale: 'zh-CN'
		});
	try {
		let browser = await launch();
		let page = await browser.newPage();
		await page.goto(`/lessons/${lesson.id}`);
		await page.locator('html[data-hydrated]').waitFor();
		await page.getByRole('button', { name: '完成学习' }).click();
		await expect(page.getByRole('status').filter({ hasText: '已完成' })).toBeVisible();
		await page
			.getByRole('region', { name: '课后测验' })
			.getByRole('button', { name: '开始答题' })
			.click();
		await answer(page, lesson.questions[0]!, true);
		await browser.close();

		browser = await launch();
		page = await browser.newPage();
		await page.goto(`/lessons/${lesson.id}`);
		await page.locator('html[data-hydrated]').waitFor();
		await expect(page.getByRole('status').filter({ hasText: '已完成' })).toBeVisible();
		await expect(page.getByRole('region', { name: '课后测验' })).toContainText(
			`第 2 / ${lesson.questions.length} 题`
		);
		await browser.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});
